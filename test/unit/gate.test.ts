// The publication gate: the built CLI's SARIF output (checked against the official schema), its exit
// status options, the project config it reads, and the sign-off report.
import Ajv from 'ajv';
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type * as Sarif from 'sarif';
import type { LocatedFinding } from '../../src/cli/run';
import { ALL_FINDING_CODES } from '../../src/core/codes';
import type { DraftReport } from '../../src/core/report';
import { REPO_ROOT, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT, fixture, inSampleCopy, readText } from './helpers';
import { cli, type Run } from './builtCli';
import { sarifSchemaFile } from './sarifSchema';

function json<T>(run: Run): T {
  return JSON.parse(run.stdout) as T;
}

/** A validator for the SARIF schema that also checks its formats, so a relative `helpUri` fails. */
function sarifValidator(): (log: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  const validate = ajv.compile(JSON.parse(fs.readFileSync(sarifSchemaFile(), 'utf8')));
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`));
}

describe('the publication gate', function () {
  this.timeout(120_000);

  before(() => {
    execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'pipe' });
  });

  describe('--format sarif', () => {
    let log: Sarif.Log;

    before(() => {
      const run = cli(['check', 'articles', '--format', 'sarif']);
      assert.equal(run.status, 1, run.stderr);
      log = json<Sarif.Log>(run);
    });

    it('writes a log that validates against the SARIF 2.1.0 schema', () => {
      const validate = sarifValidator();
      assert.deepEqual(validate(log), []);
      // The validator is not lenient: a broken log fails it.
      assert.notDeepEqual(validate({ ...log, version: '2.0.0' }), []);
      const rules = log.runs[0].tool.driver.rules!;
      assert.notDeepEqual(validate({ ...log, runs: [{ ...log.runs[0], tool: { driver: { ...log.runs[0].tool.driver, rules: [{ ...rules[0], helpUri: 'docs/x.md' }] } } }] }), []);
    });

    it('describes every finding code as a rule, with its default level and documentation', () => {
      const rules = log.runs[0].tool.driver.rules!;
      assert.deepEqual(rules.map((rule) => rule.id), [...ALL_FINDING_CODES]);
      const vague = rules.find((rule) => rule.id === 'vague-attribution')!;
      assert.equal(vague.defaultConfiguration?.level, 'note');
      assert.equal(rules.find((rule) => rule.id === 'span-not-found')!.defaultConfiguration?.level, 'error');
      assert.match(vague.shortDescription!.text, /Weasel attribution/);
      assert.match(vague.help!.markdown!, /\(docs\/findings\/vague-attribution\.md\)/);
      for (const rule of rules) assert.ok(fs.existsSync(path.join(REPO_ROOT, 'docs', 'findings', `${rule.id}.md`)), rule.id);
    });

    it('places the same findings as --format json, columns in UTF-16 code units', () => {
      const located = json<LocatedFinding[]>(cli(['check', 'articles', '--format', 'json']));
      const run = log.runs[0];
      assert.equal(run.columnKind, 'utf16CodeUnits');
      assert.equal(run.originalUriBaseIds?.['%SRCROOT%']?.uri, `file://${REPO_ROOT}/`);
      const asLocated = run.results!.map((result) => {
        const { artifactLocation, region } = result.locations![0].physicalLocation!;
        assert.equal(artifactLocation!.uriBaseId, '%SRCROOT%');
        assert.equal(run.tool.driver.rules![result.ruleIndex!].id, result.ruleId);
        return `${artifactLocation!.uri}:${region!.startLine}:${region!.startColumn}-${region!.endLine}:${region!.endColumn} ${result.ruleId} ${result.level} ${result.message.text}`;
      });
      const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
      assert.deepEqual(
        asLocated,
        located.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.code} ${level[f.severity]} ${f.message}`),
      );
      const files = new Set(run.results!.map((result) => result.locations![0].physicalLocation!.artifactLocation!.uri));
      assert.deepEqual([...files].sort(), [path.relative(REPO_ROOT, SAMPLE_ANNOTATIONS), path.relative(REPO_ROOT, SAMPLE_DRAFT)]);
    });

    it('counts an emoji before a finding as two columns', () => {
      const text = readText(fixture('cli', 'utf16', 'articles', 'emoji.txt'));
      const line = text.split('\n')[1];
      const sarif = json<Sarif.Log>(cli(['check', 'test/fixtures/cli/utf16', '--format', 'sarif']));
      const claim = sarif.runs[0].results!.find((result) => result.ruleId === 'unattributed-claim')!;
      assert.equal(claim.locations![0].physicalLocation!.region!.startColumn, line.indexOf('the harbour will reopen') + 1);
    });
  });

  describe('exit status', () => {
    const infoOnly = 'test/fixtures/cli/info-only';
    const nested = 'test/fixtures/cli/nested';

    it('fails on warnings by default, and on information with --fail-on information', () => {
      assert.equal(cli(['check', infoOnly]).status, 0);
      assert.equal(cli(['check', infoOnly, '--fail-on', 'information']).status, 1);
      assert.equal(cli(['check', infoOnly, '--fail-on=warning']).status, 0);
    });

    it('counts in the summary as one writes it: "1 finding (0 errors, 1 warning, …)"', () => {
      assert.match(cli(['check', infoOnly]).stderr, /^1 finding \(0 errors, 0 warnings, 1 information, 0 hints\) in 1 annotated draft$/m);
      assert.match(cli(['check', nested]).stderr, /^2 findings \(0 errors, 1 warning, 1 information, 0 hints\) in 1 annotated draft$/m);
      assert.match(cli(['check', nested, '--max-warnings', '0', '--fail-on', 'error']).stderr, /1 warning, more than the 0 allowed/);
    });

    it('passes warnings with --fail-on error', () => {
      assert.equal(cli(['check', nested]).status, 1);
      assert.equal(cli(['check', nested, '--fail-on', 'error']).status, 0);
    });

    it('lets up to --max-warnings N warnings pass and fails past them, saying so', () => {
      // The sample has 6 warnings and no error.
      assert.equal(cli(['check', 'articles', '--max-warnings', '6']).status, 0);
      const over = cli(['check', 'articles', '--max-warnings', '5']);
      assert.equal(over.status, 1);
      assert.match(over.stderr, /6 warnings, more than the 5 allowed/);
      assert.equal(cli(['check', 'articles', '--max-warnings', '6', '--fail-on', 'warning']).status, 1);
      assert.equal(cli(['check', infoOnly, '--max-warnings', '0', '--fail-on', 'information']).status, 1);
    });

    it('exits 2 for a bad --fail-on or --max-warnings', () => {
      for (const [args, message] of [
        [['--fail-on', 'hint'], /--fail-on takes error, warning or information, not hint/],
        [['--max-warnings', 'some'], /--max-warnings takes a whole number, not some/],
        [['--max-warnings'], /--max-warnings takes a whole number, not nothing/],
        [['--format', 'xml'], /--format takes text, json or sarif, not xml/],
      ] as const) {
        const run = cli(['check', 'articles', ...args]);
        assert.equal(run.status, 2);
        assert.match(run.stderr, message);
      }
    });
  });

  describe('the project config', () => {
    it('reads .editorial-annotations.yaml from the current folder upwards: folder, severities, phrases', () => {
      for (const cwd of [fixture('config', 'yaml'), fixture('config', 'yaml', 'desk', 'articles')]) {
        const findings = json<LocatedFinding[]>(cli(['check', '.', '--format', 'json'], cwd));
        const summary = findings.map((f) => `${path.basename(f.file)} ${f.severity} ${f.code} ${f.message.includes('"hints"') ? 'hints' : ''}`.trim());
        assert.deepEqual(summary, ['harbour.txt error unattributed-claim', 'harbour.txt warning vague-attribution hints'], cwd);
      }
    });

    it('reads the editorialAnnotations key of package.json', () => {
      const run = cli(['check', '.', '--format', 'json'], fixture('config', 'package-json'));
      assert.equal(run.status, 1);
      assert.deepEqual(json<LocatedFinding[]>(run).map((f) => `${f.severity} ${f.code}`), ['error vague-attribution']);
    });

    it('stops with exit 2 and says where each mistake is in a bad config', () => {
      const run = cli(['check', '.'], fixture('config', 'invalid'));
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /invalid project config \.editorial-annotations\.yaml:/);
      assert.match(run.stderr, /\.editorial-annotations\.yaml:3:3: severity\.vague-atribution: 'vague-atribution' is not a finding code \(did you mean vague-attribution\?\)/);
      assert.match(run.stderr, /\.editorial-annotations\.yaml:4:3: severity\.unattributed-claim: 'fatal' is not a severity/);
      assert.match(run.stderr, /\.editorial-annotations\.yaml:5:1: vaguePhrases: 'vaguePhrases' is not a setting/);
      const fromJson = cli(['report', '.'], fixture('config', 'invalid-json'));
      assert.equal(fromJson.status, 2);
      assert.match(fromJson.stderr, /package\.json: editorialAnnotations\.severity\.unattributed-claim: 'warn' is not a severity: use error, warning, information, hint or off \(did you mean warning\?\)/);
    });
  });

  describe('report', () => {
    it("summarises the sample's claims, sources and findings as JSON", () => {
      const run = cli(['report', 'articles', '--format', 'json']);
      assert.equal(run.status, 0, run.stderr);
      const [report] = json<DraftReport[]>(run);
      assert.equal(report.draft, 'articles/putin-witkoff-talks.txt');
      assert.equal(report.annotationFile, 'annotations/putin-witkoff-talks.yaml');
      const yaml = readText(SAMPLE_ANNOTATIONS);
      assert.equal(report.claims.total, (yaml.match(/^ {2}- (id|text):/gm) ?? []).length);
      assert.equal(Object.values(report.claims.byType).reduce((a, b) => a + b, 0), report.claims.total);
      assert.equal(Object.values(report.claims.byStatus).reduce((a, b) => a + b, 0), report.claims.total);
      assert.equal(report.unattributed, 2);
      assert.equal(report.unverified, report.claims.byStatus.unverified);
      const check = json<LocatedFinding[]>(cli(['check', 'articles', '--format', 'json']));
      assert.equal(report.findings.warning, check.filter((f) => f.severity === 'warning').length);
      assert.equal(report.findings.information, check.filter((f) => f.severity === 'information').length);
      const trump = report.sources.find((source) => source.name === 'Donald Trump');
      assert.ok(trump && trump.claims > 0 && !trump.anonymous);
      assert.ok(report.sources.some((source) => source.anonymous));
    });

    it('prints Markdown by default, anonymous sources by name only, never their identity', () => {
      const run = cli(['report', 'test/fixtures/report']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(
        run.stdout,
        [
          '# Sourcing report: 1 annotated draft',
          '',
          '## `test/fixtures/report/articles/budget.txt`',
          '',
          'Annotations: `test/fixtures/report/annotations/budget.yaml`',
          '',
          '- **Claims**: 4 (Prediction 2 · Direct quote 1 · Fact 1)',
          '- **Status**: unverified 3 · verified 1',
          '- **Unattributed**: 1',
          '- **Unverified**: 3',
          '- **Findings**: error 0 · warning 1 · information 1 · hint 0',
          '',
          '| source | claims |',
          '|---|---|',
          '| Ana Ruiz | 2 |',
          '| a senior council official (anonymous) | 1 |',
          '',
        ].join('\n'),
      );
      const asJson = cli(['report', 'test/fixtures/report', '--format', 'json']).stdout;
      for (const secret of ['Jordan Quill', 'deputy treasurer', 'not authorised']) {
        assert.ok(readText(fixture('report', 'annotations', 'budget.yaml')).includes(secret));
        assert.ok(!run.stdout.includes(secret) && !asJson.includes(secret), secret);
      }
    });

    it('counts the findings of an annotation file whose draft is missing, as check does', () => {
      inSampleCopy((folder) => {
        fs.writeFileSync(path.join(folder, 'annotations', 'gone.yaml'), 'version: 1\narticle: ../articles/gone.txt\nclaims:\n  - {text: the ferry runs, type: nope}\n');
        const checked = json<LocatedFinding[]>(cli(['check', '.', '--format', 'json'], folder));
        const reports = json<DraftReport[]>(cli(['report', '.', '--format', 'json'], folder));
        assert.deepEqual(reports.map((report) => [report.draft, report.annotationFile]), [
          [path.relative(REPO_ROOT, SAMPLE_DRAFT), path.relative(REPO_ROOT, SAMPLE_ANNOTATIONS)],
          [null, path.join('annotations', 'gone.yaml')],
        ]);
        for (const severity of ['error', 'warning', 'information', 'hint'] as const) {
          const inReports = reports.reduce((sum, report) => sum + report.findings[severity], 0);
          assert.equal(inReports, checked.filter((finding) => finding.severity === severity).length, severity);
        }
        assert.ok(reports[1].findings.error >= 2, 'article-not-found and the unknown type');
        const markdown = cli(['report', '.'], folder).stdout;
        assert.match(markdown, /^# Sourcing report: 1 annotated draft, 1 annotation file without a draft$/m);
        assert.match(markdown, /^## `annotations\/gone\.yaml`: no draft$/m);
      });
    });

    it('follows the project config', () => {
      const [report] = json<DraftReport[]>(cli(['report', '--format', 'json'], fixture('config', 'package-json')));
      assert.deepEqual(report.findings, { error: 1, warning: 0, information: 0, hint: 0 });
    });
  });
});
