import { strict as assert } from 'assert';
import { DraftText } from '../../src/core/anchor';
import { normalizeWithMap } from '../../src/core/normalize';

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

  it('uses occurrence to pick the nth match, and says so when there are fewer', () => {
    const draft = 'Kyiv said. Kyiv said. Kyiv said.';
    const second = new DraftText(draft).anchor({ text: 'Kyiv said', occurrence: 2 });
    assert.ok(second.kind === 'found' && second.range.start === 11 && second.candidates === 1);
    assert.equal(anchorText(draft, { text: 'Kyiv said', occurrence: 4 }), 'not found: occurrence 4 was asked for, but the text occurs 3 times');
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
    assert.equal(anchorText('Trump said yes.', { text: 'Trump said', prefix: 'Later' }), 'not found: the text occurs once, but never with this prefix');
    assert.equal(anchorText('Trump said yes.', { text: '   ' }), 'not found: the span has no text');
  });

  it('is case-sensitive', () => {
    assert.equal(anchorText('The Kremlin said.', { text: 'the kremlin' }), 'not found: the text is not in the draft');
  });
});
