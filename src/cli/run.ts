// The CLI's commands, written against plain streams so tests can run them in-process.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Analysis } from '../core/analysis';
import { isDraftPath, isYamlPath } from '../core/discovery';
import type { Finding } from '../core/model';
import { plural } from '../core/plural';
import { AnnotationProject, DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../core/project';
import { applySettingsLayers, findProjectConfig, formatProblem } from '../core/projectConfig';
import { draftReport, type DraftReport } from '../core/report';
import { LineIndex } from '../core/textIndex';
import manifest from '../../package.json';
import { filesWritten, fixAnnotationFiles, fixOutcome } from './fix';
import { nodeFileHost, UnreadableError } from './nodeFileHost';
import { relativeReport, reportMarkdown } from './report';
import { toSarif } from './sarif';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export const USAGE = `Usage: editorial-annotations check [paths...] [--format text|json|sarif]
                                   [--fail-on error|warning|information] [--max-warnings N] [--fix]
       editorial-annotations report [paths...] [--format markdown|json]

check   Checks the sourcing of article drafts against their annotation files.
report  Summarises each draft's sourcing for an editor's sign-off: claims by type and status,
        sources, unattributed and unverified claims, findings by severity.

  paths            drafts (.txt, .md), annotation files (.yaml, .yml) or folders,
                   searched recursively (default: the current folder)
  --format text    one line per finding: file:line:col: severity code message (default)
  --format json    a JSON array of {file, line, column, endLine, endColumn, severity, code, message}
  --format sarif   a SARIF 2.1.0 log, for code scanning
  --fail-on LEVEL  the lowest severity that fails the check: error, warning (default) or information
  --fix            first apply the fixes that need no choice to the annotation files (a drifted
                   span updated to the draft's words, an ambiguous one pinned where its claim's
                   source is named at one place alone); drafts are not changed. A drifted span
                   whose figures changed, whose claim has a status other than unverified,
                   whose changed words are a direct quote or within a quotation, or whose place
                   among several its source does not confirm, is left for a person
                   to update in the editor (a verified claim is then set back to unverified)
  --max-warnings N fail when there are more than N warnings; alone, it lets up to N warnings pass
                   (errors still fail)
  --format markdown|json   (report) Markdown (default) or JSON
  -h, --help       show this help

Settings (severity per code, phrase lists, the annotations folder) come from the nearest
.editorial-annotations.yaml, or "editorialAnnotations" in package.json, from the current folder up.

Exit status: 0 when the check passes, 1 when it fails, 2 for bad usage, a bad config, or a draft,
annotation file or folder it can't read (nothing is checked then).
`;

/** A finding placed in its file by line and column (1-based, UTF-16 columns as VS Code counts them). */
export interface LocatedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Finding['severity'];
  readonly code: string;
  readonly message: string;
}

const FAIL_LEVELS = ['error', 'warning', 'information'] as const;
type FailLevel = (typeof FAIL_LEVELS)[number];
const RANK: Record<Finding['severity'], number> = { error: 3, warning: 2, information: 1, hint: 0 };

interface CheckArguments {
  readonly command: 'check';
  readonly paths: string[];
  readonly format: 'text' | 'json' | 'sarif';
  readonly failOn?: FailLevel;
  readonly maxWarnings?: number;
  /** Apply the fixes that need no choice to the annotation files first. */
  readonly fix: boolean;
}

interface ReportArguments {
  readonly command: 'report';
  readonly paths: string[];
  readonly format: 'markdown' | 'json';
}

/** Splits `--name value` and `--name=value` options from paths; each handler returns an error or nothing. */
function parseOptions(
  args: readonly string[],
  handlers: Readonly<Record<string, (value: string | undefined) => string | undefined>>,
): { paths: string[] } | string {
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
    if (handler) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      const error = handler(value);
      if (error) return error;
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else {
      paths.push(arg);
    }
  }
  return { paths: paths.length > 0 ? paths : ['.'] };
}

