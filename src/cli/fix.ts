// `check --fix`: applies to the annotation files the fixes that need no choice (a drifted span
// updated to the current words, an ambiguous span pinned to the occurrence in use). Drafts are never
// changed. Comments and layout of the YAML are kept: the edits are small splices (core/edits.ts).
import { promises as fs } from 'fs';
import type { Analysis } from '../core/analysis';
import { applyEdits, type TextEdit } from '../core/edits';
import { fixesFor } from '../core/fixes';

export interface FixResult {
  /** How many findings a fix was applied for. */
  readonly fixed: number;
  readonly files: readonly string[];
}

export async function fixAnnotationFiles(analyses: readonly Analysis[]): Promise<FixResult> {
  const editsByFile = new Map<string, { text: string; edits: TextEdit[] }>();
  let fixed = 0;
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
      let applied = false;
      for (const edit of fix.edits) {
        const entry = editsByFile.get(edit.file) ?? { text: texts.get(edit.file)!, edits: [] };
        editsByFile.set(edit.file, entry);
        // The same file analysed for two drafts proposes the same edit twice; overlapping ones wait for the next run.
        const clash = entry.edits.some((other) => other.range.start < edit.range.end && edit.range.start < other.range.end);
        const twin = entry.edits.some((other) => other.range.start === edit.range.start && other.range.end === edit.range.end && other.newText === edit.newText);
        if (!clash && !twin) {
          entry.edits.push(edit);
          applied = true;
        }
      }
      if (applied) fixed++;
    }
  }
  const files: string[] = [];
  for (const [file, { text, edits }] of editsByFile) {
    if (edits.length === 0) continue;
    const bom = (await fs.readFile(file, 'utf8')).charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    await fs.writeFile(file, bom + applyEdits(text, edits), 'utf8');
    files.push(file);
  }
  return { fixed, files };
}
