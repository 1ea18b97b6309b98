// A span never begins or ends inside a word: "Russia" is no span of "Russian", "the war" none of
// "the warring", in every way a selector is anchored (exactly, by its context, by occurrence,
// approximately) and in every count of its places.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { analyze } from '../../src/core/analyze';
import { DraftText, type AnchorResult } from '../../src/core/anchor';
import { parseAnnotationFile } from '../../src/core/parse';
import { describeSpan } from '../../src/core/selectors';
import { SAMPLE_ANNOTATIONS, SAMPLE_DRAFT } from './helpers';

type Selector = { text: string; prefix?: string; suffix?: string; occurrence?: number };

/** The draft with the span in brackets: "said [the war] ended". */
function anchored(draft: string, selector: Selector): string {
  return show(draft, new DraftText(draft).anchor(selector));
}

/** The whole draft with the span in brackets, or why it was not found. */
function show(draft: string, result: AnchorResult): string {
  if (result.kind !== 'found') return `not found: ${result.reason}`;
  const { start, end } = result.range;
  return `${draft.slice(0, start)}[${draft.slice(start, end)}]${draft.slice(end)}`;
}

describe('whole words: the sample article with the paragraph about "early in the war" deleted', () => {
  const draft = fs
    .readFileSync(SAMPLE_DRAFT, 'utf8')
    .split('\n')
    .filter((paragraph) => !paragraph.includes('early in the war'))
    .join('\n');
  const analysis = analyze({
    draft: { path: SAMPLE_DRAFT, text: draft },
    annotations: parseAnnotationFile(SAMPLE_ANNOTATIONS, fs.readFileSync(SAMPLE_ANNOTATIONS, 'utf8')),
  });

  it('never anchors the mention of "the war" to "the warring sides"', () => {
    assert.ok(draft.includes('the warring sides') && !draft.includes('early in the war'));
    const warring = draft.indexOf('the warring');
    const explicit = analysis.mentions.filter((mention) => mention.entityId === 'russia-ukraine-war' && mention.explicit);
    assert.ok(explicit.length > 0);
    for (const mention of explicit) {
      assert.notEqual(mention.range.start, warring);
      assert.equal(draft.slice(mention.range.start, mention.range.end), 'the war');
      assert.match(draft.slice(mention.range.start - 7, mention.range.end + 1), /^end to the war\.$/);
    }
  });

  it('says the mention\'s prefix fits no longer, with the one whole-word place, not "2 of their places"', () => {
    const mentionAt = fs.readFileSync(SAMPLE_ANNOTATIONS, 'utf8').indexOf('prefix: "early in "');
    const about = analysis.findings.filter((finding) => finding.file === SAMPLE_ANNOTATIONS && Math.abs(finding.range.start - mentionAt) < 40);
    assert.deepEqual(about.map((finding) => finding.code), ['span-drifted']);
    assert.doesNotMatch(about[0].message, /places are as likely/);
    assert.doesNotMatch(JSON.stringify(about[0]), /warring/);
  });
});

describe('whole words: exact matches', () => {
  it('finds "Russia" in "Russia blamed", "Russia\'s", "Russia’s" and "Russia-Ukraine", never in "Russian"', () => {
    assert.equal(anchored('Russian President Putin; Russia blamed Kyiv.', { text: 'Russia' }), 'Russian President Putin; [Russia] blamed Kyiv.');
    assert.equal(anchored('The Russian view: Russia\'s aim.', { text: 'Russia' }), 'The Russian view: [Russia]\'s aim.');
    assert.equal(anchored('Russians said Russia’s aim.', { text: "Russia's aim" }), 'Russians said [Russia’s aim].');
    assert.equal(anchored('Russian talks on the Russia-Ukraine war', { text: 'Russia' }), 'Russian talks on the [Russia]-Ukraine war');
    assert.equal(anchored('Russian President Vladimir Putin', { text: 'Russia' }), 'not found: the text is not in the draft');
    assert.equal(anchored('the Kievan Rus, then Kiev', { text: 'Kiev' }), 'the Kievan Rus, then [Kiev]');
  });

  it('ends a text ending in a digit before a longer number: "rose 4" is not in "rose 45"', () => {
    assert.equal(anchored('Prices rose 45 per cent, wages rose 4 per cent.', { text: 'rose 4' }), 'Prices rose 45 per cent, wages [rose 4] per cent.');
    assert.equal(anchored('Prices rose 45 per cent.', { text: 'rose 4' }), 'not found: the text is not in the draft');
    assert.equal(anchored('In 2024 and 24 hours later', { text: '24' }), 'In 2024 and [24] hours later');
  });

  it('keeps a number whole across its point or comma: "rose 4" is not in "rose 4.5", "$4" not in "$4,000"', () => {
    // Not found as written: approximately at most, which is reported (span-drifted), never in silence.
    for (const [draft, text] of [
      ['Consumer prices rose 4.5 per cent.', 'Consumer prices rose 4'],
      ['They plan to spend $4,000 a head.', 'They plan to spend $4'],
    ]) {
      const result = new DraftText(draft).anchor({ text });
      assert.ok(result.kind === 'not-found' || result.drift !== undefined, `${text}: ${JSON.stringify(result)}`);
    }
    assert.equal(anchored('the 5 per cent rise, and 4.5 later', { text: '5 per cent' }), 'the [5 per cent] rise, and 4.5 later');
    assert.equal(anchored('Inflation rose 4.5 per cent.', { text: 'rose 4.5 per cent' }), 'Inflation [rose 4.5 per cent].');
    // A point that ends a sentence, or a comma in a list, is no part of a number.
    assert.equal(anchored('Prices rose 4. Wages fell 2, 3 and 5 per cent.', { text: 'rose 4.' }), 'Prices [rose 4.] Wages fell 2, 3 and 5 per cent.');
    assert.equal(anchored('Wages fell 2, 3 and 5 per cent.', { text: 'fell 2' }), 'Wages [fell 2], 3 and 5 per cent.');
  });

  it('leaves a selector that begins or ends with punctuation or a space unconstrained on that side', () => {
    assert.equal(anchored('He said:"stay"now.', { text: '"stay"' }), 'He said:["stay"]now.');
    assert.equal(anchored('the warring sides', { text: 'the war' }), 'not found: the text is not in the draft');
    assert.equal(anchored('a co-operation deal', { text: '-operation' }), 'a co[-operation] deal');
  });

  it('holds in Cyrillic and accented Latin, and counts a combining accent as part of its letter', () => {
    assert.equal(anchored('Слова Путина и Путин сказал', { text: 'Путин' }), 'Слова Путина и [Путин] сказал');
    assert.equal(anchored('les cafés, le café', { text: 'café' }), 'les cafés, le [café]');
    assert.equal(anchored('Zelenskyy and Zelensky', { text: 'Zelensky' }), 'Zelenskyy and [Zelensky]');
    // "José" written as "Jose" and a combining acute accent: "Jose" is not a word of it.
    assert.equal(anchored('Jose\u0301 Martí met Jose Ruiz', { text: 'Jose' }), 'Jose\u0301 Martí met [Jose] Ruiz');
  });

  it('finds words inside Chinese and Japanese, written without spaces between words (passes on the old code too: a guard)', () => {
    assert.equal(anchored('普京在克里姆林宫会见了威特科夫。', { text: '克里姆林宫' }), '普京在[克里姆林宫]会见了威特科夫。');
    assert.equal(anchored('プーチン大統領はPutinと呼ばれる', { text: 'Putin' }), 'プーチン大統領は[Putin]と呼ばれる');
  });
});

