import { strict as assert } from 'assert';
import { DraftText } from '../../src/core/anchor';
import { normalizeWithMap, toOriginalRange } from '../../src/core/normalize';

/** Anchors a selector and returns the draft's own text under the span, or the reason it failed. */
function anchorText(draft: string, selector: { text: string; prefix?: string; suffix?: string; occurrence?: number }): string {
  const result = new DraftText(draft).anchor(selector);
  return result.kind === 'found' ? draft.slice(result.range.start, result.range.end) : `not found: ${result.reason}`;
}

describe('normalisation', () => {
  it('folds quotes, apostrophes, dashes, white space and a leading BOM, and maps back to the original', () => {
    const original = '\uFEFF“Putin’s”  talks —\r\n\tnext…';
    const normalized = normalizeWithMap(original);
    assert.equal(normalized.text, `"Putin's" talks - next...`);
    // Every normalised character points at the original character it came from.
    const from = (index: number): string => original[normalized.originalOffset(index)];
    assert.equal(from(normalized.text.indexOf('P')), 'P');
    assert.equal(from(normalized.text.indexOf('-')), '—');
    assert.deepEqual([0, 1, 2].map((k) => from(normalized.text.indexOf('...') + k)), ['…', '…', '…']);
    assert.equal(from(normalized.text.indexOf('next')), 'n');
    assert.equal(normalized.originalOffset(normalized.text.length), original.length);
  });
});

describe('mapping normalised ranges back', () => {
  it('ends a range that ends on collapsed white space where the whole run ends', () => {
    const original = 'Putin said  \r\n  talks went well.';
    const normalized = normalizeWithMap(original);
    assert.equal(normalized.text, 'Putin said talks went well.');
    const saidAndSpace = toOriginalRange(normalized, 0, 'Putin said '.length);
    assert.deepEqual(saidAndSpace, { start: 0, end: original.indexOf('talks') });
    assert.deepEqual(toOriginalRange(normalized, 0, 'Putin said'.length), { start: 0, end: 'Putin said'.length });
  });
});

