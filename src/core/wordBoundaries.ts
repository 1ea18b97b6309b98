// Where a span may begin and end: never inside a word. "Russia" is not a span of "Russian", nor
// "the war" of "the warring"; it is one of "Russia's" and "Russia-Ukraine" (an apostrophe or a
// hyphen ends a word). A word is a run of letters, digits and combining marks, and a number keeps
// the points and commas between its digits (4.5, 4,000). Two exceptions:
// scripts written without spaces between words (Chinese, Japanese, Thai...) have no boundaries to
// find by character, so their letters are never glued to a neighbour; and a combining mark belongs to
// the character before it, whatever its script. Unlike automatic mentions' words, `_` is no letter:
// Markdown's `_Russia_` is emphasis around a word.
import { isLowSurrogate, isSurrogate, isSurrogatePairAt } from './surrogates';

const NOT_WORD = 0;
/** A letter or digit of a script written with spaces between words. */
const WORD = 1;
/** A letter of a script written without spaces between words. */
const UNSPACED = 2;
const MARK = 3;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING_MARK = /\p{M}/u;
const UNSPACED_SCRIPT =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Bopomofo}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]/u;

function classify(character: string): number {
  if (COMBINING_MARK.test(character)) return MARK;
  if (!LETTER_OR_DIGIT.test(character)) return NOT_WORD;
  return UNSPACED_SCRIPT.test(character) ? UNSPACED : WORD;
}

/** ASCII letters and digits: 1, the rest 0. Most neighbours of a match are ASCII, and need no regex. */
const ASCII_WORD = new Uint8Array(128).map((_, code) => (/[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 0));

/** Per UTF-16 unit outside ASCII and the surrogates: its class plus one, 0 while not looked at. */
const unitClasses = new Uint8Array(0x10000);

function classAt(text: string, index: number): number {
  if (index < 0 || index >= text.length) return NOT_WORD;
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_WORD[code] === 1 ? WORD : NOT_WORD;
  if (isSurrogate(code)) {
    const point = text.codePointAt(isLowSurrogate(code) ? index - 1 : index);
    return point === undefined ? NOT_WORD : classify(String.fromCodePoint(point));
  }
  let known = unitClasses[code];
  if (known === 0) known = unitClasses[code] = classify(String.fromCharCode(code)) + 1;
  return known - 1;
}

/** Whether the UTF-16 unit at `index` belongs to a letter, digit or combining mark (a surrogate pair's halves, to its character): what every word scan asks. */
export function isWordCharacterAt(text: string, index: number): boolean {
  return classAt(text, index) !== NOT_WORD;
}

const POINT = 46;
const COMMA = 44;

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Whether `offset` is at a point or comma between digits: inside one number (4.5, $4,000). "rose 4"
 * is no span of "rose 4.5 per cent": a changed figure must not pass for the one written.
 */
function splitsNumber(text: string, offset: number, before: number, after: number): boolean {
  if (isAsciiDigit(before) && (after === POINT || after === COMMA)) return isAsciiDigit(text.charCodeAt(offset + 1));
  if ((before === POINT || before === COMMA) && isAsciiDigit(after)) return isAsciiDigit(text.charCodeAt(offset - 2));
  return false;
}

/** Whether `offset` falls between two characters of one word (or number) of `text`: a span may not begin or end there. */
export function cutsWord(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before < 128 && after < 128) return (ASCII_WORD[before] === 1 && ASCII_WORD[after] === 1) || splitsNumber(text, offset, before, after);
  const afterClass = classAt(text, offset);
  // The two halves of a surrogate pair are one character: a place between them cuts it.
  if (isSurrogatePairAt(text, offset - 1)) return afterClass !== NOT_WORD;
  const beforeClass = classAt(text, offset - 1);
  if (afterClass === MARK) return beforeClass !== NOT_WORD;
  return (beforeClass === WORD || beforeClass === MARK) && afterClass === WORD;
}

/** Whether text[start, end) begins and ends at word boundaries (or at the text's ends). */
export function isWholeWords(text: string, start: number, end: number): boolean {
  return !cutsWord(text, start) && !cutsWord(text, end);
}

/**
 * Of the places `starts` where a needle `length` long occurs in `text`, those that cut no word, in
 * order. The same array when none does (nearly always): no copy per needle.
 */
export function wholeWordPlaces(text: string, starts: number[], length: number): number[] {
  let kept = 0;
  while (kept < starts.length && isWholeWords(text, starts[kept], starts[kept] + length)) kept++;
  if (kept === starts.length) return starts;
  const places = starts.slice(0, kept);
  for (let at = kept + 1; at < starts.length; at++) if (isWholeWords(text, starts[at], starts[at] + length)) places.push(starts[at]);
  return places;
}
