// Editorial Annotations: activate() builds the analysis store and registers each feature.
// First: the clock starts before the rest of the bundle is evaluated.
import { bundleEvaluationStart } from './loadClock';
import * as vscode from 'vscode';
import type { Analysis } from './core/analysis';
import { SETTLED_COMMAND } from './vscode/testHooks';
import { AnalysisStore, filesShownBy, isShownInTab } from './vscode/analysisStore';
import { registerAnnotateCommands } from './vscode/annotateCommands';
import { AnnotationFilesWatcher } from './vscode/annotationFilesWatcher';
import { openDocument } from './vscode/fileHost';
import { registerCheckWorkspace } from './vscode/checkWorkspace';
import { registerCodeActions } from './vscode/codeActions';
import { registerCommands } from './vscode/commands';
import { affectsAnalysis } from './vscode/config';
import { registerDecorations } from './vscode/decorations';
import { registerDiagnostics } from './vscode/diagnostics';
import { registerDocumentSymbols } from './vscode/documentSymbols';
import { registerHover } from './vscode/hover';
import { registerStatusBar } from './vscode/statusBar';
import { registerProjectConfig } from './vscode/projectConfig';
import { registerTreeView, type AnnotationTreeProvider } from './vscode/treeView';
import { registerWalkthrough } from './vscode/walkthrough';
import { registerYamlCompletion } from './vscode/yamlCompletion';
import { registerYamlHover } from './vscode/yamlHover';
import { registerYamlNavigation } from './vscode/yamlNavigation';

/** What the extension exports, for its integration tests and for other extensions. */
export interface EditorialAnnotationsApi {
  /** The analysis of an open draft as it is now (pending re-analysis run first). */
  analysisOf(document: vscode.TextDocument): Promise<Analysis | undefined>;
  readonly tree: AnnotationTreeProvider;
  /** What activating cost, in milliseconds: evaluating the bundle, then activate() itself. */
  readonly activation: { readonly loading: number; readonly activating: number };
}

export function activate(context: vscode.ExtensionContext): EditorialAnnotationsApi {
  const activateStart = performance.now();
  const log = vscode.window.createOutputChannel('Editorial Annotations');
  const store = new AnalysisStore(log);
  const watcher = new AnnotationFilesWatcher();
  const tree = registerTreeView(store);
  const projectConfig = registerProjectConfig(store, log);
  context.subscriptions.push(
    log,
    store,
    watcher,
    registerDiagnostics(store, context.extensionUri),
    projectConfig.disposable,
    registerCheckWorkspace(store),
    registerWalkthrough(context, store),
    registerHover(store),
    registerDocumentSymbols(store),
    registerYamlCompletion(store),
    registerYamlNavigation(store),
    registerYamlHover(store),
    registerDecorations(store),
    registerCommands(store),
    registerCodeActions(store),
    registerAnnotateCommands(store),
    registerStatusBar(store),
    tree.disposable,
    registerDocumentTracking(store),
    // Internal (not in package.json, so not in the palette; VS Code hides commands starting with _):
    // the integration tests wait on it to see which files an edit had analysed again.
    vscode.commands.registerCommand(SETTLED_COMMAND, () => store.settled()),
    watcher.onDidChange(({ uri, kind }) => store.changedOnDisk(uri.fsPath, kind)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsAnalysis(event)) store.reset();
    }),
  );
  // The first analyses wait for the project configs (a few small files): begun with the defaults, they
  // would show other severities for a moment, then all run again. A reset, not just a schedule: a
  // document opened meanwhile got its project's settings without the configs.
  void projectConfig.ready.then(() => store.reset());
  const activation = { loading: activateStart - bundleEvaluationStart, activating: performance.now() - activateStart };
  log.appendLine(`Activated in ${(activation.loading + activation.activating).toFixed(1)} ms (loading ${activation.loading.toFixed(1)} ms, activate() ${activation.activating.toFixed(1)} ms)`);
  return { analysisOf: (document) => store.current(document), tree: tree.provider, activation };
}

/** Open, edited and closed documents keep the store current. */
function registerDocumentTracking(store: AnalysisStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (AnalysisStore.isCandidate(document)) store.opened(document);
    }),
    // A draft's text moves its spans; an annotation file's text changes every draft it annotates (and
    // the registry's every draft of its folder): the store re-analyses what read the document.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && AnalysisStore.isCandidate(event.document)) store.edited(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => store.closed(document)),
    // A document's model can outlive its last tab: closing the tab is what the user sees as closing,
    // and a tab showing it again is what the user sees as opening it (VS Code opens no document then).
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      for (const file of event.closed.flatMap(filesShownBy)) {
        if (AnalysisStore.isCandidatePath(file) && !isShownInTab(file)) store.forget(file);
      }
      for (const file of event.opened.flatMap(filesShownBy)) {
        const document = openDocument(file);
        if (document && AnalysisStore.isCandidate(document)) store.shown(document);
      }
    }),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
