// Anchoring of span selectors in a draft: normalised exact match, then prefix/suffix, then occurrence;
// when the words are gone, a fuzzy match (see fuzzy.ts) re-anchors the span and says it drifted. When
// the words are there but the context no longer fits any of their places, the place whose
// surroundings are most like it is taken, and the span said to have drifted (or to be ambiguous).
import { FuzzyMatcher, MAX_FUZZY_QUOTE_LENGTH, type FuzzyQuery } from './fuzzy';
import type { OffsetRange } from './model';
import { findAllOccurrences } from './multiSearch';
import { normalizeFragment, normalizeWithMap, toOriginalRange, type NormalizedText } from './normalize';
import { wholeWordPlaces } from './wordBoundaries';

export interface SelectorFields {
  readonly text: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly occurrence?: number;
}

export type AnchorResult =
  | {
      readonly kind: 'found';
      /** The span in the draft (original offsets). */
      readonly range: OffsetRange;
      /** How many places the selector fits; more than one means it is ambiguous and the first was used. */
      readonly candidates: number;
      /** All the places that fit when ambiguous (original offsets). */
      readonly ambiguousRanges?: readonly OffsetRange[];
      /**
       * Set when the span was not found as the selector says (span-drifted): the exact text is gone
       * and a similar passage was taken (similarity below 1), or only the context changed (1).
       */
      readonly drift?: { readonly similarity: number };
      /**
       * Set when the words are in the draft but the prefix, suffix or occurrence fits none of their
       * places (the draft changed around them): why, and every place the words are. The span is
       * then the place whose surroundings are most like the context, or, when several are as good,
       * the first of them (ambiguous).
       */
      readonly contextMisfit?: { readonly reason: string; readonly places: readonly OffsetRange[] };
    }
  | {
      readonly kind: 'not-found';
      /** Why, in words for the editor. */
      readonly reason: string;
      /** How many times the bare text occurs, ignoring the context. */
      readonly textMatches: number;
    };

export interface AnchorOptions {
  /**
   * The selectors are in file order and mostly in reading order (claims): a drifted one is expected
   * between its neighbours that anchored. Leave false for lists in no particular order.
   */
  readonly ordered?: boolean;
  /**
   * Whether a selector that doesn't fit exactly is looked for approximately (default true): its text
   * gone, or its context fitting none of the places of its text.
   */
  readonly fuzzy?: boolean;
}

/** A draft prepared for anchoring: normalised once, queried for many selectors. */
export class DraftText {
  readonly normalized: NormalizedText;
  private fuzzyMatcher?: FuzzyMatcher;

  constructor(readonly text: string) {
    this.normalized = normalizeWithMap(text);
  }

  /** All places where the normalised `needle` occurs as whole words, as offsets into the normalised text. */
  findAllNormalized(needle: string): number[] {
    return wholeWordPlaces(this.normalized.text, findAllOccurrences(this.normalized.text, [needle])[0], needle.length);
  }

  toOriginal(start: number, end: number): OffsetRange {
    return toOriginalRange(this.normalized, start, end);
  }

  anchor(selector: SelectorFields): AnchorResult {
    return this.anchorAll([selector])[0];
  }

