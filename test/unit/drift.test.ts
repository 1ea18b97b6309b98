// Spans whose words changed in the draft: fuzzy re-anchoring, span-drifted, and the drifted claim's hover.
import { strict as assert } from 'assert';
import { analyze } from '../../src/core/analyze';
import { DraftText } from '../../src/core/anchor';
import { align } from '../../src/core/fuzzy';
import { claimCard } from '../../src/core/hover';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import { annotationTree } from '../../src/core/outline';
import { parseAnnotationFile } from '../../src/core/parse';

const YAML_FILE = '/project/annotations/a.yaml';
const DRAFT_FILE = '/project/articles/a.txt';

function analyzeClaims(draft: string, claims: string): ReturnType<typeof analyze> {
  const yaml = `version: 1\nentities:\n  mayor:\n    name: Mayor Ruiz\n    type: person\nclaims:\n${claims}`;
  return analyze({ draft: { path: DRAFT_FILE, text: draft }, annotations: parseAnnotationFile(YAML_FILE, yaml) });
}

function claimYaml(text: string, extra = ''): string {
  return `  - text: ${JSON.stringify(text)}\n    type: fact\n    source: mayor\n${extra}`;
}

describe('fuzzy re-anchoring', () => {
  it('aligns a pattern with the closest stretch of text, free at both ends', () => {
    const text = 'xx the good day of talks yy';
    const aligned = align('a good day in talks', text, 0, text.length);
    assert.equal(text.slice(aligned.start, aligned.end), 'e good day of talks');
    assert.equal(aligned.distance, 3);
  });

  it('re-anchors a span whose words changed a little, and says how alike they are', () => {
    const draft = 'Mayor Ruiz said it had been a good day of talks and meetings with the unions.';
    const result = new DraftText(draft).anchor({ text: 'a good day in talks and meetings with the unions' });
    assert.equal(result.kind, 'found');
    if (result.kind !== 'found') return;
    assert.equal(draft.slice(result.range.start, result.range.end), 'a good day of talks and meetings with the unions');
    assert.ok(result.drift && result.drift.similarity > 0.9 && result.drift.similarity < 1);
  });

  it('orphans a span when nothing close enough is left', () => {
    const draft = 'The ferry to Northport will stop running in October, the harbour master said.';
    const result = new DraftText(draft).anchor({ text: 'the ferry will run all winter' });
    assert.deepEqual(result, { kind: 'not-found', reason: 'the text is not in the draft', textMatches: 0 });
    assert.equal(new DraftText('The mayor said the plan was good.').anchor({ text: "the mayor's office" }).kind, 'not-found');
  });

  it('lists an orphaned claim and mention in the tree even when span-not-found is switched off', () => {
    const draft = 'Mayor Ruiz said the ferry to Northport will stop running in October.';
    const yaml =
      'version: 1\nentities:\n  mayor:\n    name: Mayor Ruiz\n    type: person\n    mentions:\n      - text: the former mayor\nclaims:\n' +
      claimYaml('the ferry will run all winter');
    const analysis = analyze({
      draft: { path: DRAFT_FILE, text: draft },
      annotations: parseAnnotationFile(YAML_FILE, yaml),
      options: { ...DEFAULT_OPTIONS, severity: { 'span-not-found': 'off' } },
    });
    assert.deepEqual(analysis.findings.filter((finding) => finding.code === 'span-not-found'), []);
    const orphans = annotationTree(analysis).find((group) => group.label.startsWith('Orphans'));
    assert.deepEqual(
      orphans?.children.map((node) => [node.label, node.detail]),
      [['“the ferry will run all winter”', 'claim 1 of the list'], ['“the former mayor”', 'mention of Mayor Ruiz']],
    );
  });

  it('uses the prefix and suffix to choose between similar passages', () => {
    const draft = 'In March the council said taxes will rise by 5 percent. In May the council said taxes will rise by 6 percent.';
    const result = new DraftText(draft).anchor({ text: 'the council said taxes would rise by 6 percent', prefix: 'In May ' });
    assert.ok(result.kind === 'found' && result.drift);
    assert.equal(result.range.start, draft.indexOf('the council', draft.indexOf('In May')));
  });

  it('prefers the passage between the neighbouring claims that anchored', () => {
    const filler = ' Nothing else happened that day. '.repeat(3);
    const draft = `First claim here.${filler}The budget will grow by a tenth.${filler}Second claim here.${filler}The budget will grow by a tenth.${filler}Third claim here.`;
    const results = new DraftText(draft).anchorAll(
      [{ text: 'Second claim here.' }, { text: 'The budget will grow by a fifth.' }, { text: 'Third claim here.' }],
      { ordered: true },
    );
    const drifted = results[1];
    assert.ok(drifted.kind === 'found' && drifted.drift);
    assert.equal(drifted.range.start, draft.lastIndexOf('The budget'));
  });

  it('reads no neighbour out of reading order as a landmark: the context alone picks the place', () => {
    // The claim listed first is last in the draft and the one listed last is first: nothing is
    // expected between them, so nearness to either says nothing.
    const filler = ' Nothing else was decided at the meeting, which ran late into the evening.'.repeat(30);
    const draft = `Second claim here. In March the council said taxes will rise by 6 percent.${filler} In May the council said taxes will rise by 6 percent. First claim here.`;
    const results = new DraftText(draft).anchorAll(
      [{ text: 'First claim here.' }, { text: 'the council said taxes would rise by 6 percent', prefix: 'In March ' }, { text: 'Second claim here.' }],
      { ordered: true },
    );
    const drifted = results[1];
    assert.ok(drifted.kind === 'found' && drifted.drift, JSON.stringify(drifted));
    assert.equal(drifted.range.start, draft.indexOf('the council'));
  });

  it('takes no ambiguous neighbour as a landmark for a drifted claim', () => {
    // "The mayor said so." is in two places: where the next claim is, is not known.
    const filler = ' Nothing else happened that day. '.repeat(3);
    const draft = `The mayor said so. First claim here.${filler}The budget will grow by a tenth.${filler}Second claim here.${filler}The budget will grow by a tenth.${filler}The mayor said so.`;
    const results = new DraftText(draft).anchorAll(
      [{ text: 'Second claim here.' }, { text: 'The budget will grow by a fifth.' }, { text: 'The mayor said so.' }],
      { ordered: true },
    );
    assert.ok(results[2].kind === 'found' && results[2].candidates === 2);
    const drifted = results[1];
    assert.ok(drifted.kind === 'found' && drifted.drift, JSON.stringify(drifted));
    assert.equal(drifted.range.start, draft.lastIndexOf('The budget'));
  });

  it('re-anchors a long quote at least three quarters alike, and orphans one less alike', () => {
    const draft = 'Mayor Ruiz said the new bridge will open in early May, after two years of delays.';
    const current = 'the new bridge will open in early May, after two years of delays';
    // 15 characters differ out of 66 (77 % alike): re-anchored.
    const alike = new DraftText(draft).anchor({ text: 'the new bridge will open late in June, after three years of delays' });
    assert.ok(alike.kind === 'found' && alike.drift, JSON.stringify(alike));
    assert.equal(draft.slice(alike.range.start, alike.range.end), current);
    assert.equal(alike.drift.similarity.toFixed(2), '0.77');
    // 18 out of 66 (73 % alike): another sentence, not this one edited.
    const unlike = new DraftText(draft).anchor({ text: 'the new bridge would open late in June after three years of delays' });
    assert.deepEqual(unlike, { kind: 'not-found', reason: 'the text is not in the draft', textMatches: 0 });
  });

  it('aligns a place that shares fewer words than the best one, when its words are only respelt', () => {
    // The first sentence shares more of the quote's words, in the same places, but not the rest of
    // it; the second is the quote in American spelling, sharing few whole words.
    const draft =
      "The harbour council's favourite plan is to paint the pier, which was dropped after a long row. " +
      "Now the harbor council's favorite idea is to paint the theater center in gray color, the mayor said.";
    const result = new DraftText(draft).anchor({ text: "the harbour council's favourite plan is to paint the theatre centre in grey colour" });
    assert.ok(result.kind === 'found' && result.drift, JSON.stringify(result));
    assert.equal(draft.slice(result.range.start, result.range.end), "the harbor council's favorite idea is to paint the theater center in gray color");
  });

  it('lets the prefix pick a similar passage that shares fewer of the words', () => {
    // The May sentence has the "6" too, so more words in common; the prefix says March.
    const filler = ' Nothing else was decided at the meeting, which ran late into the evening.'.repeat(3);
    const draft = `In March the council said taxes will rise by 5 percent.${filler} In May the council said taxes will rise by 6 percent.`;
    const result = new DraftText(draft).anchor({ text: 'the council said taxes would rise by 6 percent', prefix: 'In March ' });
    assert.ok(result.kind === 'found' && result.drift, JSON.stringify(result));
    assert.equal(result.range.start, draft.indexOf('the council'));
  });

  it('takes the first of two passages that fit a drifted quote equally well', () => {
    const filler = ' Nothing else was decided at the meeting, which ran late into the evening.'.repeat(3);
    const draft = `The mayor said the new bridge will open in early May.${filler} Later the mayor said the new bridge will open in early May.`;
    const result = new DraftText(draft).anchor({ text: 'the new bridge will open in late May' });
    assert.ok(result.kind === 'found' && result.drift, JSON.stringify(result));
    assert.equal(result.range.start, draft.indexOf('the new bridge'));
  });

  it('does not look for a span approximately when asked for exact matches only', () => {
    const draft = 'It was a good day of talks.';
    assert.equal(new DraftText(draft).anchorAll([{ text: 'a good day in talks' }], { fuzzy: false })[0].kind, 'not-found');
  });

  it('re-anchors words that are still there when their context no longer fits', () => {
    const result = new DraftText('Later the plan was changed.').anchor({ text: 'the plan', prefix: 'Earlier ' });
    assert.ok(result.kind === 'found' && result.drift?.similarity === 1 && result.range.start === 'Later '.length, JSON.stringify(result));
  });
});

