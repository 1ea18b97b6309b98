// Writing selectors: the shortest one that finds exactly a given span again. The text alone when it is
// unique; otherwise context is added on both sides, a character at a time, until no other occurrence
// shares it, then widened to whole words so it reads naturally in the YAML (Apache Annotator's
// describeTextQuote works this way). The context is compared as the anchorer reads it: a prefix ends,
// and a suffix starts, past the white space next to the words, so white space alone tells nothing
// apart. Every selector written is anchored again before it is given out.
import type { DraftText } from './anchor';
import type { OffsetRange } from './model';
import { toNormalizedOffset } from './normalize';
import { isWordCharacterAt } from './wordBoundaries';

export interface WrittenSelector {
  readonly text: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly occurrence?: number;
}

/** The context fields a selector in the YAML has. */
export interface ContextFields {
  readonly prefix?: string;
  readonly suffix?: string;
  readonly occurrence?: number;
}

/** Where a range's words are in the normalised draft, without white space at their ends. */
function wordsOf(draft: DraftText, range: OffsetRange): { start: number; end: number } | undefined {
  const start = toNormalizedOffset(draft.normalized, range.start);
  const slice = draft.normalized.text.slice(start, toNormalizedOffset(draft.normalized, range.end));
  const needle = slice.trim();
  if (needle === '') return undefined;
  const from = start + slice.length - slice.trimStart().length;
  return { start: from, end: from + needle.length };
}

/**
 * The shortest selector that finds exactly `range` again; undefined when none does (the range has no
 * words, or nothing around them tells them from another place).
 */
export function describeSpan(draft: DraftText, range: OffsetRange): WrittenSelector | undefined {
  const words = wordsOf(draft, range);
  if (!words) return undefined;
  const original = draft.text;
  const text = original.slice(range.start, range.end);
  const normalized = draft.normalized.text;
  const { start, end } = words;
  const length = end - start;
  let others = draft.findAllNormalized(normalized.slice(start, end)).filter((at) => at !== start);
  if (others.length === 0) return checked(draft, { text }, words);
  // Where a prefix must end and a suffix start for the words at `at`: past one space, as the anchorer allows.
  const prefixEnd = (at: number): number => (at > 0 && normalized.charCodeAt(at - 1) === 0x20 ? at - 1 : at);
  const suffixStart = (at: number): number => (normalized.charCodeAt(at + length) === 0x20 ? at + length + 1 : at + length);
  const ownPrefixEnd = prefixEnd(start);
  const ownSuffixStart = suffixStart(start);
  let prefixLength = 0;
  let suffixLength = 0;
  const samePrefix = (other: number): boolean => {
    if (prefixLength === 0) return true;
    const otherEnd = prefixEnd(other);
    return otherEnd >= prefixLength && normalized.startsWith(normalized.slice(ownPrefixEnd - prefixLength, ownPrefixEnd), otherEnd - prefixLength);
  };
  const sameSuffix = (other: number): boolean => {
    if (suffixLength === 0) return true;
    const otherStart = suffixStart(other);
    return otherStart + suffixLength <= normalized.length && normalized.startsWith(normalized.slice(ownSuffixStart, ownSuffixStart + suffixLength), otherStart);
  };
  // Grow the context until every other occurrence differs in its prefix or its suffix; one that
  // differs goes on differing as the context grows.
  while (others.length > 0 && (ownPrefixEnd - prefixLength > 0 || ownSuffixStart + suffixLength < normalized.length)) {
    if (ownPrefixEnd - prefixLength > 0) prefixLength++;
    if (ownSuffixStart + suffixLength < normalized.length) suffixLength++;
    others = others.filter((other) => samePrefix(other) && sameSuffix(other));
  }
  if (others.length > 0) return undefined;
  // Widen to words, in the original text, so the YAML keeps the author's characters and reads as words.
  const selector: { text: string; prefix?: string; suffix?: string } = { text };
  if (prefixLength > 0) {
    selector.prefix = original.slice(wordStart(original, draft.normalized.originalOffset(ownPrefixEnd - prefixLength), range.start), range.start);
  }
  if (suffixLength > 0) {
    selector.suffix = original.slice(range.end, wordEnd(original, range.end, draft.normalized.originalOffset(ownSuffixStart + suffixLength - 1) + 1));
  }
  return checked(draft, selector, words);
}

