// Keeps the analysis of every open draft and annotation file, and of the drafts the workspace check
// analysed, up to date: re-analyses a short while after each edit (saved or not) what read the file
// edited, drops results that a newer run has overtaken, and tells listeners.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import { DRAFT_EXTENSIONS, isDraftPath, isYamlPath, YAML_EXTENSIONS } from '../core/discovery';
import { AnnotationProject, DEFAULT_PROJECT_SETTINGS, type ProjectAnalysis } from '../core/project';
import { readSettings, type ExtensionSettings } from './config';
import type { FileChangeKind } from './annotationFilesWatcher';
import { openDocument, workspaceFileHost } from './fileHost';

/**
 * How long checked drafts that no editor shows wait before they are analysed again, at the least:
 * after the open documents (the analysis delay, 300 ms by default), one after the other.
 */
const BACKGROUND_DELAY_MS = 1000;

interface ProjectEntry {
  readonly project: AnnotationProject;
  readonly settings: ExtensionSettings;
}

export class AnalysisStore implements vscode.Disposable {
  private readonly projects = new Map<string, ProjectEntry>();
  /** Folders that are projects of their own wherever they lie (addOwnProject). */
  private readonly ownProjects = new Set<string>();
  /** Results by the path of the document analysed: a draft (one analysis) or an annotation file (one per draft). */
  private readonly results = new Map<string, readonly ProjectAnalysis[]>();
  /**
   * Open drafts and YAML files whose last analysis found no annotation file claiming them (a draft not
   * annotated yet, a YAML file that annotates nothing), with the version of the document analysed: a
   * hover, an outline or a code action asked of that version needs no new analysis to find nothing.
   * Whatever could change the answer schedules the file again, and a schedule drops its entry.
   */
  private readonly foundNothing = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * The run of each file's analysis under way that may publish: a newer run, or stopPending(), takes
   * the file's entry, and the older run publishes nothing. Numbers are store-wide, so an entry can go
   * once its run is over: a file's next run never reuses the number of an older one still running.
   */
  private readonly generations = new Map<string, number>();
  private lastGeneration = 0;
  private readonly inFlight = new Map<string, Promise<readonly Analysis[]>>();
  /** Analyses under way, by file (a file can be analysed by a refresh and a workspace check at once). */
  private readonly computing = new Map<string, number>();
  /** How many times each file was analysed since activation: what the tests read through settled(). */
  private readonly analysisCounts = new Map<string, number>();
  private readonly idleWaiters: Array<() => void> = [];
  /** Work under way besides analyses (workspace checks, discovery taking in a change): the store is not idle. */
  private working = 0;
  /** Drafts the workspace check analysed: kept current as open documents are, shown in an editor or not. */
  private readonly checked = new Set<string>();
  /** Checked drafts no editor shows, waiting to be analysed again together. */
  private readonly background = new Set<string>();
  private backgroundTimer: ReturnType<typeof setTimeout> | undefined;
  /** The run analysing the waiting checked drafts; a newer one takes over. */
  private backgroundRun: object | undefined;
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the path of a document whose analysis changed (or was dropped). */
  readonly onDidChange = this.changed.event;
  private readonly log: vscode.OutputChannel;

  constructor(log: vscode.OutputChannel) {
    this.log = log;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    clearTimeout(this.backgroundTimer);
    this.backgroundRun = undefined;
    this.changed.dispose();
  }

  /**
   * Makes `folder` a project of its own wherever it lies, with the default annotations folder: the
   * walkthrough's copy of the sample. Its storage can lie inside a workspace folder (a profile kept in
   * the folder opened, as the demo's was), whose annotations folder is not the sample's: the sample's
   * draft found no annotation file there, and showed nothing.
   */
  addOwnProject(folder: string): vscode.Disposable {
    const resolved = path.resolve(folder);
    // Added already: this one takes nothing away when disposed.
    if (this.ownProjects.has(resolved)) return new vscode.Disposable(() => undefined);
    this.ownProjects.add(resolved);
    // A file of the folder analysed before belongs to another project now (at activation, nothing was).
    if (this.projects.size > 0) this.reset();
    return new vscode.Disposable(() => this.ownProjects.delete(resolved));
  }

