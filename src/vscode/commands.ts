// Commands: reveal a span (used by the tree), re-analyse, open the annotation file, toggle decorations.
import * as vscode from 'vscode';
import { decorationsEnabled, saveSwitchedSetting } from './config';
import type { AnalysisStore } from './analysisStore';
import { revealOffsets } from './ranges';

export const REVEAL_COMMAND = 'editorialAnnotations.reveal';
export const REFRESH_COMMAND = 'editorialAnnotations.refresh';
export const OPEN_ANNOTATION_FILE_COMMAND = 'editorialAnnotations.openAnnotationFile';
export const TOGGLE_DECORATIONS_COMMAND = 'editorialAnnotations.toggleDecorations';

async function openAnnotationFile(store: AnalysisStore): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Open a draft first: its annotation file is the one beside it.');
    return;
  }
  const analysis = await store.current(document);
  if (!analysis) {
    void vscode.window.showInformationMessage(
      `${vscode.workspace.asRelativePath(document.uri)} has no annotation file. Create one in the annotations folder with the draft's name.`,
    );
    return;
  }
  await vscode.window.showTextDocument(vscode.Uri.file(analysis.annotations.file), { viewColumn: vscode.ViewColumn.Beside });
}

export function registerCommands(store: AnalysisStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(REVEAL_COMMAND, (file: string, start: number, end: number) => revealOffsets(file, { start, end })),
    vscode.commands.registerCommand(REFRESH_COMMAND, () => store.reset()),
    vscode.commands.registerCommand(OPEN_ANNOTATION_FILE_COMMAND, () => openAnnotationFile(store)),
    vscode.commands.registerCommand(TOGGLE_DECORATIONS_COMMAND, async () => {
      // Read for the draft in view: a value set for its folder or workspace is the one to switch.
      const scope = vscode.window.activeTextEditor?.document.uri;
      await saveSwitchedSetting('decorations.enabled', !decorationsEnabled(scope), scope);
    }),
  );
}
