// "Check All Drafts in the Workspace": every draft with an annotation file gets its problems in the
// Problems panel, open or not, the way `editorial-annotations check` would list them. The store keeps
// the drafts checked here current from then on, as it keeps open documents: when something they read
// changes (their annotation file, the registry, the draft on disk, settings, the project config) or
// when a draft that was opened is closed again, until "Clear Problems of Closed Drafts" puts them away.
import * as path from 'path';
import * as vscode from 'vscode';
import { DRAFT_EXTENSIONS } from '../core/discovery';
import { plural } from '../core/plural';
import type { AnalysisStore } from './analysisStore';
import { workspaceFileHost } from './fileHost';

export const CHECK_WORKSPACE_COMMAND = 'editorialAnnotations.checkWorkspace';
/** Puts the check away: the problems of the drafts no editor shows leave the Problems panel. */
export const CLEAR_WORKSPACE_CHECK_COMMAND = 'editorialAnnotations.clearWorkspaceCheck';
/** Set while drafts checked by the command are kept current: the palette offers to clear them then. */
const WORKSPACE_CHECKED_CONTEXT = 'editorialAnnotations.workspaceChecked';

export interface WorkspaceCheckResult {
  /** Drafts that have an annotation file, now in the Problems panel. */
  readonly drafts: number;
  readonly cancelled: boolean;
}

async function draftsInWorkspace(): Promise<string[]> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  const lists = await Promise.all(folders.map((folder) => workspaceFileHost.listFiles(folder.uri.fsPath, DRAFT_EXTENSIONS)));
  return [...new Set(lists.flat())].sort();
}

export function registerCheckWorkspace(store: AnalysisStore): vscode.Disposable {
  const annotated = (): number => [...store.checkedDrafts].filter((draft) => store.latest(draft) !== undefined).length;
  /** The checks under way, each stopped by the user's Cancel or by Clear (which may come while the drafts are being listed). */
  const running = new Set<vscode.CancellationTokenSource>();

  const checkAll = (): Thenable<WorkspaceCheckResult> =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Editorial Annotations: checking drafts', cancellable: true },
      async (progress, token) => {
        const stop = new vscode.CancellationTokenSource();
        const cancelled = token.onCancellationRequested(() => stop.cancel());
        running.add(stop);
        try {
          const drafts = await draftsInWorkspace();
          let done = 0;
          await store.check(drafts, stop.token, (draft) => {
            done++;
            progress.report({ increment: 100 / drafts.length, message: `${done} of ${drafts.length}: ${path.basename(draft)}` });
          });
          // Cleared meanwhile: nothing is kept, and Clear said so.
          if (stop.token.isCancellationRequested && !token.isCancellationRequested) return { drafts: 0, cancelled: true };
        } finally {
          running.delete(stop);
          cancelled.dispose();
          stop.dispose();
        }
        const result = { drafts: annotated(), cancelled: token.isCancellationRequested };
        // Something to clear: drafts with problems or none, kept current.
        void vscode.commands.executeCommand('setContext', WORKSPACE_CHECKED_CONTEXT, result.drafts > 0);
        // Cancelled before any draft with an annotation file came up: that says nothing of the workspace.
        const summary = result.cancelled
          ? `${plural(result.drafts, 'annotated draft')} checked before you cancelled`
          : result.drafts === 0
            ? 'no draft in the workspace has an annotation file'
            : `${plural(result.drafts, 'annotated draft')} checked`;
        vscode.window.setStatusBarMessage(`Editorial Annotations: ${summary}`, 5000);
        return result;
      },
    );

  const clear = (): number => {
    for (const check of running) check.cancel();
    const cleared = store.stopChecking();
    void vscode.commands.executeCommand('setContext', WORKSPACE_CHECKED_CONTEXT, false);
    vscode.window.setStatusBarMessage(`Editorial Annotations: problems of ${plural(cleared, 'closed draft')} cleared`, 5000);
    return cleared;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, checkAll),
    vscode.commands.registerCommand(CLEAR_WORKSPACE_CHECK_COMMAND, clear),
  );
}