  /** Anchors many selectors at once: one scan of the draft finds the exact matches of them all. */
  anchorAll(selectors: readonly SelectorFields[], options: AnchorOptions = {}): AnchorResult[] {
    const needles = selectors.map((selector) => normalizeFragment(selector.text).trim());
    // A span never begins or ends inside a word: a place that would is no place of the selector's
    // text at all, for the context, the occurrence, the count of places and the fuzzy search alike.
    const matches = findAllOccurrences(this.normalized.text, needles);
    for (let index = 0; index < matches.length; index++) matches[index] = wholeWordPlaces(this.normalized.text, matches[index], needles[index].length);
    // Where each selector found in one place is used in the normalised text: a drifted one's landmarks.
    const usedAt = new Int32Array(selectors.length);
    const exact = selectors.map((selector, index) => this.exact(selector, needles[index], matches[index], usedAt, index));
    // A selector not found exactly whose text occurs (textMatches > 0) has a context that no longer
    // fits: looked for again, as one whose text is gone is.
    const refit = (index: number): boolean => exact[index].kind === 'not-found' && needles[index].length > 0 && options.fuzzy !== false;
    if (!exact.some((_, index) => refit(index))) return exact;
    // Where each selector was found exactly and alone (normalised offsets): the landmarks for drifted
    // ones, when the selectors are in reading order (nothing to read them by otherwise).
    const landmarks = options.ordered
      ? exact.map((result, index) =>
          result.kind === 'found' && result.candidates === 1 ? { start: usedAt[index], end: usedAt[index] + needles[index].length } : undefined,
        )
      : undefined;
    return exact.map((result, index) => {
      if (result.kind === 'found' || !refit(index)) return result;
      const selector = selectors[index];
      const query: FuzzyQuery = {
        quote: needles[index],
        prefix: selector.prefix === undefined ? undefined : normalizeFragment(selector.prefix),
        suffix: selector.suffix === undefined ? undefined : normalizeFragment(selector.suffix),
        near: landmarks ? between(landmarks, index, this.normalized.text.length) : undefined,
      };
      const matcher = (this.fuzzyMatcher ??= new FuzzyMatcher(this.normalized.text));
      if (result.textMatches > 0) return this.bestPlace(query, matches[index], result.reason, matcher);
      const match = matcher.find(query);
      if (!match) {
        return needles[index].length > MAX_FUZZY_QUOTE_LENGTH ? { ...result, reason: `${result.reason}, and it is too long to look for approximately` } : result;
      }
      return { kind: 'found', range: this.toOriginal(match.start, match.end), candidates: 1, drift: { similarity: match.similarity } };
    });
  }

  /**
   * The span of a selector whose words are at `starts` (normalised offsets) but whose context fits
   * none of them: `prefix` is there to pick one of several places, so a stale one doesn't orphan the
   * span. Each place is scored as the fuzzy search scores a place (the words being the same, by how
   * alike its surroundings are to the context, and by nearness to where it is expected); an edited
   * passage whose context fits better wins over them all. The best place is the span, drifted; when
   * several are as good, it is ambiguous among them. Either way it is reported, never taken silently.
   */
  private bestPlace(query: FuzzyQuery, starts: readonly number[], reason: string, matcher: FuzzyMatcher): AnchorResult {
    const length = query.quote.length;
    const toRange = (start: number): OffsetRange => this.toOriginal(start, start + length);
    const contextMisfit = { reason, places: starts.map(toRange) };
    // Words in thousands of places ("said") are not scored one by one: nothing tells them apart.
    if (starts.length > MAX_PLACES_SCORED) return { kind: 'found', range: toRange(starts[0]), candidates: starts.length, ambiguousRanges: contextMisfit.places, contextMisfit };
    const scores = starts.map((start) => matcher.score(query, start, start + length, 1));
    let best = 0;
    for (const score of scores) best = Math.max(best, score);
    const edited = matcher.find(query);
    if (
      edited &&
      edited.similarity < 1 &&
      !starts.some((start) => edited.start < start + length && start < edited.end) &&
      matcher.score(query, edited.start, edited.end, edited.similarity) > best
    ) {
      return { kind: 'found', range: this.toOriginal(edited.start, edited.end), candidates: 1, drift: { similarity: edited.similarity }, contextMisfit };
    }
    const tied = starts.filter((_, index) => scores[index] >= best - SAME_SCORE);
    if (tied.length === 1) return { kind: 'found', range: toRange(tied[0]), candidates: 1, drift: { similarity: 1 }, contextMisfit };
    return { kind: 'found', range: toRange(tied[0]), candidates: tied.length, ambiguousRanges: tied.map(toRange), contextMisfit };
  }

