// Sentence starts, the same as Intl.Segmenter's over the whole text, found in linear time.
// Segmenting a whole draft with Intl.Segmenter is slow (about 4 ms per 1,000 characters, and worse
// than linear), but its rules (Unicode UAX #29) only ever break around a sentence terminator or after
// a paragraph separator. So we scan for those, decide the common cases directly ("word. Next",
// "word? next", "word. next", in any script: "слово. Дальше", "λέξη. επόμενη", "शब्द। अगला"), and
// ask the segmenter about a small window around the rest.
import { isHighSurrogate, isSurrogatePairAt } from './surrogates';

/** The full stops (ATerm): the other terminators (STerm) end a sentence before a lower-case word too. */
const FULL_STOPS = [0x2e, 0x2024, 0xfe52, 0xff0e];
/** UAX #29's terminators: STerm is Sentence_Terminal without the full stops, so a terminator is either. */
const TERMINATOR = new RegExp(`[\\p{Sentence_Terminal}${String.fromCharCode(...FULL_STOPS)}]`, 'u');
/** What UAX #29 lets follow a terminator before the break: closing punctuation and quotes, and spaces. */
const CLOSE_OR_SPACE = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'\p{White_Space}]/u;
const LETTER = /\p{L}/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** Per UTF-16 unit of the Basic Multilingual Plane: 0 not looked at yet, 1 a break candidate, 2 not. */
const breakCandidates = new Uint8Array(0x10000);

/**
 * Terminators (STerm and ATerm) and paragraph separators are the only places a sentence can end.
 * The table remembers the Unicode regex's answer per character, which is much faster than asking it.
 */
function isBreakCandidate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (isHighSurrogate(code)) return TERMINATOR.test(charAt(text, index));
  if (breakCandidates[code] === 0) {
    breakCandidates[code] = isParagraphSeparator(code) || TERMINATOR.test(String.fromCharCode(code)) ? 1 : 2;
  }
  return breakCandidates[code] === 1;
}

function isParagraphSeparator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/**
 * The ASCII break candidates (the terminators ! . ? and the line breaks), and any non-ASCII unit. A regex
 * finds the next of them much faster than a test of every character (a Unicode regex with the
 * terminator property is no faster than that test).
 */
const ASCII_CANDIDATE_OR_OTHER = /[\n\r!.?]|[^\x00-\x7f]/g;
/** After a non-ASCII unit, units are tested one by one until this many ASCII ones in a row. */
const ASCII_RUN_TO_RESUME = 16;

/** The first break candidate at or after `from`, or the text's length when there is none. */
function nextBreakCandidate(text: string, from: number): number {
  let at = from;
  for (;;) {
    ASCII_CANDIDATE_OR_OTHER.lastIndex = at;
    if (!ASCII_CANDIDATE_OR_OTHER.test(text)) return text.length;
    at = ASCII_CANDIDATE_OR_OTHER.lastIndex - 1;
    if (text.charCodeAt(at) < 0x80) return at;
    // A text in another script has non-ASCII letters everywhere, where the regex would stop at each
    // one: test them one by one, as before, until the text is plain ASCII again for a while.
    let asciiRun = 0;
    for (; at < text.length && asciiRun < ASCII_RUN_TO_RESUME; at++) {
      if (isBreakCandidate(text, at)) return at;
      asciiRun = text.charCodeAt(at) < 0x80 ? asciiRun + 1 : 0;
    }
    if (at === text.length) return at;
  }
}

/** “ ‘ " ' ( [ : a new sentence may open with them; the letter after them decides as if they weren't there. */
const OPENING_MARKS = [0x201c, 0x2018, 0x22, 0x27, 0x28, 0x5b];

/** Not a letter whose case alone decides (the window decides after it). */
const UNDECIDED = 1;
/** A lower-case letter: after a full stop and a space, the sentence goes on. */
const LOWER_CASE_LETTER = 2;
/** An upper- or title-case letter, or one of a script without case: after a terminator and a space, a sentence starts. */
const OTHER_LETTER = 3;
/** Per UTF-16 unit of the Basic Multilingual Plane: 0 not looked at yet, else one of the three kinds above. */
const letterKinds = new Uint8Array(0x10000);

/** What the unit at `index` is after a terminator and spaces. Half of a surrogate pair is undecided. */
function letterKindAt(text: string, index: number): number {
  if (index >= text.length) return UNDECIDED;
  const code = text.charCodeAt(index);
  if (letterKinds[code] === 0) letterKinds[code] = letterKind(String.fromCharCode(code));
  return letterKinds[code];
}

/**
 * Asks the segmenter, once per letter, whether a sentence starts with it after "a. ". Its idea of
 * lower case is not quite JavaScript's \p{Lowercase} (Georgian's letters are lower case to the regex,
 * caseless to the segmenter), so it is the one asked; the answer is the same in every locale. The
 * "A" after the letter shows the letters it treats as marks (attached to the space before them, so
 * the break comes after them): undecided.
 */
