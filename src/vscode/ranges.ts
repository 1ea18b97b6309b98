// Offsets of the core <-> VS Code ranges, through the text the offsets were computed on.
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import type { OffsetRange } from '../core/model';
import { LineIndex } from '../core/textIndex';

const indexes = new WeakMap<object, LineIndex>();

/** A cached line index of the text a file had in an analysis (the draft, its annotation file or the registry). */
export function lineIndexFor(analysis: Analysis, file: string): LineIndex | undefined {
  const owner =
    analysis.draft?.path === file ? analysis.draft : analysis.annotations.file === file ? analysis.annotations : analysis.registry?.file === file ? analysis.registry : undefined;
  if (!owner) return undefined;
  let index = indexes.get(owner);
  if (!index) {
    index = new LineIndex(owner.text);
    indexes.set(owner, index);
  }
  return index;
}

export function toVsRange(index: LineIndex, range: OffsetRange): vscode.Range {
  const start = index.positionAt(range.start);
  const end = index.positionAt(range.end);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

export function documentRange(document: vscode.TextDocument, range: OffsetRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

/** Opens a file and selects a span given as UTF-16 offsets of its current text (beside the active editor, or in it). */
export async function revealOffsets(file: string, range: OffsetRange, beside = false): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const selection = documentRange(document, range);
  const editor = await vscode.window.showTextDocument(document, { selection, viewColumn: beside ? vscode.ViewColumn.Beside : undefined });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
