// The built command-line check (dist/cli.js), run as a user runs it: a child process in a folder,
// against the sample and the fixture projects of test/fixtures/cli.
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { LocatedFinding } from '../../src/cli/run';
import { cli, type Run } from './builtCli';
import { REPO_ROOT, SAMPLE_DRAFT, inSampleCopy, readText } from './helpers';

const SAMPLE = path.relative(REPO_ROOT, SAMPLE_DRAFT);
const CLI_FIXTURES = 'test/fixtures/cli';

const TEXT_LINE = /^(.+?):(\d+):(\d+): (error|warning|information|hint) ([a-z-]+) (.+)$/;

/** The lines of a text-format run, each checked against `file:line:col: severity code message`. */
function textLines(run: Run): string[] {
  const lines = run.stdout.split('\n').filter((line) => line !== '');
  for (const line of lines) assert.match(line, TEXT_LINE);
  return lines;
}

function jsonFindings(run: Run): LocatedFinding[] {
  const parsed: unknown = JSON.parse(run.stdout);
  assert.ok(Array.isArray(parsed));
  return parsed as LocatedFinding[];
}

/** 1-based line and UTF-16 column of an offset, counted here rather than by the engine. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Runs `body` in a new folder that holds the given files (path relative to it -> text), removed afterwards. */
function inNewFolder(files: Record<string, string>, body: (folder: string) => void): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-cli-'));
  try {
    for (const [relative, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
      fs.writeFileSync(path.join(folder, relative), text);
    }
    body(folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function expectUsageError(args: readonly string[], message: RegExp): void {
  const run = cli(args);
  assert.equal(run.status, 2, `exit status of ${args.join(' ')}`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, message);
}

describe('the command-line check', function () {
  // Building the bundle takes a few seconds on a cold cache.
  this.timeout(60_000);

  before(() => {
    execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'pipe' });
  });

  describe('on the sample', () => {
    it("prints the sample's deliberate warnings as file:line:col: severity code message and exits 1", () => {
      const run = cli(['check', 'articles']);
      assert.equal(run.status, 1);
      const lines = textLines(run);
      const count = (file: string, code: string): number =>
        lines.filter((line) => line.startsWith(`${file}:`) && TEXT_LINE.exec(line)![5] === code).length;
      assert.equal(count(SAMPLE, 'unattributed-claim'), 2);
      for (const code of ['attribution-not-in-text', 'unannotated-quote', 'vague-attribution', 'loaded-attribution-verb', 'anonymous-source-without-reason']) {
        assert.ok(count(SAMPLE, code) >= 1, code);
      }
      assert.equal(count('annotations/putin-witkoff-talks.yaml', 'anonymous-source-without-reason'), 1);
      assert.ok(!lines.some((line) => TEXT_LINE.exec(line)![4] === 'error'), 'the sample has no error');
      assert.match(run.stderr, /findings \(0 errors, \d+ warnings, .*\) in 1 annotated draft\n$/);
    });

    it('gives 1-based lines and columns that point at the words in the draft', () => {
      const text = readText(SAMPLE_DRAFT);
      const lines = textLines(cli(['check', 'articles']));
      const reports = lineColumn(text, text.indexOf('reports suggest'));
      assert.ok(lines.includes(`${SAMPLE}:${reports.line}:${reports.column}: information vague-attribution Vague attribution "reports suggest": say who reports, suggests or believes it`));
      const quote = lineColumn(text, text.indexOf('"most of the major points are agreed to"'));
      assert.ok(lines.some((line) => line.startsWith(`${SAMPLE}:${quote.line}:${quote.column}: warning unannotated-quote `)), `${quote.line}:${quote.column}`);
    });

    it('prints the same findings as a JSON array with --format json, files relative to the working folder', () => {
      const text = textLines(cli(['check', 'articles']));
      for (const args of [['--format', 'json'], ['--format=json']]) {
        const run = cli(['check', 'articles', ...args]);
        assert.equal(run.status, 1);
        const findings = jsonFindings(run);
        for (const finding of findings) {
          assert.deepEqual(Object.keys(finding).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
          assert.ok([finding.line, finding.column, finding.endLine, finding.endColumn].every(Number.isInteger));
          assert.ok(!path.isAbsolute(finding.file), finding.file);
        }
        const asText = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}`);
        assert.deepEqual(asText, text);
      }
    });

    it('names files relative to the folder it runs in', () => {
      const files = new Set(jsonFindings(cli(['check', '.', '--format', 'json'], path.join(REPO_ROOT, 'articles'))).map((finding) => finding.file));
      assert.deepEqual([...files].sort(), ['../annotations/putin-witkoff-talks.yaml', 'putin-witkoff-talks.txt']);
    });

    it('prints the same with --format text as by default', () => {
      assert.deepEqual(cli(['check', 'articles', '--format', 'text']).stdout, cli(['check', 'articles']).stdout);
    });
  });

  describe('on fixture projects', () => {
    const nested = `${CLI_FIXTURES}/nested`;
    const harbourLines = [
      `${nested}/articles/2025/04/harbour.txt:1:1: warning unattributed-claim Unattributed fact: nothing says who makes this claim. Add a source, or a basis such as common knowledge.`,
      `${nested}/articles/2025/04/harbour.txt:2:28: information vague-attribution Vague attribution "reportedly": say who reports, suggests or believes it`,
    ];

    it('searches a folder recursively', () => {
      const run = cli(['check', nested]);
      assert.equal(run.status, 1);
      assert.deepEqual(textLines(run), harbourLines);
    });

    it("checks a YAML file given by path, with its draft's findings", () => {
      const run = cli(['check', `${nested}/annotations/harbour.yaml`]);
      assert.equal(run.status, 1);
      assert.deepEqual(textLines(run), harbourLines);
    });

    it('exits 0 and prints nothing on stdout for a clean project', () => {
      const run = cli(['check', `${CLI_FIXTURES}/clean`]);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^0 findings .* in 1 annotated draft\n$/);
    });

    it('exits 0 when there is only information to print', () => {
      const run = cli(['check', `${CLI_FIXTURES}/info-only`]);
      assert.equal(run.status, 0);
      assert.deepEqual(textLines(run).map((line) => TEXT_LINE.exec(line)![5]), ['vague-attribution']);
    });

    it('counts columns in UTF-16 code units: an emoji before a span counts 2', () => {
      const draft = path.join(REPO_ROOT, CLI_FIXTURES, 'utf16/articles/emoji.txt');
      const text = readText(draft);
      const lineStart = text.indexOf('\n') + 1;
      const before = text.slice(lineStart, text.indexOf('the harbour will reopen'));
      assert.ok(before.includes('🎉') && before.includes('東京'));
      // Counting code points would give one less: the fixture tells the two apart.
      assert.notEqual(before.length, Array.from(before).length);
      const run = cli(['check', `${CLI_FIXTURES}/utf16`, '--format', 'json']);
      const claim = jsonFindings(run).find((finding) => finding.code === 'unattributed-claim');
      assert.ok(claim);
      assert.deepEqual(
        { line: claim.line, column: claim.column, endLine: claim.endLine, endColumn: claim.endColumn },
        { line: 2, column: before.length + 1, endLine: 2, endColumn: before.length + 1 + 'the harbour will reopen'.length },
      );
      const reportedly = jsonFindings(run).find((finding) => finding.code === 'vague-attribution');
      assert.equal(reportedly?.column, text.indexOf('reportedly') - lineStart + 1);
    });

    it('does not count a byte order mark as a column', () => {
      const text = readText(path.join(REPO_ROOT, CLI_FIXTURES, 'bom/articles/bom.txt'));
      assert.equal(text.charCodeAt(0), 0xfeff);
      const claim = jsonFindings(cli(['check', `${CLI_FIXTURES}/bom`, '--format', 'json'])).find((finding) => finding.code === 'unattributed-claim');
      assert.equal(claim?.column, text.slice(1).indexOf('the harbour will reopen') + 1);
    });

    it('reports the same findings for a draft whether given the draft or its folder', () => {
      const draftLines = (run: Run): string[] => textLines(run).filter((line) => line.startsWith('test/fixtures/discovery/articles/contested.txt:'));
      const alone = draftLines(cli(['check', 'test/fixtures/discovery/articles/contested.txt']));
      const inFolder = draftLines(cli(['check', 'test/fixtures/discovery']));
      assert.deepEqual(inFolder, alone);
    });
  });

  describe('bad usage', () => {
    it('exits 2 with a message on stderr for an unknown option', () => {
      expectUsageError(['check', '--bogus', 'articles'], /unknown option --bogus/);
    });

    it('exits 2 for a --format other than text, json or sarif, or none', () => {
      expectUsageError(['check', 'articles', '--format', 'xml'], /--format takes text, json or sarif, not xml/);
      expectUsageError(['check', 'articles', '--format'], /--format takes text, json or sarif, not nothing/);
    });

    it('exits 2 for a path that does not exist, or is neither a draft, a YAML file nor a folder', () => {
      expectUsageError(['check', 'articles/no-such-draft.txt'], /no such file or folder: .*articles\/no-such-draft\.txt/);
      expectUsageError(['check', 'package.json'], /not a draft, an annotation file or a folder: .*package\.json/);
    });

    it('prints one finding a line, a message quoting a value of several lines included', () => {
      const files = {
        'articles/ferry.txt': 'The mayor said the ferry will run.\n',
        'annotations/ferry.yaml': 'version: 1\nclaims:\n  - {text: the ferry will run, type: "para\\nphrase", source: "may\\nor"}\n',
      };
      inNewFolder(files, (folder) => {
        const lines = textLines(cli(['check', '.'], folder));
        assert.ok(lines.some((line) => line.includes("'para\\nphrase'")), lines.join('\n'));
      });
    });

    it('checks no file as a draft that is none: an `article:` naming a .json is reported, and the .json is not checked', () => {
      const files = {
        'articles/quay.json': '{"quote": "we will reopen the quay in May, whatever the council decides"}\n',
        'annotations/quay.yaml': 'version: 1\narticle: ../articles/quay.json\n',
      };
      inNewFolder(files, (folder) => {
        const run = cli(['check', '.'], folder);
        assert.deepEqual(textLines(run), [
          'annotations/quay.yaml:2:10: error invalid-annotation `article:` names "../articles/quay.json", which is not a draft: a draft is a .txt or .md file, and only drafts are checked',
        ]);
        assert.match(run.stderr, /in 0 annotated drafts/);
      });
    });

    it("reports the registry's claims: once, on the registry, whether it is checked with the drafts or given alone", () => {
      const files = {
        'articles/quay.txt': 'Ana Ruiz said the quay reopens in May.\n',
        'annotations/quay.yaml': 'version: 1\nclaims:\n  - text: the quay reopens in May\n    type: paraphrase\n    source: ruiz\n',
        'annotations/entities.yaml': 'version: 1\nentities:\n  ruiz:\n    name: Ana Ruiz\nclaims:\n  - text: the quay reopens in May\n    type: fact\n',
      };
      inNewFolder(files, (folder) => {
        const line =
          'annotations/entities.yaml:5:1: error invalid-annotation The shared registry holds entities only, so these claims are checked against no draft: move them to the annotation file of the article they are about';
        for (const given of ['.', 'annotations/entities.yaml']) assert.deepEqual(textLines(cli(['check', given], folder)), [line], given);
      });
    });

    it('checks drafts given through a link to their folder as the drafts themselves', () => {
      inSampleCopy((folder) => {
        fs.symlinkSync('articles', path.join(folder, 'mirror'));
        const direct = cli(['check', 'articles', '--format', 'json'], folder);
        assert.ok(jsonFindings(direct).length > 0);
        for (const through of ['mirror', path.join('mirror', path.basename(SAMPLE))]) {
          const linked = cli(['check', through, '--format', 'json'], folder);
          assert.deepEqual(jsonFindings(linked), jsonFindings(direct), through);
          assert.doesNotMatch(linked.stderr, /has no annotation file/);
        }
      });
    });

    it('exits 2, checking nothing, when a draft, an annotation file or a folder is there but unreadable', () => {
      inSampleCopy((folder) => {
        // Run as a user without the permission (root reads anything: as root, the run is nobody's).
        fs.chmodSync(folder, 0o755);
        const runner = process.getuid?.() === 0 ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath] : [process.execPath];
        const asUser = (args: readonly string[]): Run => cli(args, folder, runner);
        assert.equal(asUser(['check', '.']).status, 1, 'readable, the sample fails on its warnings');
        const draft = path.join(folder, SAMPLE);
        fs.chmodSync(draft, 0o000);
        const unreadableDraft = asUser(['check', '.']);
        assert.deepEqual([unreadableDraft.status, unreadableDraft.stdout], [2, '']);
        assert.match(unreadableDraft.stderr, /cannot read articles\/putin-witkoff-talks\.txt \(EACCES\): nothing was checked/);
        fs.chmodSync(draft, 0o644);
        fs.chmodSync(path.join(folder, 'annotations'), 0o000);
        try {
          const unreadableFolder = asUser(['check', '.', '--format', 'json']);
          assert.deepEqual([unreadableFolder.status, unreadableFolder.stdout], [2, '']);
          assert.match(unreadableFolder.stderr, /cannot read annotations \(EACCES\)/);
        } finally {
          fs.chmodSync(path.join(folder, 'annotations'), 0o755);
        }
      });
    });

    it('says in --help every reason it exits 2, a file it can\'t read included, as the README does', () => {
      const help = cli(['check', '--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /2 for bad usage, a bad config, or a draft,\s+annotation file or folder it can't read/);
      assert.match(readText(path.join(REPO_ROOT, 'README.md')), /2 bad usage, a bad project config or\s+a file it can't read/);
    });

    it('exits 2 with the usage for no command or an unknown command', () => {
      expectUsageError([], /^Usage: editorial-annotations check/);
      expectUsageError(['lint', 'articles'], /unknown command 'lint'[\s\S]*Usage:/);
    });
  });
});