function oneOf<T extends string>(option: string, allowed: readonly T[], value: string | undefined, set: (value: T) => void): string | undefined {
  if (value === undefined || !(allowed as readonly string[]).includes(value)) {
    return `${option} takes ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not ${value ?? 'nothing'}`;
  }
  set(value as T);
  return undefined;
}

function parseCheckArguments(args: readonly string[]): CheckArguments | string {
  let format: CheckArguments['format'] = 'text';
  let failOn: FailLevel | undefined;
  let maxWarnings: number | undefined;
  const fix = args.includes('--fix');
  const parsed = parseOptions(args.filter((arg) => arg !== '--fix'), {
    '--format': (value) => oneOf('--format', ['text', 'json', 'sarif'], value, (v) => (format = v)),
    '--fail-on': (value) => oneOf('--fail-on', FAIL_LEVELS, value, (v) => (failOn = v)),
    '--max-warnings': (value) => {
      if (value === undefined || !/^\d+$/.test(value)) return `--max-warnings takes a whole number, not ${value ?? 'nothing'}`;
      maxWarnings = Number(value);
      return undefined;
    },
  });
  return typeof parsed === 'string' ? parsed : { command: 'check', paths: parsed.paths, format, failOn, maxWarnings, fix };
}

function parseReportArguments(args: readonly string[]): ReportArguments | string {
  let format: ReportArguments['format'] = 'markdown';
  const parsed = parseOptions(args, {
    '--format': (value) => oneOf('--format', ['markdown', 'json'], value, (v) => (format = v)),
  });
  return typeof parsed === 'string' ? parsed : { command: 'report', paths: parsed.paths, format };
}