/**
 * A selector that finds exactly `range` again, for an annotation whose selector had the context
 * fields `old`: the shortest one, and for each field `old` has and it lacks, the draft's words there
 * now (a stale prefix is brought up to date, not left to misfit); an occurrence is counted again.
 * Undefined when no selector finds exactly this place.
 */
export function pinSpan(draft: DraftText, range: OffsetRange, old: ContextFields): WrittenSelector | undefined {
  const written = describeSpan(draft, range);
  const words = wordsOf(draft, range);
  if (!written || !words) return undefined;
  const prefix = written.prefix ?? (old.prefix === undefined ? undefined : wordsBefore(draft.text, range.start, old.prefix.trim().length));
  const suffix = written.suffix ?? (old.suffix === undefined ? undefined : wordsAfter(draft.text, range.end, old.suffix.trim().length));
  const selector = { text: written.text, ...(prefix === undefined ? {} : { prefix }), ...(suffix === undefined ? {} : { suffix }) };
  if (old.occurrence === undefined) return checked(draft, selector, words);
  const anchor = draft.anchor(selector);
  const places = anchor.kind === 'found' && !anchor.drift ? (anchor.ambiguousRanges ?? [anchor.range]) : [];
  const at = places.findIndex((place) => place.start === range.start);
  return at === -1 ? undefined : checked(draft, { ...selector, occurrence: at + 1 }, words);
}

/** The selector, if it finds exactly the words at `words` (normalised offsets), alone and as written. */
function checked(draft: DraftText, selector: WrittenSelector, words: { start: number; end: number }): WrittenSelector | undefined {
  const found = draft.anchor(selector);
  if (found.kind !== 'found' || found.candidates !== 1 || found.drift) return undefined;
  const expected = draft.toOriginal(words.start, words.end);
  return found.range.start === expected.start && found.range.end === expected.end ? selector : undefined;
}

/** About `length` characters of the draft's words right before `at`, from a word's start. */
function wordsBefore(text: string, at: number, length: number): string {
  let start = wordStart(text, Math.max(0, at - Math.max(1, length)), at);
  while (start < at && /\s/.test(text[start])) start++;
  return text.slice(start, at);
}

/** About `length` characters of the draft's words right after `at`, to a word's end. */
function wordsAfter(text: string, at: number, length: number): string {
  let end = wordEnd(text, at, Math.min(text.length, at + Math.max(1, length)));
  while (end > at && /\s/.test(text[end - 1])) end--;
  return text.slice(at, end);
}

/**
 * Where a context of text[from, to) before some words should start to read as words: at the start
 * of the word it cuts or starts with a space after, or, when it is only punctuation or space ("." or
 * a line break), at the start of the word before it.
 */
function wordStart(text: string, from: number, to: number): number {
  let start = from;
  let word = start;
  while (word > 0 && /\s/.test(text[word])) word--;
  if (word < start && isWordCharacterAt(text, word)) start = word;
  if (!hasWordChar(text, start, to)) {
    while (start > 0 && !isWordCharacterAt(text, start - 1)) start--;
  } else if (!isWordCharacterAt(text, start)) {
    return start;
  }
  while (start > 0 && isWordCharacterAt(text, start - 1)) start--;
  return start;
}

/** wordStart() for a context of text[from, to) after some words: where it should end. */
function wordEnd(text: string, from: number, to: number): number {
  let end = to;
  let word = end;
  while (word < text.length && /\s/.test(text[word - 1])) word++;
  if (word > end && isWordCharacterAt(text, word - 1)) end = word;
  if (!hasWordChar(text, from, end)) {
    while (end < text.length && !isWordCharacterAt(text, end)) end++;
  } else if (!isWordCharacterAt(text, end - 1)) {
    return end;
  }
  while (end < text.length && isWordCharacterAt(text, end)) end++;
  return end;
}

function hasWordChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isWordCharacterAt(text, i)) return true;
  return false;
}
