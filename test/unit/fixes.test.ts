// Quick fixes, applied to the real sample and to fixtures: each removes its finding and nothing else breaks.
import { strict as assert } from 'assert';
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/analysis';
import { applyEdits } from '../../src/core/edits';
import { fixAllFor, fixesFor, likelyEntityType, likelySources, likelySpeakers, neutralVerb, quotedWords, slugify, sourceFixAllFor, textHash, type Fix } from '../../src/core/fixes';
import { entityCard } from '../../src/core/hover';
import type { Finding } from '../../src/core/model';
import { parseAnnotationFile } from '../../src/core/parse';
import { findingsOf, readText, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT } from './helpers';

interface Texts {
  draft: string;
  yaml: string;
}

function analyzeTexts(texts: Texts): Analysis {
  return analyze({ draft: { path: SAMPLE_DRAFT, text: texts.draft }, annotations: parseAnnotationFile(SAMPLE_ANNOTATIONS, texts.yaml) });
}

function apply(texts: Texts, fix: Fix): Texts {
  const forFile = (file: string) => fix.edits.filter((edit) => edit.file === file);
  return { draft: applyEdits(texts.draft, forFile(SAMPLE_DRAFT)), yaml: applyEdits(texts.yaml, forFile(SAMPLE_ANNOTATIONS)) };
}

function sampleTexts(): Texts {
  return { draft: readText(SAMPLE_DRAFT), yaml: readText(SAMPLE_ANNOTATIONS) };
}

function only(analysis: Analysis, code: string, predicate: (finding: Finding) => boolean = () => true): Finding {
  const found = analysis.findings.filter((finding) => finding.code === code && predicate(finding));
  assert.equal(found.length, 1, `${code}: ${found.length} findings`);
  return found[0];
}

/** What the format does not allow in the annotation file: a fix must never leave any. */
function formatErrors(analysis: Analysis): Finding[] {
  return analysis.findings.filter((f) => f.code === 'invalid-annotation' || f.code === 'yaml-syntax');
}

