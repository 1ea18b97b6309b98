// "Check All Drafts in the Workspace": every draft with an annotation file gets its problems in the
// Problems panel, open or not, the way `editorial-annotations check` would list them. The store only
// keeps open documents current by itself, so drafts checked here are checked again, quietly, when
// something they depend on changes (settings, annotation files, the project config) or when a draft
// that was opened is closed again.
import * as path from 'path';
import * as vscode from 'vscode';
import { DRAFT_EXTENSIONS, isYamlPath } from '../core/discovery';
import { affectsAnalysis } from './config';
import { isShownInTab, type AnalysisStore } from './analysisStore';
import { workspaceFileHost } from './fileHost';

export const CHECK_WORKSPACE_COMMAND = 'editorialAnnotations.checkWorkspace';

/** After the store's own re-analysis of open documents (its delay is 300 ms by default). */
const RECHECK_DELAY_MS = 1000;

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
  /** Drafts the command checked: kept current until the window closes. */
  const checked = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: vscode.CancellationTokenSource | undefined;

  const annotated = (): number => [...checked].filter((draft) => store.latest(draft) !== undefined).length;

  const checkAll = (): Thenable<WorkspaceCheckResult> =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Editorial Annotations: checking drafts', cancellable: true },
      async (progress, token) => {
        running?.cancel();
        const drafts = await draftsInWorkspace();
        let done = 0;
        await store.analyzeInBackground(drafts, token, (draft) => {
          checked.add(draft);
          done++;
          progress.report({ increment: 100 / drafts.length, message: `${done} of ${drafts.length}: ${path.basename(draft)}` });
        });
        const result = { drafts: annotated(), cancelled: token.isCancellationRequested };
        const summary = result.drafts === 0 ? 'no draft in the workspace has an annotation file' : `${result.drafts} annotated draft${result.drafts === 1 ? '' : 's'} checked`;
        vscode.window.setStatusBarMessage(`Editorial Annotations: ${summary}${result.cancelled ? ' before you cancelled' : ''}`, 5000);
        return result;
      },
    );

  const recheckSoon = (): void => {
    if (checked.size === 0) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running?.cancel();
      const source = new vscode.CancellationTokenSource();
      running = source;
      // Drafts shown in a tab are the store's to keep current.
      const hidden = [...checked].filter((draft) => !isShownInTab(draft));
      void store.analyzeInBackground(hidden, source.token).finally(() => source.dispose());
    }, RECHECK_DELAY_MS);
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.yaml,*.yml,*.txt,*.md,package.json}');
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, checkAll),
    watcher,
    watcher.onDidCreate(recheckSoon),
    watcher.onDidChange(recheckSoon),
    watcher.onDidDelete(recheckSoon),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsAnalysis(event)) recheckSoon();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const file = event.document.uri.fsPath;
      if (event.contentChanges.length > 0 && (isYamlPath(file) || path.basename(file) === 'package.json')) recheckSoon();
    }),
    // Closing a draft drops its problems from the store; a checked draft gets them back.
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (checked.has(document.uri.fsPath)) recheckSoon();
    }),
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      if (event.closed.some((tab) => tab.input instanceof vscode.TabInputText && checked.has(tab.input.uri.fsPath))) recheckSoon();
    }),
    {
      dispose: () => {
        clearTimeout(timer);
        running?.cancel();
      },
    },
  );
}
