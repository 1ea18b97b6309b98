// Decorations in the draft: entity mentions underlined by type, claims tinted. Off with a setting.
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import type { AnalysisStore } from './analysisStore';
import { decorationsEnabled, SECTION } from './config';
import { documentRange } from './ranges';

const MENTION_COLOURS: Record<string, string> = {
  person: 'editorialAnnotations.personMention',
  organization: 'editorialAnnotations.organizationMention',
  place: 'editorialAnnotations.placeMention',
};
const OTHER_MENTION_COLOUR = 'editorialAnnotations.otherMention';

/** Claims are tinted by kind: what was said, what is asserted, what is alleged, what is judged. */
const CLAIM_COLOURS: Record<string, string> = {
  'direct-quote': 'editorialAnnotations.quoteBackground',
  paraphrase: 'editorialAnnotations.paraphraseBackground',
  fact: 'editorialAnnotations.factBackground',
  statistic: 'editorialAnnotations.factBackground',
  allegation: 'editorialAnnotations.allegationBackground',
  opinion: 'editorialAnnotations.opinionBackground',
  prediction: 'editorialAnnotations.opinionBackground',
};
const OTHER_CLAIM_COLOUR = 'editorialAnnotations.claimBackground';

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
  const claimTypes = new Map<string, vscode.TextEditorDecorationType>();
  for (const colour of new Set([...Object.values(CLAIM_COLOURS), OTHER_CLAIM_COLOUR])) {
    claimTypes.set(colour, vscode.window.createTextEditorDecorationType({ backgroundColor: new vscode.ThemeColor(colour), borderRadius: '2px' }));
  }
  const allTypes = [...mentionTypes.values(), ...claimTypes.values()];

  const decorate = (editor: vscode.TextEditor): void => {
    const file = editor.document.uri.fsPath;
    const analysis: Analysis | undefined = store.draftAnalysis(file);
    const enabled = decorationsEnabled(editor.document.uri);
    if (!enabled || !analysis?.draft) {
      for (const type of allTypes) editor.setDecorations(type, []);
      return;
    }
    // The user typed since this analysis: its offsets would land on the wrong words. The decorations
    // already shown move with the edits (VS Code tracks them), so they stay until the next analysis.
    if (analysis.draft.text !== editor.document.getText()) return;
    const byColour = new Map<string, vscode.Range[]>();
    for (const mention of analysis.mentions) {
      const entity = analysis.entities.get(mention.entityId);
      const colour = MENTION_COLOURS[entity?.type ?? 'other'] ?? OTHER_MENTION_COLOUR;
      const list = byColour.get(colour) ?? [];
      list.push(documentRange(editor.document, mention.range));
      byColour.set(colour, list);
    }
    for (const [colour, type] of mentionTypes) editor.setDecorations(type, byColour.get(colour) ?? []);
    const claimsByColour = new Map<string, vscode.Range[]>();
    for (const anchored of analysis.claims) {
      if (!anchored.range) continue;
      const colour = CLAIM_COLOURS[anchored.claim.type] ?? OTHER_CLAIM_COLOUR;
      const list = claimsByColour.get(colour) ?? [];
      list.push(documentRange(editor.document, anchored.range));
      claimsByColour.set(colour, list);
    }
    for (const [colour, type] of claimTypes) editor.setDecorations(type, claimsByColour.get(colour) ?? []);
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