describe('quick fixes', () => {
  it('offers to attribute an unattributed claim to the people named near it, or to mark a basis', () => {
    const analysis = analyzeTexts(sampleTexts());
    const finding = only(analysis, 'unattributed-claim', (f) => f.data?.claimId === 'witkoff-angered-kyiv');
    const titles = fixesFor(analysis, finding).map((fix) => fix.title);
    assert.deepEqual(titles.slice(0, 2), ['Attribute to Donald Trump', 'Attribute to Steve Witkoff']);
    assert.ok(titles.includes('Attribute to…'));
    assert.ok(!titles.some((title) => title.startsWith('Mark as')), 'a paraphrase accepts no basis');
    const fact = only(analysis, 'unattributed-claim', (f) => f.data?.claimId === 'moskalik-killed');
    assert.deepEqual(
      fixesFor(analysis, fact).filter((fix) => fix.title.startsWith('Mark as')).map((fix) => fix.title),
      ['Mark as common knowledge', 'Mark as observed by the reporter', 'Mark as public record', 'Mark as documented'],
    );
  });

  describe('the names offered for the sample\'s unattributed claims and its unannotated quotation', () => {
    const analysis = analyzeTexts(sampleTexts());
    const titles = (finding: Finding) => fixesFor(analysis, finding).map((fix) => (fix.isPreferred ? `* ${fix.title}` : fix.title));
    const claim = (id: string) => only(analysis, 'unattributed-claim', (f) => f.data?.claimId === id);

    it('offers at most three people or organisations, never a place, then the picker', () => {
      assert.deepEqual(titles(claim('moskalik-killed')), [
        'Attribute to Steve Witkoff',
        'Attribute to Vladimir Putin',
        'Attribute to Donald Trump',
        'Attribute to…',
        'Mark as common knowledge',
        'Mark as observed by the reporter',
        'Mark as public record',
        'Mark as documented',
      ]);
      // "United States" is named nearer ("US peace efforts"), but is a place: in the picker, last.
      assert.deepEqual(titles(claim('witkoff-angered-kyiv')), ['Attribute to Donald Trump', 'Attribute to Steve Witkoff', 'Attribute to Sergei Lavrov', 'Attribute to…']);
    });

    it('offers only the speaker the sentence names for its quotation: not the platform it was posted on, nor the pope whose funeral it mentions', () => {
      assert.deepEqual(titles(only(analysis, 'unannotated-quote')), ['* Annotate quote as said by Donald Trump', 'Annotate quote…']);
    });

    it('lists places last in the picker of "Attribute to…", and none, nor the platform, in that of "Annotate quote…", people first', () => {
      const places = new Set(['rome', 'russia', 'kyiv', 'moscow', 'crimea', 'ukraine', 'united-states', 'washington']);
      for (const id of ['moskalik-killed', 'witkoff-angered-kyiv']) {
        const picker = likelySources(analysis, claim(id).range);
        const firstPlace = picker.findIndex((entity) => places.has(entity));
        assert.ok(firstPlace > 0 && picker.slice(firstPlace).every((entity) => places.has(entity)), `${id}: ${picker.join(', ')}`);
        assert.ok(!picker.includes('truth-social'), 'a platform is typed a work: never a source');
      }
      assert.deepEqual(likelySources(analysis, claim('witkoff-angered-kyiv').range), ['trump', 'witkoff', 'lavrov', 'cbs-news', 'united-states', 'kyiv', 'moscow', 'ukraine', 'washington']);
      // People first; an organisation its sentence does not say spoke after them; no place.
      assert.deepEqual(likelySpeakers(analysis, only(analysis, 'unannotated-quote').range), ['trump', 'pope-francis', 'witkoff', 'putin', 'moskalik', 'ukrainian-intelligence']);
    });
  });

  it('prefers attributing a claim to someone only where its sentence says someone said it', () => {
    const analysis = analyzeTexts(sampleTexts());
    // "The meeting between Putin and Witkoff took place shortly after a top Russian general, Yaroslav
    // Moskalik, was killed": nobody says so; the general is what the claim is about.
    const killed = fixesFor(analysis, only(analysis, 'unattributed-claim', (f) => f.data?.claimId === 'moskalik-killed'));
    assert.deepEqual(killed.filter((fix) => fix.isPreferred), []);
    assert.ok(!killed.slice(0, 2).some((fix) => fix.title === 'Attribute to Yaroslav Moskalik'), killed.map((fix) => fix.title).join(' | '));
    const texts = { draft: 'The mayor said on Monday that the ferry will run all winter.\n', yaml: 'version: 1\nentities:\n  mayor: {name: The mayor, type: person}\nclaims:\n  - {text: the ferry will run all winter, type: prediction}\n' };
    const cued = analyzeTexts(texts);
    const [preferred] = fixesFor(cued, only(cued, 'unattributed-claim')).filter((fix) => fix.isPreferred);
    assert.equal(preferred?.title, 'Attribute to The mayor');
  });

  describe('who said it: the subject of the speech verb in the sentence, not the listener, the employer or the accused', () => {
    const PEOPLE = [
      '  lopez: {name: Ana Lopez, type: person, aliases: [Lopez]}',
      '  reyes: {name: Tom Reyes, type: person, aliases: [Reyes]}',
      '  acme: {name: Acme Corp, type: organization, aliases: [Acme]}',
      '  reuters: {name: Reuters, type: organization}',
      '  nair: {name: Priya Nair, type: person, aliases: [Nair]}',
      '  kell: {name: Kell University, type: organization}',
      '  whitfield: {name: Jane Whitfield, type: person, aliases: [Whitfield]}',
      '  amadi: {name: Ruth Amadi, type: person}',
    ];
    /** The titles of the fixes of the draft's one unattributed claim or unannotated quotation, and the preferred one's. */
    function offered(draft: string, claims: string[], extraEntities: string[] = []): { preferred: string[]; titles: string[] } {
      const yaml = ['version: 1', 'entities:', ...PEOPLE, ...extraEntities, `claims:${claims.length === 0 ? ' []' : ''}`, ...claims.map((claim) => `  - ${claim}`), ''].join('\n');
      const analysis = analyzeTexts({ draft, yaml });
      const finding = only(analysis, claims.length === 0 ? 'unannotated-quote' : 'unattributed-claim');
      const fixes = fixesFor(analysis, finding);
      return { preferred: fixes.filter((fix) => fix.isPreferred).map((fix) => fix.title), titles: fixes.map((fix) => fix.title) };
    }

    it('prefers the one who told, not the one told', () => {
      const told = offered('Lopez told Reyes that the budget was balanced.\n', ['{text: the budget was balanced, type: paraphrase}']);
      assert.deepEqual(told.preferred, ['Attribute to Ana Lopez']);
      const quote = offered('"We knew the plant was losing money, and it always was," Lopez told Reuters.\n', []);
      assert.deepEqual(quote.preferred, ['Annotate quote as said by Ana Lopez']);
    });

    it('lists the speaker first in the pickers of "Attribute to…" and "Annotate Selection as Claim…", as the fixes rank them', () => {
      const draft = 'Lopez told Reyes that the budget was balanced.\n';
      const yaml = ['version: 1', 'entities:', ...PEOPLE, 'claims:', '  - {text: the budget was balanced, type: paraphrase}', ''].join('\n');
      const analysis = analyzeTexts({ draft, yaml });
      assert.deepEqual(likelySources(analysis, analysis.claims[0].range!), ['lopez', 'reyes']);
    });

    it('reads past an aside between commas to the speaker, not the employer in it', () => {
      const spokeswoman = offered('Lopez, a spokeswoman for Acme, said the plant would close.\n', ['{text: the plant would close, type: prediction}']);
      assert.deepEqual(spokeswoman.preferred, ['Attribute to Ana Lopez']);
      assert.ok(spokeswoman.titles.includes('Attribute to Acme Corp'), 'the employer is still offered');
      const hydrologist = offered('Dr. Priya Nair, a hydrologist at Kell University, said the drought was "the worst in living memory."\n', []);
      assert.deepEqual(hydrologist.preferred, ['Annotate quote as said by Priya Nair']);
    });

    it('never credits the one a claim is about: the accused named in it', () => {
      const lied = offered('Lopez said Reyes had lied about the budget.\n', ['{text: Reyes had lied about the budget, type: allegation}']);
      assert.deepEqual(lied.preferred, ['Attribute to Ana Lopez']);
      assert.ok(!lied.titles.includes('Attribute to Tom Reyes'), lied.titles.join(' | '));
    });

    it('prefers nobody where the speaker is someone unnamed: the outlet told is not the source', () => {
      const briefed = offered('The cuts will fall hardest on the northern plants, a person briefed on the plans told Reuters.\n', [
        '{text: The cuts will fall hardest on the northern plants, type: prediction}',
      ]);
      assert.deepEqual(briefed.preferred, []);
      assert.ok(briefed.titles.includes('Attribute to Reuters'), 'offered, not preferred');
    });

    it('takes the speech verb of the claim\'s own sentence over one in the next', () => {
      const wrote = offered('"This is the hardest decision I have ever had to make," Whitfield wrote. Acme told Reuters that 400 jobs would go.\n', []);
      assert.deepEqual(wrote.preferred, ['Annotate quote as said by Jane Whitfield']);
      const draft = 'Turnout in the election reached 61%, up from 54% in 2019, the electoral commission said. Ruth Amadi told reporters the count was fair.\n';
      const claim = '{text: Turnout in the election reached 61%, type: statistic}';
      const commission = offered(draft, [claim], ['  commission: {name: Electoral Commission, type: organization, aliases: [electoral commission]}']);
      assert.deepEqual(commission.preferred, ['Attribute to Electoral Commission']);
      // Not an entity: the sentence still says who said it, and it is not Ruth Amadi.
      assert.deepEqual(offered(draft, [claim]).preferred, []);
    });

    it('resolves "she said" to the one speaker of the sentence before, never to a name in that sentence\'s claim', () => {
      const claims = ['{text: Reyes had lied about the budget, type: fact, basis: document}', '{text: the council would act on it, type: prediction}'];
      const audit = offered('An audit found that Reyes had lied about the budget. She said the council would act on it.\n', claims);
      assert.deepEqual(audit.preferred, []);
      const spoke = offered('Lopez said on Monday that the audit was late. She said the council would act on it.\n', ['{text: the council would act on it, type: prediction}']);
      assert.deepEqual(spoke.preferred, ['Attribute to Ana Lopez']);
      // "It" is no person.
      const it = offered('Lopez said on Monday that the audit was late. It said the council would act on it.\n', ['{text: the council would act on it, type: prediction}']);
      assert.deepEqual(it.preferred, []);
    });

    it('takes the speaker of a quotation in straight single marks, written before the verb or after it', () => {
      assert.deepEqual(offered("'We knew the plant was losing money, and it always was,' Lopez told Reuters.\n", []).preferred, ['Annotate quote as said by Ana Lopez']);
      assert.deepEqual(offered("'The plant will close in June,' said Lopez, a spokeswoman for Acme.\n", []).preferred, ['Annotate quote as said by Ana Lopez']);
    });

    it('offers a quotation to a person, to an organisation only where the sentence says it spoke, to a place never', () => {
      const places = ['  geneva: {name: Geneva, type: place}', '  moscow: {name: Moscow, type: place}', '  kremlin: {name: Kremlin, type: organization}'];
      assert.deepEqual(offered('"We will respond in kind," Moscow said.\n', [], places).titles, ['Annotate quote…']);
      assert.deepEqual(offered('"The talks were useful and frank," the Kremlin said.\n', [], places).titles, ['Annotate quote as said by Kremlin', 'Annotate quote…']);
      // Named as the employer, not as the speaker: Lopez alone.
      assert.deepEqual(offered('Lopez, a spokeswoman for Acme, said: "We will close the plant."\n', []).titles, ['Annotate quote as said by Ana Lopez', 'Annotate quote…']);
      // Nobody said to speak: the people nearby, not the organisation.
      assert.deepEqual(offered('Acme and Lopez met in Geneva. "We will close the plant in June."\n', [], places).titles, ['Annotate quote as said by Ana Lopez', 'Annotate quote…']);
    });

    it('offers a claim to three people or organisations at most, places only in the picker, after them', () => {
      const places = ['  geneva: {name: Geneva, type: place}'];
      const draft = 'In Geneva, Lopez, Reyes, Nair, Whitfield and Acme met about the plant. It will close in June.\n';
      const claim = '{text: It will close in June, type: prediction}';
      // The nearest first.
      assert.deepEqual(offered(draft, [claim], places).titles, ['Attribute to Acme Corp', 'Attribute to Jane Whitfield', 'Attribute to Priya Nair', 'Attribute to…']);
      const yaml = ['version: 1', 'entities:', ...PEOPLE, ...places, 'claims:', `  - ${claim}`, ''].join('\n');
      const analysis = analyzeTexts({ draft, yaml });
      assert.deepEqual(likelySources(analysis, analysis.claims[0].range!), ['acme', 'whitfield', 'nair', 'reyes', 'lopez', 'geneva']);
      // Said by the speech verb's subject first, then the others its sentence says spoke.
      const said = offered('Reyes said the plant would close in June, and Nair told Acme the same.\n', ['{text: the plant would close in June, type: prediction}']);
      assert.deepEqual(said.titles.slice(0, 2), ['Attribute to Tom Reyes', 'Attribute to Priya Nair']);
      assert.deepEqual(said.preferred, ['Attribute to Tom Reyes']);
    });

    it('takes a speaker written after the verb: "said Lopez", "according to Acme"', () => {
      assert.deepEqual(offered('"The plant will close in June," said Lopez, a spokeswoman for Acme.\n', []).preferred, ['Annotate quote as said by Ana Lopez']);
      assert.deepEqual(
        offered('The plant will close in June, according to Acme.\n', ['{text: The plant will close in June, type: prediction}']).preferred,
        ['Attribute to Acme Corp'],
      );
      // Hard-wrapped between its words, the phrase is the same one.
      assert.deepEqual(
        offered('The plant will close in June, according\nto Acme.\n', ['{text: The plant will close in June, type: prediction}']).preferred,
        ['Attribute to Acme Corp'],
      );
      assert.deepEqual(offered('The plant will close in June, said a spokeswoman for Acme.\n', ['{text: The plant will close in June, type: prediction}']).preferred, []);
    });
  });

  it('a fix that asks first expects the annotation file it will edit unchanged: the claim it names by place could be another one', () => {
    const texts = sampleTexts();
    const analysis = analyzeTexts(texts);
    const finding = only(analysis, 'unattributed-claim', (f) => f.data?.claimId === 'witkoff-angered-kyiv');
    const ask = fixesFor(analysis, finding).find((fix) => fix.title === 'Attribute to…')!;
    assert.equal(ask.edits.length, 0, 'it edits only once the user has picked');
    assert.deepEqual(ask.expect.filter((expectation) => expectation.range === undefined), [{ file: SAMPLE_ANNOTATIONS, text: textHash(texts.yaml) }]);
    const quote = only(analysis, 'unannotated-quote');
    const annotate = fixesFor(analysis, quote).find((fix) => fix.title === 'Annotate quote…')!;
    assert.ok(annotate.expect.some((expectation) => expectation.file === SAMPLE_ANNOTATIONS && expectation.text === textHash(texts.yaml)));
  });

  it('attributing removes the warning and changes one line of the YAML', () => {
    const texts = sampleTexts();
    const analysis = analyzeTexts(texts);
    const finding = only(analysis, 'unattributed-claim', (f) => f.data?.claimId === 'witkoff-angered-kyiv');
    const attribute = fixesFor(analysis, finding).find((fix) => fix.title === 'Attribute to Steve Witkoff')!;
    const after = apply(texts, attribute);
    assert.equal(after.yaml.split('\n').length, texts.yaml.split('\n').length + 1);
    const reanalysed = analyzeTexts(after);
    assert.ok(!reanalysed.findings.some((f) => f.code === 'unattributed-claim' && f.data?.claimId === 'witkoff-angered-kyiv'));
    assert.deepEqual(reanalysed.annotations.findings, []);
  });

  it('annotates an unannotated quote as said by the person next to the speech cue', () => {
    const texts = sampleTexts();
    const analysis = analyzeTexts(texts);
    const finding = only(analysis, 'unannotated-quote');
    assert.equal(likelySpeakers(analysis, finding.range)[0], 'trump');
    const [preferred] = fixesFor(analysis, finding);
    assert.equal(preferred.title, 'Annotate quote as said by Donald Trump');
    const after = apply(texts, preferred);
    const reanalysed = analyzeTexts(after);
    assert.equal(reanalysed.findings.filter((f) => f.code === 'unannotated-quote').length, 0);
    // In reading order, between the claims of the words before and after it, named as the file's claims are.
    const ids = reanalysed.claims.map((anchored) => anchored.claim.id);
    assert.deepEqual(ids.slice(ids.indexOf('trump-good-day'), ids.indexOf('trump-good-day') + 3), ['trump-good-day', 'most-of-the-major-points', 'trump-high-level-talks']);
    const block = '  - id: most-of-the-major-points\n    text: most of the major points are agreed to\n    type: direct-quote\n    source: trump\n\n';
    const next = texts.yaml.indexOf('  - id: trump-high-level-talks');
    assert.equal(after.yaml, texts.yaml.slice(0, next) + block + texts.yaml.slice(next));
    assert.deepEqual(reanalysed.annotations.findings, []);
    const added = reanalysed.claims.find((anchored) => anchored.claim.id === 'most-of-the-major-points')!;
    assert.equal(added.claim.type, 'direct-quote');
    assert.equal(added.claim.selector?.text, 'most of the major points are agreed to');
    assert.deepEqual(added.claim.sources.map((s) => s.id), ['trump']);
    assert.equal(added.anchor?.kind === 'found' && added.anchor.candidates, 1);
  });

  it('adds a claim in reading order: before the first claim whose words come after its own, else last', () => {
    const draft = 'The ferry will run all winter, the mayor said. "We have the crews," she said. The council will vote in March. "It is settled," the clerk said.\n';
    const claim = (id: string, text: string) => `  - id: ${id}\n    text: ${text}\n    type: fact\n    basis: observed\n`;
    const yaml = [
      'version: 1\nentities:\n  mayor: {name: the mayor, type: person}\n  clerk: {name: the clerk, type: person}\nclaims:\n',
      '  # ---- paragraph 1\n',
      claim('ferry', 'The ferry will run all winter'),
      '\n  # the vote is not scheduled yet\n',
      claim('vote', 'The council will vote in March'),
    ].join('');
    const analysis = analyzeTexts({ draft, yaml });
    const quotes = findingsOf(analysis, 'unannotated-quote');
    assert.equal(quotes.length, 2);
    // The first quotation goes between the two claims, above the comment of the one after it.
    const [first] = fixesFor(analysis, quotes[0]).filter((fix) => fix.edits.length > 0);
    assert.equal(
      apply({ draft, yaml }, first).yaml,
      yaml.replace('\n  # the vote', '\n  - id: we-have-the-crews\n    text: We have the crews\n    type: direct-quote\n    source: mayor\n\n  # the vote'),
    );
    // The last goes last.
    const [last] = fixesFor(analysis, quotes[1]).filter((fix) => fix.edits.length > 0);
    assert.ok(apply({ draft, yaml }, last).yaml.endsWith(`${claim('vote', 'The council will vote in March')}\n  - id: it-is-settled\n    text: It is settled\n    type: direct-quote\n    source: clerk\n`));
  });

  it('annotates a quotation that opens a paragraph of the sample under that paragraph\'s heading, not at the end of the one before', () => {
    const texts = sampleTexts();
    texts.draft = texts.draft.replace('Speaking in Rome, where he arrived for the funeral of Pope Francis, Trump posted', '"We are getting very close," Trump said in Rome, where he arrived for the funeral of Pope Francis. He posted');
    const analysis = analyzeTexts(texts);
    const quote = only(analysis, 'unannotated-quote', (f) => texts.draft.slice(f.range.start, f.range.end).includes('very close'));
    const [preferred] = fixesFor(analysis, quote);
    assert.equal(preferred.title, 'Annotate quote as said by Donald Trump');
    const after = apply(texts, preferred);
    const block = '  - id: we-are-getting-very-close\n    text: We are getting very close\n    type: direct-quote\n    source: trump\n\n';
    const at = texts.yaml.indexOf('  - id: trump-good-day');
    assert.match(texts.yaml.slice(0, at), /# ---- paragraph 3\n$/);
    assert.equal(after.yaml, texts.yaml.slice(0, at) + block + texts.yaml.slice(at));
    assert.deepEqual(formatErrors(analyzeTexts(after)), []);
  });

  it('puts a new claim in the section of the claim after it when the draft has the two in one paragraph, before that section otherwise', () => {
    const yaml = [
      'version: 1\nentities:\n  mayor: {name: the mayor, type: person}\nclaims:\n',
      '  # ---- paragraph 1\n  - id: ferry\n    text: The ferry will run all winter\n    type: fact\n    basis: observed\n\n',
      '  # ---- paragraph 2\n  - id: vote\n    text: The council will vote in March\n    type: fact\n    basis: observed\n',
    ].join('');
    const added = '  - id: we-have-the-crews\n    text: We have the crews\n    type: direct-quote\n    source: mayor\n\n';
    const fixed = (draft: string) => {
      const analysis = analyzeTexts({ draft, yaml });
      const [fix] = fixesFor(analysis, only(analysis, 'unannotated-quote')).filter((candidate) => candidate.edits.length > 0);
      const after = apply({ draft, yaml }, fix);
      assert.deepEqual(formatErrors(analyzeTexts(after)), []);
      return after.yaml;
    };
    const underSecond = yaml.replace('  - id: vote', `${added}  - id: vote`);
    const aboveSecond = yaml.replace('  # ---- paragraph 2', `${added}  # ---- paragraph 2`);
    // Paragraphs parted by a blank line, or written one to a line.
    assert.equal(fixed('The ferry will run all winter, the mayor said.\n\n"We have the crews," she said. The council will vote in March.\n'), underSecond);
    assert.equal(fixed('The ferry will run all winter, the mayor said.\n"We have the crews," she said. The council will vote in March.\n'), underSecond);
    assert.equal(fixed('The ferry will run all winter, the mayor said. "We have the crews," she said.\n\nThe council will vote in March.\n'), aboveSecond);
    assert.equal(fixed('The ferry will run all winter, the mayor said. "We have the crews," she said.\nThe council will vote in March.\n'), aboveSecond);
  });

  it('names a new claim only when most claims of its file have an id, with an id no other claim has', () => {
    const draft = '"We have the crews," the mayor said. Later: "We have the crews."\n';
    const named = 'version: 1\nentities:\n  mayor: {name: the mayor, type: person}\nclaims:\n  - {id: we-have-the-crews, text: We have the crews, occurrence: 1, type: direct-quote, source: mayor}\n';
    const analysis = analyzeTexts({ draft, yaml: named });
    const [fix] = fixesFor(analysis, only(analysis, 'unannotated-quote')).filter((candidate) => candidate.edits.length > 0);
    assert.match(apply({ draft, yaml: named }, fix).yaml, /- id: we-have-the-crews-2\n/);
    const unnamed = named.replace('id: we-have-the-crews, ', '');
    const plain = analyzeTexts({ draft, yaml: unnamed });
    const [plainFix] = fixesFor(plain, only(plain, 'unannotated-quote')).filter((candidate) => candidate.edits.length > 0);
    assert.doesNotMatch(apply({ draft, yaml: unnamed }, plainFix).yaml, /id:/);
  });

  it('annotates a quotation without the comma that ends it before the attribution, keeping its own ? or !', () => {
    const yaml = 'version: 1\nentities:\n  engineer: {name: chief engineer, type: person}\nclaims: []\n';
    const cases = [
      ['"We are ready to build this summer," its chief engineer told reporters.\n', 'We are ready to build this summer'],
      ['“Will the ferry run all winter?” the chief engineer asked.\n', 'Will the ferry run all winter?'],
      ['The chief engineer said: "We are ready to build this summer."\n', 'We are ready to build this summer.'],
    ];
    for (const [draft, words] of cases) {
      const texts = { draft, yaml };
      const analysis = analyzeTexts(texts);
      const [preferred] = fixesFor(analysis, only(analysis, 'unannotated-quote'));
      const after = analyzeTexts(apply(texts, preferred));
      assert.equal(after.claims[0].claim.selector?.text, words, draft);
      assert.deepEqual(after.findings.filter((f) => f.code === 'unannotated-quote'), [], draft);
    }
  });

  it('annotates a quotation in guillemets or single quotes, curly or straight, without its marks', () => {
    for (const [open, close] of [['«\u00a0', '\u00a0»'], ['‘', '’'], ['„', '“'], ["'", "'"]]) {
      const texts = {
        draft: `Ruiz said: ${open}We will keep the ferry running all winter${close}.\n`,
        yaml: 'version: 1\nentities:\n  ruiz: {name: Ruiz, type: person}\nclaims: []\n',
      };
      const analysis = analyzeTexts(texts);
      const [preferred] = fixesFor(analysis, only(analysis, 'unannotated-quote'));
      const added = analyzeTexts(apply(texts, preferred)).claims[0];
      assert.equal(added.claim.selector?.text.trim(), 'We will keep the ferry running all winter', open);
    }
  });

  it('takes the straight single marks of a selected quotation off its words, and leaves an apostrophe at either end', () => {
    const draft = "'We don't know,' she said, as 'tis the season at the editors' desk.\n";
    const words = (selected: string) => {
      const start = draft.indexOf(selected);
      const range = quotedWords(draft, { start, end: start + selected.length });
      return draft.slice(range.start, range.end);
    };
    assert.equal(words("'We don't know,'"), "We don't know");
    assert.equal(words("We don't know,'"), "We don't know");
    assert.equal(words("'tis the season"), "'tis the season");
    assert.equal(words("the editors'"), "the editors'");
  });

  it('replaces a loaded verb with a neutral one in the draft, in the same tense', () => {
    assert.deepEqual(
      ['claimed', 'insists', 'Admitted', 'pointed out', 'concedes', 'claims', 'alleged', 'points out', 'Points out'].map(neutralVerb),
      ['said', 'says', 'Said', 'said', 'says', 'says', 'said', 'says', 'Says'],
    );
    // A custom verb ending in "ss" has no third-person "s": "we stress" would not become "we says".
    assert.equal(neutralVerb('stress'), 'said');
    const texts = sampleTexts();
    const analysis = analyzeTexts(texts);
    const fixes = fixAllFor(analysis, SAMPLE_DRAFT, 'loaded-attribution-verb');
    assert.deepEqual(fixes.map((fix) => fix.title), ["Replace 'admitted' with 'said'", "Replace 'claimed' with 'said'"]);
    let after = texts;
    for (const fix of fixes) after = apply(after, fix);
    assert.ok(after.draft.includes('Zelensky said that diplomacy'));
    assert.equal(after.draft.length, texts.draft.length - 'admitted'.length - 'claimed'.length + 2 * 'said'.length);
    assert.equal(analyzeTexts(after).findings.filter((f) => f.code === 'loaded-attribution-verb').length, 0);
  });

  it('adds the anonymity field with the cursor on its placeholder, which is no reason until the user types one', () => {
    const texts = sampleTexts();
    const analysis = analyzeTexts(texts);
    const finding = only(analysis, 'anonymous-source-without-reason', (f) => f.file === SAMPLE_ANNOTATIONS);
    const [fix] = fixesFor(analysis, finding);
    const after = apply(texts, fix);
    const placeholder = fix.placeholder!;
    assert.equal(after.yaml.slice(placeholder.offset, placeholder.offset + placeholder.length), 'why anonymity was granted');
    // Applied unread (the fix is preferred), the placeholder clears nothing: both warnings stay, say so,
    // and no fix writes it again. The card says no reason is recorded.
    const placeheld = analyzeTexts(after);
    const warnings = placeheld.findings.filter((f) => f.code === 'anonymous-source-without-reason');
    assert.deepEqual(warnings.map((f) => f.message), [
      "The source 'Unnamed reports on the US proposal' is anonymous, and the reason for anonymity in the annotations is still the placeholder",
      "'unnamed-reports' is an anonymous source: replace 'why anonymity was granted' in `anonymity:` with the reason it was granted",
    ]);
    assert.deepEqual(warnings.flatMap((f) => fixesFor(placeheld, f)), []);
    assert.match(entityCard(placeheld, placeheld.entities.get('unnamed-reports')!), /⚠ No reason for anonymity is recorded\./);
    // The reason typed over the placeholder clears them.
    const typed = { ...after, yaml: after.yaml.slice(0, placeholder.offset) + 'officials not authorised to discuss the talks' + after.yaml.slice(placeholder.offset + placeholder.length) };
    assert.deepEqual(analyzeTexts(typed).findings.filter((f) => f.code === 'anonymous-source-without-reason'), []);
  });

  it('suggests the closest id for an unknown entity, or creates it', () => {
    const texts = sampleTexts();
    texts.yaml = texts.yaml.replace('    source: lavrov\n', '    source: lavrv\n');
    const analysis = analyzeTexts(texts);
    const finding = only(analysis, 'unknown-entity');
    const fixes = fixesFor(analysis, finding);
    assert.deepEqual(fixes.map((fix) => fix.title), ["Did you mean 'lavrov'?", "Create entity 'lavrv'"]);
    const fixed = analyzeTexts(apply(texts, fixes[0]));
    assert.equal(fixed.findings.filter((f) => f.code === 'unknown-entity').length, 0);
    const created = analyzeTexts(apply(texts, fixes[1]));
    assert.equal(created.entities.get('lavrv')?.name, 'Lavrv');
    assert.deepEqual(created.annotations.findings, []);
  });

  it('corrects a misspelt claim type to the one its message suggests, only when picked', () => {
    const texts = {
      draft: 'The mayor said the ferry will run all winter.\n',
      yaml: 'version: 1\nentities:\n  mayor: {name: The mayor, type: person}\nclaims:\n  - text: the ferry will run all winter  # from the briefing\n    type: predicton\n    source: mayor\n',
    };
    const analysis = analyzeTexts(texts);
    const finding = only(analysis, 'unknown-claim-type');
    assert.match(finding.message, /Did you mean 'prediction'\?/);
    const fixes = fixesFor(analysis, finding);
    assert.deepEqual(fixes.map((fix) => [fix.title, fix.isPreferred, fix.fixAll]), [["Change type to 'prediction'", undefined, undefined]]);
    assert.deepEqual(fixAllFor(analysis, SAMPLE_ANNOTATIONS), []);
    const after = apply(texts, fixes[0]);
    assert.equal(after.yaml, texts.yaml.replace('type: predicton', 'type: prediction'));
    assert.deepEqual(analyzeTexts(after).findings.filter((f) => f.severity === 'error'), []);
    // Nothing close: no guess is offered, the message lists the types.
    const far = analyzeTexts({ ...texts, yaml: texts.yaml.replace('predicton', 'rumour') });
    assert.deepEqual(fixesFor(far, only(far, 'unknown-claim-type')), []);
  });

  it('creates an unknown entity as an organisation when its words say so, else as a person', () => {
    const texts = {
      draft: 'The city council said the ferry will run all winter.\n',
      yaml: 'version: 1\nclaims:\n  - text: the ferry will run all winter\n    type: prediction\n    source: city-council\n',
    };
    const analysis = analyzeTexts(texts);
    const create = fixesFor(analysis, only(analysis, 'unknown-entity')).find((fix) => fix.title === "Create entity 'city-council'")!;
    const after = apply(texts, create);
    assert.match(after.yaml, /\n {2}city-council:\n {4}name: City Council\n {4}type: organization\n/);
    assert.equal(analyzeTexts(after).entities.get('city-council')?.type, 'organization');
    const guesses = ['city-council', 'ministry-of-health', 'supreme-court', 'labour-party', 'harbour-ferries-ltd', 'acme-inc', 'court-clerk', 'party-leader', 'lavrov', 'kyiv'];
    assert.deepEqual(
      guesses.map((id) => [id, likelyEntityType(id)]),
      [
        ['city-council', 'organization'],
        ['ministry-of-health', 'organization'],
        ['supreme-court', 'organization'],
        ['labour-party', 'organization'],
        ['harbour-ferries-ltd', 'organization'],
        ['acme-inc', 'organization'],
        ['court-clerk', 'person'],
        ['party-leader', 'person'],
        ['lavrov', 'person'],
        // A place's name says nothing of it: the user corrects the type.
        ['kyiv', 'person'],
      ],
    );
  });

  it('disambiguates an ambiguous span with the shortest context, one fix per occurrence', () => {
    const texts = sampleTexts();
    texts.yaml = texts.yaml.replace(
      'claims:\n',
      'claims:\n  - id: repeated\n    text: Zelensky\n    type: fact\n    basis: observed\n',
    );
    const analysis = analyzeTexts(texts);
    const finding = only(analysis, 'span-ambiguous');
    const fixes = fixesFor(analysis, finding);
    assert.equal(fixes.length, 5);
    assert.match(fixes[1].title, /^Disambiguate with context: the one on line \d+ \(.*\[Zelensky\].*\)$/);
    const after = analyzeTexts(apply(texts, fixes[1]));
    assert.equal(after.findings.filter((f) => f.code === 'span-ambiguous').length, 0);
    const repeated = after.claims.find((c) => c.claim.id === 'repeated')!;
    const ambiguous = analysis.draft!.prepared.anchor({ text: 'Zelensky' });
    assert.ok(ambiguous.kind === 'found');
    assert.deepEqual(repeated.range, ambiguous.kind === 'found' ? ambiguous.ambiguousRanges![1] : undefined);
  });

  it('tells the places of an ambiguous span apart in its fixes\' titles by the words around them', () => {
    const texts = {
      draft: 'Ruiz said the closure was illegal. Lee said the closure was illegal.\n',
      yaml: 'version: 1\nclaims:\n  - {text: the closure was illegal, type: fact, basis: observed}\n',
    };
    const analysis = analyzeTexts(texts);
    const titles = fixesFor(analysis, only(analysis, 'span-ambiguous')).map((fix) => fix.title);
    assert.deepEqual(titles, [
      'Disambiguate with context: the one on line 1 (Ruiz said [the closure was illegal]. Lee said the closure…)',
      'Disambiguate with context: the one on line 1 (…was illegal. Lee said [the closure was illegal].)',
    ]);
  });

  it('pins an ambiguous span without asking where its source is named at one place only, keeping the comments', () => {
    const texts = {
      draft: 'Lopez doubts the budget is fine. Garcia said the budget is fine. The mayor said the budget is fine.\n',
      yaml: 'version: 1\nentities:\n  garcia:\n    name: Garcia\n    type: person\nclaims:\n  - text: the budget is fine\n    prefix: "said "   # Garcia, not Lopez\n    type: opinion\n    source: garcia\n',
    };
    const analysis = analyzeTexts(texts);
    const inUse = analysis.claims[0].range!;
    assert.equal(inUse.start, texts.draft.indexOf('Garcia said ') + 'Garcia said '.length);
    const fixes = fixAllFor(analysis, SAMPLE_ANNOTATIONS, 'span-ambiguous');
    assert.equal(fixes.length, 1);
    const after = analyzeTexts(apply(texts, fixes[0]));
    assert.deepEqual(after.claims[0].range, inUse);
    assert.deepEqual(after.findings.filter((f) => f.code === 'span-ambiguous'), []);
    assert.ok(apply(texts, fixes[0]).yaml.includes('# Garcia, not Lopez'));
  });

  describe('pinning a span to one of its places', () => {
    it('names each place by its line as the editor numbers it, a carriage return alone breaking one too', () => {
      const texts = { draft: 'A deal was close, aides said.\rThe talks ran late.\rA deal was close, envoys said.\r', yaml: 'version: 1\nclaims:\n  - {text: A deal was close, type: fact, basis: observed}\n' };
      const analysis = analyzeTexts(texts);
      const titles = fixesFor(analysis, only(analysis, 'span-ambiguous')).map((fix) => fix.title.slice(0, 44));
      assert.deepEqual(titles, ['Disambiguate with context: the one on line 1', 'Disambiguate with context: the one on line 3']);
    });

    /** The span findings of an analysis, by code. */
    const spanCodes = (analysis: Analysis): string[] => analysis.findings.filter((f) => f.code.startsWith('span-')).map((f) => f.code);

    it('writes context the anchorer reads (never white space alone), so the warning goes whichever place is picked', () => {
      const cases = [
        {
          draft: 'Russian President Vladimir Putin on Friday met the envoy.\nPutin’s aide Yuri Ushakov said the talks were constructive.\n',
          yaml: 'version: 1\nentities:\n  putin:\n    name: Vladimir Putin\n    type: person\n    mentions:\n      - text: Putin\nclaims: []\n',
          words: 'Putin',
        },
        {
          draft: 'The minister met the minister of health.\nThe minister said no.\n',
          yaml: 'version: 1\nentities:\n  minister:\n    name: Health Minister\n    type: person\n    mentions:\n      - text: The minister\nclaims: []\n',
          words: 'The minister',
        },
      ];
      for (const texts of cases) {
        const analysis = analyzeTexts(texts);
        const fixes = fixesFor(analysis, only(analysis, 'span-ambiguous'));
        assert.equal(fixes.length, 2);
        // A mention has no source to tell which place is meant: the user picks.
        assert.deepEqual(fixes.filter((fix) => fix.fixAll || fix.isPreferred), []);
        fixes.forEach((fix, index) => {
          const fixed = apply(texts, fix);
          assert.doesNotMatch(fixed.yaml, /(prefix|suffix): "(\\n| )*"/, fixed.yaml);
          const after = analyzeTexts(fixed);
          assert.deepEqual(spanCodes(after), [], fixed.yaml);
          const place = index === 0 ? texts.draft.indexOf(texts.words) : texts.draft.lastIndexOf(texts.words);
          assert.ok(after.mentions.some((mention) => mention.explicit && mention.range.start === place), fixed.yaml);
        });
      }
    });

    const DUNMORE = [
      'Hospice director Mark Dunmore was jailed for nine years on Thursday for stealing from dying patients.',
      'Prosecutor Helen Okafor told the court that Dunmore "betrayed every family who trusted the hospice" over six years.',
      'The court heard that more than 200 families lost money. Relatives wept in the public gallery as the losses were read out.',
      'Passing sentence, Judge Carol Hughes said Dunmore had "betrayed every family who trusted the hospice" and showed no remorse.',
    ].join('\n\n');
    const QUOTE = 'betrayed every family who trusted the hospice';
    const dunmore = (attribution: string): Texts => ({
      draft: DUNMORE + '\n',
      yaml:
        'version: 1\nentities:\n  hughes:\n    name: Carol Hughes\n    type: person\n  okafor:\n    name: Helen Okafor\n    type: person\n' +
        `claims:\n  - text: ${QUOTE}\n    type: direct-quote\n    ${attribution}\n    status: verified\n`,
    });

    it('pins without asking only the place whose sentence names the claim\'s source, not the first', () => {
      for (const [source, speaker] of [['hughes', 'Judge Carol Hughes'], ['okafor', 'Prosecutor Helen Okafor']]) {
        const texts = dunmore(`source: ${source}`);
        const analysis = analyzeTexts(texts);
        const fixes = fixAllFor(analysis, SAMPLE_ANNOTATIONS, 'span-ambiguous');
        assert.equal(fixes.length, 1, source);
        const after = analyzeTexts(apply(texts, fixes[0]));
        assert.deepEqual(spanCodes(after), []);
        const place = texts.draft.indexOf(QUOTE, texts.draft.indexOf(speaker));
        assert.equal(after.claims[0].range?.start, place, source);
        assert.deepEqual(sourceFixAllFor(analysis, SAMPLE_ANNOTATIONS).map((fix) => fix.title), fixes.map((fix) => fix.title));
      }
    });

    it('leaves the place to the user when no source, or a source named near every place, says which', () => {
      const bothNamed = dunmore('source: hughes');
      bothNamed.draft = bothNamed.draft.replace('Prosecutor Helen Okafor told the court', 'Prosecutor Helen Okafor told Judge Carol Hughes');
      for (const texts of [dunmore('basis: public-record'), bothNamed]) {
        const analysis = analyzeTexts(texts);
        assert.deepEqual(fixAllFor(analysis, SAMPLE_ANNOTATIONS), []);
        const offered = fixesFor(analysis, only(analysis, 'span-ambiguous'));
        assert.deepEqual(offered.map((fix) => [fix.title.slice(0, 44), Boolean(fix.isPreferred)]), [
          ['Disambiguate with context: the one on line 3', false],
          ['Disambiguate with context: the one on line 7', false],
        ]);
      }
    });

    it('offers a reworded quotation\'s update for a person to pick, never preferred nor in Fix all; a quotation whose context alone changed is updated', () => {
      const texts = sampleTexts();
      texts.draft = texts.draft.replace('Crimea will stay with Russia.', 'Crimea will remain with Russia.');
      const analysis = analyzeTexts(texts);
      const drifted = only(analysis, 'span-drifted', (finding) => finding.data?.claimId === 'trump-crimea-stays');
      assert.deepEqual(
        fixesFor(analysis, drifted).map((fix) => [fix.title, Boolean(fix.isPreferred), Boolean(fix.fixAll)]),
        [["Update annotation to the quotation's new words (check them against what was said first)", false, false]],
      );
      assert.deepEqual(fixAllFor(analysis, SAMPLE_ANNOTATIONS, 'span-drifted'), []);
      // The same quotation, its words as said, moved to new surroundings: the context follows without asking.
      const moved = sampleTexts();
      moved.draft = moved.draft.replace('TIME magazine, reportedly said, "Crimea', 'TIME magazine, said, "Crimea');
      moved.yaml = moved.yaml.replace('  - id: trump-crimea-stays\n', '  - id: trump-crimea-stays\n    prefix: "reportedly said, \\""\n');
      const context = analyzeTexts(moved);
      const [update] = fixAllFor(context, SAMPLE_ANNOTATIONS, 'span-drifted');
      assert.equal(update?.title, 'Update annotation to the current text');
    });

    it('updates a stale context without asking where its words are in one place, or its source names the place taken', () => {
      const draft = 'Russian President Vladimir Putin on Friday discussed the potential for direct negotiations with Ukraine, the Kremlin said.\n';
      const yaml = 'version: 1\nclaims:\n  - text: discussed the potential for direct negotiations\n    prefix: "on Saturday "\n    type: fact\n    basis: observed\n';
      const once = analyzeTexts({ draft, yaml });
      const [update] = fixAllFor(once, SAMPLE_ANNOTATIONS, 'span-drifted');
      assert.equal(update?.title, 'Update annotation to the current text');
      const fixed = apply({ draft, yaml }, update);
      assert.match(fixed.yaml, /\n {4}prefix: "Putin on Friday "\n/);
      assert.ok(update.edits.every((edit) => !edit.newText.includes('discussed')), 'the words are left as written');
      assert.deepEqual(spanCodes(analyzeTexts(fixed)), []);
      // A verified claim in new surroundings is offered the update, which a person must pick.
      const verified = analyzeTexts({ draft, yaml: `${yaml}    status: verified\n` });
      assert.deepEqual(fixAllFor(verified, SAMPLE_ANNOTATIONS, 'span-drifted'), []);
      const offered = fixesFor(verified, only(verified, 'span-drifted'));
      assert.deepEqual(offered.map((fix) => fix.title), ['Update annotation to the current text (and mark it unverified, to check again)']);
      assert.match(apply({ draft, yaml: `${yaml}    status: verified\n` }, offered[0]).yaml, /status: unverified/);

      // Two places of the quote, the stale context closer to the prosecutor's: taken, reported, but not
      // pinned without asking unless the source is named there.
      for (const [source, noChoice] of [['okafor', true], ['hughes', false]] as const) {
        const texts = dunmore(`source: ${source}`);
        // Unverified: a verified claim that drifted is never updated without asking, wherever it is.
        texts.yaml = texts.yaml.replace(`text: ${QUOTE}\n`, `text: ${QUOTE}\n    prefix: "the court that Dunmore had "\n`).replace('    status: verified\n', '');
        const analysis = analyzeTexts(texts);
        const drifted = only(analysis, 'span-drifted');
        assert.equal(drifted.data?.draftRange?.start, texts.draft.indexOf(QUOTE));
        assert.equal(fixesFor(analysis, drifted).length, 1);
        assert.equal(fixAllFor(analysis, SAMPLE_ANNOTATIONS, 'span-drifted').length, noChoice ? 1 : 0, source);
      }
    });
  });

  it('never offers to rewrite the words of a claim or of a quotation, and leaves the draft out of source.fixAll', () => {
    const texts = {
      draft: '"We never admitted any wrongdoing," Lopez said on Monday. Lopez said the council admitted the error. Garcia claimed the bridge is late. The ferry will run all the winter long.\n',
      yaml: [
        'version: 1',
        'entities:',
        '  lopez: {name: Lopez, type: person}',
        '  garcia: {name: Garcia, type: person}',
        'claims:',
        '  - {text: We never admitted any wrongdoing, type: direct-quote, source: lopez}',
        '  - {text: the council admitted the error, type: paraphrase, source: lopez}',
        '  - {text: the bridge is late, type: paraphrase, source: garcia}',
        '  - {text: The ferry will run all winter long, type: fact, basis: observed}',
        '',
      ].join('\n'),
    };
    const analysis = analyzeTexts(texts);
    const verbs = analysis.findings.filter((f) => f.code === 'loaded-attribution-verb');
    assert.deepEqual(verbs.map((f) => texts.draft.slice(f.range.start, f.range.end)), ['claimed']);
    assert.equal(fixAllFor(analysis, SAMPLE_DRAFT).filter((fix) => fix.edits.some((edit) => edit.file === SAMPLE_DRAFT)).length, 1);
    assert.deepEqual(sourceFixAllFor(analysis, SAMPLE_DRAFT), []);
    // The annotation file's own fixes stay in its source.fixAll: the drifted span is updated.
    assert.deepEqual(sourceFixAllFor(analysis, SAMPLE_ANNOTATIONS).map((fix) => fix.title), ['Update annotation to the current text']);
  });

  it('names a source called "The …" in lower case mid-sentence', () => {
    const texts = {
      draft: 'Talks on pay broke down on Friday. Strikes will start in May.\n',
      yaml: 'version: 1\nentities:\n  union: {name: The union, type: group, aliases: [union]}\nclaims:\n  - {text: Strikes will start in May, type: prediction, source: union}\n',
    };
    const analysis = analyzeTexts(texts);
    const nameIt = fixesFor(analysis, only(analysis, 'attribution-not-in-text')).find((fix) => fix.title.startsWith('Name the source'));
    assert.equal(nameIt?.title, 'Name the source in the text: add ", the union said"');
    assert.equal(apply(texts, nameIt!).draft, 'Talks on pay broke down on Friday. Strikes will start in May, the union said.\n');
  });

  it('names a person the draft named before by the surname, as copy does after the first reference; a first reference in full', () => {
    const yaml = 'version: 1\nentities:\n  zelensky: {name: Volodymyr Zelensky, type: person, aliases: [Zelensky]}\nclaims:\n  - {text: Crimea is Ukrainian territory, type: paraphrase, source: zelensky}\n';
    const later = {
      draft: 'Volodymyr Zelensky met the envoy on Monday. The talks ran late. Ministers flew home. Crimea is Ukrainian territory.\n',
      yaml,
    };
    const first = { draft: 'The talks ran late. Ministers flew home. Crimea is Ukrainian territory. Aides packed. Cars left. Volodymyr Zelensky met the envoy on Monday.\n', yaml };
    const titles = [later, first].map((texts) => {
      const analysis = analyzeTexts(texts);
      return fixesFor(analysis, only(analysis, 'attribution-not-in-text')).find((fix) => fix.title.startsWith('Name the source'))?.title;
    });
    assert.deepEqual(titles, ['Name the source in the text: add ", Zelensky said"', 'Name the source in the text: add ", Volodymyr Zelensky said"']);
    // Described before, never named: the first reference by name is in full.
    const described = {
      draft: 'The Ukrainian president met the envoy on Monday. The talks ran late. Ministers flew home. Crimea is Ukrainian territory.\n',
      yaml: yaml.replace('aliases: [Zelensky]}', 'aliases: [Zelensky], mentions: [{text: The Ukrainian president}]}'),
    };
    const analysis = analyzeTexts(described);
    const nameIt = fixesFor(analysis, only(analysis, 'attribution-not-in-text')).find((fix) => fix.title.startsWith('Name the source'));
    assert.equal(nameIt?.title, 'Name the source in the text: add ", Volodymyr Zelensky said"');
  });

  describe('naming the source in the text', () => {
    const ENTITIES = [
      'version: 1',
      'entities:',
      '  acme: {name: Acme Corp, type: organization}',
      '  osei: {name: Dr. Amara Osei, type: person}',
      '  agency: {name: Environment Agency, type: organization}',
      '  helix: {name: Helix Bio, type: organization}',
      '  lopez: {name: Ana Lopez, type: person}',
      'claims:',
    ];
    function nameIt(draft: string, claim: string): { fix?: Fix; texts: Texts } {
      const texts = { draft, yaml: [...ENTITIES, `  - ${claim}`, ''].join('\n') };
      const analysis = analyzeTexts(texts);
      return { fix: fixesFor(analysis, only(analysis, 'attribution-not-in-text')).find((fix) => fix.title.startsWith('Name the source')), texts };
    }

    it('is not offered where the sentence already says who said it, however vaguely', () => {
      for (const [draft, claim] of [
        ['The plant will close in June, a union official said.\n', '{text: The plant will close in June, type: prediction, source: acme}'],
        ['The drug cut deaths by a third, researchers reported in The Lancet on Wednesday.\n', '{text: The drug cut deaths by a third, type: statistic, source: osei}'],
        ['The agency insisted that supplies were safe.\n', '{text: supplies were safe, type: paraphrase, source: agency}'],
        ['Supplies were safe, according to a spokesman.\n', '{text: Supplies were safe, type: paraphrase, source: agency}'],
      ]) {
        assert.equal(nameIt(draft, claim).fix, undefined, draft);
      }
      // In the present tense too, as news copy often has it.
      for (const verb of ['warns', 'concedes', 'states', 'explains', 'confirms', 'denies', 'reveals', 'points out', 'acknowledges', 'stresses']) {
        assert.equal(nameIt(`The agency ${verb} that supplies were safe.\n`, '{text: supplies were safe, type: paraphrase, source: agency}').fix, undefined, verb);
      }
      assert.ok(nameIt('Supplies were safe.\n', '{text: Supplies were safe, type: paraphrase, source: agency}').fix, 'offered where nobody is said to say it');
    });

    it('keeps the full stop of an abbreviation that ends the sentence, and the claim\'s words as they were', () => {
      for (const [draft, claim, expected] of [
        ['Shares rose.\nThe drug won approval in the U.S.\n', '{text: The drug won approval in the U.S., type: fact, source: helix}', 'The drug won approval in the U.S., Helix Bio said.\n'],
        ['Shares rose.\nThe complaint cited a filing by Acme Inc.\n', '{text: The complaint cited a filing, type: fact, source: lopez}', 'The complaint cited a filing by Acme Inc., Ana Lopez said.\n'],
      ]) {
        const { fix, texts } = nameIt(draft, claim);
        assert.ok(fix, draft);
        const after = apply(texts, fix);
        assert.equal(after.draft, `Shares rose.\n${expected}`);
        const reanalysed = analyzeTexts(after);
        assert.deepEqual(reanalysed.findings.filter((f) => f.code !== 'unused-entity').map((f) => f.code), [], draft);
      }
    });

    it('is not offered after a quotation that ends the sentence: the quoted words would be given to the source', () => {
      for (const draft of ['Shares rose.\nThe minister called the plan ‘a waste of money’.\n', 'Shares rose.\nThe minister called the plan "a waste of money".\n']) {
        assert.equal(nameIt(draft, '{text: The minister called the plan, type: paraphrase, source: lopez}').fix, undefined, draft);
      }
      // Without the quotation, the fix is there.
      assert.ok(nameIt('Shares rose.\nThe minister called the plan a waste of money.\n', '{text: The minister called the plan, type: paraphrase, source: lopez}').fix);
    });

    it('is not offered for an anonymous source: its description is for the annotation, not the copy', () => {
      const yaml = [
        'version: 1',
        'entities:',
        '  official: {name: a senior Treasury official, type: person, anonymous: true, anonymity: not authorised to speak publicly}',
        'claims:',
        '  - {text: The budget will be delayed, type: prediction, source: official}',
        '',
      ].join('\n');
      const analysis = analyzeTexts({ draft: 'Shares fell.\nThe budget will be delayed until March.\n', yaml });
      const fixes = fixesFor(analysis, only(analysis, 'attribution-not-in-text'));
      assert.deepEqual(fixes.map((fix) => fix.title), ['Go to the entry of a senior Treasury official']);
    });

    it('is not offered where it would change a claim\'s words or the context its selector names', () => {
      // The full stop is in the claim's words; a suffix names it; "U.S. Shares" may end a sentence or not.
      assert.equal(nameIt('Shares rose. Sales doubled in May.\n', '{text: Sales doubled in May., type: statistic, source: helix}').fix, undefined);
      assert.equal(nameIt('Shares rose. Sales doubled in May.\n', '{text: Sales doubled in May, suffix: ".", type: statistic, source: helix}').fix, undefined);
      assert.equal(nameIt('The drug won approval in the U.S. Shares rose 4% on Monday.\n', '{text: The drug won approval in the U.S., type: fact, source: helix}').fix, undefined);
    });
  });

  it('names the source in the text only as an explicit choice', () => {
    const texts = sampleTexts();
    const analysis = analyzeTexts(texts);
    const finding = only(analysis, 'attribution-not-in-text');
    const fixes = fixesFor(analysis, finding);
    assert.equal(fixes[0].title, 'Go to the entry of Volodymyr Zelensky');
    assert.equal(fixes[0].interaction?.kind, 'reveal');
    const nameIt = fixes.find((fix) => fix.title.startsWith('Name the source in the text'));
    assert.ok(nameIt && !nameIt.isPreferred && !nameIt.fixAll);
    const after = analyzeTexts(apply(texts, nameIt));
    // Named in full paragraphs before: the surname, as the copy calls him after the first reference.
    assert.ok(after.draft!.text.includes("over Ukraine's head, Zelensky said."));
    assert.equal(after.findings.filter((f) => f.code === 'attribution-not-in-text').length, 0);
  });

  it('clears every warning of the sample with its fixes, a person typing only what a fix leaves them to write', () => {
    let texts = sampleTexts();
    for (let round = 0; round < 20; round++) {
      const analysis = analyzeTexts(texts);
      const warning = analysis.findings.find((f) => f.severity === 'warning' || f.severity === 'error');
      if (!warning) break;
      const usable = fixesFor(analysis, warning).filter((fix) => fix.edits.length > 0);
      assert.ok(usable.length > 0, `no fix for ${warning.code}: ${warning.message}`);
      texts = apply(texts, usable[0]);
      // A placeholder the fix selects is typed over, as the editor leaves the user to (the reason for anonymity).
      const placeholder = usable[0].placeholder;
      if (placeholder) texts.yaml = `${texts.yaml.slice(0, placeholder.offset)}a reason the desk wrote${texts.yaml.slice(placeholder.offset + placeholder.length)}`;
    }
    const final = analyzeTexts(texts);
    assert.deepEqual(final.findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => f.code), []);
  });

  it('refuses nothing it should not: every fix says what must still be in the files', () => {
    const analysis = analyzeTexts(sampleTexts());
    let checked = 0;
    for (const finding of analysis.findings) {
      for (const fix of fixesFor(analysis, finding)) {
        checked++;
        assert.ok(fix.expect.some((e) => e.file === finding.file && e.range), `${fix.title} does not check the finding's words`);
        for (const file of new Set(fix.edits.map((edit) => edit.file))) {
          assert.ok(fix.expect.some((e) => e.file === file && !e.range), `${fix.title} does not check ${file}`);
        }
      }
    }
    // The sample has a problem of each kind a fix exists for: without fixes this would check nothing.
    assert.ok(checked >= 10, `only ${checked} fixes checked`);
  });

  it('updates a drifted span to the draft\'s current words, and sends a verified claim back to be checked', () => {
    const texts = sampleTexts();
    const verified = analyzeTexts(texts).claims.find((c) => c.claim.status === 'verified' && c.range)!;
    const words = texts.draft.slice(verified.range!.start, verified.range!.end);
    const reworded = words.replace(/\b(\w{5,})\b/, (word) => word.slice(0, -1) + 'x');
    assert.notEqual(reworded, words);
    texts.draft = texts.draft.replace(words, reworded);
    const analysis = analyzeTexts(texts);
    const drifted = only(analysis, 'span-drifted', (f) => f.data?.claimId === verified.claim.id);
    const [update] = fixesFor(analysis, drifted);
    assert.equal(update.title, 'Update annotation to the current text (and mark it unverified, to check again)');
    assert.ok(!update.fixAll, 'a person checks it again: not applied by Fix all or check --fix');
    const after = analyzeTexts(apply(texts, update));
    const claim = after.claims.find((c) => c.claim.id === verified.claim.id)!;
    assert.equal(claim.anchor?.kind, 'found');
    assert.equal(after.draft!.text.slice(claim.range!.start, claim.range!.end), reworded);
    assert.equal(claim.claim.status, 'unverified');
    assert.equal(after.findings.filter((f) => f.code === 'span-drifted').length, 0);
    assert.deepEqual(after.annotations.findings, []);
  });

  it('leaves a drifted span whose numbers changed, or a fact-checked claim, to a person: offered, never applied by Fix all', () => {
    const yaml = (status: string, text: string) =>
      `version: 1\nentities:\n  audit:\n    name: The audit office\n    type: organization\nclaims:\n  - id: ferry\n    text: ${text}\n    type: prediction\n    source: audit\n    status: ${status}\n`;
    const cases = [
      // The sentence about next year was cut; the one about last year is 76% alike, with other figures.
      { draft: 'The audit office published its report. The ferry lost $4.2 million last year.\n', yaml: yaml('unverified', 'The ferry will lose $4.5 million next year'), why: 'numbers' },
      { draft: 'The audit office said ferry crossings will reach 52,000 a year.\n', yaml: yaml('unverified', 'ferry crossings would reach 50,000 a year'), why: 'numbers' },
      { draft: 'The audit office said ferry crossings will rise by 30% next year.\n', yaml: yaml('unverified', 'ferry crossings will rise by a third next year'), why: 'a number added' },
      { draft: 'The audit office said ferry crossings will rise by a third next year.\n', yaml: yaml('unverified', 'ferry crossings will rise by 30% next year'), why: 'a number removed' },
      { draft: 'The audit office said the ferry will lose money again next year.\n', yaml: yaml('disputed', 'the ferry will lose money once more next year'), why: 'disputed' },
      { draft: 'The audit office said the ferry will lose money again next year.\n', yaml: yaml('false', 'the ferry will lose money once more next year'), why: 'false' },
      { draft: 'The audit office said the ferry will lose money again next year.\n', yaml: yaml('misleading', 'the ferry will lose money once more next year'), why: 'misleading' },
      { draft: 'The audit office said ferry crossings will reach 52,000 a year.\n', yaml: yaml('verified', 'ferry crossings will reach 50,000 a year'), why: 'verified' },
    ];
    for (const texts of cases) {
      const analysis = analyzeTexts(texts);
      const drifted = analysis.findings.filter((f) => f.code === 'span-drifted');
      assert.equal(drifted.length, 1, `${texts.why}: ${analysis.findings.map((f) => f.message).join(' | ')}`);
      const [update] = fixesFor(analysis, drifted[0]);
      assert.match(update.title, /^Update annotation to the current text/, texts.why);
      assert.ok(!update.fixAll && !update.isPreferred, `${texts.why}: ${drifted[0].data?.currentText}`);
      assert.deepEqual(fixAllFor(analysis, SAMPLE_ANNOTATIONS, 'span-drifted'), [], texts.why);
      assert.deepEqual(sourceFixAllFor(analysis, SAMPLE_ANNOTATIONS), [], texts.why);
      // Picked by the user, it does what it always did.
      const after = analyzeTexts(apply(texts, update));
      assert.deepEqual(after.findings.filter((f) => f.code === 'span-drifted'), [], texts.why);
    }
    // The verified claim picked by hand goes back to unverified; its evidence is the desk's to re-check.
    const verified = cases[cases.length - 1];
    const analysis = analyzeTexts(verified);
    const after = analyzeTexts(apply(verified, fixesFor(analysis, only(analysis, 'span-drifted'))[0]));
    assert.equal(after.claims[0].claim.status, 'unverified');
    // Reworded, same figures, never checked: applied without a choice.
    const reworded = { draft: 'The audit office said ferry crossings will reach 50,000 every year.\n', yaml: yaml('unverified', 'ferry crossings will reach 50,000 a year') };
    const plain = analyzeTexts(reworded);
    assert.deepEqual(sourceFixAllFor(plain, SAMPLE_ANNOTATIONS).map((fix) => fix.title), ['Update annotation to the current text']);
  });

  it('offers to re-anchor an orphan to the words selected in the draft, for that annotation only', () => {
    const texts = {
      draft: 'The council will vote on the harbour plan next week, the clerk said. The ferry runs twice a day.\n',
      // An entity's mention and a claim whose words are gone, beside a claim that anchors.
      yaml: 'version: 1\nentities:\n  clerk:\n    name: clerk\n    type: person\n    mentions: [{text: the town clerk}]\nclaims:\n  - {id: ferry, text: The ferry runs twice a day, type: fact, basis: observed}\n  - id: vote-date\n    text: the council votes on the plan in March\n    type: prediction\n    source: clerk\n',
    };
    const analysis = analyzeTexts(texts);
    const orphans = analysis.findings.filter((f) => f.code === 'span-not-found');
    assert.equal(orphans.length, 2);
    const removal = { 'the town clerk': 'Remove this mention', 'the council votes on the plan in March': "Remove claim 'vote-date' from the annotation file" };
    for (const finding of orphans) {
      const fixes = fixesFor(analysis, finding);
      assert.deepEqual(fixes.map((fix) => fix.title), ['Re-anchor to the words selected in the draft…', removal[finding.data?.value as keyof typeof removal]]);
      const [reanchor] = fixes;
      assert.deepEqual(reanchor.interaction, { kind: 'reanchor', draft: SAMPLE_DRAFT, file: SAMPLE_ANNOTATIONS, range: finding.range });
      assert.equal(texts.yaml.slice(finding.range.start, finding.range.end), finding.data?.value);
      assert.ok(!reanchor.fixAll && reanchor.edits.length === 0);
      // It will edit the annotation file: that must be as it was when offered.
      assert.ok(reanchor.expect.some((expectation) => expectation.file === SAMPLE_ANNOTATIONS && expectation.text === textHash(texts.yaml)));
    }
  });

  it('removes an orphan whose words were cut on purpose, only when asked: the claim, or the mention, and nothing else', () => {
    const texts = sampleTexts();
    const cut = ' Trump, who has threatened to abandon peace efforts if progress stalls, provided no further details.';
    assert.ok(texts.draft.includes(cut));
    texts.draft = texts.draft.replace(cut, '');
    const analysis = analyzeTexts(texts);
    const orphan = only(analysis, 'span-not-found');
    const fixes = fixesFor(analysis, orphan);
    assert.deepEqual(fixes.map((fix) => fix.title), ['Re-anchor to the words selected in the draft…', "Remove claim 'trump-threatened-to-quit' from the annotation file"]);
    const remove = fixes[1];
    assert.ok(!remove.isPreferred && !remove.fixAll, 'Ctrl+. and Fix all never delete');
    assert.deepEqual(fixAllFor(analysis, SAMPLE_ANNOTATIONS), []);
    assert.deepEqual(sourceFixAllFor(analysis, SAMPLE_ANNOTATIONS), []);
    assert.equal(remove.edits.length, 1, 'one edit, one step to undo');
    assert.ok(remove.expect.some((expectation) => expectation.file === SAMPLE_ANNOTATIONS && expectation.text === textHash(texts.yaml)));
    const after = apply(texts, remove);
    assert.equal(after.yaml, texts.yaml.replace('  - id: trump-threatened-to-quit\n    text: who has threatened to abandon peace efforts if progress stalls\n    type: fact\n    basis: public-record\n\n', ''));
    // Back to the sample's own findings: the orphan is gone, nothing else changed.
    const reanalysed = analyzeTexts(after);
    const codes = (a: Analysis) => a.findings.map((f) => `${f.code} ${f.data?.claimId ?? ''}`).sort();
    assert.deepEqual(codes(reanalysed), codes(analyzeTexts(sampleTexts())));
    // An explicit mention whose words were cut: "The Ukrainian leader".
    const mentionCut = sampleTexts();
    mentionCut.draft = mentionCut.draft.replace('The Ukrainian leader also indicated', 'Zelensky also indicated');
    const mentionAnalysis = analyzeTexts(mentionCut);
    const lost = only(mentionAnalysis, 'span-not-found');
    const removeMention = fixesFor(mentionAnalysis, lost).find((fix) => fix.title === 'Remove this mention');
    assert.ok(removeMention && !removeMention.isPreferred && !removeMention.fixAll);
    const withoutMention = apply(mentionCut, removeMention);
    assert.equal(
      withoutMention.yaml,
      mentionCut.yaml.replace('      # A description no alias can find: written out so that hovers and attribution\n      # checks know who "the Ukrainian leader" is.\n      - text: The Ukrainian leader\n', '').replace(/(aliases: \[Zelensky\]\n {4}mentions:)\n/, '$1 []\n'),
    );
    assert.deepEqual(analyzeTexts(withoutMention).findings.filter((f) => f.code === 'span-not-found' || f.severity === 'error'), []);
  });

  it('edits the claim a finding is about when an item before it in the list is not a claim', () => {
    const texts = {
      draft: 'The mayor said the harbour budget will double next year, and the ferry will run all the winter.',
      yaml: [
        'version: 1',
        'entities:',
        '  mayor:',
        '    name: The mayor',
        '    type: person',
        'claims:',
        '  - not a claim, only a string',
        '  - text: the harbour budget will double next year',
        '    type: prediction',
        '    source: mayor',
        '  - text: the ferry will run all winter',
        '    type: fact',
        '    source: mayor',
        '',
      ].join('\n'),
    };
    const drifted = only(analyzeTexts(texts), 'span-drifted');
    const [update] = fixesFor(analyzeTexts(texts), drifted);
    const after = apply(texts, update);
    assert.match(after.yaml, /text: the harbour budget will double next year\n/, 'the claim before it is untouched');
    assert.match(after.yaml, /text: the ferry will run all the winter\n/);
  });

  it('makes ids from names', () => {
    assert.deepEqual(['Volodymyr Zelensky', 'Truth Social', 'Ngozi Okonjo-Iweala', '  ', 'Émile Zola'].map(slugify), [
      'volodymyr-zelensky',
      'truth-social',
      'ngozi-okonjo-iweala',
      'entity-new',
      'emile-zola',
    ]);
  });
});
