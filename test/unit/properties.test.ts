// Property tests (fast-check, seeded): spans follow their words through random redrafting, or say
// clearly that they lost them; sentence starts match Intl.Segmenter's. Counts are in docs/reliability.md.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { DraftText, type AnchorResult } from '../../src/core/anchor';
import type { OffsetRange } from '../../src/core/model';
import { align } from '../../src/core/fuzzy';
import { findAllOccurrences } from '../../src/core/multiSearch';
import { findQuotations } from '../../src/core/findings/quotes';
import { hashUnits } from '../../src/core/textKeyedMap';
import { normalizeFragment, normalizeWithMap, toNormalizedOffset } from '../../src/core/normalize';
import { parseAnnotationFile } from '../../src/core/parse';
import { sentenceStarts } from '../../src/core/sentences';

/** Seeded, so that a failure is the same on every machine; the counts are recorded in docs/reliability.md. */
const PROPERTY_RUNS = 1000;
const settings = (runs = PROPERTY_RUNS) => ({ seed: 20_251_126, numRuns: runs });

const WORDS = ['the', 'mayor', 'said', 'council', 'budget', 'will', 'rise', 'bridge', 'opens', 'in', 'May', 'Kyiv', 'talks', '“deal”', 'it’s', '—', '42', 'ferry', 'harbour', 'plan'];
const SEPARATORS = [' ', ' ', ' ', '. ', ', ', '\n', '  ', '\r\n'];
/** What an editor types or deletes: letters, spaces, punctuation, line breaks, a curly quote, an emoji. */
const TYPED = fc.constantFrom('a', 'e', 'x', 'Q', ' ', '.', ',', '\n', '’', '—', '😀', '7', 'the ');

interface Draft {
  readonly text: string;
  /** Spans of one or more whole words, in reading order, that don't overlap. */
  readonly spans: readonly OffsetRange[];
}

/** A draft of random words and separators, with spans over some runs of 2-6 words. */
const draftArbitrary: fc.Arbitrary<Draft> = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 20, maxLength: 120 })
  .chain((words) =>
    fc.tuple(fc.constant(words), fc.uniqueArray(fc.integer({ min: 0, max: words.length - 1 }), { minLength: 1, maxLength: 6 })),
  )
  .map(([words, firstWords]) => {
    const { text, wordStarts, wordEnds } = joinWords(words);
    const spans: OffsetRange[] = [];
    let free = 0;
    for (const first of [...firstWords].sort((a, b) => a - b)) {
      if (first < free) continue;
      const last = Math.min(words.length - 1, first + 1 + (first % 5));
      spans.push({ start: wordStarts[first], end: wordEnds[last] });
      free = last + 2;
    }
    return { text, spans };
  });

/** The text of words each followed by its separator, and where each word begins and ends in it. */
function joinWords(words: ReadonlyArray<readonly [word: string, separator: string]>): { text: string; wordStarts: number[]; wordEnds: number[] } {
  let text = '';
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  for (const [word, separator] of words) {
    wordStarts.push(text.length);
    text += word;
    wordEnds.push(text.length);
    text += separator;
  }
  return { text, wordStarts, wordEnds };
}

interface Edit {
  /** Where, as a fraction of the places allowed. */
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  remove: fc.integer({ min: 0, max: 3 }),
  insert: fc.array(TYPED, { maxLength: 3 }).map((parts) => parts.join('')),
});

