// Each finding code of the spec, on fixture projects laid out as a user would (test/fixtures/findings,
// test/fixtures/registry): what triggers it, what doesn't, and where it is shown.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Analysis } from '../../src/core/analysis';
import { analyze } from '../../src/core/analyze';
import { DraftText } from '../../src/core/anchor';
import { phraseMatcher } from '../../src/core/findings/phraseMatcher';
import type { Claim, Finding } from '../../src/core/model';
import { DEFAULT_OPTIONS, type AnalysisOptions } from '../../src/core/options';
import { parseAnnotationFile } from '../../src/core/parse';
import { AnnotationProject, DEFAULT_PROJECT_SETTINGS } from '../../src/core/project';
import { nodeFileHost } from '../../src/cli/nodeFileHost';
import { analyzeDraftFile, findingsOf, fixture, textAt } from './helpers';

const FINDINGS_ARTICLES = fixture('findings', 'articles');

function draftOf(name: string): string {
  return path.join(FINDINGS_ARTICLES, `${name}.txt`);
}

/** Analyses a draft of the findings fixture, checking that discovery paired it with its namesake YAML. */
async function analyzeFixture(name: string, options: Partial<AnalysisOptions> = {}): Promise<Analysis> {
  const analysis = await analyzeDraftFile(draftOf(name), { ...DEFAULT_PROJECT_SETTINGS, options: { ...DEFAULT_OPTIONS, ...options } });
  assert.equal(analysis.annotations.file, fixture('findings', 'annotations', `${name}.yaml`));
  return analysis;
}

/** Which of the analysis' files a finding is shown in. */
function shownIn(analysis: Analysis, finding: Finding): string {
  if (finding.file === analysis.draft?.path) return 'draft';
  if (finding.file === analysis.annotations.file) return 'yaml';
  if (finding.file === analysis.registry?.file) return 'registry';
  return finding.file;
}

interface Row {
  readonly in: string;
  readonly severity: string;
  readonly text: string;
}

/** The findings of one code as rows: the file they are shown in, their severity and the text under them. */
function rows(analysis: Analysis, code: string): Row[] {
  return findingsOf(analysis, code).map((finding) => ({ in: shownIn(analysis, finding), severity: finding.severity, text: textAt(analysis, finding) }));
}

/** Checks the rows of a code and returns its findings, in the same order, for closer looks. */
function expectRows(analysis: Analysis, code: string, expected: readonly Row[]): Finding[] {
  assert.deepEqual(rows(analysis, code), expected);
  return findingsOf(analysis, code);
}

/** The one finding of a code whose range covers `text`. */
function findingAt(analysis: Analysis, code: string, text: string): Finding {
  const found = findingsOf(analysis, code).filter((finding) => textAt(analysis, finding) === text);
  assert.equal(found.length, 1, `expected one ${code} on ${JSON.stringify(text)}, got ${found.length}`);
  return found[0];
}

function claimText(analysis: Analysis, id: string): string | undefined {
  const anchored = analysis.claims.find((candidate) => candidate.claim.id === id);
  assert.ok(anchored, `no claim ${id}`);
  return anchored.range && analysis.draft!.text.slice(anchored.range.start, anchored.range.end);
}

function mentionTexts(analysis: Analysis, entityId: string): string[] {
  return analysis.mentions.filter((mention) => mention.entityId === entityId).map((mention) => analysis.draft!.text.slice(mention.range.start, mention.range.end));
}

const inDraft = (severity: string, text: string): Row => ({ in: 'draft', severity, text });
const inYaml = (severity: string, text: string): Row => ({ in: 'yaml', severity, text });
const warningInDraft = (text: string): Row => inDraft('warning', text);

