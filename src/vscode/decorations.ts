// Decorations in the draft: entity mentions underlined by type, claims tinted. Off with a setting.
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import type { AnalysisStore } from './analysisStore';
import { readSettings, SECTION } from './config';
import { documentRange } from './ranges';

const MENTION_COLOURS: Record<string, string> = {
  person: 'editorialAnnotations.personMention',
  organization: 'editorialAnnotations.organizationMention',
  place: 'editorialAnnotations.placeMention',
};
const OTHER_MENTION_COLOUR = 'editorialAnnotations.otherMention';

function mentionDecoration(colour: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor(colour),
  });
}

export function registerDecorations(store: AnalysisStore): vscode.Disposable {
  const mentionTypes = new Map<string, vscode.TextEditorDecorationType>();
  for (const colour of [...Object.values(MENTION_COLOURS), OTHER_MENTION_COLOUR]) mentionTypes.set(colour, mentionDecoration(colour));
  const claimType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editorialAnnotations.claimBackground'),
    borderRadius: '2px',
  });
  const allTypes = [...mentionTypes.values(), claimType];

  const decorate = (editor: vscode.TextEditor): void => {
    const file = editor.document.uri.fsPath;
    const analysis: Analysis | undefined = store.all().find((candidate) => candidate.draft?.path === file);
    const enabled = readSettings(editor.document.uri).decorations;
    // Ranges computed on another version of the text would land on the wrong words.
    if (!enabled || !analysis?.draft || analysis.draft.text !== editor.document.getText()) {
      for (const type of allTypes) editor.setDecorations(type, []);
      return;
    }
    const byColour = new Map<string, vscode.Range[]>();
    for (const mention of analysis.mentions) {
      const entity = analysis.entities.get(mention.entityId);
      const colour = MENTION_COLOURS[entity?.type ?? 'other'] ?? OTHER_MENTION_COLOUR;
      const list = byColour.get(colour) ?? [];
      list.push(documentRange(editor.document, mention.range));
      byColour.set(colour, list);
    }
    for (const [colour, type] of mentionTypes) editor.setDecorations(type, byColour.get(colour) ?? []);
    editor.setDecorations(
      claimType,
      analysis.claims.flatMap((anchored) => (anchored.range ? [documentRange(editor.document, anchored.range)] : [])),
    );
  };
  const decorateAll = (): void => vscode.window.visibleTextEditors.forEach(decorate);

  return vscode.Disposable.from(
    ...allTypes,
    store.onDidChange(decorateAll),
    vscode.window.onDidChangeVisibleTextEditors(decorateAll),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.decorations`)) decorateAll();
    }),
  );
}