/** Applies an edit at a place `allowed` accepts; spans after it move, the span it hits grows or shrinks. */
function applyEdit(draft: Draft, edit: Edit, allowed: (start: number, end: number) => boolean): Draft | undefined {
  const places: number[] = [];
  for (let at = 0; at <= draft.text.length; at++) if (allowed(at, Math.min(draft.text.length, at + edit.remove))) places.push(at);
  if (places.length === 0) return undefined;
  const at = places[Math.floor(edit.at * places.length)];
  const end = Math.min(draft.text.length, at + edit.remove);
  // Never cut a surrogate pair in two: the draft stays valid UTF-16 text, as an editor keeps it.
  if (isLowSurrogate(draft.text.charCodeAt(at)) || isLowSurrogate(draft.text.charCodeAt(end))) return undefined;
  const text = draft.text.slice(0, at) + edit.insert + draft.text.slice(end);
  const shift = edit.insert.length - (end - at);
  const spans = draft.spans.map((span) => {
    if (span.end <= at) return span;
    if (span.start >= end && !(span.start === at && end === at)) return { start: span.start + shift, end: span.end + shift };
    return { start: span.start, end: Math.max(span.start, span.end + shift) };
  });
  return { text, spans };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

type Selector = { text: string; prefix?: string; suffix?: string };

/**
 * Selectors for the spans, as an editor leaves them once span-ambiguous is fixed: the words, with a
 * prefix and suffix where the words alone (normalised) occur more than once. A span that is still
 * ambiguous is left out: before any edit it is already reported, and which one it meant is unknowable.
 */
function selectorsFor(draft: Draft): Draft & { selectors: Selector[] } {
  const prepared = new DraftText(draft.text);
  const spans: OffsetRange[] = [];
  const selectors: Selector[] = [];
  for (const span of draft.spans) {
    const text = draft.text.slice(span.start, span.end);
    const withContext = { text, prefix: draft.text.slice(Math.max(0, span.start - 12), span.start), suffix: draft.text.slice(span.end, span.end + 12) };
    const selector = [{ text }, withContext].find((candidate) => {
      const result = prepared.anchor(candidate);
      return result.kind === 'found' && result.candidates === 1 && result.range.start === span.start;
    });
    if (selector) {
      spans.push(span);
      selectors.push(selector);
    }
  }
  return { text: draft.text, spans, selectors };
}

/** The stretch a selector depends on: its words and its prefix and suffix. */
function footprint(draft: Draft, index: number, selector: { prefix?: string; suffix?: string }): OffsetRange {
  const span = draft.spans[index];
  return { start: span.start - (selector.prefix?.length ?? 0) - 1, end: span.end + (selector.suffix?.length ?? 0) + 1 };
}

function overlapsRange(a: OffsetRange, b: OffsetRange): boolean {
  return a.start < b.end && b.start < a.end;
}

function rangesOf(result: AnchorResult): readonly OffsetRange[] {
  return result.kind === 'found' ? (result.ambiguousRanges ?? [result.range]) : [];
}

describe('properties of anchoring under random redrafting', () => {
  it('edits outside every span and its context never orphan or move a span', () => {
    fc.assert(
      fc.property(draftArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (generated, edits) => {
        const original = selectorsFor(generated);
        const selectors = original.selectors;
        const footprints = selectors.map((selector, index) => footprint(original, index, selector));
        let draft: Draft = original;
        let kept = footprints;
        for (const edit of edits) {
          const outside = (start: number, end: number) => kept.every((zone) => end < zone.start || start > zone.end);
          const next = applyEdit({ text: draft.text, spans: [...draft.spans, ...kept] }, edit, outside);
          if (!next) continue;
          draft = { text: next.text, spans: next.spans.slice(0, draft.spans.length) };
          kept = next.spans.slice(draft.spans.length);
        }
        const results = new DraftText(draft.text).anchorAll(selectors, { ordered: true });
        results.forEach((result, index) => {
          assert.equal(result.kind, 'found', `span ${index} orphaned: ${JSON.stringify(selectors[index])}`);
          assert.ok(result.kind === 'found' && !result.drift, `span ${index} drifted`);
          assert.ok(rangesOf(result).some((range) => range.start === draft.spans[index].start), `span ${index} moved`);
        });
      }),
      settings(),
    );
  });

  it('edits inside a span give a drifted or orphaned span, never a silent wrong anchor', () => {
    fc.assert(
      fc.property(draftArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), fc.nat(), (generated, edits, pick) => {
        const original = selectorsFor(generated);
        const selectors = original.selectors;
        if (selectors.length === 0) return;
        const target = pick % original.spans.length;
        let draft: Draft = original;
        for (const edit of edits) {
          const span = draft.spans[target];
          draft = applyEdit(draft, edit, (start, end) => start > span.start && end < span.end) ?? draft;
        }
        const results = new DraftText(draft.text).anchorAll(selectors, { ordered: true });
        const edited = results[target];
        // Exact and unambiguous is right only where the (normalised) words are still intact.
        if (edited.kind === 'found' && !edited.drift && edited.candidates === 1) {
          assert.ok(overlapsRange(edited.range, draft.spans[target]), `silently anchored elsewhere: ${JSON.stringify(selectors[target])}`);
        }
      }),
      settings(),
    );
  });

  it('edits in a span\'s context, its words intact, never orphan it, nor anchor it elsewhere unreported', () => {
    let edited = 0;
    fc.assert(
      fc.property(draftArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), fc.nat(), (generated, edits, pick) => {
        const original = selectorsFor(generated);
        if (original.selectors.length === 0) return;
        const target = pick % original.selectors.length;
        // The target with a prefix and suffix whatever its words, so that there is context to edit.
        const span = original.spans[target];
        const withContext = { text: original.text.slice(span.start, span.end), prefix: original.text.slice(Math.max(0, span.start - 12), span.start), suffix: original.text.slice(span.end, span.end + 12) };
        const selectors = original.selectors.map((selector, index) => (index === target ? withContext : selector));
        let draft: Draft = original;
        for (const edit of edits) {
          const words = draft.spans[target];
          const context = footprint(draft, target, withContext);
          const inContext = (start: number, end: number) => start >= context.start && end <= context.end && (end < words.start || start > words.end);
          draft = applyEdit(draft, edit, inContext) ?? draft;
        }
        if (draft.text !== original.text) edited++;
        const result = new DraftText(draft.text).anchorAll(selectors, { ordered: true })[target];
        assert.equal(result.kind, 'found', `orphaned: ${JSON.stringify(withContext)} in ${JSON.stringify(draft.text)}`);
        if (result.kind === 'found' && !result.drift && result.candidates === 1) {
          assert.equal(result.range.start, draft.spans[target].start, `silently anchored elsewhere: ${JSON.stringify(withContext)}`);
        }
      }),
      settings(),
    );
    // Most cases edited a context: the property had something to check.
    assert.ok(edited > PROPERTY_RUNS / 2, `${edited} cases edited`);
  });

  it('accounts for every claim after every edit: anchored, or a span finding that names it', () => {
    fc.assert(
      fc.property(draftArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 10 }), (original, edits) => {
        const claims = selectorsFor(original)
          .selectors.map((selector) => `  - text: ${JSON.stringify(selector.text)}\n    type: fact\n    basis: observed\n    status: verified\n`)
          .join('');
        const annotations = parseAnnotationFile('/p/annotations/a.yaml', `version: 1\nclaims:\n${claims}`);
        let draft = original;
        for (const edit of edits) {
          draft = applyEdit(draft, edit, () => true) ?? draft;
          const analysis = analyze({ draft: { path: '/p/articles/a.txt', text: draft.text }, annotations });
          for (const { claim, anchor, range } of analysis.claims) {
            const codes = analysis.findings.filter((finding) => finding.data?.claimIndex === claim.index).map((finding) => finding.code);
            if (!range) assert.ok(codes.includes('span-not-found'), `claim ${claim.index} lost without a finding`);
            else if (anchor?.kind === 'found' && anchor.drift) assert.ok(codes.includes('span-drifted'), `claim ${claim.index} drifted silently`);
            else if (anchor?.kind === 'found' && anchor.candidates > 1) assert.ok(codes.includes('span-ambiguous'));
            else assert.deepEqual(codes.filter((code) => code.startsWith('span-')), []);
          }
        }
      }),
      settings(200),
    );
  });
});

