// `check --fix` on a redrafted copy of the sample: the YAML follows the draft, comments and all.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { fixAnnotationFiles } from '../../src/cli/fix';
import { nodeFileHost } from '../../src/cli/nodeFileHost';
import { AnnotationProject } from '../../src/core/project';
import { cli } from './builtCli';
import { readText, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT } from './helpers';

describe('check --fix', () => {
  let folder: string;
  let draft: string;
  let yaml: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-fix-'));
    fs.mkdirSync(path.join(folder, 'articles'));
    fs.mkdirSync(path.join(folder, 'annotations'));
    draft = path.join(folder, 'articles', path.basename(SAMPLE_DRAFT));
    yaml = path.join(folder, 'annotations', path.basename(SAMPLE_ANNOTATIONS));
    // The redraft: one word of a quoted claim changes; and a new claim whose words occur twice.
    fs.writeFileSync(draft, readText(SAMPLE_DRAFT).replace('noting they included discussions', 'noting they included talks'));
    fs.writeFileSync(
      yaml,
      readText(SAMPLE_ANNOTATIONS).replace('claims:\n', 'claims:\n  # added by the desk\n  - id: twice\n    text: Pope Francis\n    type: fact\n    basis: common-knowledge\n'),
    );
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('updates drifted spans and pins ambiguous ones, leaving the draft and every other line alone', () => {
    const before = cli(['check', '.', '--format', 'json'], folder);
    const codesBefore = (JSON.parse(before.stdout) as Array<{ code: string }>).map((finding) => finding.code);
    assert.ok(codesBefore.includes('span-drifted'), codesBefore.join(' '));
    assert.ok(codesBefore.includes('span-ambiguous'), codesBefore.join(' '));
    const draftBefore = fs.readFileSync(draft, 'utf8');
    const yamlBefore = fs.readFileSync(yaml, 'utf8');

    const fixed = cli(['check', '.', '--fix', '--format', 'json'], folder);
    assert.match(fixed.stderr, /fixed 2 findings in annotations\/putin-witkoff-talks\.yaml/);
    const codesAfter = (JSON.parse(fixed.stdout) as Array<{ code: string }>).map((finding) => finding.code);
    assert.ok(!codesAfter.includes('span-drifted') && !codesAfter.includes('span-ambiguous'), codesAfter.join(' '));
    assert.equal(fs.readFileSync(draft, 'utf8'), draftBefore, 'the draft is never changed');

    const yamlAfter = fs.readFileSync(yaml, 'utf8');
    const oldLines = new Set(yamlBefore.split('\n'));
    const newLines = new Set(yamlAfter.split('\n'));
    const removed = yamlBefore.split('\n').filter((line) => !newLines.has(line));
    const added = yamlAfter.split('\n').filter((line) => !oldLines.has(line));
    assert.equal(removed.length, 1, `removed: ${removed.join(' | ')}`);
    assert.match(added.join('\n'), /included talks/);
    assert.ok(added.some((line) => /^\s+(prefix|suffix):/.test(line)), `added: ${added.join(' | ')}`);
    assert.ok(yamlAfter.includes('  # added by the desk\n'), 'comments survive');
  });

  it('changes nothing when there is nothing to fix without a choice', () => {
    fs.writeFileSync(draft, readText(SAMPLE_DRAFT));
    fs.writeFileSync(yaml, readText(SAMPLE_ANNOTATIONS));
    const run = cli(['check', '.', '--fix'], folder);
    assert.equal(run.status, 1, 'the sample keeps its deliberate warnings');
    assert.doesNotMatch(run.stderr, /fixed/);
    assert.equal(fs.readFileSync(yaml, 'utf8'), readText(SAMPLE_ANNOTATIONS));
  });

  it('applies one fix where two drafts of one annotation file each ask for context at the same place', () => {
    // articles/prices.txt and articles/prices.md are both annotated by annotations/prices.yaml (by name).
    // Each draft's first place is told apart by other words: two insertions at the end of the claim.
    fs.writeFileSync(path.join(folder, 'articles', 'prices.txt'), 'Analysts: prices rose. Traders: prices rose.\n');
    fs.writeFileSync(path.join(folder, 'articles', 'prices.md'), 'Economists: prices rose. Bankers: prices rose.\n');
    const prices = path.join(folder, 'annotations', 'prices.yaml');
    fs.writeFileSync(prices, 'version: 1\nclaims:\n  - text: prices rose\n    type: fact\n    basis: observed\n');
    const fixed = cli(['check', 'articles/prices.txt', 'articles/prices.md', '--fix', '--format', 'json'], folder);
    const after = parseDocument(fs.readFileSync(prices, 'utf8'));
    assert.deepEqual(after.errors, [], fs.readFileSync(prices, 'utf8'));
    const codes = (JSON.parse(fixed.stdout) as Array<{ code: string }>).map((finding) => finding.code);
    assert.ok(!codes.includes('invalid-annotation'), codes.join(' '));
    assert.match(fixed.stderr, /fixed 1 finding in annotations\/prices\.yaml/);
  });

  it('leaves to a person a drifted span whose numbers changed or whose claim was fact-checked: the check still fails on it', () => {
    // The sentence about next year was cut; the one left about last year is 76% alike.
    fs.writeFileSync(path.join(folder, 'articles', 'ferry.txt'), 'The audit office published its report. The ferry lost $4.2 million last year. Ferry crossings will reach 52,000 a year, it said.\n');
    const ferry = path.join(folder, 'annotations', 'ferry.yaml');
    const yamlText = [
      'version: 1',
      'entities:',
      '  audit:',
      '    name: The audit office',
      '    type: organization',
      'claims:',
      '  - text: The ferry will lose $4.5 million next year',
      '    type: prediction',
      '    source: audit',
      '    status: disputed',
      '  - text: Ferry crossings will reach 50,000 a year',
      '    type: prediction',
      '    source: audit',
      '    status: verified',
      '    evidence: [Audit office report, table 3]',
      '',
    ].join('\n');
    fs.writeFileSync(ferry, yamlText);
    const run = cli(['check', 'articles/ferry.txt', '--fix', '--format', 'json'], folder);
    assert.doesNotMatch(run.stderr, /fixed/);
    assert.equal(fs.readFileSync(ferry, 'utf8'), yamlText);
    const drifted = (JSON.parse(run.stdout) as Array<{ code: string }>).filter((finding) => finding.code === 'span-drifted');
    assert.equal(drifted.length, 2);
    assert.equal(run.status, 1);
  });

  it('leaves an annotation file saved by someone else during the check as they saved it', async () => {
    const analysis = await new AnnotationProject(nodeFileHost).analyzeDraft(draft);
    assert.ok(analysis && analysis.findings.some((finding) => finding.code === 'span-drifted'));
    const theirs = fs.readFileSync(yaml, 'utf8') + '  # a claim the desk is adding\n  - text: Pope Francis\n    type: fact\n    basis: common-knowledge\n';
    fs.writeFileSync(yaml, theirs);
    const result = await fixAnnotationFiles([analysis]);
    assert.deepEqual(result.changedMeanwhile, [yaml]);
    assert.deepEqual([result.fixed, result.files], [0, []]);
    assert.equal(fs.readFileSync(yaml, 'utf8'), theirs);
  });
});