describe('findings', () => {
  describe('unattributed-claim', () => {
    it('reports claims whose type needs a source and that have neither a source nor a basis the type accepts', async () => {
      const analysis = await analyzeFixture('unattributed');
      assert.deepEqual(rows(analysis, 'unattributed-claim'), [
        warningInDraft('The council approved the budget on Monday'),
        warningInDraft('40 percent of its budget'),
        warningInDraft('Ridership grew by 8 percent'),
        warningInDraft('The mayor will run again'),
        warningInDraft('the buses are late'),
      ]);
      const fact = findingAt(analysis, 'unattributed-claim', 'The council approved the budget on Monday');
      assert.match(fact.message, /^Unattributed fact: .*Add a source, or a basis/);
      assert.equal(fact.data?.claimId, 'budget-approved');
      const prediction = findingAt(analysis, 'unattributed-claim', 'The mayor will run again');
      assert.match(prediction.message, /^Unattributed prediction: .*Add its source\.$/);
      // Ana Ruiz is named in the sentence before: the one to attribute it to.
      assert.deepEqual(prediction.data?.candidateEntityIds, ['ruiz']);
    });

    it('accepts a basis the claim type allows and a source', async () => {
      const analysis = await analyzeFixture('unattributed');
      const reported = new Set(findingsOf(analysis, 'unattributed-claim').map((finding) => finding.data?.claimId));
      for (const id of ['crime-fell', 'river-floods', 'mayor-resign']) {
        assert.ok(claimText(analysis, id), `${id} anchors`);
        assert.ok(!reported.has(id), `${id} is not unattributed`);
      }
    });

    it('reads a basis the claim type refuses as no basis: unattributed without a source, naming the basis; nothing with one', async () => {
      const analysis = await analyzeFixture('unattributed');
      assert.deepEqual(rows(analysis, 'invalid-annotation'), []);
      const statistic = findingAt(analysis, 'unattributed-claim', '40 percent of its budget');
      assert.equal(
        statistic.message,
        "Unattributed statistic: nothing says who makes this claim, and a statistic can't rest on the basis 'common-knowledge' (common knowledge). Add a source, or a basis it accepts (public-record, document).",
      );
      assert.equal(statistic.data?.claimId, 'transport-share');
      const paraphrase = findingAt(analysis, 'unattributed-claim', 'the buses are late');
      assert.match(paraphrase.message, /, and a paraphrase can't rest on the basis 'observed' \(observed by the reporter\)\. Add its source\.$/);
      // "A claim can have both a source and a basis": the source is what counts.
      assert.deepEqual(
        analysis.findings.filter((finding) => finding.data?.claimId === 'ferry-full'),
        [],
      );
    });

    it('suggests only a basis the claim type accepts', async () => {
      const analysis = await analyzeFixture('unattributed');
      const statistic = findingAt(analysis, 'unattributed-claim', 'Ridership grew by 8 percent');
      assert.doesNotMatch(statistic.message, /common knowledge/);
      assert.match(statistic.message, /public.record|document/);
    });
  });

  describe('attribution-not-in-text', () => {
    it('reports a sourced claim whose sources are not named in its sentence or the ones either side', async () => {
      const analysis = await analyzeFixture('attribution');
      const [one, two] = expectRows(analysis, 'attribution-not-in-text', [warningInDraft('Repairs will take a year'), warningInDraft('Fares will double')]);
      assert.match(one.message, /^Attributed to Ana Ruiz in the annotations, but the text doesn't name the source/);
      assert.equal(one.data?.claimId, 'repairs-year');
      assert.match(two.message, /^Attributed to Dana Lee or Ana Ruiz .* doesn't name any of them/);
    });

    it('counts a source named in the sentence before or after, by an explicit mention, or one of several sources', async () => {
      const analysis = await analyzeFixture('attribution');
      const reported = new Set(findingsOf(analysis, 'attribution-not-in-text').map((finding) => finding.data?.claimId));
      for (const id of ['bridge-close', 'cables-sound', 'new-paint', 'tolls-rise']) {
        assert.ok(claimText(analysis, id), `${id} anchors`);
        assert.ok(!reported.has(id), `${id} is attributed in the text`);
      }
      assert.deepEqual(mentionTexts(analysis, 'hale'), ['The engineer']);
    });
  });

  describe('unannotated-quote', () => {
    it('reports quotations of three words or more, marks included, that no claim overlaps', async () => {
      const analysis = await analyzeFixture('quotes');
      const [straight] = expectRows(analysis, 'unannotated-quote', [warningInDraft('"a waste of money"'), warningInDraft('“closed until Friday”')]);
      assert.match(straight.message, /quotation with no claim/);
      assert.equal(straight.data?.text, '"a waste of money"');
    });

    it('leaves alone a quotation a claim covers or overlaps, and quotations of one or two words', async () => {
      const analysis = await analyzeFixture('quotes');
      const quoted = findingsOf(analysis, 'unannotated-quote').map((finding) => textAt(analysis, finding));
      for (const text of ['“We will rebuild the bridge,”', '“safe to cross today”', '“bold”', '“very good”']) {
        assert.ok(analysis.draft!.text.includes(text), `the draft has ${text}`);
        assert.ok(!quoted.includes(text), `${text} is not reported`);
      }
      assert.equal(claimText(analysis, 'deck-safe'), 'the deck was “safe');
    });

    it('offers as its possible sources the people near it, not the events or works named there', () => {
      const yaml = [
        'version: 1',
        'entities:',
        '  ruiz: {name: Mayor Ruiz, type: person}',
        '  report: {name: Harbour Report, type: work}',
        '  festival: {name: Riverton Festival, type: event}',
        '',
      ].join('\n');
      const draft = 'The Harbour Report found the bridge unsafe. "We will close it until the repairs are done," Mayor Ruiz told the Riverton Festival crowd.\n';
      const analysis = analyze({ draft: { path: '/desk/articles/bridge.txt', text: draft }, annotations: parseAnnotationFile('/desk/annotations/bridge.yaml', yaml) });
      const [quote] = analysis.findings.filter((finding) => finding.code === 'unannotated-quote');
      assert.equal(quote?.data?.text, '"We will close it until the repairs are done,"');
      assert.deepEqual(quote.data?.candidateEntityIds, ['ruiz']);
    });
  });

  describe('vague-attribution', () => {
    it('reports the built-in phrases as whole words in any case, across a line break', async () => {
      const analysis = await analyzeFixture('vague');
      const info = (text: string): Row => inDraft('information', text);
      // "The reports suggested" is not "reports suggest": whole words only.
      const [first] = expectRows(analysis, 'vague-attribution', [
        info('Reports suggest'),
        info('reportedly'),
        info('Sources say'),
        info('some people say'),
        info('It is\nbelieved'),
      ]);
      assert.match(first.message, /^Vague attribution "Reports suggest": say who/);
    });

    it('uses a custom phrase list instead of the built-in one', async () => {
      const analysis = await analyzeFixture('vague', { vaguePhrases: ['People Say'] });
      assert.deepEqual(rows(analysis, 'vague-attribution'), [inDraft('information', 'people say')]);
    });
  });

  describe('loaded-attribution-verb', () => {
    it('reports a loaded verb in the sentence of an attributed claim, not elsewhere', async () => {
      const analysis = await analyzeFixture('loaded');
      // Not "claimed a prize" (no claim), not "insisted" (the claim rests on the record), not "said".
      const [claimed, admitted] = expectRows(analysis, 'loaded-attribution-verb', [
        inDraft('information', 'claimed'),
        inDraft('information', 'admitted'),
      ]);
      assert.equal(claimed.range.start, analysis.draft!.text.indexOf('claimed'));
      assert.equal(claimed.data?.claimId, 'bridge-safe');
      assert.equal(admitted.data?.claimId, 'budget-late');
      assert.match(claimed.message, /^"claimed" tells the reader .*"said" is neutral/);
    });

    it('uses a custom verb list instead of the built-in one', async () => {
      const analysis = await analyzeFixture('loaded', { loadedVerbs: ['warned'] });
      const [warned] = expectRows(analysis, 'loaded-attribution-verb', [inDraft('information', 'warned')]);
      assert.equal(warned.data?.claimId, 'tunnel-flood');
    });
  });

  describe('the phrase matcher of both', () => {
    it('steps past a place that is not a whole word by a whole code point', () => {
      // "x𝐀" is no whole word. Resumed half a surrogate pair on, the Unicode search would step back
      // to the pair and find it again, for ever; a whole pair on, it finds the second "𝐀".
      const draft = new DraftText('x𝐀 and 𝐀 here');
      assert.deepEqual(phraseMatcher(['𝐀'])(draft).map((match) => match.range), [{ start: 8, end: 10 }]);
    });

    it('takes the longest of the phrases that start at one place, whatever their order in the list', () => {
      const draft = new DraftText('Sources close to the minister said the budget would be late.');
      assert.deepEqual(phraseMatcher(['sources', 'sources close to'])(draft).map((match) => match.phrase), ['Sources close to']);
    });
  });

  describe('anonymous-source-without-reason', () => {
    it('reports each claim of an anonymous source without `anonymity` in the draft, and the entity once in the YAML', async () => {
      const analysis = await analyzeFixture('anonymous');
      // findingsOf orders by path: annotations/ before articles/.
      const [onEntity, onClaim] = expectRows(analysis, 'anonymous-source-without-reason', [
        inYaml('warning', 'true'),
        warningInDraft('the bridge would close'),
        warningInDraft('tolls would rise'),
      ]);
      assert.match(onClaim.message, /'Senior city official' is anonymous/);
      assert.equal(onClaim.data?.entityId, 'official');
      // The `true` of the official's `anonymous: true`, not the aide's or the staffer's.
      assert.equal(onEntity.range.start, analysis.annotations.text.indexOf('anonymous: true') + 'anonymous: '.length);
      assert.match(onEntity.message, /'official' is an anonymous source: add `anonymity:`/);
    });
  });

  describe('span-not-found and span-ambiguous', () => {
    it('reports a span that matches twice at its text in the YAML, and anchors it at the first match', async () => {
      const analysis = await analyzeFixture('spans');
      const [ambiguous] = expectRows(analysis, 'span-ambiguous', [inYaml('warning', 'the plan')]);
      assert.equal(ambiguous.data?.claimId, 'ambiguous');
      assert.match(ambiguous.message, /^Claim 'ambiguous' matches 2 places in the draft; the first is used/);
      const text = analysis.draft!.text;
      const rangeOf = (id: string) => analysis.claims.find((anchored) => anchored.claim.id === id)?.range?.start;
      assert.equal(rangeOf('ambiguous'), text.indexOf('the plan'));
      assert.equal(rangeOf('by-prefix'), text.lastIndexOf('the plan'));
      assert.equal(rangeOf('by-occurrence'), text.lastIndexOf('the plan'));
    });

    it('reports spans that are not in the draft at their text in the YAML, with the reason', async () => {
      const analysis = await analyzeFixture('spans');
      const error = (text: string): Row => inYaml('error', text);
      const [mention, missing] = expectRows(analysis, 'span-not-found', [error("the mayor's office"), error('the tunnel opens')]);
      assert.equal(mention.data?.entityId, 'office');
      assert.match(mention.message, /^A mention of 'office' was not found: /);
      assert.equal(missing.data?.claimId, 'missing');
      assert.match(missing.message, /the text is not in the draft/);
    });

    it('reports words whose prefix or occurrence fits none of their places as drifted, not as not found', async () => {
      const analysis = await analyzeFixture('spans');
      const [tooFar, wrongPrefix] = expectRows(analysis, 'span-drifted', [inYaml('warning', 'the plan'), inYaml('warning', 'the plan')]);
      assert.equal(tooFar.data?.claimId, 'too-far');
      assert.match(tooFar.message, /found by its words alone \(occurrence 3 was asked for, but the text occurs 2 times\)/);
      assert.equal(wrongPrefix.data?.claimId, 'wrong-prefix');
      assert.match(wrongPrefix.message, /found by its words alone \(the text occurs 2 times, but never with this prefix\)/);
      // Both places of the words are candidates: the fixes weigh them.
      assert.equal(wrongPrefix.data?.candidateRanges?.length, 2);
    });

    it('anchors a span typed with straight quotes and hyphens where the draft has curly quotes and dashes', async () => {
      const analysis = await analyzeFixture('spans');
      assert.equal(claimText(analysis, 'typed-plainly'), 'The “new” bridge — long delayed — opens in May');
    });
  });

  describe('unknown-entity and unknown-claim-type', () => {
    it('reports a source that names no entity at the id, suggesting a close one', async () => {
      const analysis = await analyzeFixture('references');
      const [typo, unknown] = expectRows(analysis, 'unknown-entity', [
        inYaml('error', 'ruzi'),
        inYaml('error', 'nobody'),
      ]);
      assert.equal(typo.message, "No entity has the id 'ruzi'. Did you mean 'ruiz'?");
      assert.equal(unknown.message, "No entity has the id 'nobody'.");
      assert.equal(unknown.data?.claimId, 'tolls-rise');
    });

    it('reports a type that is neither built in nor declared at the type', async () => {
      const analysis = await analyzeFixture('references');
      const [typo, unknown] = expectRows(analysis, 'unknown-claim-type', [
        inYaml('error', 'paraphrse'),
        inYaml('error', 'rumour'),
      ]);
      assert.match(typo.message, /^Unknown claim type 'paraphrse'\. Did you mean 'paraphrase'\?/);
      assert.match(unknown.message, /^Unknown claim type 'rumour'\. Known types: direct-quote, paraphrase, .*claimTypes/);
    });

    it('leaves an empty type to the schema finding alone', () => {
      const yaml = 'version: 1\nentities:\n  ruiz: {name: Mayor Ruiz, type: person}\nclaims:\n  - text: the bridge is safe\n    type: ""\n    source: ruiz\n';
      const analysis = analyze({ draft: { path: '/desk/articles/bridge.txt', text: 'Mayor Ruiz said the bridge is safe.' }, annotations: parseAnnotationFile('/desk/annotations/bridge.yaml', yaml) });
      assert.deepEqual(
        analysis.findings.map((finding) => [finding.code, finding.message]),
        [['invalid-annotation', '`type` of claim 1 is empty']],
      );
    });
  });

  describe('invalid-annotation', () => {
    it('reports each schema problem at the node it is about, and still anchors every claim', async () => {
      const analysis = await analyzeFixture('invalid');
      const yaml = analysis.annotations.text;
      const expected: Array<[RegExp, string]> = [
        [/^"Lee" is not a valid id: use lowercase/, 'Lee'],
        [/^`url` of entity 'ruiz': "ftp:\/\/example\.org\/ruiz" is not an http or https address$/, 'ftp://example.org/ruiz'],
        [/^`aliases` of entity 'ruiz' must be a list$/, 'Ruiz'],
        [/^Unknown field `alias` in entity 'hale': did you mean `aliases`\?$/, 'alias'],
        [/^`wikidata` of entity 'hale': "Q0123" is not a Wikidata id/, 'Q0123'],
        [/^Entity 'nameless' needs `name`$/, 'nameless'],
        [/^`id` of claim 1 \(Bridge Close\): "Bridge Close" is not a valid id/, 'Bridge Close'],
        [/^Unknown field `sorce` in claim 2 \(tolls\): did you mean `source`\?$/, 'sorce'],
        [/^Claim 4 needs `type`$/, 'text: the tunnel was dry'],
        [/^`status` of claim 5 must be one of: unverified, verified, disputed, false, misleading\./, 'confirmed'],
        [/^Duplicate claim id 'tolls': claim 2 already has it$/, 'tolls'],
      ];
      const found = findingsOf(analysis, 'invalid-annotation');
      assert.equal(found.length, expected.length, found.map((finding) => finding.message).join('\n'));
      for (const [message, text] of expected) {
        const finding = found.find((candidate) => message.test(candidate.message));
        assert.ok(finding, `no finding ${message}`);
        assert.deepEqual({ in: shownIn(analysis, finding), severity: finding.severity, text: textAt(analysis, finding) }, inYaml('error', text));
      }
      // The duplicate is the second `id: tolls`, not the first.
      const duplicate = found.find((finding) => finding.message.startsWith('Duplicate claim id'))!;
      assert.equal(duplicate.range.start, yaml.lastIndexOf('id: tolls') + 'id: '.length);
      assert.equal(duplicate.data?.claimIndex, 2);
      assert.ok(analysis.claims.every((anchored) => anchored.range), 'every claim anchors');
    });

    it('reports an entity key written twice at the second, which is the one used', async () => {
      const analysis = await analyzeFixture('duplicate-key');
      const duplicate = findingAt(analysis, 'invalid-annotation', 'hale');
      assert.equal(duplicate.message, "Duplicate key 'hale': only the last one counts");
      assert.equal(duplicate.range.start, analysis.annotations.text.lastIndexOf('hale:'));
      assert.equal(analysis.entities.get('hale')?.name, 'Thomas Hale');
      assert.deepEqual(mentionTexts(analysis, 'hale'), ['Thomas Hale']);
    });

    it('places a schema problem of a duplicated entity at its node', async () => {
      const analysis = await analyzeFixture('duplicate-key');
      const wikidata = findingsOf(analysis, 'invalid-annotation').find((finding) => finding.message.includes('Wikidata'));
      assert.ok(wikidata);
      assert.equal(textAt(analysis, wikidata), 'Q0123');
    });

    it('reports a version other than 1 at the version', async () => {
      const analysis = await analyzeFixture('version-2');
      const [version] = expectRows(analysis, 'invalid-annotation', [inYaml('error', '2')]);
      assert.match(version.message, /^Unsupported version 2: this extension reads version 1/);
    });
  });

  describe('yaml-syntax', () => {
    it('reports broken YAML where the error is, and still anchors the claims and finds the mentions around it', async () => {
      const analysis = await analyzeFixture('broken-yaml');
      const yaml = analysis.annotations.text;
      const [syntax, ...others] = findingsOf(analysis, 'yaml-syntax');
      assert.equal(others.length, 0);
      assert.equal(shownIn(analysis, syntax), 'yaml');
      assert.equal(syntax.severity, 'error');
      assert.match(syntax.message, /^YAML syntax: /);
      // At the value with the unquoted ": " (`text: Ruiz said: the budget was late`), not somewhere after it.
      assert.equal(syntax.range.start, yaml.indexOf('Ruiz said:'));
      const underlined = textAt(analysis, syntax);
      assert.ok(underlined.length > 0 && 'Ruiz said: the budget was late'.startsWith(underlined), JSON.stringify(underlined));
      assert.equal(claimText(analysis, 'bridge-close'), 'the bridge would close');
      assert.equal(claimText(analysis, 'budget-late'), 'the budget was late');
      assert.deepEqual(mentionTexts(analysis, 'ruiz'), ['Ana Ruiz', 'Ruiz']);
    });

    it('keeps the range of an unterminated quotation inside the file', async () => {
      const analysis = await analyzeFixture('unterminated-quote');
      const [syntax] = findingsOf(analysis, 'yaml-syntax');
      assert.ok(syntax);
      assert.ok(syntax.range.end <= analysis.annotations.text.length, `range ${JSON.stringify(syntax.range)} of ${analysis.annotations.text.length}`);
      assert.ok(syntax.range.start < syntax.range.end);
    });
  });

  describe('article-not-found', () => {
    it('reports an `article:` that points at no file at its value, and analyses the file without a draft', async () => {
      const analyses = await new AnnotationProject(nodeFileHost).analyzeAnnotationFile(fixture('findings', 'annotations', 'missing-article.yaml'));
      assert.equal(analyses.length, 1);
      const [analysis] = analyses;
      assert.equal(analysis.draft, undefined);
      const [missing] = expectRows(analysis, 'article-not-found', [inYaml('error', '../articles/no-such-draft.txt')]);
      // Where it looked, from the project's folder: no absolute path in a CI log.
      assert.equal(missing.message, `No draft at ../articles/no-such-draft.txt (looked for ${path.join('articles', 'no-such-draft.txt')})`);
      // Without a draft nobody can tell whether Ana Ruiz is mentioned.
      assert.deepEqual(rows(analysis, 'unused-entity'), []);
    });
  });

  describe('unused-entity', () => {
    it('reports an entity of the file with no mention and no claim, at its key', async () => {
      const analysis = await analyzeFixture('unused');
      // ruiz is named, old-bridge found by its alias, hale sources a claim.
      const [unused] = expectRows(analysis, 'unused-entity', [inYaml('hint', 'bridge-co')]);
      assert.equal(unused.message, "'Bridge Company' is never mentioned in the draft and sources no claim");
      assert.equal(unused.data?.entityId, 'bridge-co');
      assert.deepEqual(mentionTexts(analysis, 'old-bridge'), ['bridge', 'bridge']);
    });
  });

  describe('severity settings', () => {
    it('turns a code off, and changes the severity of others without moving them', async () => {
      const severity = { 'unattributed-claim': 'off', 'invalid-annotation': 'information' } as const;
      const defaults = await analyzeFixture('unattributed');
      const configured = await analyzeFixture('unattributed', { severity });
      assert.equal(findingsOf(defaults, 'unattributed-claim').length, 5);
      assert.deepEqual(findingsOf(configured, 'unattributed-claim'), []);
      const invalid = await analyzeFixture('invalid');
      const relabelled = rows(invalid, 'invalid-annotation').map((row) => ({ ...row, severity: 'information' }));
      assert.ok(relabelled.length > 0);
      assert.deepEqual(rows(await analyzeFixture('invalid', { severity }), 'invalid-annotation'), relabelled);
    });

    it('raises draft and YAML findings alike', async () => {
      const analysis = await analyzeFixture('anonymous', { severity: { 'anonymous-source-without-reason': 'error' } });
      assert.deepEqual(
        rows(analysis, 'anonymous-source-without-reason').map((row) => `${row.in} ${row.severity}`),
        ['yaml error', 'draft error', 'draft error'],
      );
    });
  });

  describe('custom claim types', () => {
    it('needs no source for a type declared with requiresSource false, or for a built-in overridden so', async () => {
      const analysis = await analyzeFixture('custom-types');
      assert.equal(analysis.claimTypes.get('no-comment')?.requiresSource, false);
      assert.equal(analysis.claimTypes.get('opinion')?.builtIn, false);
      // Only the eyewitness account resting on a document, which that type doesn't accept.
      assert.deepEqual(rows(analysis, 'unattributed-claim'), [warningInDraft('A reporter saw')]);
      assert.deepEqual(rows(analysis, 'unknown-claim-type'), []);
    });

    it('accepts the bases listed in acceptsBasis, or any basis for acceptsBasis true', async () => {
      const analysis = await analyzeFixture('custom-types');
      const notAccepted = findingAt(analysis, 'unattributed-claim', 'A reporter saw');
      assert.equal(notAccepted.data?.claimId, 'saw-reporter');
      assert.match(notAccepted.message, /an eyewitness account can't rest on the basis 'document' \(documented\)\. Add a source, or a basis it accepts \(observed\)\./);
      assert.deepEqual(rows(analysis, 'invalid-annotation'), []);
      assert.deepEqual(analysis.claimTypes.get('history')?.acceptedBases, ['common-knowledge', 'observed', 'public-record', 'document']);
    });
  });

  describe('the shared registry', () => {
    const registryDraft = (name: string): string => fixture('registry', 'articles', `${name}.txt`);

    it('lets an article use a registry entity as a source, found in the text by its name', async () => {
      const analysis = await analyzeDraftFile(registryDraft('bridge'));
      assert.equal(analysis.registry?.file, fixture('registry', 'annotations', 'entities.yaml'));
      assert.equal(analysis.entities.get('ruiz')?.fromRegistry, true);
      assert.deepEqual(rows(analysis, 'unknown-entity'), []);
      assert.deepEqual(rows(analysis, 'attribution-not-in-text'), []);
      assert.deepEqual(mentionTexts(analysis, 'ruiz'), ['Ana Ruiz']);
    });

    it("uses the article's own entity where both define an id", async () => {
      const analysis = await analyzeDraftFile(registryDraft('bridge'));
      const council = analysis.entities.get('council');
      assert.equal(council?.name, 'Harbour Town Council');
      assert.equal(council?.fromRegistry, false);
      // The article's alias "Council", not the registry's "the council".
      assert.deepEqual(mentionTexts(analysis, 'council'), ['Council']);
    });

    it('does not report registry entities as unused, nor their mentions missing from this draft', async () => {
      const analysis = await analyzeDraftFile(registryDraft('bridge'));
      assert.deepEqual(rows(analysis, 'unused-entity'), []);
      assert.deepEqual(rows(analysis, 'span-not-found'), []);
    });

    it("reports the registry's own problems on the registry", async () => {
      const analysis = await analyzeDraftFile(registryDraft('bridge'));
      assert.deepEqual(rows(analysis, 'invalid-annotation'), [{ in: 'registry', severity: 'error', text: 'Q0' }]);
    });

    it('suggests registry ids for an unknown source, and finds registry mentions', async () => {
      const analysis = await analyzeDraftFile(registryDraft('ferry'));
      const [misspelt] = expectRows(analysis, 'unknown-entity', [inYaml('error', 'harbor-board')]);
      assert.match(misspelt.message, /Did you mean 'harbour-board'\?/);
      assert.deepEqual(mentionTexts(analysis, 'harbour-board'), ['the board']);
    });
  });

  describe('no annotation is dropped silently', () => {
    /** The claims and explicit mentions of an analysis that neither anchor nor have a finding that names them. */
    function silentlyDropped(analysis: Analysis): string[] {
      const yamlFindings = analysis.findings.filter((finding) => finding.file === analysis.annotations.file);
      const namesClaim = (finding: Finding, index: number): boolean =>
        finding.data?.claimIndex === index || new RegExp(`\\bclaim ${index + 1}\\b`, 'i').test(finding.message);
      // A claim written across a syntax error is reported by it: what was read of its text may be debris.
      const reportedBy = (claim: Claim): boolean =>
        claim.overlapsSyntaxError ? yamlFindings.some((finding) => finding.code === 'yaml-syntax') : yamlFindings.some((finding) => namesClaim(finding, claim.index));
      const dropped: string[] = [];
      for (const { claim, range } of analysis.claims) {
        if (!range && !reportedBy(claim)) dropped.push(`claim ${claim.id}`);
      }
      for (const entity of analysis.annotations.entities) {
        for (const selector of entity.mentions) {
          if (analysis.draft!.prepared.anchor(selector).kind === 'found') continue;
          const reported = yamlFindings.some((finding) => finding.code === 'span-not-found' && finding.data?.entityId === entity.id && finding.range.start === selector.textLocation.range.start);
          if (!reported) dropped.push(`mention ${JSON.stringify(selector.text)} of ${entity.id}`);
        }
      }
      return dropped;
    }

    it('anchors every claim and mention of the fixtures, or reports it', async () => {
      const drafts = fs.readdirSync(FINDINGS_ARTICLES).filter((name) => name.endsWith('.txt') && name !== 'blank-span.txt');
      let unanchored = 0;
      for (const name of drafts) {
        const analysis = await analyzeDraftFile(path.join(FINDINGS_ARTICLES, name));
        assert.deepEqual(silentlyDropped(analysis), [], name);
        unanchored += analysis.claims.filter((anchored) => !anchored.range).length;
      }
      // spans (1), broken-yaml (1) and unterminated-quote (1): the check above had something to check.
      assert.equal(unanchored, 3);
    });

    it('reports a claim or mention whose text is only spaces', async () => {
      const analysis = await analyzeFixture('blank-span');
      const yaml = analysis.annotations.text;
      for (const at of [yaml.indexOf('"   "'), yaml.lastIndexOf('"   "')]) {
        const reported = analysis.findings.some((finding) => finding.file === analysis.annotations.file && finding.range.start <= at && at < finding.range.end);
        assert.ok(reported, `nothing reported at offset ${at}`);
      }
    });
  });
});