function letterKind(ch: string): number {
  if (!LETTER.test(ch)) return UNDECIDED;
  const breaks = [...segmenterFor('en').segment(`a. ${ch}A`)].map((segment) => segment.index).join();
  return breaks === '0' ? LOWER_CASE_LETTER : breaks === '0,3' ? OTHER_LETTER : UNDECIDED;
}

/** Start offset of each sentence of `text`, ascending, starting with 0. */
export function sentenceStarts(text: string, locale = 'en'): number[] {
  const starts = [0];
  const push = (offset: number): void => {
    if (offset > starts[starts.length - 1] && offset < text.length) starts.push(offset);
  };
  let at = 0;
  for (;;) {
    at = nextBreakCandidate(text, at);
    if (at === text.length) break;
    const code = text.charCodeAt(at);
    if (isParagraphSeparator(code)) {
      at = code === 0x0d && text.charCodeAt(at + 1) === 0x0a ? at + 2 : at + 1;
      push(at);
      continue;
    }
    // A terminator that ends a paragraph or the text: the sentence ends after the separator (above).
    const following = text.charCodeAt(at + 1);
    if ((code === 0x2e || code === 0x21 || code === 0x3f) && (at + 1 === text.length || isParagraphSeparator(following))) {
      at++;
      continue;
    }
    // The common case: one terminator (of any script; an astral one, found at its high surrogate, is
    // left to the window), spaces, maybe an opening quote or bracket, a letter. The window would decide
    // it the same way, but asking the segmenter at every sentence end made a Cyrillic draft 15 to 70
    // times as slow as a Latin one, when only ASCII letters were decided here.
    if (!isHighSurrogate(code) && text.charCodeAt(at + 1) === 0x20) {
      let next = at + 2;
      while (text.charCodeAt(next) === 0x20) next++;
      const opening = OPENING_MARKS.includes(text.charCodeAt(next)) ? 1 : 0;
      const letter = letterKindAt(text, next + opening);
      if (letter !== UNDECIDED) {
        // After "." a lower-case word continues the sentence ("approx. ten"); after "!" or "?" it doesn't.
        if (letter === OTHER_LETTER || !FULL_STOPS.includes(code)) push(next);
        at = next;
        continue;
      }
    }
    at = decideInWindow(text, at, locale, push);
  }
  return starts;
}

/**
 * Segments a small window around the terminator at `at`: from the character before it, over the
 * run of terminators, closing marks and spaces, to the first letter or terminator after it (the
 * furthest the rules look ahead). Returns where scanning resumes.
 */
function decideInWindow(text: string, at: number, locale: string, push: (offset: number) => void): number {
  let runEnd = at + 1;
  while (runEnd < text.length && !isParagraphSeparator(text.charCodeAt(runEnd)) && isRunChar(text, runEnd)) runEnd++;
  let windowEnd = runEnd;
  while (windowEnd < text.length && !isParagraphSeparator(text.charCodeAt(windowEnd))) {
    const ch = charAt(text, windowEnd);
    windowEnd += ch.length;
    // A letter that attaches to what comes before it (the half-width sound marks) decides nothing.
    if ((LETTER.test(ch) && !ATTACHED.test(ch)) || TERMINATOR.test(ch)) break;
  }
  const windowStart = characterBefore(text, at);
  for (const segment of segmenterFor(locale).segment(text.slice(windowStart, windowEnd))) {
    if (segment.index > 0) push(windowStart + segment.index);
  }
  return runEnd;
}

/**
 * Marks and format characters (a combining accent, a soft hyphen): the rules see through them to the
 * character they follow, as they do through the letters written as marks after another (ﾞ, ﾟ).
 */
const ATTACHED = /[\p{Grapheme_Extend}\p{Cf}]/u;

/**
 * Where the character before `at` starts that the rules look at ("E" in "E\u0301.", "U.S." after an
 * accented capital): back over marks and format characters, and whole surrogate pairs.
 */
function characterBefore(text: string, at: number): number {
  let start = at;
  while (start > 0) {
    start -= isSurrogatePairAt(text, start - 2) ? 2 : 1;
    if (!ATTACHED.test(charAt(text, start))) break;
  }
  return start;
}

function isRunChar(text: string, index: number): boolean {
  const ch = charAt(text, index);
  return TERMINATOR.test(ch) || CLOSE_OR_SPACE.test(ch);
}

/**
 * The whole code point at `index` (both halves of a surrogate pair). A lone high half comes with the
 * unit after it, which changes no sentence start (the window around it decides); checking for the low
 * half as well (isSurrogatePairAt) made emoji-dense text about 5% slower to split.
 */
function charAt(text: string, index: number): string {
  return isHighSurrogate(text.charCodeAt(index)) && index + 1 < text.length ? text.slice(index, index + 2) : text[index];
}