describe('properties of whole words', () => {
  /** Words that begin or end other words of the list: every selector has places inside a word to refuse. */
  const ALIKE = ['the', 'there', 'war', 'warring', 'Russia', 'Russian', 'Russia’s', 'rose', '4', '45', '4.5', '4,000', 'Kiev', 'Kievan', 'café', 'cafés', 'Путин', 'Путина', 'in', 'inside', 'side'];
  const ALIKE_SEPARATORS = [' ', ' ', ', ', '. ', '-', '\n', '"'];
  const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
  const DIGIT = /[0-9]/;
  /** Whether `offset` is between two letters, digits or marks, or at a point or comma between digits: a span may not begin or end there. */
  const cuts = (text: string, offset: number): boolean =>
    (WORD_CHARACTER.test(text.charAt(offset - 1)) && WORD_CHARACTER.test(text.charAt(offset))) ||
    (DIGIT.test(text.charAt(offset - 1)) && /[.,]/.test(text.charAt(offset)) && DIGIT.test(text.charAt(offset + 1))) ||
    (/[.,]/.test(text.charAt(offset - 1)) && DIGIT.test(text.charAt(offset)) && DIGIT.test(text.charAt(offset - 2)));

  it('never begins or ends a span inside a word: exactly, by context or occurrence, or approximately after edits', () => {
    const words = fc.array(fc.tuple(fc.constantFrom(...ALIKE), fc.constantFrom(...ALIKE_SEPARATORS)), { minLength: 5, maxLength: 60 });
    const selector = fc.record({ first: fc.nat(), count: fc.integer({ min: 1, max: 3 }), occurrence: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), context: fc.boolean() });
    fc.assert(
      fc.property(words, selector, fc.array(editArbitrary, { maxLength: 3 }), (pieces, pick, edits) => {
        const { text, wordStarts: starts, wordEnds: ends } = joinWords(pieces);
        const first = pick.first % pieces.length;
        const last = Math.min(pieces.length - 1, first + pick.count - 1);
        const span = { start: starts[first], end: ends[last] };
        const chosen: Selector & { occurrence?: number } = { text: text.slice(span.start, span.end) };
        if (pick.context) chosen.prefix = text.slice(Math.max(0, span.start - 6), span.start);
        if (pick.occurrence !== undefined) chosen.occurrence = pick.occurrence;
        let draft: Draft = { text, spans: [span] };
        for (const edit of edits) draft = applyEdit(draft, edit, () => true) ?? draft;
        const result = new DraftText(draft.text).anchor(chosen);
        if (result.kind !== 'found') return;
        for (const range of [result.range, ...rangesOf(result), ...(result.contextMisfit?.places ?? [])]) {
          assert.ok(!cuts(draft.text, range.start) && !cuts(draft.text, range.end), `${JSON.stringify(chosen)} anchored to ${JSON.stringify(draft.text.slice(range.start - 5, range.end + 5))}`);
        }
      }),
      settings(),
    );
  });
});

