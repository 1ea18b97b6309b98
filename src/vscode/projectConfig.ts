// The project config in the editor: each workspace folder's `.editorial-annotations.yaml` (or package.json
// key), found from the folder upwards as the CLI finds it, read again when it changes, and handed to
// config.ts so that the editor flags what the newsroom's pipeline flags. A broken config is reported
// once and ignored until fixed: the editor keeps working on the defaults and the user's settings.
import * as path from 'path';
import * as vscode from 'vscode';
import { findProjectConfig, formatProblem, PACKAGE_JSON_KEY, PROJECT_CONFIG_FILES, type ProjectConfig } from '../core/projectConfig';
import type { AnalysisStore } from './analysisStore';
import { setProjectLayers } from './config';
import { workspaceFileHost } from './fileHost';

const CONFIG_NAMES = new Set<string>([...PROJECT_CONFIG_FILES, 'package.json']);
/** Edits of an open config count once typing pauses. */
const RELOAD_DELAY_MS = 300;

/**
 * Reads the project configs now and whenever they change; a change re-analyses everything. `ready`
 * resolves once the first reading is done, which analyses nothing: activate starts the analyses then.
 */
export function registerProjectConfig(store: AnalysisStore, log: vscode.OutputChannel): { readonly disposable: vscode.Disposable; readonly ready: Promise<void> } {
  let generation = 0;
  let applied = JSON.stringify([]);
  const warned = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Reads the configs; true when what applies changed. */
  const load = async (): Promise<boolean> => {
    const current = ++generation;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    const results = await Promise.all(folders.map((folder) => findProjectConfig(workspaceFileHost, folder.uri.fsPath)));
    if (current !== generation) return false;
    const layers = new Map<string, ProjectConfig>();
    results.forEach((result, index) => {
      const folder = folders[index];
      if (result.kind === 'found') {
        layers.set(folder.uri.fsPath, result.config);
      } else if (result.kind === 'invalid') {
        const details = result.problems.map((problem) => formatProblem(problem));
        const key = details.join('\n');
        for (const line of details) log.appendLine(`[warning] project config: ${line}`);
        if (!warned.has(key)) {
          warned.add(key);
          void warnAboutConfig(result.file, result.problems.length, result.problems[0]?.line);
        }
      }
    });
    const key = JSON.stringify([...layers]);
    if (key === applied) return false;
    applied = key;
    for (const [folder, config] of layers) log.appendLine(`project config of ${path.basename(folder)}: ${config.file}`);
    setProjectLayers(layers);
    return true;
  };
  const logError = (error: unknown): void => log.appendLine(`[error] reading the project config: ${error instanceof Error ? error.message : String(error)}`);
  const reloadSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      load().then((changed) => {
        if (changed) store.reset();
      }, logError);
    }, RELOAD_DELAY_MS);
  };

  const watcher = vscode.workspace.createFileSystemWatcher(`**/{${[...CONFIG_NAMES].join(',')}}`);
  const ready = load().then(() => undefined, logError);
  const disposable = vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(reloadSoon),
    watcher.onDidChange(reloadSoon),
    watcher.onDidDelete(reloadSoon),
    vscode.workspace.onDidChangeWorkspaceFolders(reloadSoon),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && CONFIG_NAMES.has(path.basename(event.document.uri.fsPath))) reloadSoon();
    }),
    { dispose: () => clearTimeout(timer) },
  );
  return { disposable, ready };
}

async function warnAboutConfig(file: string, count: number, line: number | undefined): Promise<void> {
  const where = path.basename(file) === 'package.json' ? `the "${PACKAGE_JSON_KEY}" key of ${vscode.workspace.asRelativePath(file)}` : vscode.workspace.asRelativePath(file);
  const open = 'Open the Config';
  const choice = await vscode.window.showWarningMessage(
    `Editorial Annotations: ${where} has ${count === 1 ? 'a mistake' : `${count} mistakes`} (see the Output panel) and is ignored until it is fixed.`,
    open,
  );
  if (choice !== open) return;
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
  if (line !== undefined) {
    const position = new vscode.Position(line - 1, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position));
  }
}
