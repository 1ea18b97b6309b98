// `check --fix` on a redrafted copy of the sample: the YAML follows the draft, comments and all.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { filesWritten, fixAnnotationFiles, fixOutcome } from '../../src/cli/fix';
import { nodeFileHost } from '../../src/cli/nodeFileHost';
import type { Analysis } from '../../src/core/analysis';
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
    // The redraft: one word of a quoted claim changes; and a new claim whose words occur twice ("very
    // close to a deal", Trump; "open to a deal", Lavrov), its source named by the second only.
    fs.writeFileSync(draft, readText(SAMPLE_DRAFT).replace('noting they included discussions', 'noting they included talks'));
    fs.writeFileSync(
      yaml,
      readText(SAMPLE_ANNOTATIONS).replace('claims:\n', 'claims:\n  # added by the desk\n  - id: twice\n    text: a deal\n    type: paraphrase\n    source: lavrov\n'),
    );
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('updates drifted spans and pins ambiguous ones whose source names one place, leaving the draft and every other line alone', () => {
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
    assert.ok(added.some((line) => line.includes('suffix: ", though"')), `pinned to Lavrov's words ("open to a deal, though"): ${added.join(' | ')}`);
  });

  it('leaves an ambiguous span nothing tells about to the user, and says nothing was fixed, run after run', () => {
    // A mention has no source; "Putin" and "Putin’s" are told apart by letters, not by a space.
    fs.writeFileSync(draft, 'Russian President Vladimir Putin on Friday met the envoy.\nPutin’s aide Yuri Ushakov said the talks were constructive.\n');
    const mention = 'version: 1\nentities:\n  putin:\n    name: Vladimir Putin\n    type: person\n    mentions:\n      - text: Putin\nclaims: []\n';
    fs.writeFileSync(yaml, mention);
    for (let run = 0; run < 2; run++) {
      const fixed = cli(['check', '.', '--fix', '--format', 'json'], folder);
      assert.doesNotMatch(fixed.stderr, /fixed/);
      assert.deepEqual((JSON.parse(fixed.stdout) as Array<{ code: string }>).map((finding) => finding.code), ['span-ambiguous']);
      assert.equal(fs.readFileSync(yaml, 'utf8'), mention);
    }
  });

  it('does not tie a verified quote to the first place of its words when they are someone else\'s', () => {
    fs.writeFileSync(
      draft,
      'Prosecutor Helen Okafor told the court that Dunmore "betrayed every family who trusted the hospice" over six years.\n\n' +
        'The court heard that more than 200 families lost money.\n\n' +
        'Passing sentence, Judge Carol Hughes said Dunmore had "betrayed every family who trusted the hospice" and showed no remorse.\n',
    );
    const quote = (source: string) =>
      'version: 1\nentities:\n  hughes:\n    name: Carol Hughes\n    type: person\n' +
      `claims:\n  - text: betrayed every family who trusted the hospice\n    type: direct-quote\n    ${source}\n    status: verified\n`;
    // Named by the judge's sentence only: pinned there.
    fs.writeFileSync(yaml, quote('source: hughes'));
    const pinned = cli(['check', '.', '--fix', '--format', 'json'], folder);
    assert.match(pinned.stderr, /fixed 1 finding in annotations\/putin-witkoff-talks\.yaml/);
    assert.match(fs.readFileSync(yaml, 'utf8'), /prefix: had "\n/);
    // With nothing to say whose words they are, the first place is not pinned.
    fs.writeFileSync(yaml, quote('basis: public-record'));
    const left = cli(['check', '.', '--fix', '--format', 'json'], folder);
    assert.doesNotMatch(left.stderr, /fixed/);
    assert.equal(fs.readFileSync(yaml, 'utf8'), quote('basis: public-record'));
  });

  it('counts as fixed only the findings a check after the fixes no longer has, and names the files of each', async () => {
    const sentence = 'Judge Carol Hughes said Dunmore had "betrayed every family who trusted the hospice" and showed no remorse.';
    fs.writeFileSync(draft, `Prosecutor Helen Okafor told the court that Dunmore "betrayed every family who trusted the hospice" over six years.\n\n${sentence}\n`);
    fs.writeFileSync(yaml, 'version: 1\nentities:\n  hughes:\n    name: Carol Hughes\n    type: person\nclaims:\n  - text: betrayed every family who trusted the hospice\n    type: direct-quote\n    source: hughes\n');
    // A second draft and annotation file, whose drifted claim the fix updates for good.
    const ferry = path.join(folder, 'articles', 'ferry.txt');
    const ferryYaml = path.join(folder, 'annotations', 'ferry.yaml');
    fs.writeFileSync(ferry, 'The harbour master said the new ferry would sail from Tuesday next week.\n');
    fs.writeFileSync(ferryYaml, 'version: 1\nclaims:\n  - text: the new ferry will sail from Tuesday next week\n    type: fact\n    basis: common-knowledge\n');
    const analyses = async (): Promise<Analysis[]> => [(await new AnnotationProject(nodeFileHost).analyzeDraft(draft))!, (await new AnnotationProject(nodeFileHost).analyzeDraft(ferry))!];
    const result = await fixAnnotationFiles(await analyses());
    assert.deepEqual([result.applied.map((fixed) => fixed.code), result.files], [['span-ambiguous', 'span-drifted'], [yaml, ferryYaml]]);
    const both = fixOutcome(result.applied, await analyses());
    assert.deepEqual([both.fixed.length, both.left.length, filesWritten(both.fixed)], [2, 0, [yaml, ferryYaml]]);
    // Had the context written fitted two places, the finding would still be there: not fixed, and its
    // file is not among those fixed.
    fs.appendFileSync(draft, `\n${sentence}\n`);
    const one = fixOutcome(result.applied, await analyses());
    assert.deepEqual([one.fixed.map((fixed) => fixed.code), filesWritten(one.fixed)], [['span-drifted'], [ferryYaml]]);
    assert.deepEqual([one.left.map((fixed) => fixed.code), filesWritten(one.left)], [['span-ambiguous'], [yaml]]);
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
    // Each draft's first place names one of the claim's sources, and is told apart by other words:
    // two insertions at the end of the claim.
    fs.writeFileSync(path.join(folder, 'articles', 'prices.txt'), 'Analysts: prices rose. Traders: prices rose.\n');
    fs.writeFileSync(path.join(folder, 'articles', 'prices.md'), 'Economists: prices rose. Bankers: prices rose.\n');
    const prices = path.join(folder, 'annotations', 'prices.yaml');
    fs.writeFileSync(
      prices,
      'version: 1\nentities:\n  analysts: {name: Analysts, type: group}\n  economists: {name: Economists, type: group}\n' +
        'claims:\n  - text: prices rose\n    type: fact\n    source: [analysts, economists]\n',
    );
    const fixed = cli(['check', 'articles/prices.txt', 'articles/prices.md', '--fix', '--format', 'json'], folder);
    const after = parseDocument(fs.readFileSync(prices, 'utf8'));
    assert.deepEqual(after.errors, [], fs.readFileSync(prices, 'utf8'));
    const codes = (JSON.parse(fixed.stdout) as Array<{ code: string }>).map((finding) => finding.code);
    assert.ok(!codes.includes('invalid-annotation'), codes.join(' '));
    assert.match(fixed.stderr, /fixed 1 finding in annotations\/prices\.yaml/);
  });

  it('leaves a reworded quotation to a person, and updates a reworded paraphrase in the same run', () => {
    // The sample's Trump quotation misquoted in the redraft ("stay" now "remain"), and a paraphrase reworded.
    fs.writeFileSync(
      draft,
      readText(SAMPLE_DRAFT)
        .replace('Crimea will stay with Russia.', 'Crimea will remain with Russia.')
        .replace('noting they included discussions', 'noting they included talks'),
    );
    fs.writeFileSync(yaml, readText(SAMPLE_ANNOTATIONS));
    const run = cli(['check', '.', '--fix', '--format', 'json'], folder);
    const after = fs.readFileSync(yaml, 'utf8');
    assert.ok(after.includes('text: Crimea will stay with Russia. And Zelensky understands that.'), 'the quotation as it was said is kept');
    assert.ok(!after.includes('noting they included discussions'), 'the paraphrase follows the draft');
    const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string }>;
    const quotation = findings.filter((finding) => finding.code === 'span-drifted');
    assert.equal(quotation.length, 1);
    assert.match(quotation[0].message, /^Claim 'trump-crimea-stays' was found only approximately \(\d+% alike\): the draft now says "Crimea will remain with Russia\. And Zelensky understands that\."\. These are someone's words: check the new wording against what was said/);
  });

  it('leaves to a person a paraphrase whose quoted words changed', () => {
    fs.writeFileSync(path.join(folder, 'articles', 'plan.txt'), 'Plan criticised\n\nThe opposition leader called the housing plan "a complete shambles for renters" on Tuesday.\n');
    const plan = path.join(folder, 'annotations', 'plan.yaml');
    const yamlText = 'version: 1\nentities:\n  leader:\n    name: opposition leader\n    type: person\nclaims:\n  - id: disgrace\n    text: called the housing plan "a complete disgrace for renters"\n    type: paraphrase\n    source: leader\n';
    fs.writeFileSync(plan, yamlText);
    const run = cli(['check', 'articles/plan.txt', '--fix', '--format', 'json'], folder);
    assert.doesNotMatch(run.stderr, /fixed/);
    assert.equal(fs.readFileSync(plan, 'utf8'), yamlText);
    assert.deepEqual((JSON.parse(run.stdout) as Array<{ code: string }>).map((finding) => finding.code), ['span-drifted']);
    assert.equal(run.status, 1);
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
    assert.deepEqual([result.applied, result.files], [[], []]);
    assert.equal(fs.readFileSync(yaml, 'utf8'), theirs);
  });
});