describe('properties of the one-pass search for many needles', () => {
  const oneAtATime = (text: string, needles: readonly string[]): number[][] =>
    needles.map((needle) => {
      const starts: number[] = [];
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) starts.push(at);
      return starts;
    });

  it('finds every occurrence of every needle, as indexOf does one needle at a time', () => {
    // A tiny alphabet: needles share long beginnings, so crowded buckets are split several times.
    const unit = fc.constantFrom('a', 'b', ' ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 400 }), fc.array(fc.string({ unit, minLength: 1, maxLength: 40 }), { minLength: 5, maxLength: 60 }), (text, needles) => {
        assert.deepEqual(findAllOccurrences(text, needles), oneAtATime(text, needles));
      }),
      settings(500),
    );
  });

  it('does so when the needles are written with the characters regexes give a meaning to', () => {
    // The first windows of the needles become one regex: each of these must be matched as itself.
    const unit = fc.constantFrom('a', ' ', '.', '*', '+', '?', '^', '$', '{', '}', '(', ')', '|', '[', ']', '\\', '/');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 300 }), fc.array(fc.string({ unit, minLength: 8, maxLength: 20 }), { minLength: 5, maxLength: 40 }), (text, needles) => {
        const cut = needles.map((needle, index) => (index % 2 === 0 && text.length > needle.length ? text.substr(index % (text.length - needle.length), needle.length) : needle));
        assert.deepEqual(findAllOccurrences(text, cut), oneAtATime(text, cut));
      }),
      settings(300),
    );
  });

  it('does so when different first windows have the same hash', () => {
    // 'Aa' and 'BB' add the same to the polynomial hash (65 × 31 + 97 = 66 × 31 + 66): every window
    // made of them hashes alike, and only their text tells the buckets apart.
    const pairs = (min: number, max: number) => fc.array(fc.constantFrom('Aa', 'BB'), { minLength: min, maxLength: max }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(pairs(20, 200), fc.array(pairs(4, 10), { minLength: 5, maxLength: 40 }), (text, needles) => {
        assert.ok(new Set(needles.map((needle) => hashUnits(needle, 0, 8))).size === 1);
        assert.deepEqual(findAllOccurrences(text, needles), oneAtATime(text, needles));
      }),
      settings(300),
    );
  });

  it('does so with more distinct beginnings than one regex takes (the rolling-hash search)', () => {
    // Over 512 distinct first windows of 8 characters: the search hashes every place of the text
    // instead of matching a regex of the windows. Five letters give enough distinct windows.
    // Most needles are cut from the text, so that they occur (some many times); the rest are random.
    const unit = fc.constantFrom('a', 'b', 'c', 'd', ' ');
    const cut = fc.tuple(fc.nat(), fc.integer({ min: 8, max: 24 }));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 2000, maxLength: 4000 }), fc.array(cut, { minLength: 600, maxLength: 700 }), fc.array(fc.string({ unit, minLength: 8, maxLength: 24 }), { minLength: 100, maxLength: 200 }), (text, cuts, random) => {
        const needles = [...cuts.map(([at, length]) => text.substr(at % (text.length - length), length)), ...random];
        fc.pre(new Set(needles.map((needle) => needle.slice(0, 8))).size > 512);
        assert.deepEqual(findAllOccurrences(text, needles), oneAtATime(text, needles));
      }),
      settings(30),
    );
  });
});