  /**
   * The exact (normalised) anchoring of the selector at `index`, given where its text occurs. Where a
   * selector found in one place is used goes into `usedAt[index]` (a wrapper object per claim would
   * cost more, for thousands).
   */
  private exact(selector: SelectorFields, needle: string, matches: readonly number[], usedAt: Int32Array, index: number): AnchorResult {
    if (needle.length === 0) return { kind: 'not-found', reason: 'the span has no text', textMatches: 0 };
    if (matches.length === 0) return { kind: 'not-found', reason: 'the text is not in the draft', textMatches: 0 };
    const haystack = this.normalized.text;
    const prefix = selector.prefix === undefined ? '' : normalizeFragment(selector.prefix).trimEnd();
    const suffix = selector.suffix === undefined ? '' : normalizeFragment(selector.suffix).trimStart();
    const fitting =
      prefix === '' && suffix === ''
        ? matches
        : matches.filter((start) => precededBy(haystack, start, prefix) && followedBy(haystack, start + needle.length, suffix));
    if (fitting.length === 0) {
      const context = [selector.prefix !== undefined ? 'prefix' : '', selector.suffix !== undefined ? 'suffix' : '']
        .filter(Boolean)
        .join(' and ');
      return { kind: 'not-found', reason: `the text occurs ${times(matches.length)}, but never with this ${context}`, textMatches: matches.length };
    }
    const toRange = (start: number): OffsetRange => this.toOriginal(start, start + needle.length);
    if (selector.occurrence !== undefined) {
      if (selector.occurrence > fitting.length) {
        const reason = `occurrence ${selector.occurrence} was asked for, but the text occurs ${times(fitting.length)}`;
        return { kind: 'not-found', reason, textMatches: matches.length };
      }
      usedAt[index] = fitting[selector.occurrence - 1];
      return { kind: 'found', range: toRange(usedAt[index]), candidates: 1 };
    }
    if (fitting.length > 1) return { kind: 'found', range: toRange(fitting[0]), candidates: fitting.length, ambiguousRanges: fitting.map(toRange) };
    usedAt[index] = fitting[0];
    return { kind: 'found', range: toRange(fitting[0]), candidates: 1 };
  }
}

/** Places of a selector's words beyond which a context that fits none of them is not weighed place by place. */
const MAX_PLACES_SCORED = 1000;
/** Scores this close are the same (they are sums of ratios: rounding differs with the order of operations). */
const SAME_SCORE = 1e-9;

/**
 * Where the selector at `index` should be: after the nearest earlier selector that anchored and
 * before the nearest later one (normalised offsets). Undefined when they are out of reading order.
 */
function between(landmarks: ReadonlyArray<OffsetRange | undefined>, index: number, textLength: number): OffsetRange | undefined {
  let from = 0;
  let to = textLength;
  for (let i = index - 1; i >= 0; i--) {
    const landmark = landmarks[i];
    if (landmark) {
      from = landmark.end;
      break;
    }
  }
  for (let i = index + 1; i < landmarks.length; i++) {
    const landmark = landmarks[i];
    if (landmark) {
      to = landmark.start;
      break;
    }
  }
  return from <= to ? { start: from, end: to } : undefined;
}

function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}

/** Whether `prefix` ends right before `start`, allowing one space between them. */
function precededBy(haystack: string, start: number, prefix: string): boolean {
  if (prefix.length === 0) return true;
  let end = start;
  if (end > 0 && haystack.charCodeAt(end - 1) === 0x20 && prefix.charCodeAt(prefix.length - 1) !== 0x20) end--;
  return end >= prefix.length && haystack.startsWith(prefix, end - prefix.length);
}

/** Whether `suffix` starts right after `end`, allowing one space between them. */
function followedBy(haystack: string, end: number, suffix: string): boolean {
  if (suffix.length === 0) return true;
  let start = end;
  if (haystack.charCodeAt(start) === 0x20 && suffix.charCodeAt(0) !== 0x20) start++;
  return haystack.startsWith(suffix, start);
}