describe('anchoring a span selector', () => {
  it('finds text whose quotes and apostrophes differ from the selector', () => {
    const draft = 'Kremlin adviser Yuri Ushakov described Putin’s talks with Witkoff as “constructive,” noting progress.';
    assert.equal(anchorText(draft, { text: `Putin's talks with Witkoff as "constructive,"` }), 'Putin’s talks with Witkoff as “constructive,”');
    assert.equal(anchorText('He said "a good day" today.', { text: '“a good day”' }), '"a good day"');
  });

  it('treats hyphens, en and em dashes alike', () => {
    assert.equal(anchorText('outside Moscow — an attack', { text: 'Moscow - an attack' }), 'Moscow — an attack');
    assert.equal(anchorText('a 2024–2025 plan', { text: '2024-2025' }), '2024–2025');
  });

  it('matches across line breaks, CRLF and runs of spaces', () => {
    const draft = 'the meeting helped\r\nnarrow   the gap between\r\nAmerican and Russian positions';
    assert.equal(anchorText(draft, { text: 'narrow the gap between American' }), 'narrow   the gap between\r\nAmerican');
    assert.equal(anchorText(draft, { text: 'helped\nnarrow' }), 'helped\r\nnarrow');
  });

  it('ignores a leading BOM and keeps offsets in the original text', () => {
    const draft = '\uFEFFMoscow: Russian President Vladimir Putin on Friday';
    const result = new DraftText(draft).anchor({ text: 'Vladimir Putin' });
    assert.equal(result.kind, 'found');
    if (result.kind === 'found') assert.deepEqual(result.range, { start: draft.indexOf('Vladimir'), end: draft.indexOf(' on Friday') });
  });

  it('counts UTF-16 code units, so emoji and astral characters before a span do not shift it', () => {
    const draft = '🇺🇦 𝐁𝐨𝐥𝐝 and 😀 — Zelensky said no.';
    const result = new DraftText(draft).anchor({ text: 'Zelensky said no' });
    assert.equal(result.kind, 'found');
    if (result.kind === 'found') {
      assert.equal(result.range.start, draft.indexOf('Zelensky'));
      assert.equal(draft.slice(result.range.start, result.range.end), 'Zelensky said no');
    }
  });

  it('folds an ellipsis character into three dots', () => {
    assert.equal(anchorText('and then… nothing', { text: 'then... nothing' }), 'then… nothing');
  });

  it('uses prefix and suffix to choose among several matches, with or without the space between', () => {
    const draft = 'Putin met Witkoff. Later Putin met Trump. Then Putin met Zelensky.';
    assert.equal(anchorText(draft, { text: 'Putin met', suffix: ' Trump' }), 'Putin met');
    const withSuffix = new DraftText(draft).anchor({ text: 'Putin met', suffix: 'Trump' });
    assert.ok(withSuffix.kind === 'found' && withSuffix.range.start === draft.indexOf('Putin met Trump'));
    const withPrefix = new DraftText(draft).anchor({ text: 'Putin met', prefix: 'Then' });
    assert.ok(withPrefix.kind === 'found' && withPrefix.range.start === draft.indexOf('Putin met Zelensky'));
    const both = new DraftText(draft).anchor({ text: 'met', prefix: 'Later Putin ', suffix: ' Trump' });
    assert.ok(both.kind === 'found' && both.range.start === draft.indexOf('met Trump') && both.candidates === 1);
  });

  it('uses occurrence to pick the nth match', () => {
    const draft = 'Kyiv said. Kyiv said. Kyiv said.';
    const second = new DraftText(draft).anchor({ text: 'Kyiv said', occurrence: 2 });
    assert.ok(second.kind === 'found' && second.range.start === 11 && second.candidates === 1 && !second.drift);
  });

  it('reports an ambiguous selector with every candidate, using the first', () => {
    const draft = 'Trump said yes. Trump said no.';
    const result = new DraftText(draft).anchor({ text: 'Trump said' });
    assert.equal(result.kind, 'found');
    if (result.kind === 'found') {
      assert.equal(result.candidates, 2);
      assert.equal(result.range.start, 0);
      assert.deepEqual(result.ambiguousRanges?.map((range) => range.start), [0, 16]);
    }
  });

  it('says why a span is not found', () => {
    assert.equal(anchorText('Trump said yes.', { text: 'Biden said' }), 'not found: the text is not in the draft');
    assert.equal(anchorText('Trump said yes.', { text: '   ' }), 'not found: the span has no text');
  });

  it('says a span too long to look for approximately is so, from one character over the limit', () => {
    // A pasted passage, cut to the length wanted; the draft has none of it.
    const passage = (length: number): string => 'Mayor Ruiz said the new bridge will open in early May, after two years of delays. '.repeat(70).slice(0, length);
    assert.equal(passage(5001).trim().length, 5001);
    assert.equal(anchorText('The mayor said no.', { text: passage(5000) }), 'not found: the text is not in the draft');
    assert.equal(anchorText('The mayor said no.', { text: passage(5001) }), 'not found: the text is not in the draft, and it is too long to look for approximately');
  });

  it('is case-sensitive', () => {
    assert.equal(anchorText('The Kremlin said.', { text: 'the kremlin' }), 'not found: the text is not in the draft');
  });
});