describe('span-drifted for a context that no longer fits', () => {
  const draft = 'Russian President Vladimir Putin on Friday discussed the potential for direct negotiations with Ukraine, the Kremlin said.';
  const stale = claimYaml('discussed the potential for direct negotiations', '    prefix: "on Saturday "\n    status: verified\n');

  it('is reported, not span-not-found, with the words around the place it was found at', () => {
    const analysis = analyzeClaims(draft, stale);
    assert.deepEqual(analysis.findings.filter((f) => f.code.startsWith('span-')).map((f) => f.code), ['span-drifted']);
    const finding = analysis.findings.find((f) => f.code === 'span-drifted')!;
    assert.equal(
      finding.message,
      'This claim was found by its words alone (the text occurs once, but never with this prefix), at "…Putin on Friday [discussed the potential for direct negotiations] with Ukraine, the…". ' +
        'Update the prefix to fit the draft. It was verified: check it again against its evidence before keeping `status: verified`.',
    );
    assert.equal(analysis.claims[0].range?.start, draft.indexOf('discussed'));
    assert.match(claimCard(analysis, analysis.claims[0]), /The words around it changed\*\* since it was annotated: it was verified, check it again/);
  });
});

describe('span-drifted', () => {
  const draft = 'Mayor Ruiz said the new bridge will open in early May, after two years of delays.';
  const edited = claimYaml('the new bridge will open in late May, after two years of delays');

  it('is reported at the `text:` of the YAML with the current wording in its message and data', () => {
    const analysis = analyzeClaims(draft, edited);
    const [finding, ...others] = analysis.findings.filter((f) => f.code === 'span-drifted');
    assert.equal(others.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.file, YAML_FILE);
    assert.equal(analysis.annotations.text.slice(finding.range.start, finding.range.end), JSON.stringify('the new bridge will open in late May, after two years of delays'));
    const current = 'the new bridge will open in early May, after two years of delays';
    assert.equal(finding.data?.currentText, current);
    assert.equal(finding.data?.value, 'the new bridge will open in late May, after two years of delays');
    assert.deepEqual(finding.data?.draftRange, { start: draft.indexOf('the new'), end: draft.indexOf('the new') + current.length });
    assert.match(finding.message, /^This claim was found only approximately \(\d+% alike\): the draft now says "the new bridge will open in early May, after two years of delays"/);
    assert.doesNotMatch(finding.message, /verified/);
    assert.deepEqual(analysis.findings.filter((f) => f.code === 'span-not-found'), []);
  });

  it('anchors the claim where the words are now, so draft findings and hovers still work', () => {
    const analysis = analyzeClaims(draft, edited);
    assert.equal(analysis.claims[0].range?.start, draft.indexOf('the new'));
    assert.deepEqual(analysis.findings.filter((f) => f.file === DRAFT_FILE), []);
  });

  it('tells that a verified claim needs checking again, in the message and the hover', () => {
    const analysis = analyzeClaims(draft, `${edited}    status: verified\n`);
    const finding = analysis.findings.find((f) => f.code === 'span-drifted');
    assert.match(finding?.message ?? '', /It was verified: check it again against its evidence/);
    const card = claimCard(analysis, analysis.claims[0]);
    assert.match(card, /The wording changed\*\* since it was annotated: it was verified, check it again/);
    assert.match(card, /Was: “the new bridge will open in late May, after two years of delays”/);
    assert.match(card, /Now: “the new bridge will open in early May, after two years of delays”/);
  });

  it('says nothing of drift in the hover of a claim that anchored exactly', () => {
    const analysis = analyzeClaims(draft, claimYaml('the new bridge will open in early May'));
    assert.doesNotMatch(claimCard(analysis, analysis.claims[0]), /wording changed/);
  });

  it('re-anchors an explicit mention too, and never a registry mention', () => {
    const registryYaml = 'version: 1\nentities:\n  board:\n    name: Harbour Board\n    mentions:\n      - text: the harbour boards chairman\n';
    const yaml = 'version: 1\nentities:\n  office:\n    name: Mayor Office\n    mentions:\n      - text: the office of the mayors\nclaims: []\n';
    const text = 'Staff at the office of the mayor and the harbour board chairman agreed.';
    const analysis = analyze({
      draft: { path: DRAFT_FILE, text },
      annotations: parseAnnotationFile(YAML_FILE, yaml),
      registry: parseAnnotationFile('/project/annotations/entities.yaml', registryYaml, true),
    });
    assert.deepEqual(analysis.findings.map((f) => f.code), ['span-drifted']);
    assert.deepEqual(
      analysis.mentions.filter((m) => m.explicit).map((m) => [m.entityId, text.slice(m.range.start, m.range.end)]),
      [['office', 'the office of the mayor']],
    );
  });
});

describe('fuzzy re-anchoring of unrelated words', () => {
  it('orphans words that are nowhere in the draft, even when the bound rounds to the threshold', () => {
    // 35 characters: the threshold is 80 %, and (1 - 0.8) * 35 is a hair under 7 in floating point.
    const draft = new DraftText('Riverton: The city council on Tuesday approved a $12 million budget for the new bridge.');
    const result = draft.anchor({ text: 'ferries sail to the moon on Sundays' });
    assert.equal(result.kind, 'not-found');
  });
});
