// Quick fixes, applied to the real sample and to fixtures: each removes its finding and nothing else breaks.
import { strict as assert } from 'assert';
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/analysis';
import { applyEdits } from '../../src/core/edits';
import { fixAllFor, fixesFor, likelySpeakers, neutralVerb, slugify, sourceFixAllFor, textHash, type Fix } from '../../src/core/fixes';
import type { Finding } from '../../src/core/model';
import { parseAnnotationFile } from '../../src/core/parse';
import { readText, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT } from './helpers';

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
    const reanalysed = analyzeTexts(apply(texts, preferred));
    assert.equal(reanalysed.findings.filter((f) => f.code === 'unannotated-quote').length, 0);
    const added = reanalysed.claims[reanalysed.claims.length - 1];
    assert.equal(added.claim.type, 'direct-quote');
    assert.equal(added.claim.selector?.text, 'most of the major points are agreed to');
    assert.deepEqual(added.claim.sources.map((s) => s.id), ['trump']);
    assert.equal(added.anchor?.kind === 'found' && added.anchor.candidates, 1);
  });

  it('annotates a quotation in guillemets or single quotes without its marks', () => {
    for (const [open, close] of [['«\u00a0', '\u00a0»'], ['‘', '’'], ['„', '“']]) {
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

  it('replaces a loaded verb with a neutral one in the draft, in the same tense', () => {
    assert.deepEqual(
      ['claimed', 'insists', 'Admitted', 'pointed out', 'concedes', 'claims', 'alleged', 'points out', 'Points out'].map(neutralVerb),
      ['said', 'says', 'Said', 'said', 'says', 'says', 'said', 'says', 'Says'],
    );
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

  it('adds the anonymity field with the cursor on its placeholder', () => {
    const texts = sampleTexts();
    const analysis = analyzeTexts(texts);
    const finding = only(analysis, 'anonymous-source-without-reason', (f) => f.file === SAMPLE_ANNOTATIONS);
    const [fix] = fixesFor(analysis, finding);
    const after = apply(texts, fix);
    const placeholder = fix.placeholder!;
    assert.equal(after.yaml.slice(placeholder.offset, placeholder.offset + placeholder.length), 'why anonymity was granted');
    assert.equal(analyzeTexts(after).findings.filter((f) => f.code === 'anonymous-source-without-reason').length, 0);
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

  it('keeps the context a selector has when it pins an ambiguous span: the one in use stays the one in use', () => {
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
    assert.ok(after.draft!.text.includes("over Ukraine's head, Volodymyr Zelensky said."));
    assert.equal(after.findings.filter((f) => f.code === 'attribution-not-in-text').length, 0);
  });

  it('clears every warning of the sample without a hand-written line of YAML', () => {
    let texts = sampleTexts();
    for (let round = 0; round < 20; round++) {
      const analysis = analyzeTexts(texts);
      const warning = analysis.findings.find((f) => f.severity === 'warning' || f.severity === 'error');
      if (!warning) break;
      const usable = fixesFor(analysis, warning).filter((fix) => fix.edits.length > 0);
      assert.ok(usable.length > 0, `no fix for ${warning.code}: ${warning.message}`);
      texts = apply(texts, usable[0]);
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
    assert.ok(update.fixAll);
    const after = analyzeTexts(apply(texts, update));
    const claim = after.claims.find((c) => c.claim.id === verified.claim.id)!;
    assert.equal(claim.anchor?.kind, 'found');
    assert.equal(after.draft!.text.slice(claim.range!.start, claim.range!.end), reworded);
    assert.equal(claim.claim.status, 'unverified');
    assert.equal(after.findings.filter((f) => f.code === 'span-drifted').length, 0);
    assert.deepEqual(after.annotations.findings, []);
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