describe('properties of normalisation', () => {
  it('normalises a fragment as it normalises a draft (the fast path for already-normal text agrees)', () => {
    const pieces = ['a', ' ', '  ', '\t', '\r\n', '\u00a0', '“', '’', '—', '-', '…', '...', '\ufeff', '\u2028', 'é', '😀', '\u02bc', '\u2212'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        assert.equal(normalizeFragment(text), normalizeWithMap(text).text);
      }),
      settings(2000),
    );
  });

  /**
   * The obvious normaliser, one character at a time, with the original offset of every normalised
   * unit written out: what the offset map, kept in pieces, must agree with.
   */
  function normaliseByHand(text: string): { text: string; from: number[] } {
    const isSpace = (ch: string): boolean => ch !== '\ufeff' && /\s/.test(ch);
    const FOLDED: Record<string, string> = { '“': '"', '”': '"', '’': "'", '\u02bc': "'", '—': '-', '\u2212': '-', '…': '...' };
    let out = '';
    const from: number[] = [];
    for (let i = text.startsWith('\ufeff') ? 1 : 0; i < text.length; i++) {
      if (isSpace(text[i])) {
        out += ' ';
        from.push(i);
        while (i + 1 < text.length && isSpace(text[i + 1])) i++;
        continue;
      }
      const folded = FOLDED[text[i]] ?? text[i];
      for (const unit of folded) {
        out += unit;
        from.push(i);
      }
    }
    return { text: out, from };
  }

  it('maps every normalised offset back to the character it comes from, and every original offset forward', () => {
    const pieces = ['a', 'b', ' ', '  ', '\t', '\r\n', '\n\n', '\u00a0', '“', '’', '—', '…', '\ufeff', '\u2028', 'é', '😀', '\u02bc', '\u2212'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const original = parts.join('');
        const normalized = normalizeWithMap(original);
        const expected = normaliseByHand(original);
        assert.equal(normalized.text, expected.text);
        for (let index = 0; index < expected.from.length; index++) assert.equal(normalized.originalOffset(index), expected.from[index], `unit ${index}`);
        assert.equal(normalized.originalOffset(expected.text.length), original.length);
        for (let offset = 0; offset <= original.length; offset++) {
          // The first normalised unit that comes from this original offset or a later one.
          const first = expected.from.findIndex((at) => at >= offset);
          assert.equal(toNormalizedOffset(normalized, offset), first === -1 ? expected.text.length : first, `original offset ${offset}`);
        }
      }),
      settings(2000),
    );
  });
});