/** The settings of the project the CLI runs in, from its config file; a message when that is invalid. */
async function projectSettings(cwd: string): Promise<ProjectSettings | string> {
  const found = await findProjectConfig(nodeFileHost, cwd);
  if (found.kind === 'none') return DEFAULT_PROJECT_SETTINGS;
  if (found.kind === 'invalid') {
    const shown = path.relative(cwd, found.file) || found.file;
    return `invalid project config ${shown}:\n${found.problems.map((problem) => `  ${formatProblem(problem, shown)}`).join('\n')}`;
  }
  return applySettingsLayers(DEFAULT_PROJECT_SETTINGS, found.config);
}

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout).write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'check' && command !== 'report') {
    io.stderr.write(`editorial-annotations: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const parsed = command === 'check' ? parseCheckArguments(rest) : parseReportArguments(rest);
  if (typeof parsed === 'string') {
    io.stderr.write(`editorial-annotations: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  try {
    const settings = await projectSettings(io.cwd);
    if (typeof settings === 'string') {
      io.stderr.write(`editorial-annotations: ${settings}\n`);
      return 2;
    }
    const paths = parsed.paths.map((p) => path.resolve(io.cwd, p));
    return await checkOrReport(parsed, paths, settings, io);
  } catch (error) {
    if (!(error instanceof UnreadableError)) throw error;
    io.stderr.write(`editorial-annotations: cannot read ${path.relative(io.cwd, error.file) || '.'} (${error.code}): nothing was checked\n`);
    return 2;
  }
}

async function checkOrReport(parsed: CheckArguments | ReportArguments, paths: readonly string[], settings: ProjectSettings, io: CliIo): Promise<number> {
  let analysed = await analyzePaths(paths, settings);
  if (typeof analysed !== 'string' && parsed.command === 'check' && parsed.fix) {
    const result = await fixAnnotationFiles(analysed.analyses);
    for (const file of result.changedMeanwhile) {
      io.stderr.write(`editorial-annotations: ${path.relative(io.cwd, file)} changed on disk while it was checked: not fixed, run again\n`);
    }
    if (result.files.length > 0) {
      analysed = await analyzePaths(paths, settings);
      // Fixed is what the check after the fixes no longer finds, not what was written; each message
      // names the files its findings' fixes wrote, so a file whose fix left its finding isn't said fixed.
      if (typeof analysed !== 'string') {
        const { fixed, left } = fixOutcome(result.applied, analysed.analyses);
        const named = (findings: typeof fixed): string => filesWritten(findings).map((file) => path.relative(io.cwd, file)).join(', ');
        if (fixed.length > 0) io.stderr.write(`editorial-annotations: fixed ${plural(fixed.length, 'finding')} in ${named(fixed)}\n`);
        if (left.length > 0) {
          const written = left.length === 1 ? 'its fix was' : 'their fixes were';
          io.stderr.write(`editorial-annotations: ${plural(left.length, 'finding')} still reported after ${written} written to ${named(left)}\n`);
        }
      }
    }
  }
  if (typeof analysed === 'string') {
    io.stderr.write(`editorial-annotations: ${analysed}\n`);
    return 2;
  }
  for (const draft of analysed.unannotated) {
    io.stderr.write(`editorial-annotations: ${path.relative(io.cwd, draft)} has no annotation file (nothing to check)\n`);
  }
  return parsed.command === 'check' ? runCheck(parsed, analysed, io) : runReport(parsed, analysed, io);
}

async function runCheck(parsed: CheckArguments, analysed: AnalysedPaths, io: CliIo): Promise<number> {
  const checked = await collectFindings(analysed);
  const located = locate(checked.findings, checked.texts, io.cwd);
  const warnings = located.filter((f) => f.severity === 'warning').length;
  if (parsed.format === 'json') {
    io.stdout.write(JSON.stringify(located, null, 2) + '\n');
  } else if (parsed.format === 'sarif') {
    const repository = (manifest as { repository?: unknown }).repository;
    const tool = { name: manifest.name, version: manifest.version, repositoryUrl: repositoryUrl(repository) };
    io.stdout.write(JSON.stringify(toSarif(located, io.cwd, tool), null, 2) + '\n');
  } else {
    // One finding a line, for grep and problem matchers: a message quoting a value of several lines keeps it on one.
    for (const f of located) io.stdout.write(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message.replace(/\r\n|[\n\r\u2028\u2029]/g, '\\n')}\n`);
    io.stderr.write(summary(located, checked.drafts) + '\n');
  }
  // With a warning budget, warnings fail only past it, unless --fail-on says otherwise.
  const failOn = parsed.failOn ?? (parsed.maxWarnings === undefined ? 'warning' : 'error');
  const tooManyWarnings = parsed.maxWarnings !== undefined && warnings > parsed.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`editorial-annotations: ${plural(warnings, 'warning')}, more than the ${parsed.maxWarnings} allowed\n`);
  return tooManyWarnings || located.some((f) => RANK[f.severity] >= RANK[failOn]) ? 1 : 0;
}

function runReport(parsed: ReportArguments, analysed: AnalysedPaths, io: CliIo): number {
  // A draft once; an annotation file without a draft too, with the findings `check` fails on.
  const reports = new Map<string, DraftReport>();
  for (const analysis of analysed.analyses) {
    const key = analysis.draft?.path ?? analysis.annotations.file;
    if (!reports.has(key)) reports.set(key, relativeReport(draftReport(analysis), io.cwd));
  }
  const sorted = [...reports.values()].sort((a, b) => (a.draft === null ? 1 : 0) - (b.draft === null ? 1 : 0) || (a.draft ?? a.annotationFile).localeCompare(b.draft ?? b.annotationFile));
  io.stdout.write(parsed.format === 'json' ? JSON.stringify(sorted, null, 2) + '\n' : reportMarkdown(sorted));
  return 0;
}

/** package.json's `repository` as a browsable https address, when it names one. */
function repositoryUrl(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof raw !== 'string') return undefined;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https:\/\//.test(url) ? url : undefined;
}

interface AnalysedPaths {
  readonly analyses: readonly Analysis[];
  /** Drafts named on the command line that have no annotation file. */
  readonly unannotated: readonly string[];
}

interface CheckResult {
  readonly findings: Finding[];
  /** The text each finding's file had when it was analysed, to turn offsets into lines. */
  readonly texts: Map<string, string>;
  readonly drafts: number;
}

/** Analyses every draft and annotation file under the given paths; a message for a bad path. */
export async function analyzePaths(paths: readonly string[], settings: ProjectSettings = DEFAULT_PROJECT_SETTINGS): Promise<AnalysedPaths | string> {
  // One check of files that stay put: a listing of the drafts is made once, not once per annotation
  // file that names no draft (quadratic: 2,000 such files took 16 s).
  const project = new AnnotationProject(nodeFileHost, settings, undefined, true);
  const drafts = new Set<string>();
  const named = new Set<string>();
  const annotationFiles = new Set<string>();
  for (const given of paths) {
    const kind = await nodeFileHost.stat(given);
    if (kind === undefined) return `no such file or folder: ${given}`;
    // Through a link (`mirror -> articles`), a draft's path is not the one its annotation file's
    // `article:` names: the real path is.
    const target = await fs.realpath(given);
    if (kind === 'directory') {
      for (const file of await nodeFileHost.listFiles(target, ['.txt', '.md'])) drafts.add(file);
      for (const file of await nodeFileHost.listFiles(target, ['.yaml', '.yml'])) annotationFiles.add(file);
    } else if (isDraftPath(target)) {
      drafts.add(target);
      named.add(target);
    } else if (isYamlPath(target)) {
      annotationFiles.add(target);
    } else {
      return `not a draft, an annotation file or a folder: ${target}`;
    }
  }
  const analyses: Analysis[] = [];
  const unannotated: string[] = [];
  const covered = new Set<string>();
  for (const draft of [...drafts].sort()) {
    const analysis = await project.analyzeDraft(draft);
    if (!analysis) {
      if (named.has(draft)) unannotated.push(draft);
      continue;
    }
    analyses.push(analysis);
    covered.add(analysis.annotations.file);
    if (analysis.registry) covered.add(analysis.registry.file);
  }
  for (const file of [...annotationFiles].sort()) {
    if (covered.has(file)) continue;
    for (const analysis of await project.analyzeAnnotationFile(file)) {
      analyses.push(analysis);
      covered.add(analysis.annotations.file);
    }
  }
  return { analyses, unannotated };
}

/** The findings of the analyses, each once, with the texts to place them by line. */
async function collectFindings({ analyses }: AnalysedPaths): Promise<CheckResult> {
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const analysis of analyses) {
    if (analysis.draft) texts.set(analysis.draft.path, analysis.draft.text);
    texts.set(analysis.annotations.file, analysis.annotations.text);
    if (analysis.registry) texts.set(analysis.registry.file, analysis.registry.text);
    for (const finding of analysis.findings) {
      const key = `${finding.file}\0${finding.range.start}\0${finding.range.end}\0${finding.code}\0${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  for (const finding of findings) {
    if (!texts.has(finding.file)) texts.set(finding.file, (await nodeFileHost.readText(finding.file)) ?? '');
  }
  const annotatedDrafts = new Set(analyses.flatMap((analysis) => (analysis.draft ? [analysis.draft.path] : [])));
  return { findings, texts, drafts: annotatedDrafts.size };
}

export function locate(findings: readonly Finding[], texts: ReadonlyMap<string, string>, cwd: string): LocatedFinding[] {
  const indexes = new Map<string, LineIndex>();
  const located = findings.map((finding) => {
    let index = indexes.get(finding.file);
    if (!index) {
      index = new LineIndex(texts.get(finding.file) ?? '');
      indexes.set(finding.file, index);
    }
    const start = index.positionAt(finding.range.start);
    const end = index.positionAt(finding.range.end);
    return {
      file: path.relative(cwd, finding.file) || path.basename(finding.file),
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: finding.severity,
      code: finding.code,
      message: finding.message,
    };
  });
  return located.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

function summary(located: readonly LocatedFinding[], drafts: number): string {
  const count = (severity: Finding['severity']): number => located.filter((f) => f.severity === severity).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), `${count('information')} information`, plural(count('hint'), 'hint')];
  return `${plural(located.length, 'finding')} (${parts.join(', ')}) in ${plural(drafts, 'annotated draft')}`;
}
