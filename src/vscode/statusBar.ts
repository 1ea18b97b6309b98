// "N unattributed" in the status bar while an annotated draft is active; a click opens the Problems view.
import * as vscode from 'vscode';
import { isUnattributed } from '../core/findings/attribution';
import { plural } from '../core/plural';
import type { AnalysisStore } from './analysisStore';

export const SHOW_PROBLEMS_COMMAND = 'editorialAnnotations.showProblems';

export function registerStatusBar(store: AnalysisStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('editorialAnnotations.unattributed', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Editorial Annotations: unattributed claims';
  item.command = SHOW_PROBLEMS_COMMAND;
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document ? store.draftAnalysis(document.uri.fsPath) : undefined;
    if (!analysis?.draft) {
      item.hide();
      return;
    }
    const inDraft = analysis.findings.filter((finding) => finding.file === analysis.draft!.path);
    // As the sign-off report counts them: a claim whose only source is a misspelt id is attributed to nobody too.
    const unattributed = analysis.claims.filter(({ claim, range }) => range && isUnattributed(analysis, claim)).length;
    const warnings = inDraft.filter((finding) => finding.severity === 'warning' || finding.severity === 'error').length;
    item.text = unattributed > 0 ? `$(warning) ${unattributed} unattributed` : '$(check) all attributed';
    item.tooltip = `${plural(unattributed, 'unattributed claim')}, ${plural(warnings, 'sourcing warning')} in this draft. Click for the Problems view.`;
    item.backgroundColor = unattributed > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    store.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.commands.registerCommand(SHOW_PROBLEMS_COMMAND, () => vscode.commands.executeCommand('workbench.actions.view.problems')),
  );
}