describe('properties of sentence starts', () => {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const PIECES = ['Word', 'word', ' ', ' ', '. ', '.', '!', '?', '?!', '...', '…', '"', '“', '”', '’', ')', '(', '\n', '\r\n', '\u2029', '3.5', 'U.S.', 'etc. ', 'é', 'É', ', ', ';', '\t', '\u00a0', '。', '😀', '-', ':', 'Я', 'я', 'ω', 'ა', '।', '\u0301', '\u00ad', '\u200b', '𝐀', 'ﾞ', 'E\u0301'];

  it('are those of Intl.Segmenter over the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const expected = [...segmenter.segment(text)].map((segment) => segment.index);
        assert.deepEqual(sentenceStarts(text), expected.length > 0 ? expected : [0]);
      }),
      settings(2000),
    );
  });
});

describe('properties of fuzzy alignment', () => {
  it('finds with a distance bound what the full dynamic programme finds, non-ASCII and past 32 pattern units included', () => {
    // With a bound below the pattern's length, align() finds the end with the bit-parallel pass (in
    // blocks of 32 pattern units, a table for ASCII and a map for the rest) and the start in a band;
    // with none, it runs the dynamic programme over the whole stretch. Both must agree.
    const unit = fc.constantFrom('a', 'b', 'é', 'я', ' ', '😀');
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 1, maxLength: 100 }),
        fc.string({ unit, maxLength: 160 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (pattern, text, a, b, bound) => {
          const from = a % (text.length + 1);
          const to = from + (b % (text.length - from + 1));
          const maxDistance = bound % pattern.length;
          const banded = align(pattern, text, from, to, maxDistance);
          const full = align(pattern, text, from, to, pattern.length);
          if (full.distance <= maxDistance) assert.deepEqual(banded, full);
          else assert.ok(banded.distance > maxDistance, `found ${JSON.stringify(banded)} within ${maxDistance}, the full programme's best is ${full.distance}`);
        },
      ),
      settings(3000),
    );
  });
});