describe('anchoring a span whose context no longer fits', () => {
  const KREMLIN = 'Russian President Vladimir Putin on Friday discussed the potential for direct negotiations with Ukraine, the Kremlin said.';
  const WORDS = 'discussed the potential for direct negotiations';

  /** Where a selector anchored, as the draft's words, whether it drifted, how many places it has, and why the context didn't fit. */
  function anchoring(draft: string, selector: { text: string; prefix?: string; suffix?: string; occurrence?: number }) {
    const result = new DraftText(draft).anchor(selector);
    if (result.kind !== 'found') return { notFound: result.reason };
    return {
      at: result.range.start,
      drifted: result.drift?.similarity,
      candidates: result.candidates,
      why: result.contextMisfit?.reason,
    };
  }

  it('finds words that occur once, whatever their prefix or suffix now is, and says the context changed', () => {
    const at = KREMLIN.indexOf(WORDS);
    assert.deepEqual(anchoring(KREMLIN, { text: WORDS, prefix: 'on Saturday ' }), { at, drifted: 1, candidates: 1, why: 'the text occurs once, but never with this prefix' });
    assert.deepEqual(anchoring(KREMLIN, { text: WORDS, suffix: ' with Russia' }), { at, drifted: 1, candidates: 1, why: 'the text occurs once, but never with this suffix' });
    assert.deepEqual(anchoring(KREMLIN, { text: WORDS, prefix: 'Vladimir Putin on Friday ', suffix: ' with Russia' }), {
      at,
      drifted: 1,
      candidates: 1,
      why: 'the text occurs once, but never with this prefix and suffix',
    });
  });

  it('takes the place whose surroundings are most like a stale context', () => {
    const draft = 'The mayor said on Friday the plan was good. Critics said on Monday the plan was late.';
    // "on" was added before "Friday": most of the prefix is still right before the first place.
    const result = new DraftText(draft).anchor({ text: 'the plan', prefix: 'mayor said Friday ' });
    assert.ok(result.kind === 'found' && result.drift && result.candidates === 1, JSON.stringify(result));
    assert.equal(result.range.start, draft.indexOf('the plan'));
    assert.deepEqual(result.contextMisfit?.places.map((place) => place.start), [draft.indexOf('the plan'), draft.lastIndexOf('the plan')]);
    const bySuffix = new DraftText(draft).anchor({ text: 'the plan', suffix: ' was too late' });
    assert.ok(bySuffix.kind === 'found' && bySuffix.drift && bySuffix.range.start === draft.lastIndexOf('the plan'));
  });

  it('is ambiguous among the places a stale context fits equally well, or an occurrence past the last', () => {
    const draft = 'Kyiv said no. Kyiv said yes. Kyiv said maybe. Kyiv said later.';
    const beyond = new DraftText(draft).anchor({ text: 'Kyiv said', occurrence: 9 });
    assert.ok(beyond.kind === 'found' && !beyond.drift);
    assert.equal(beyond.candidates, 4);
    assert.deepEqual(beyond.ambiguousRanges?.map((range) => range.start), [0, 14, 29, 46]);
    assert.equal(beyond.contextMisfit?.reason, 'occurrence 9 was asked for, but the text occurs 4 times');
    const twins = 'The council said the plan was good. The board said the plan was good.';
    const stale = new DraftText(twins).anchor({ text: 'the plan', prefix: 'xyz ' });
    assert.ok(stale.kind === 'found' && stale.candidates === 2 && stale.contextMisfit, JSON.stringify(stale));
  });

  it('prefers an edited passage whose context fits to the same words elsewhere', () => {
    const filler = ' Nothing else was decided at the meeting, which ran late into the evening.'.repeat(3);
    const draft = `In March the council said taxes will rise by 6 percent.${filler} In May the council said taxes will rise by 7 percent.`;
    const result = new DraftText(draft).anchor({ text: 'the council said taxes will rise by 6 percent', prefix: 'In May ' });
    assert.ok(result.kind === 'found' && result.drift && result.drift.similarity < 1, JSON.stringify(result));
    assert.equal(result.range.start, draft.indexOf('the council', draft.indexOf('In May')));
  });

  it('stays not found when exact matches only are asked for', () => {
    const result = new DraftText(KREMLIN).anchorAll([{ text: WORDS, prefix: 'on Saturday ' }], { fuzzy: false })[0];
    assert.deepEqual(result, { kind: 'not-found', reason: 'the text occurs once, but never with this prefix', textMatches: 1 });
  });
});
