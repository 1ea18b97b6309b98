// `check --fix`: applies to the annotation files the fixes that need no choice (a drifted span
// updated to the current words, an ambiguous span pinned where its claim's source is named at one
// place alone). Drafts are never changed. Comments and layout of the YAML are kept: the edits are small splices (core/edits.ts).
import { promises as fs } from 'fs';
import type { Analysis } from '../core/analysis';
import { applyEdits, type TextEdit } from '../core/edits';
import { fixesFor } from '../core/fixes';

export interface FixResult {
  /** How many findings a fix was applied for. */
  readonly fixed: number;
  readonly files: readonly string[];
  /** Annotation files left as they were: changed on disk since they were analysed. */
  readonly changedMeanwhile: readonly string[];
}

/** Whether two edits of one text can't both be applied: they overlap, or insert at the same place. */
function clash(a: TextEdit, b: TextEdit): boolean {
  return (a.range.start < b.range.end && b.range.start < a.range.end) || a.range.start === b.range.start;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.newText === b.newText;
}

export async function fixAnnotationFiles(analyses: readonly Analysis[]): Promise<FixResult> {
  const editsByFile = new Map<string, { text: string; edits: TextEdit[] }>();
  /** The files each fix applied edits, to count the fixes whose files were all written. */
  const fixesApplied: Array<ReadonlySet<string>> = [];
  for (const analysis of analyses) {
    const texts = new Map([[analysis.annotations.file, analysis.annotations.text]]);
    if (analysis.registry) texts.set(analysis.registry.file, analysis.registry.text);
    for (const finding of analysis.findings) {
      const fix = fixesFor(analysis, finding).find(
        (candidate) => candidate.fixAll && candidate.edits.length > 0 && candidate.edits.every((edit) => texts.has(edit.file)),
      );
      if (!fix) continue;
      const sameText = fix.edits.every((edit) => {
        const entry = editsByFile.get(edit.file);
        return !entry || entry.text === texts.get(edit.file);
      });
      if (!sameText) continue;
      // A fix is applied whole or not at all. The same file analysed for two drafts (x.txt and x.md)
      // proposes the same edit twice: applied once. Edits that clash wait for the next run.
      const pending = fix.edits.filter((edit) => !(editsByFile.get(edit.file)?.edits ?? []).some((other) => sameEdit(other, edit)));
      const blocked = pending.some((edit, index) =>
        (editsByFile.get(edit.file)?.edits ?? []).some((other) => clash(other, edit)) || pending.some((other, at) => at < index && other.file === edit.file && clash(other, edit)),
      );
      if (blocked || pending.length === 0) continue;
      for (const edit of pending) {
        const entry = editsByFile.get(edit.file) ?? { text: texts.get(edit.file)!, edits: [] };
        editsByFile.set(edit.file, entry);
        entry.edits.push(edit);
      }
      fixesApplied.push(new Set(pending.map((edit) => edit.file)));
    }
  }
  const files: string[] = [];
  const changedMeanwhile: string[] = [];
  for (const [file, { text, edits }] of editsByFile) {
    const onDisk = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (onDisk === undefined) {
      changedMeanwhile.push(file);
      continue;
    }
    const bom = onDisk.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    // Saved by someone else since it was read: their work is kept, and the next run fixes the file.
    if (onDisk.slice(bom.length) !== text) {
      changedMeanwhile.push(file);
      continue;
    }
    await fs.writeFile(file, bom + applyEdits(text, edits), 'utf8');
    files.push(file);
  }
  const fixed = fixesApplied.filter((touched) => [...touched].every((file) => files.includes(file))).length;
  return { fixed, files, changedMeanwhile };
}