describe('properties of straight single quotation marks', () => {
  /**
   * Prose with no quotation marks. No word ends in "s" (a quotation that ends in one before a word
   * closes there only where nothing else could close it, a possessive in it aside: the editors' desk)
   * nor is a number of one or two digits (a prime before a space: 6' tall). PLURALS and TWO_DIGITS have them.
   */
  const PLAIN = ['the', 'mayor', 'said', 'council', 'budget', 'will', 'rise', 'bridge', 'open', 'in', 'May', 'Kyiv', 'ferry', 'harbour', 'plan', '2025', 'on', 'Monday'];
  const PLURALS = ['talks', 'delays', 'MPs', 'questions', 'buses', 'fares'];
  /** Numbers that start a quotation ('24 hours), never end one: 24' is a prime. */
  const TWO_DIGITS = ['24', '48', '10', '90'];
  const APOSTROPHES = ["don't", "it's", "O'Brien", "the editors' desk", "Jesus' name", "rock 'n' roll", "the '90s", "five o'clock", "'tis", "6'2", "a 6' wall"];
  const SEPARATOR = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', '\n\n', '\r\n');
  /** What follows the closing mark; '' ends the text there. */
  const AFTER_CLOSING = fc.constantFrom(' ', ', ', '. ', '\n', '');
  const ending = (after: string, rest: string) => (after === '' ? '' : after + rest);
  const prose = (items: readonly string[]) =>
    fc.array(fc.tuple(fc.constantFrom(...items), SEPARATOR), { maxLength: 40 }).map((parts) => parts.map(([item, separator]) => item + separator).join(''));
  const wrapped = (words: readonly string[]) => `'${words.join(' ')}'`;

  it('finds no quotation at apostrophe words in prose, nor any but the one a phrase with them in straight singles makes', () => {
    const mixed = [...PLAIN, ...APOSTROPHES];
    // A phrase of three or more items, plain words first and last: ''tis opens nothing, as no quotation starts with an elision here.
    const phrase = fc.tuple(fc.constantFrom(...PLAIN), fc.array(fc.constantFrom(...mixed), { minLength: 1, maxLength: 8 }), fc.constantFrom(...PLAIN));
    fc.assert(
      fc.property(prose(mixed), phrase, AFTER_CLOSING, prose(mixed), (before, [first, middle, last], after, rest) => {
        assert.deepEqual(findQuotations(before + rest), []);
        const quotation = wrapped([first, ...middle, last]);
        const text = before + quotation + ending(after, rest);
        assert.deepEqual(findQuotations(text), [{ start: before.length, end: before.length + quotation.length }], JSON.stringify(text));
      }),
      settings(),
    );
  });

  it('finds a phrase of three or more words wrapped in straight singles in prose, and only it: one that ends in a plural before a word, or starts with two digits, too', () => {
    const words = [...PLAIN, ...PLURALS, ...TWO_DIGITS];
    const phrase = fc.tuple(
      fc.constantFrom(...PLAIN, ...TWO_DIGITS),
      fc.array(fc.constantFrom(...PLAIN, ...PLURALS), { minLength: 1, maxLength: 10 }),
      fc.constantFrom(...PLAIN, ...PLURALS),
    );
    fc.assert(
      fc.property(prose(words), phrase, AFTER_CLOSING, prose(words), (before, [first, middle, last], after, rest) => {
        const quotation = wrapped([first, ...middle, last]);
        const text = before + quotation + ending(after, rest);
        assert.deepEqual(findQuotations(text), [{ start: before.length, end: before.length + quotation.length }], JSON.stringify(text));
      }),
      settings(),
    );
  });

  it('finds no span but the quotations where a stray mark opens or closes nothing, and those before it or after it in its paragraph still', () => {
    // A quotation that ends in a plural before a word closes there only for want of a closing mark: a stray one after it would close it.
    const quotation = fc
      .tuple(fc.constantFrom(...PLAIN, ...TWO_DIGITS), fc.array(fc.constantFrom(...PLAIN, ...PLURALS), { minLength: 1, maxLength: 6 }), fc.constantFrom(...PLAIN))
      .map(([first, middle, last]) => wrapped([first, ...middle, last]));
    const item = fc.oneof(fc.constantFrom(...PLAIN, ...PLURALS, ...TWO_DIGITS), quotation);
    const separator = fc.constantFrom(' ', ' ', ', ', '. ', '\n', '\n\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(item, separator), { minLength: 1, maxLength: 30 }), fc.nat(), (items, pick) => {
        let text = '';
        const real: OffsetRange[] = [];
        for (const [words, separator] of items) {
          if (words.startsWith("'")) real.push({ start: text.length, end: text.length + words.length });
          text += words + separator;
        }
        // The stray mark goes before a word (opening) or after one (closing), never next to another mark.
        const starts = [...text.matchAll(/(?<=^|\s)[\p{L}\p{N}]/gu)].map((match) => match.index);
        const ends = [...text.matchAll(/[\p{L}\p{N}](?=[\s,.]|$)/gu)].map((match) => match.index + 1);
        const at = [...starts, ...ends][pick % (starts.length + ends.length)];
        const opening = starts.includes(at);
        const moved = (offset: number) => (offset >= at ? offset + 1 : offset);
        const quotations = real.map(({ start, end }) => ({ start: moved(start), end: moved(end) }));
        const strayed = `${text.slice(0, at)}'${text.slice(at)}`;
        const found = findQuotations(strayed);
        const message = JSON.stringify(strayed);
        for (const range of found) assert.ok(quotations.some(({ start, end }) => start === range.start && end === range.end), message);
        // Those the stray mark can't be part of: before an opening one, after a closing one.
        const kept = quotations.filter(({ start, end }) => (opening ? end <= at : start > at));
        for (const range of kept) assert.ok(found.some(({ start, end }) => start === range.start && end === range.end), message);
      }),
      settings(),
    );
  });
});
