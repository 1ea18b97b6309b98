// The CLI's commands, written against plain streams so tests can run them in-process.
import * as path from 'path';
import type { Analysis } from '../core/analysis';
import { isDraftPath, isYamlPath } from '../core/discovery';
import type { Finding } from '../core/model';
import { AnnotationProject } from '../core/project';
import { LineIndex } from '../core/textIndex';
import { nodeFileHost } from './nodeFileHost';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export const USAGE = `Usage: editorial-annotations check [paths...] [--format text|json]

Checks the sourcing of article drafts against their annotation files.
  paths           drafts (.txt, .md), annotation files (.yaml, .yml) or folders,
                  searched recursively (default: the current folder)
  --format text   one line per finding: file:line:col: severity code message (default)
  --format json   a JSON array of {file, line, column, endLine, endColumn, severity, code, message}
  -h, --help      show this help

Exit status: 0 when there is no warning or error, 1 when there is one, 2 for bad usage.
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

interface CheckArguments {
  readonly paths: string[];
  readonly format: 'text' | 'json';
}

function parseCheckArguments(args: readonly string[]): CheckArguments | string {
  const paths: string[] = [];
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value !== 'text' && value !== 'json') return `--format takes text or json, not ${value ?? 'nothing'}`;
      format = value;
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else {
      paths.push(arg);
    }
  }
  return { paths: paths.length > 0 ? paths : ['.'], format };
}

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout).write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'check') {
    io.stderr.write(`editorial-annotations: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseCheckArguments(rest);
  if (typeof parsed === 'string') {
    io.stderr.write(`editorial-annotations: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  const checked = await check(parsed.paths.map((p) => path.resolve(io.cwd, p)));
  if (typeof checked === 'string') {
    io.stderr.write(`editorial-annotations: ${checked}\n`);
    return 2;
  }
  for (const draft of checked.unannotated) {
    io.stderr.write(`editorial-annotations: ${path.relative(io.cwd, draft)} has no annotation file (nothing to check)\n`);
  }
  const located = locate(checked.findings, checked.texts, io.cwd);
  if (parsed.format === 'json') {
    io.stdout.write(JSON.stringify(located, null, 2) + '\n');
  } else {
    for (const f of located) io.stdout.write(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}\n`);
    io.stderr.write(summary(located, checked.drafts) + '\n');
  }
  return located.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
}

interface CheckResult {
  readonly findings: Finding[];
  /** The text each finding's file had when it was analysed, to turn offsets into lines. */
  readonly texts: Map<string, string>;
  readonly drafts: number;
  /** Drafts named on the command line that have no annotation file. */
  readonly unannotated: string[];
}

/** Analyses every draft and annotation file under the given paths. */
export async function check(paths: readonly string[]): Promise<CheckResult | string> {
  const project = new AnnotationProject(nodeFileHost);
  const drafts = new Set<string>();
  const named = new Set<string>();
  const annotationFiles = new Set<string>();
  for (const target of paths) {
    const kind = await nodeFileHost.stat(target);
    if (kind === undefined) return `no such file or folder: ${target}`;
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
  return { findings, texts, drafts: annotatedDrafts.size, unannotated };
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
  const parts = [`${count('error')} errors`, `${count('warning')} warnings`, `${count('information')} information`, `${count('hint')} hints`];
  return `${located.length} findings (${parts.join(', ')}) in ${drafts} annotated draft${drafts === 1 ? '' : 's'}`;
}
