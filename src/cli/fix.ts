// `check --fix`: applies to the annotation files the fixes that need no choice (a drifted span
// updated to the current words when no figure changed, its claim was never fact-checked and is no
// reworded quotation, an ambiguous span pinned where its claim's source is named at one place
// alone). Drafts are never changed. Comments and layout of the YAML are kept: the edits are small splices (core/edits.ts).
import { promises as fs } from 'fs';
import type { Analysis } from '../core/analysis';
import { applyEdits, type TextEdit } from '../core/edits';
import { fixesFor } from '../core/fixes';
import type { Finding } from '../core/model';

/** A finding a fix was written for: where it would be after the edits, if the fix left it there. */
export interface FixedFinding {
  /** The draft it was found for: an annotation file of two drafts has a finding at one place for each. */
  readonly draft?: string;
  readonly file: string;
  readonly code: string;
  readonly start: number;
  /** The annotation files its fix wrote (a fix may edit the registry as well as the article's file). */
  readonly writtenTo: readonly string[];
}

export interface FixResult {
  /** The findings whose fixes were written; whether each went away, only an analysis made after tells (findingsGone). */
  readonly applied: readonly FixedFinding[];
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
  /** Each fix's finding, and the files the fix edits: it counts when they were all written. */
  const fixesApplied: Array<{ draft?: string; finding: Finding; files: ReadonlySet<string> }> = [];
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
      fixesApplied.push({ draft: analysis.draft?.path, finding, files: new Set(pending.map((edit) => edit.file)) });
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
  const applied = fixesApplied
    .filter(({ files: touched }) => [...touched].every((file) => files.includes(file)))
    .map(({ draft, finding, files: touched }) => ({
      draft,
      writtenTo: [...touched],
      file: finding.file,
      code: finding.code,
      start: files.includes(finding.file) ? offsetAfterEdits(finding.range.start, editsByFile.get(finding.file)?.edits ?? []) : finding.range.start,
    }));
  return { applied, files, changedMeanwhile };
}

/**
 * Where `offset` of a text is once the edits (which don't overlap) are applied: moved by those before
 * it, or to the start of the one that replaced it (a drifted span's new `text:` starts where the old one did).
 */
function offsetAfterEdits(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  let within: TextEdit | undefined;
  for (const edit of edits) {
    const { start, end } = edit.range;
    if ((end <= offset && start < offset) || (start === end && start === offset)) shift += edit.newText.length - (end - start);
    else if (start <= offset && offset < end) within = edit;
  }
  return within ? within.range.start + shift : offset + shift;
}

/** The findings fixes were written for, told apart by a check made after the fixes. */
export interface FixOutcome {
  /** Gone from that check: fixed. */
  readonly fixed: readonly FixedFinding[];
  /** Still there (the same code at the same place): the fix was written but did not fix it. */
  readonly left: readonly FixedFinding[];
}

/** Which of the findings fixes were written for are gone from `analyses`, made after the fixes. */
export function fixOutcome(applied: readonly FixedFinding[], analyses: readonly Analysis[]): FixOutcome {
  const key = (draft: string | undefined, file: string, code: string, start: number): string => `${draft ?? ''}\0${file}\0${code}\0${start}`;
  const remaining = new Set(analyses.flatMap((analysis) => analysis.findings.map((finding) => key(analysis.draft?.path, finding.file, finding.code, finding.range.start))));
  const fixed: FixedFinding[] = [];
  const left: FixedFinding[] = [];
  for (const finding of applied) (remaining.has(key(finding.draft, finding.file, finding.code, finding.start)) ? left : fixed).push(finding);
  return { fixed, left };
}

/** The annotation files the fixes of `findings` wrote, each once, in the order first written. */
export function filesWritten(findings: readonly FixedFinding[]): string[] {
  return [...new Set(findings.flatMap((finding) => finding.writtenTo))];
}
