// The checks on copy as newsrooms write it: paragraphs, titles and initials, British quotation marks,
// quotations over several paragraphs, inch marks, verbs that take sides in another sense. Each case is
// a short passage of the kind a desk editor found flagged wrongly, or not flagged, in realistic drafts.
import { strict as assert } from 'assert';
import type { Analysis } from '../../src/core/analysis';
import { analyze } from '../../src/core/analyze';
import { parseAnnotationFile } from '../../src/core/parse';

const DRAFT = '/desk/articles/story.md';
const YAML = '/desk/annotations/story.yaml';

function analyzeCopy(draft: string, yaml: string): Analysis {
  const analysis = analyze({ draft: { path: DRAFT, text: draft }, annotations: parseAnnotationFile(YAML, yaml) });
  assert.deepEqual(analysis.annotations.findings, [], 'the annotation file itself is clean');
  for (const { claim, range } of analysis.claims) assert.ok(range, `claim ${claim.id} anchors`);
  return analysis;
}

/** The words of the draft under each finding of `code`. */
function flagged(analysis: Analysis, code: string): string[] {
  return analysis.findings.filter((finding) => finding.code === code).map((finding) => analysis.draft!.text.slice(finding.range.start, finding.range.end));
}

const BAILEY = 'version: 1\nentities:\n  bailey: {name: Andrew Bailey, type: person, aliases: [Bailey]}\nclaims:\n';

describe('desk copy', () => {
  describe('the attribution window', () => {
    it('counts no blank line between paragraphs as a sentence', () => {
      const draft = '"Inflation has come down a long way," Bailey told reporters.\n\n"We need to be sure that price pressures are fading."\n';
      const yaml = `${BAILEY}  - {text: "Inflation has come down a long way,", type: direct-quote, source: bailey}\n  - {text: We need to be sure that price pressures are fading., type: direct-quote, source: bailey}\n`;
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'attribution-not-in-text'), []);
      // Two paragraphs on, the source is out of the window, blank lines or not.
      const farther = draft.replace('\n\n', '\n\nThe pound rose.\n\nMarkets were calm.\n\n');
      assert.deepEqual(flagged(analyzeCopy(farther, yaml), 'attribution-not-in-text'), ['We need to be sure that price pressures are fading.']);
    });

    it('ends no sentence at the full stop of a title or of initials', () => {
      const yaml = 'version: 1\nentities:\n  schumer: {name: Chuck Schumer, type: person, aliases: [Schumer]}\nclaims:\n  - {text: The bill will bring jobs back from Asia., type: prediction, source: schumer}\n';
      for (const draft of [
        'Mr. Schumer met the U.S. Trade Representative on Monday. The bill will bring jobs back from Asia.\n',
        'Schumer met Dr. Ana Ruiz and Gen. J. R. Hale in Washington, D.C. on Monday. The bill will bring jobs back from Asia.\n',
      ]) {
        assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'attribution-not-in-text'), [], draft);
      }
      // A real sentence between still counts: the window is one sentence each side.
      const between = 'Schumer met the U.S. Trade Representative on Monday. Talks ran late. Nobody spoke. The bill will bring jobs back from Asia.\n';
      assert.deepEqual(flagged(analyzeCopy(between, yaml), 'attribution-not-in-text'), ['The bill will bring jobs back from Asia.']);
    });
  });
});
