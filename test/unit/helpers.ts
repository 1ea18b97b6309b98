// Shared by the unit tests: where the fixtures are, and analysing a draft on disk the way the CLI does.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Analysis } from '../../src/core/analysis';
import type { Finding } from '../../src/core/model';
import { AnnotationProject, DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../../src/core/project';
import { nodeFileHost } from '../../src/cli/nodeFileHost';

/** The repository root (tests run from out/test/unit). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const SAMPLE_DRAFT = path.join(REPO_ROOT, 'articles', 'putin-witkoff-talks.txt');
export const SAMPLE_ANNOTATIONS = path.join(REPO_ROOT, 'annotations', 'putin-witkoff-talks.yaml');

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Runs `body` in a throw-away copy of the sample project (its articles/ and annotations/), removed after. */
export function inSampleCopy(body: (folder: string) => void): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-sample-'));
  try {
    fs.cpSync(path.join(REPO_ROOT, 'articles'), path.join(folder, 'articles'), { recursive: true });
    fs.cpSync(path.join(REPO_ROOT, 'annotations'), path.join(folder, 'annotations'), { recursive: true });
    body(folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Analyses a draft with the annotation file discovery finds for it; fails the test when there is none. */
export async function analyzeDraftFile(draft: string, settings: ProjectSettings = DEFAULT_PROJECT_SETTINGS): Promise<Analysis> {
  const analysis = await new AnnotationProject(nodeFileHost, settings).analyzeDraft(draft);
  if (!analysis) throw new Error(`no annotation file found for ${draft}`);
  return analysis;
}

/** The findings of one code, in a stable order. */
export function findingsOf(analysis: Analysis, code: string): Finding[] {
  return analysis.findings.filter((finding) => finding.code === code).sort((a, b) => a.file.localeCompare(b.file) || a.range.start - b.range.start);
}

/** The text of a file that a finding's range covers. */
export function textAt(analysis: Analysis, finding: Finding): string {
  const text =
    finding.file === analysis.draft?.path
      ? analysis.draft.text
      : finding.file === analysis.annotations.file
        ? analysis.annotations.text
        : (analysis.registry?.text ?? readText(finding.file));
  return text.slice(finding.range.start, finding.range.end);
}
