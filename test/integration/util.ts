// Helpers for the in-editor tests: open fixture files, wait on VS Code's events (never on sleeps).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SETTLED_COMMAND } from '../../src/vscode/testHooks';
import type { EditorialAnnotationsApi } from '../../src/extension';

export const EXTENSION_ID = 'editorial-annotations.editorial-annotations';

export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, ...parts));
}

export async function extensionApi(): Promise<EditorialAnnotationsApi> {
  const extension = vscode.extensions.getExtension<EditorialAnnotationsApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.activate();
}

function hasTab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.fsPath === uri.fsPath));
}

/**
 * Opens a file in an editor, and resolves once the extension has been told of its tab too. That event
 * can come after showTextDocument resolves, and for a document VS Code still holds (its tab closed by
 * an earlier test) it is what has it analysed: a test reading analysisCounts() before it would see that
 * analysis happen later, during whatever the test does next.
 */
export async function open(uri: vscode.Uri, timeoutMs = 10_000): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  let listener: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tabShown = hasTab(uri)
    ? Promise.resolve()
    : new Promise<void>((resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no tab shows ${path.basename(uri.fsPath)}`)), timeoutMs);
        listener = vscode.window.tabGroups.onDidChangeTabs(() => {
          if (hasTab(uri)) resolve();
        });
      });
  try {
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await tabShown;
    return editor;
  } finally {
    clearTimeout(timer);
    listener?.dispose();
  }
}

/**
 * Resolves with a file's diagnostics once `accept` holds for them: at once if it already does,
 * otherwise at the next diagnostics change that makes it true. Rejects after `timeoutMs`, saying
 * what was there, so a failure shows the actual state.
 */
export function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const actual = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(new Error(`diagnostics of ${path.basename(uri.fsPath)} never matched; they are:\n${actual.join('\n') || '(none)'}`));
    }, timeoutMs);
    check();
  });
}

/**
 * How many times the extension analysed each file, read once no analysis is waiting or under way
 * (the extension's internal command for its tests; see README, Testing).
 */
export async function analysisCounts(): Promise<Record<string, number>> {
  return (await vscode.commands.executeCommand<Record<string, number>>(SETTLED_COMMAND)) ?? {};
}

/**
 * Changes a file on disk as another program would, and resolves once VS Code has told the extension
 * host's file watchers (the extension's among them), so that what they scheduled is under way.
 */
export async function changeOnDisk(uri: vscode.Uri, change: () => Thenable<void>, timeoutMs = 10_000): Promise<void> {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(uri.fsPath)), path.basename(uri.fsPath)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const told = new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no file event for ${path.basename(uri.fsPath)}`)), timeoutMs);
      watcher.onDidCreate(() => resolve());
      watcher.onDidChange(() => resolve());
      watcher.onDidDelete(() => resolve());
    });
    await change();
    await told;
  } finally {
    // Also when change() failed: a timer left running would fail a later test, ten seconds on.
    clearTimeout(timer);
    watcher.dispose();
  }
}

/**
 * Deletes what a test made (files or folders, those still there), each deletion's event awaited: the
 * next test must not see this one's files go.
 */
export async function deleteMade(made: readonly vscode.Uri[]): Promise<void> {
  for (const uri of made) {
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (exists) await changeOnDisk(uri, () => vscode.workspace.fs.delete(uri, { recursive: true }));
  }
}

/** The files analysed between two readings of analysisCounts(), relative to the workspace and sorted. */
export function analysedBetween(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after)
    .filter((file) => after[file] > (before[file] ?? 0))
    .map((file) => vscode.workspace.asRelativePath(file))
    .sort();
}

/** `code@line:character text`, for readable assertions. */
function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  return `${codeOf(diagnostic)}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`;
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return String(code);
}

export function codes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(codeOf).sort();
}

/** The position of the first occurrence of `text` in a document, `offset` characters into it. */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(text);
  if (index === -1) throw new Error(`"${text}" is not in ${path.basename(document.uri.fsPath)}`);
  return document.positionAt(index + offset);
}

/** Hover contents at a position, as one Markdown string per section. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) =>
    hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')),
  );
}

/** Undoes unsaved edits to a document, so one test's edits never leak into the next. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Resolves once the Editorial Annotations view shows the analysis of `draft` (as it is now). */
export function treeShowing(api: EditorialAnnotationsApi, draft: vscode.Uri, timeoutMs = 10_000): Promise<void> {
  return treeWhen(
    api,
    () => {
      const analysis = api.tree.shownAnalysis;
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.fsPath === draft.fsPath);
      return analysis?.draft?.path === draft.fsPath && analysis.draft.text === document?.getText();
    },
    () => `the view never showed ${path.basename(draft.fsPath)}; it shows ${api.tree.shownAnalysis?.draft?.path ?? 'nothing'}`,
    timeoutMs,
  );
}

/** Resolves once `accept` holds for the Editorial Annotations view: at once, or at a change of its nodes. */
export function treeWhen(api: EditorialAnnotationsApi, accept: () => boolean, failure: () => string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (accept()) {
      resolve();
      return;
    }
    const subscription = api.tree.onDidChangeTreeData(() => {
      if (!accept()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(failure()));
    }, timeoutMs);
  });
}

/** Keeps a fixture file as it was: fixes save annotation files that had no unsaved changes. */
export async function restoring(uri: vscode.Uri, body: () => Promise<void>): Promise<void> {
  const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  try {
    await body();
  } finally {
    await putBack(uri, original);
  }
}

/**
 * Gives a fixture file its original text again, saved. Reverting is not enough where edits may have
 * been saved: VS Code in the browser saves edits after a second (`files.autoSave` is on there).
 */
export async function putBack(uri: vscode.Uri, original: string): Promise<void> {
  // Through the open document, so the editor, the disk and the analysis agree at once.
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    await vscode.workspace.applyEdit(edit);
  }
  if (document.isDirty) await document.save();
}

/**
 * Runs `body` with `object[name]` replaced, then puts the original back. It works on the `vscode` API:
 * the host makes one API object per extension, and these tests are loaded from the extension's own
 * folder, so the extension calls the replacement too.
 */
export async function replacing<T extends object, K extends keyof T>(object: T, name: K, replacement: T[K], body: () => Promise<void>): Promise<void> {
  const original = object[name];
  object[name] = replacement;
  try {
    await body();
  } finally {
    object[name] = original;
  }
}

/** The warnings the extension shows while `body` runs (shown as usual, and returned). */
export async function warningsDuring(body: () => Promise<void>): Promise<string[]> {
  const shown: string[] = [];
  const show = vscode.window.showWarningMessage as (message: string, ...rest: unknown[]) => Thenable<unknown>;
  const record = ((message: string, ...rest: unknown[]) => {
    shown.push(message);
    return show(message, ...rest);
  }) as typeof vscode.window.showWarningMessage;
  await replacing(vscode.window, 'showWarningMessage', record, body);
  return shown;
}
