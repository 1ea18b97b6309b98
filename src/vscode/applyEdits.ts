// Applies the core's text edits as one WorkspaceEdit (one undo), against the open buffers.
import * as vscode from 'vscode';
import { revealOffsets } from './ranges';
import type { TextEdit } from '../core/edits';
import type { Analysis } from '../core/analysis';
import { textHash, unchangedSince, type Expectation } from '../core/fixes';

async function documentOf(file: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(vscode.Uri.file(file));
}

/** When edits were computed, as the refusal puts it after "changed": since when, and what to do now. */
const CHANGED_SINCE = {
  /** A quick fix, computed with the diagnostics it was offered on. */
  offered: 'since this fix was offered. Look at the problem again.',
  /** A command's edits, computed on the analysis before the user was asked something. */
  chosen: 'while you were choosing. Run the command again.',
} as const;

/**
 * Whether the files still hold the text edits were computed on. If one does not, the edits would land
 * in the wrong place: a warning names the file and says what to do, and nothing may be written.
 */
export async function stillAsComputed(expectations: readonly Expectation[], computed: keyof typeof CHANGED_SINCE): Promise<boolean> {
  for (const expectation of expectations) {
    const text = (await documentOf(expectation.file)).getText();
    const actual = expectation.range ? text.slice(expectation.range.start, expectation.range.end) : textHash(text);
    if (actual !== expectation.text) {
      void vscode.window.showWarningMessage(`Not applied: ${vscode.workspace.asRelativePath(expectation.file)} changed ${CHANGED_SINCE[computed]}`);
      return false;
    }
  }
  return true;
}

export interface ApplyOptions {
  /** Put the cursor on this range of `file` after the edits (offsets in the edited text). */
  readonly select?: { readonly file: string; readonly offset: number; readonly length: number };
  /**
   * The analysis the edits were computed on, when the user was asked something in between: the edits
   * are applied only if every file they touch still has the text it had then (else a warning says so).
   */
  readonly computedOn?: Analysis;
}

/**
 * Applies edits to any number of files in one WorkspaceEdit. Annotation files that had no unsaved
 * changes are saved afterwards, so a fix made from the draft doesn't leave a hidden dirty YAML behind;
 * a buffer the user was editing is left for them to save.
 */
export async function applyTextEdits(edits: readonly TextEdit[], options: ApplyOptions = {}): Promise<boolean> {
  if (options.computedOn && !(await stillAsComputed(unchangedSince(options.computedOn, edits.map((edit) => edit.file)), 'chosen'))) {
    return false;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  const documents = new Map<string, vscode.TextDocument>();
  for (const edit of edits) {
    let document = documents.get(edit.file);
    if (!document) {
      document = await documentOf(edit.file);
      documents.set(edit.file, document);
    }
    workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.range.start), document.positionAt(edit.range.end)), edit.newText);
  }
  const cleanBefore = [...documents.values()].filter((document) => !document.isDirty && /\.ya?ml$/i.test(document.uri.fsPath));
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
    const files = [...documents.values()].map((document) => vscode.workspace.asRelativePath(document.uri)).join(', ');
    void vscode.window.showWarningMessage(`Not applied: VS Code refused the edit of ${files}. Nothing was changed.`);
    return false;
  }
  await Promise.all(cleanBefore.map((document) => document.save()));
  if (options.select) {
    const { file, offset, length } = options.select;
    await revealOffsets(file, { start: offset, end: offset + length }, true);
  }
  return true;
}