  /** The folder added with addOwnProject that holds `file`, if any. */
  private ownProjectOf(file: string): string | undefined {
    for (const folder of this.ownProjects) if (file === folder || file.startsWith(folder + path.sep)) return folder;
    return undefined;
  }

  /** The root of the project a file belongs to: a folder of its own, else its workspace folder. */
  private rootOf(file: string): string | undefined {
    return this.ownProjectOf(file) ?? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath;
  }

  /** The project (files, settings) a file belongs to: a folder of its own's, its workspace folder's, or the loose files' one. */
  projectFor(file: string): ProjectEntry {
    const own = this.ownProjectOf(file);
    const folder = own === undefined ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file)) : undefined;
    const key = own ?? folder?.uri.fsPath ?? '';
    let entry = this.projects.get(key);
    if (!entry) {
      const read = readSettings(folder?.uri);
      // A folder of its own keeps its layout: the user's annotationsFolder is their workspace's.
      const settings = own === undefined ? read : { ...read, project: { ...read.project, annotationsFolder: DEFAULT_PROJECT_SETTINGS.annotationsFolder } };
      const project = new AnnotationProject(workspaceFileHost, settings.project, (candidate) => this.rootOf(candidate));
      entry = { project, settings };
      this.projects.set(key, entry);
    }
    return entry;
  }

  /** Whether a document is one this extension analyses: a draft or a YAML file on disk. */
  static isCandidate(document: vscode.TextDocument): boolean {
    return document.uri.scheme === 'file' && AnalysisStore.isCandidatePath(document.uri.fsPath);
  }

  /** Whether a file on disk is one this extension analyses: a draft or a YAML file. */
  static isCandidatePath(file: string): boolean {
    return isDraftPath(file) || isYamlPath(file);
  }

  /**
   * The open documents kept current: every draft and YAML file open in a tab, already analysed, or
   * with an analysis on its way (an edit made during a document's first analysis, before it has a
   * result, must be analysed again too: that analysis may have read the text before the edit).
   */
  private openTracked(): Set<string> {
    const files = new Set<string>();
    for (const document of vscode.workspace.textDocuments) {
      if (!AnalysisStore.isCandidate(document)) continue;
      const file = document.uri.fsPath;
      if (this.results.has(file) || this.timers.has(file) || this.inFlight.has(file) || isShownInTab(file)) files.add(file);
    }
    return files;
  }

  /**
   * The files kept current that `wanted` picks, to be analysed again: open documents each after the
   * delay, checked drafts that no editor shows together in the background.
   */
  private scheduleWhere(wanted: (file: string) => boolean, delay?: number): void {
    const open = this.openTracked();
    for (const file of open) if (wanted(file)) this.schedule(file, delay);
    this.scheduleInBackground([...this.checked].filter((file) => !open.has(file) && wanted(file)), delay);
  }

  /** Every file kept current, to be analysed again after the delay. */
  private scheduleAll(delay?: number): void {
    this.scheduleWhere(() => true, delay);
  }

  /**
   * The files kept current that read `file`, to be analysed again after the delay: the file itself,
   * those whose last analysis read it, and those being analysed now (what they read is not known yet,
   * and may be its old text).
   */
  private scheduleReaders(file: string): void {
    this.scheduleReadersOf((read) => read === file);
  }

  /** The same for every file `picks`: the files themselves, those whose last analysis read one, those being analysed now. */
  private scheduleReadersOf(picks: (file: string) => boolean): void {
    this.scheduleWhere((target) => picks(target) || this.computing.has(target) || this.reads(target, picks));
  }

  /** Whether the last analysis of `target` read a file that `wanted` picks. */
  private reads(target: string, wanted: (file: string) => boolean): boolean {
    for (const analysis of this.results.get(target) ?? []) {
      for (const read of analysis.filesRead) if (wanted(read)) return true;
    }
    return false;
  }

  /** A draft or YAML document was opened: analysed at once. */
  opened(document: vscode.TextDocument): void {
    this.schedule(document.uri.fsPath, 0);
  }

  /**
   * A tab shows a document: analysed at once unless its analysis is there or on its way. A document
   * whose last tab was closed (and its analysis dropped) can be shown again before VS Code disposes
   * it, and then no document is opened.
   */
  shown(document: vscode.TextDocument): void {
    const file = document.uri.fsPath;
    if (this.timers.has(file) || this.inFlight.has(file)) return;
    if (!this.results.has(file) && this.foundNothing.get(file) === document.version) return;
    const text = document.getText();
    if (!this.results.get(file)?.some((analysis) => madeFrom(analysis, file, text))) this.schedule(file, 0);
  }

  /**
   * The text of an open draft or YAML document changed: what read it is analysed again after the
   * delay. An annotation file's edit may also have changed its `article:`, which discovery is told.
   */
  edited(document: vscode.TextDocument): void {
    const file = document.uri.fsPath;
    // At once, not once discovery has answered: a hover asked meanwhile must see an analysis pending.
    this.scheduleReaders(file);
    if (isYamlPath(file)) void this.annotationFileChanged(file, true);
  }

  /**
   * A document was closed: its analysis goes, and what read it reads the disk now, where unsaved
   * changes are gone; for a YAML file, with perhaps another `article:`.
   */
  closed(document: vscode.TextDocument): void {
    // A document of another scheme (the original side of a git diff) can have a draft's path.
    if (!AnalysisStore.isCandidate(document)) return;
    const file = document.uri.fsPath;
    this.forget(file);
    if (isYamlPath(file)) void this.annotationFileChanged(file);
    else this.scheduleReaders(file);
  }

  /**
   * A YAML file was edited, closed, created, deleted or changed on disk. Discovery follows its
   * `article:`; what read the file, and the drafts it claimed before or claims now with what reads
   * them, are analysed again after the delay. Nothing else is: any YAML file comes this way (a CI
   * workflow, a model VS Code releases minutes after a quick fix opened it), most of them no
   * annotation file, and most edits of one leave its `article:` alone. `readersScheduled`: what read
   * the file is scheduled already (an edit), and only drafts discovery names add to it.
   */
  annotationFileChanged(file: string, readersScheduled = false): Promise<void> {
    return this.whileWorking(async () => {
      try {
        const concerned = await this.projectFor(file).project.discovery.articleChanged(file);
        if (!concerned && readersScheduled) return;
        this.scheduleReadersOf((other) => other === file || (concerned?.(other) ?? false));
      } catch (error) {
        this.logError(`following ${file}`, error);
      }
    });
  }

  /** An error the store recovered from, with its stack, in the extension's output channel. */
  private logError(doing: string, error: unknown): void {
    this.log.appendLine(`[error] ${doing}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /** Runs `work`, the store counting as busy (not settled) until it ends. */
  private async whileWorking<T>(work: () => Promise<T>): Promise<T> {
    this.working++;
    try {
      return await work();
    } finally {
      this.working--;
      this.notifyIfIdle();
    }
  }

  /** Analyses the document again after the delay; a newer call restarts the wait. */
  private schedule(file: string, delay?: number): void {
    const wait = delay ?? this.projectFor(file).settings.analysisDelay;
    this.foundNothing.delete(file);
    // A checked draft waiting for the background run (its editor closed, then opened again) is analysed here instead.
    this.background.delete(file);
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        void this.refresh(file);
      }, wait),
    );
  }

  /**
   * Analyses the document now and publishes the result, unless a newer run started meanwhile (then
   * that one publishes). Resolves with what this run computed either way.
   */
  private refresh(file: string): Promise<readonly Analysis[]> {
    clearTimeout(this.timers.get(file));
    this.timers.delete(file);
    const run = this.analyzeNewest(file).then(({ analyses, kept }) => {
      if (kept) this.changed.fire(file);
      return analyses;
    });
    const tracked = run.finally(() => {
      if (this.inFlight.get(file) === tracked) this.inFlight.delete(file);
      this.notifyIfIdle();
    });
    this.inFlight.set(file, tracked);
    return tracked;
  }

  /**
   * Analyses a file as a new generation and keeps the result unless a newer run was started meanwhile
   * (`kept`). A failure is logged and leaves the last result in place.
   */
  private async analyzeNewest(file: string): Promise<{ readonly analyses: readonly ProjectAnalysis[]; readonly kept: boolean }> {
    const generation = ++this.lastGeneration;
    this.generations.set(file, generation);
    this.foundNothing.delete(file);
    const version = openDocument(file)?.version;
    let analyses: readonly ProjectAnalysis[];
    try {
      analyses = await this.compute(file);
    } catch (error) {
      this.logError(`analysing ${file}`, error);
      if (this.generations.get(file) === generation) this.generations.delete(file);
      return { analyses: [], kept: false };
    }
    const kept = this.generations.get(file) === generation;
    if (kept) this.generations.delete(file);
    if (kept && analyses.length > 0) this.results.set(file, analyses);
    else if (kept) this.results.delete(file);
    if (kept && analyses.length === 0 && version !== undefined) this.foundNothing.set(file, version);
    return { analyses, kept };
  }

  private async compute(file: string): Promise<readonly ProjectAnalysis[]> {
    this.computing.set(file, (this.computing.get(file) ?? 0) + 1);
    this.analysisCounts.set(file, (this.analysisCounts.get(file) ?? 0) + 1);
    try {
      return await this.computeNow(file);
    } finally {
      const left = (this.computing.get(file) ?? 1) - 1;
      if (left > 0) this.computing.set(file, left);
      else this.computing.delete(file);
      this.notifyIfIdle();
    }
  }

  private async computeNow(file: string): Promise<readonly ProjectAnalysis[]> {
    const { project } = this.projectFor(file);
    const started = Date.now();
    let analyses: readonly ProjectAnalysis[];
    if (isDraftPath(file)) {
      const analysis = await project.analyzeDraft(file);
      analyses = analysis ? [analysis] : [];
    } else {
      analyses = await project.analyzeAnnotationFile(file);
    }
    if (analyses.length > 0) {
      const findings = analyses.reduce((sum, analysis) => sum + analysis.findings.length, 0);
      this.log.appendLine(`analysed ${path.basename(file)} in ${Date.now() - started} ms: ${findings} findings`);
    }
    return analyses;
  }

  /**
   * The analysis of an open document as its text is now. The last published one when it is current;
   * otherwise the document is analysed at once (a hover or an outline can't wait for the delay).
   */
  async current(document: vscode.TextDocument): Promise<Analysis | undefined> {
    if (!AnalysisStore.isCandidate(document)) return undefined;
    const file = document.uri.fsPath;
    const text = document.getText();
    const matches = (analysis: Analysis): boolean => madeFrom(analysis, file, text);
    const settled = !this.timers.has(file) && !this.inFlight.has(file);
    // A checked draft keeps its last analysis while its editor closes: of text that may be gone.
    const published = settled ? this.results.get(file)?.find(matches) : undefined;
    if (published) return published;
    if (settled && !this.results.has(file) && this.foundNothing.get(file) === document.version) return undefined;
    const analyses = await this.refresh(file);
    return analyses.find(matches) ?? analyses[0];
  }

  /** The last analysis of a document, without waiting. */
  latest(file: string): Analysis | undefined {
    return this.results.get(file)?.[0];
  }

  /**
   * Analyses drafts that need not be open (the workspace check), one after the other, and tells
   * listeners once at the end rather than once per file; from then on they are kept current, shown in
   * an editor or not. A file whose analysis a newer run overtook keeps that run's result. Resolves with
   * how many drafts were analysed before `token` cancelled.
   */
  check(drafts: readonly string[], token?: vscode.CancellationToken, onAnalysed?: (draft: string) => void): Promise<number> {
    let index = 0;
    return this.whileWorking(() =>
      this.analyzeInTurn(() => {
        if (token?.isCancellationRequested || index >= drafts.length) return undefined;
        const draft = drafts[index++];
        this.checked.add(draft);
        return draft;
      }, onAnalysed),
    );
  }

  /**
   * Analyses the drafts `next` gives, one after the other until it gives none, and tells listeners once
   * at the end rather than once per draft (a workspace may hold hundreds). Resolves with how many were
   * analysed.
   */
  private async analyzeInTurn(next: () => string | undefined, onAnalysed?: (draft: string) => void): Promise<number> {
    let done = 0;
    let last: string | undefined;
    for (let draft = next(); draft !== undefined; draft = next()) {
      await this.analyzeNewest(draft);
      done++;
      last = draft;
      onAnalysed?.(draft);
    }
    if (last !== undefined) this.changed.fire(last);
    return done;
  }

  /** The drafts the workspace check analysed, kept current since. */
  get checkedDrafts(): ReadonlySet<string> {
    return this.checked;
  }

  /**
   * The workspace check is put away: its drafts are no longer kept current, and those no editor shows
   * leave the Problems panel (the ones in a tab stay, as any open draft does). Returns how many drafts'
   * problems went. A check under way is stopped by its token, which the caller cancels first: it may
   * not have reached check() yet (still listing the drafts).
   */
  stopChecking(): number {
    return this.uncheck([...this.checked], isShownInTab);
  }

  /**
   * Checked drafts kept current no longer. Their problems go, but for those `kept` (in an editor),
   * which stay as any open draft's do. Listeners redraw all they show on each event, and a check may
   * have put hundreds of drafts in the panel: they are told once. Returns how many drafts' problems went.
   */
  private uncheck(drafts: readonly string[], kept: (draft: string) => boolean): number {
    let last: string | undefined;
    let dropped = 0;
    for (const draft of drafts) {
      this.checked.delete(draft);
      this.background.delete(draft);
      if (kept(draft)) continue;
      this.stopPending(draft);
      if (this.results.delete(draft)) {
        dropped++;
        last = draft;
      }
    }
    if (last !== undefined) this.changed.fire(last);
    this.notifyIfIdle();
    return dropped;
  }

  /** Checked drafts no editor shows, to be analysed again together once the wait is over (a newer call restarts it). */
  private scheduleInBackground(drafts: readonly string[], delay?: number): void {
    if (drafts.length === 0) return;
    for (const draft of drafts) this.background.add(draft);
    const wait = Math.max(delay ?? this.projectFor(drafts[0]).settings.analysisDelay, BACKGROUND_DELAY_MS);
    clearTimeout(this.backgroundTimer);
    this.backgroundTimer = setTimeout(() => {
      this.backgroundTimer = undefined;
      void this.analyzeWaiting();
    }, wait);
  }

  /**
   * Analyses the waiting checked drafts one after the other, and tells listeners once at the end. Stops
   * when more are scheduled meanwhile: the run after the wait takes those and the ones left.
   */
  private async analyzeWaiting(): Promise<void> {
    const run = {};
    this.backgroundRun = run;
    await this.analyzeInTurn(() => {
      if (this.backgroundRun !== run || this.backgroundTimer !== undefined) return undefined;
      for (const draft of this.background) {
        this.background.delete(draft);
        return draft;
      }
      return undefined;
    });
    if (this.backgroundRun === run) this.backgroundRun = undefined;
    this.notifyIfIdle();
  }

  /**
   * The current analysis of a draft: its own result first (an open annotation file also holds one of
   * the draft, which may be a step behind), else any.
   */
  draftAnalysis(draft: string): Analysis | undefined {
    const own = this.results.get(draft)?.find((analysis) => analysis.draft?.path === draft);
    return own ?? this.all().find((analysis) => analysis.draft?.path === draft);
  }

  /** Every current analysis. */
  all(): Analysis[] {
    return [...this.results.values()].flat();
  }

  /**
   * The document is no longer shown: its analysis goes, and with it the findings only it produced. A
   * checked draft is analysed again, from the text it has now (on disk, once its document is gone):
   * in the background when its problems are of that text, at once when they are not (its unsaved
   * edits were discarded, or its document is gone); its problems stay listed until that analysis
   * replaces them, rather than leave the Problems panel and come back a moment later.
   */
  forget(file: string): void {
    this.stopPending(file);
    this.foundNothing.delete(file);
    if (this.checked.has(file)) {
      // Closed with its edits discarded, its problems are of text that is gone: analysed at once.
      const document = openDocument(file);
      const current = document !== undefined && (this.results.get(file)?.some((analysis) => madeFrom(analysis, file, document.getText())) ?? false);
      if (current) this.scheduleInBackground([file]);
      else this.schedule(file, 0);
    } else if (this.results.delete(file)) {
      this.changed.fire(file);
    }
    this.notifyIfIdle();
  }

  /** No analysis of `file` is waiting any more, and one under way publishes nothing (its generation is old). */
  private stopPending(file: string): void {
    clearTimeout(this.timers.get(file));
    this.timers.delete(file);
    this.inFlight.delete(file);
    this.generations.delete(file);
  }

  /**
   * For the integration tests (the internal command `_editorialAnnotations.settled`, see extension.ts):
   * resolves once no analysis is waiting or under way, with how many times each file was analysed
   * since activation, so that a test can tell which files an edit had analysed again.
   */
  async settled(): Promise<Record<string, number>> {
    await new Promise<void>((resolve) => {
      this.idleWaiters.push(resolve);
      this.notifyIfIdle();
    });
    return Object.fromEntries(this.analysisCounts);
  }

  private notifyIfIdle(): void {
    if (this.timers.size > 0 || this.inFlight.size > 0 || this.computing.size > 0 || this.working > 0) return;
    if (this.backgroundTimer !== undefined || this.backgroundRun !== undefined) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Settings or files on disk changed: start again from a clean slate and re-analyse what is kept current. */
  reset(): void {
    this.projects.clear();
    this.scheduleAll(0);
  }

  /**
   * A draft or YAML file was created, changed or deleted on disk. An open document's text is what the
   * analyses read, and VS Code reloads an unmodified one (an edit): its file on disk changing matters
   * only when it is saved, which changes nothing. A draft's text read from disk concerns what read it;
   * a YAML file's may also have another `article:`. A draft created or deleted is found or lost by the
   * annotation files that claim it (by `article:` or by its name): discovery lists the drafts again
   * when next asked, and what those files concern is analysed again. A folder created, deleted or
   * renamed comes as one event for the folder, none for the files in it. Deleted: discovery forgets
   * what it read of the annotations folders and drafts in it, the checked drafts in it are kept
   * current no longer, and if either held something everything kept current is analysed again,
   * otherwise what read a file in it. Created, with drafts or YAML files in it: everything kept current
   * is analysed again. Any other path comes this way too (the watcher can't tell a deleted folder from
   * a deleted file): a file nothing read costs nothing.
   */
  changedOnDisk(file: string, kind: FileChangeKind): void {
    if (kind === 'changed' && openDocument(file)) return;
    if (!AnalysisStore.isCandidatePath(file)) {
      this.folderChangedOnDisk(file, kind);
      return;
    }
    if (isYamlPath(file)) {
      void this.annotationFileChanged(file);
      return;
    }
    if (kind === 'changed') {
      this.scheduleReaders(file);
      return;
    }
    this.draftsChanged(file, kind);
    if (kind === 'deleted' && this.checked.has(file)) this.checkedDraftsDeleted([file]);
    void this.draftCreatedOrDeleted(file);
  }

  /**
   * A draft created or deleted changes the analyses of the draft itself, of the annotation files that
   * claim it (by `article:` or by its name; a conflict's loser too, which records no draft), and of
   * what read those: nothing else, however many drafts a workspace check keeps current.
   */
  private draftCreatedOrDeleted(draft: string): Promise<void> {
    return this.whileWorking(async () => {
      try {
        const { claimants } = await this.projectFor(draft).project.discovery.forDraft(draft);
        this.scheduleReadersOf((file) => file === draft || claimants.includes(file));
      } catch (error) {
        this.logError(`following ${draft}`, error);
        this.scheduleAll();
      }
    });
  }

  private folderChangedOnDisk(folder: string, kind: FileChangeKind): void {
    if (kind === 'created') {
      void this.folderCreated(folder);
      return;
    }
    // What discovery read of the annotations folders and drafts it touches, and the checked drafts in it.
    this.draftsChanged(folder, 'deleted');
    const annotationsTouched = this.projectFor(folder).project.discovery.forgetFolder(folder);
    // Asked of every checked draft and every file read, for each file deleted: a prefix, not path.relative.
    const below = path.resolve(folder) + path.sep;
    const inside = (file: string): boolean => file.startsWith(below);
    const deleted = [...this.checked].filter(inside);
    if (deleted.length > 0) this.checkedDraftsDeleted(deleted);
    if (annotationsTouched || deleted.length > 0) this.scheduleAll();
    else this.scheduleReadersOf(inside);
  }

  /** Every project's discovery is told (an annotation file opened loose may list a workspace folder's drafts). */
  private draftsChanged(changed: string, kind: 'created' | 'deleted'): void {
    for (const { project } of this.projects.values()) project.discovery.draftsChanged(changed, kind);
  }

  /**
   * A path created that the watcher could not tell from a file: a folder moved or copied in may bring
   * drafts and annotation files. One created empty (a build's, a cache's) brings nothing: the files
   * made in it later come with their own events.
   */
  private folderCreated(folder: string): Promise<void> {
    return this.whileWorking(async () => {
      try {
        if ((await workspaceFileHost.stat(folder)) !== 'directory') return;
        if ((await workspaceFileHost.listFiles(folder, [...DRAFT_EXTENSIONS, ...YAML_EXTENSIONS])).length === 0) return;
        this.draftsChanged(folder, 'created');
        this.projectFor(folder).project.discovery.forgetFolder(folder);
        this.scheduleAll();
      } catch (error) {
        this.logError(`following ${folder}`, error);
      }
    });
  }

  /**
   * Checked drafts deleted from disk are no longer kept current for the workspace check (one created
   * again is a new draft, as one created after the check is). Their problems go with them, unless an
   * editor still holds the text: that document is kept current as long as it is open.
   */
  private checkedDraftsDeleted(drafts: readonly string[]): void {
    this.uncheck(drafts, (draft) => openDocument(draft) !== undefined);
  }
}

/** The files on disk a tab shows: a text editor's, either side of a diff's. */
export function filesShownBy(tab: vscode.Tab): string[] {
  const input = tab.input;
  const uris = input instanceof vscode.TabInputText ? [input.uri] : input instanceof vscode.TabInputTextDiff ? [input.original, input.modified] : [];
  return uris.filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath);
}

/** Whether any editor tab shows the file (VS Code may keep a closed document's model for a while). */
export function isShownInTab(file: string): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => filesShownBy(tab).includes(file)));
}

/**
 * Whether `analysis` was made from `text` as the text of `file`, its draft or its annotation file. An
 * analysis that holds neither (a draft whose annotation file lost a conflict to another) holds nothing
 * of the file to be out of date.
 */
function madeFrom(analysis: Analysis, file: string, text: string): boolean {
  if (analysis.draft?.path === file) return analysis.draft.text === text;
  if (analysis.annotations.file === file) return analysis.annotations.text === text;
  return true;
}