describe('whole words: counting places, context and occurrence', () => {
  const draft = 'Trump said the warring sides were close. Talks stalled early in the war. Crimea was the price for an end to the war.';

  it('counts only whole-word places: 2, not 3 with "the warring"', () => {
    const result = new DraftText(draft).anchor({ text: 'the war' });
    assert.equal(result.kind, 'found');
    if (result.kind !== 'found') return;
    assert.equal(result.candidates, 2);
    assert.deepEqual(
      result.ambiguousRanges?.map((range) => range.start),
      [draft.indexOf('the war.'), draft.lastIndexOf('the war.')],
    );
  });

  it('counts occurrences over whole-word places only', () => {
    assert.equal(anchored(draft, { text: 'the war', occurrence: 1 }), 'Trump said the warring sides were close. Talks stalled early in [the war]. Crimea was the price for an end to the war.');
    const third = new DraftText(draft).anchor({ text: 'the war', occurrence: 3 });
    assert.equal(third.kind === 'found' && third.contextMisfit?.reason, 'occurrence 3 was asked for, but the text occurs 2 times');
  });

  it('finds no fit for a context that fits only a place inside a word, and says which places there are', () => {
    const result = new DraftText(draft).anchor({ text: 'the war', prefix: 'Trump said ' });
    assert.equal(result.kind, 'found');
    if (result.kind !== 'found') return;
    assert.ok(result.contextMisfit);
    assert.match(result.contextMisfit.reason, /the text occurs 2 times, but never with this prefix/);
    assert.equal(result.contextMisfit.places.length, 2);
    assert.ok(![result.range, ...result.contextMisfit.places].some((range) => range.start === draft.indexOf('the warring')));
    assert.equal(new DraftText(draft).anchorAll([{ text: 'the war', prefix: 'Trump said ' }], { fuzzy: false })[0].kind, 'not-found');
  });

  it('writes a selector with no context for words whose other places are all inside words', () => {
    const text = 'Trump said the warring sides were close. Talks stalled early in the war.';
    const start = text.indexOf('the war.');
    assert.deepEqual(describeSpan(new DraftText(text), { start, end: start + 'the war'.length }), { text: 'the war' });
  });
});

describe('whole words: fuzzy re-anchoring', () => {
  it('finds no approximate place inside a word for a quote whose words are gone', () => {
    const result = new DraftText('Trump said the warring sides were "very close to a deal."').anchor({ text: 'the war' });
    assert.equal(result.kind, 'not-found');
  });

  it('widens a drifted quote to the word it now ends in: "will stay" became "will remain"', () => {
    const draft = 'Trump, speaking to TIME magazine, said Crimea will remain. And Zelensky understands that.';
    assert.equal(anchored(draft, { text: 'speaking to TIME magazine, said Crimea will stay' }), 'Trump, [speaking to TIME magazine, said Crimea will remain]. And Zelensky understands that.');
  });

  it('takes the whole passage, not a stretch as close that ends inside a word ("…the new agre")', () => {
    const draft = 'On Friday, Ruiz said the city will fund the new agreement bridge before. The vote is in May.';
    assert.equal(
      anchored(draft, { text: 'Ruiz said the city will fund the new bridge before' }),
      'On Friday, [Ruiz said the city will fund the new agreement bridge before]. The vote is in May.',
    );
  });

  it('widens a drifted quote to the word it now begins with', () => {
    const draft = 'Meanwhile, US President Donald Trump said the warring sides were "very close to a deal."';
    assert.equal(anchored(draft, { text: 'Resident Donald Trump said the warring sides' }), 'Meanwhile, US [President Donald Trump said the warring sides] were "very close to a deal."');
  });
});
