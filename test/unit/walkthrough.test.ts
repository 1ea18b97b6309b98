// The Getting Started walkthrough, followed on the sample as a person would: what it tells them to
// hover shows what it says, and the YAML it gives them to type works as written.
import { strict as assert } from 'assert';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { applyEdits, setClaimField } from '../../src/core/edits';
import { hoverAt } from '../../src/core/hover';
import { parseAnnotationFile } from '../../src/core/parse';
import { analyzeDraftFile, readText, REPO_ROOT, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT } from './helpers';

function step(name: string): string {
  return readText(path.join(REPO_ROOT, 'walkthrough', `${name}.md`));
}

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

describe('the walkthrough, followed on the sample', () => {
  it('points the hover step at a name whose card counts claims, as many as it says', async () => {
    const analysis = await analyzeDraftFile(SAMPLE_DRAFT);
    const text = step('hover');
    const name = /Rest the pointer on \*\*([^*]+)\*\*/.exec(text)?.[1];
    assert.ok(name, 'the step names what to hover');
    const hover = hoverAt(analysis, analysis.draft!.text.indexOf(name) + 1);
    const count = /source of (\d+) claims?/.exec(hover?.sections[0] ?? '')?.[1];
    assert.ok(count, `the card of ${name} counts claims; it is:\n${hover?.sections[0]}`);
    assert.match(text, new RegExp(`\\(${NUMBERS[Number(count)]} in the sample\\)`));
  });

  it('gives a source in the warnings step that the sample defines, which ends the warning', async () => {
    const block = /```yaml\n([^]*?)```/.exec(step('warnings'))?.[1] ?? '';
    const id = /- id: (\S+)/.exec(block)?.[1];
    const source = /source: (\S+)/.exec(block)?.[1];
    assert.ok(id && source, `the step shows a claim and its source:\n${block}`);
    const before = await analyzeDraftFile(SAMPLE_DRAFT);
    const claimIndex = before.annotations.claims.findIndex((claim) => claim.id === id);
    const unattributed = (analysis: typeof before): boolean =>
      analysis.findings.some((finding) => finding.code === 'unattributed-claim' && finding.data?.claimId === id);
    assert.ok(unattributed(before), `${id} is unattributed in the sample, as the step says`);

    const yaml = applyEdits(before.annotations.text, setClaimField(before.annotations, claimIndex, 'source', source));
    const after = analyze({ draft: before.draft!, annotations: parseAnnotationFile(SAMPLE_ANNOTATIONS, yaml) });
    assert.equal(unattributed(after), false);
    const news = after.findings.filter((finding) => !before.findings.some((old) => old.code === finding.code && old.message === finding.message));
    assert.deepEqual(news.map((finding) => `${finding.code}: ${finding.message}`), [], 'typing it as written brings no new problem');
  });

  it('names the sample\'s files where they are in its folder', () => {
    const text = step('open-sample');
    for (const file of [SAMPLE_DRAFT, SAMPLE_ANNOTATIONS]) {
      assert.ok(text.includes(`\`${path.relative(REPO_ROOT, file).split(path.sep).join('/')}\``), file);
    }
    assert.doesNotMatch(text, /beside it/);
  });
});
