// What editors read in the cards and the outline, for values as annotation files really hold them:
// links with a stray % or brackets, long descriptions, a basis the claim type refuses, blank names,
// `status: false`, and the same words for a value everywhere.
import { strict as assert } from 'assert';
import type { Analysis } from '../../src/core/analysis';
import { analyze } from '../../src/core/analyze';
import { isUnattributed } from '../../src/core/findings/attribution';
import { claimCard, entityCard } from '../../src/core/hover';
import { annotationTree, draftOutline } from '../../src/core/outline';
import { parseAnnotationFile } from '../../src/core/parse';
import { draftReport } from '../../src/core/report';

const DRAFT = { path: '/desk/articles/acme.txt', text: 'Acme said profits rose 40% last year. Shares fell 3% on Monday.\n' };

function analyzeYaml(yaml: string): Analysis {
  return analyze({ draft: DRAFT, annotations: parseAnnotationFile('/desk/annotations/acme.yaml', yaml) });
}

const ACME = 'version: 1\nentities:\n  acme:\n    name: Acme\n    type: organization\n';

describe('cards and the outline', () => {
  it('link to an address with a stray % or brackets, which the hover used to fail on or drop', () => {
    const analysis = analyzeYaml(`${ACME}    url: "https://example.com/growth-100%"\nclaims:\n  - text: profits rose 40% last year\n    type: statistic\n    source: acme\n    evidence: ["https://en.wikipedia.org/wiki/Acme_(company)"]\n`);
    const acme = analysis.entities.get('acme')!;
    assert.match(entityCard(analysis, acme), /\]\(https:\/\/example\.com\/growth-100%25\)/);
    assert.match(claimCard(analysis, analysis.claims[0]), /\]\(https:\/\/en\.wikipedia\.org\/wiki\/Acme_%28company%29\)/);
  });

  it('show a source\'s description on one line of the claim card, cut short; the entity card has it whole', () => {
    const description = 'A maker of anvils.\n===\nFounded in 1949 in the desert, it has supplied ' + 'rockets, '.repeat(30) + 'and more.';
    const analysis = analyzeYaml(`${ACME}    description: ${JSON.stringify(description)}\nclaims:\n  - {text: profits rose 40% last year, type: statistic, source: acme}\n`);
    const sourceLine = claimCard(analysis, analysis.claims[0]).split('\n').find((line) => line.startsWith('Source:'))!;
    assert.ok(sourceLine.length < 200, sourceLine);
    // On one line, the "===" under a line can't make a heading of it.
    assert.match(sourceLine, /A maker of anvils\\\. === Founded in 1949 .*…/);
    assert.match(entityCard(analysis, analysis.entities.get('acme')!), /and more\\\./);
  });

  it('say when a claim rests on a basis its type does not accept, rather than show the basis as enough', () => {
    const analysis = analyzeYaml('version: 1\nclaims:\n  - {text: Shares fell 3% on Monday, type: statistic, basis: common-knowledge}\n  - {text: profits rose 40% last year, type: statistic, basis: public-record}\n');
    assert.match(claimCard(analysis, analysis.claims[0]), /⚠ No source: a statistic can't rest on common knowledge/);
    assert.match(claimCard(analysis, analysis.claims[1]), /^Basis: public record$/m);
  });

  it('name an entity whose name is blank by its id, and say the name is blank', () => {
    const analysis = analyzeYaml('version: 1\nentities:\n  acme: {name: "  ", type: organization}\nclaims:\n  - {text: Shares fell 3% on Monday, type: statistic, source: acme}\n');
    assert.equal(analysis.entities.get('acme')?.name, 'acme');
    assert.ok(analysis.findings.some((finding) => /the name is blank/.test(finding.message)));
    assert.match(claimCard(analysis, analysis.claims[0]), /^Source: \*\*acme\*\*/m);
  });

  it('tell a blank name from the empty words of a claim or a mention', () => {
    const analysis = analyzeYaml('version: 1\nentities:\n  acme:\n    name: " "\n    type: organization\n    mentions: [{text: " "}]\nclaims:\n  - {text: "  ", type: statistic, source: acme}\n');
    const messages = analysis.findings.filter((finding) => finding.code === 'invalid-annotation').map((finding) => finding.message).sort();
    assert.deepEqual(messages, [
      "`name` of entity 'acme': the name is blank: write the name as readers see it",
      "`text` of claim 1: the text is empty: write the words of the draft",
      "`text` of mention 1 of entity 'acme': the text is empty: write the words of the draft",
    ]);
  });

  it('read `status: false` as the status false, quoted or not', () => {
    for (const written of ['false', '"false"', 'False']) {
      const analysis = analyzeYaml(`${ACME}claims:\n  - {text: Shares fell 3% on Monday, type: statistic, source: acme, status: ${written}}\n`);
      assert.deepEqual(analysis.findings.filter((finding) => finding.code === 'invalid-annotation').map((finding) => finding.message), [], written);
      assert.equal(analysis.claims[0].claim.status, 'false');
      assert.match(claimCard(analysis, analysis.claims[0]), /✗ False/);
    }
  });

  it('word basis, entity type and status alike in the outline, the tree and the cards', () => {
    const analysis = analyzeYaml(`${ACME}claims:\n  - {text: profits rose 40% last year, type: statistic, source: acme, status: disputed}\n  - {text: Shares fell 3% on Monday, type: statistic, basis: public-record, status: verified}\n`);
    const outline = draftOutline(analysis);
    assert.deepEqual(outline[0].children.map((claim) => claim.detail), ['Statistic · Acme · Disputed', 'Statistic · public record · ✓ Verified']);
    assert.equal(outline[1].children[0].detail, 'organization · 1 mention');
    const [entities, claims] = annotationTree(analysis);
    assert.equal(entities.children[0].detail, 'organization · 1 mention');
    // In the tree the claims are under their type ("Statistic"): a row doesn't say it again.
    assert.equal(claims.children[0].label, 'Statistic');
    assert.deepEqual(claims.children[0].children.map((claim) => claim.detail), ['Acme · Disputed', 'public record · ✓ Verified']);
    // Spelt as the format, the completions and the pickers spell it.
    assert.match(entityCard(analysis, analysis.entities.get('acme')!), /^\*\*Acme\*\* · Organization$/m);
  });

  it('say "no claims", not "0 claims", of an entity that is the source of none', () => {
    const analysis = analyzeYaml(`${ACME}claims:\n  - {text: Shares fell 3% on Monday, type: statistic, basis: public-record}\n`);
    assert.match(entityCard(analysis, analysis.entities.get('acme')!), /^1 mention · source of no claims$/m);
    const sourceOfOne = analyzeYaml(`${ACME}claims:\n  - {text: profits rose 40% last year, type: statistic, source: acme}\n`);
    assert.match(entityCard(sourceOfOne, sourceOfOne.entities.get('acme')!), /^1 mention · source of 1 claim$/m);
  });

  it('give an entity of type `other` no kind rather than the word "Entity", in the card and the views', () => {
    const analysis = analyzeYaml('version: 1\nentities:\n  acme:\n    name: Acme\n    type: other\n    description: A brand\nclaims:\n  - {text: profits rose 40% last year, type: statistic, source: acme}\n');
    const card = entityCard(analysis, analysis.entities.get('acme')!);
    assert.match(card, /^\*\*Acme\*\*$/m);
    assert.doesNotMatch(card, /Entity/);
    assert.equal(draftOutline(analysis)[1].children[0].detail, '1 mention');
    assert.equal(annotationTree(analysis, 'source')[1].children[0].detail, '1 claim');
  });

  it('tell the mentions of an entity apart by their line and the words around them', () => {
    const analysis = analyze({
      draft: { path: '/desk/articles/acme.txt', text: 'Acme said profits rose.\nRivals doubt Acme, and Acme knows it.\n' },
      annotations: parseAnnotationFile('/desk/annotations/acme.yaml', ACME),
    });
    const [entities] = annotationTree(analysis);
    assert.deepEqual(
      entities.children[0].children.map((mention) => `${mention.label} | ${mention.detail}`),
      ['Acme | line 1 · [Acme] said profits rose.', 'Acme | line 2 · Rivals doubt [Acme], and Acme knows it.', 'Acme | line 2 · Rivals doubt Acme, and [Acme] knows it.'],
    );
  });

  it('count a claim whose only source is a misspelt id as unattributed, as the reader sees it', () => {
    const analysis = analyzeYaml(`${ACME}claims:\n  - {text: profits rose 40% last year, type: statistic, source: acme}\n  - {text: Shares fell 3% on Monday, type: statistic, source: acmee}\n  - {text: Acme said, type: paraphrase, source: [acme, nobody]}\n`);
    assert.deepEqual(analysis.claims.map(({ claim }) => isUnattributed(analysis, claim)), [false, true, false]);
    assert.equal(draftReport(analysis).unattributed, 1);
    assert.deepEqual(analysis.findings.filter((finding) => finding.code === 'unattributed-claim'), [], 'no draft finding: the unknown id is the YAML\'s problem');
  });

  it('count in the report a source written twice in one claim once, and list sources with as many claims by name', () => {
    const yaml = [
      'version: 1',
      'entities:',
      '  bank: {name: Zenith Bank, type: organization}',
      '  fca: {name: Financial Conduct Authority, type: organization}',
      'claims:',
      '  - {text: profits rose 40% last year, type: statistic, source: [bank, bank]}',
      '  - {text: Shares fell 3% on Monday, type: statistic, source: fca}',
      '',
    ].join('\n');
    assert.deepEqual(draftReport(analyzeYaml(yaml)).sources, [
      { id: 'fca', name: 'Financial Conduct Authority', anonymous: false, claims: 1 },
      { id: 'bank', name: 'Zenith Bank', anonymous: false, claims: 1 },
    ]);
  });
});
