// Line and sentence positions of a text, for converting offsets and for the attribution window.
import type { OffsetRange } from './model';
import { sentenceStarts } from './sentences';

/** Where the line holding `offset` ends: at its line break, before a CR of a CRLF. */
export function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  const at = end === -1 ? text.length : end;
  return at > 0 && text.charCodeAt(at - 1) === 13 ? at - 1 : at;
}

/** Zero-based line and UTF-16 column, as VS Code counts them. */
export interface LineColumn {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) {
        this.lineStarts.push(i + 1);
      } else if (code === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = upperBound(this.lineStarts, clamped) - 1;
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: LineColumn): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[Math.max(0, position.line)];
    return Math.min(lineStart + position.character, this.text.length);
  }

  lineRange(line: number): OffsetRange {
    const start = this.lineStarts[line];
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 0x0a || this.text.charCodeAt(end - 1) === 0x0d)) end--;
    return { start, end };
  }
}

/** Index of the first element greater than `value` in an ascending array. */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Ranges sorted by start, with the furthest end reached so far: whether a range overlaps, or lies
 * within, any of them, in O(log n) per question (a scan of every claim per question is quadratic on
 * long drafts).
 */
export class RangeIndex {
  private readonly starts: number[];
  private readonly furthestEnd: Int32Array;

  constructor(ranges: readonly OffsetRange[]) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((range) => range.start);
    this.furthestEnd = new Int32Array(sorted.length);
    for (let i = 0, end = -1; i < sorted.length; i++) this.furthestEnd[i] = end = Math.max(end, sorted[i].end);
  }

  /** Whether `range` shares a character with one of the ranges. */
  overlaps(range: OffsetRange): boolean {
    const before = upperBound(this.starts, range.end - 1);
    return before > 0 && this.furthestEnd[before - 1] > range.start;
  }

  /** Whether `range` lies within one of the ranges. */
  contains(range: OffsetRange): boolean {
    const before = upperBound(this.starts, range.start);
    return before > 0 && this.furthestEnd[before - 1] >= range.end;
  }
}

/** Titles written before a name, and abbreviations a sentence goes on after: their full stop ends none. */
const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Sr', 'Jr', 'St', 'Gen', 'Col', 'Lt', 'Maj', 'Capt', 'Sgt', 'Cpl', 'Adm', 'Gov', 'Sen', 'Rep', 'Rev',
  'Hon', 'Pres', 'Supt', 'Insp', 'Det', 'Fr', 'Mme', 'Mlle', 'No', 'Nos', 'Corp', 'Inc', 'Ltd', 'Co', 'Bros', 'vs', 'a.m', 'p.m', 'e.g', 'i.e',
]);

const SENTENCE = 0;
/** A segment of white space only: a blank line between paragraphs. */
const BLANK = 1;
/**
 * A segment that ends with a title, an abbreviation or initials ("Mr.", "a.m.", "U.S."), or a line of a
 * hard-wrapped paragraph: the sentence goes on in the next.
 */
const GOES_ON = 2;

function segmentKind(text: string, start: number, end: number): number {
  let stop = end;
  let lineBreak = -1;
  while (stop > start && isWhiteSpace(text.charCodeAt(stop - 1))) {
    if (lineBreak === -1 && (text.charCodeAt(stop - 1) === 0x0a || text.charCodeAt(stop - 1) === 0x0d)) lineBreak = stop - 1;
    stop--;
  }
  if (stop === start) return BLANK;
  if (lineBreak !== -1) return wrapsParagraph(text, lineBreak) ? GOES_ON : SENTENCE;
  return endsWithAbbreviation(text, start, stop) ? GOES_ON : SENTENCE;
}

/** Whether the text from `start` to `stop` (no white space at its end) ends with a title, an abbreviation or initials. */
export function endsWithAbbreviation(text: string, start: number, stop: number): boolean {
  if (text.charCodeAt(stop - 1) !== 0x2e) return false;
  let word = stop - 1;
  while (word > start && isAsciiLetterOrDot(text.charCodeAt(word - 1))) word--;
  const token = text.slice(word, stop - 1);
  return TITLES.has(token) || /^(?:[A-Z]\.)*[A-Z]$/.test(token);
}

/** Closing quotation marks and brackets, which may follow a sentence's punctuation. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);

function endsWithSentencePunctuation(text: string, start: number, stop: number): boolean {
  let last = stop;
  while (last > start && CLOSERS.has(text[last - 1])) last--;
  return last > start && '.!?…'.includes(text[last - 1]);
}


/** A list item's bullet or number, and the space after it. */
const LIST_MARKER = '(?:[-*+•]|\\d+[.)])[ \\t]';

/** A list item's line. */
const LIST_ITEM = new RegExp(`^[ \\t]*${LIST_MARKER}`);

/** What starts a line of its own in Markdown or plain copy: a heading, a list item, a quote block, a table row. */
const BLOCK_START = new RegExp(`^[ \\t]*(?:#|${LIST_MARKER}|>|\\|)`);

/**
 * Whether the paragraph goes on after the line break at `at`: the next line is not blank, nor a
 * heading, list item, quote block or table row (a quote block's next line goes on in it), and the
 * line that ends is no heading.
 */
function nextLineGoesOn(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, lineStart + 8);
  if (/^[ \t]*#/.test(line)) return false;
  let next = text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
  while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
  if (next >= text.length || text[next] === '\n' || text[next] === '\r') return false;
  const nextLine = text.slice(next, next + 8);
  if (/^>/.test(nextLine)) return /^[ \t]*>/.test(line);
  return !BLOCK_START.test(nextLine);
}

/**
 * Whether the line break at `at` wraps a paragraph: the line ends with no sentence punctuation, or
 * with a title or initials ("Gov."), and the paragraph goes on in the next line. (A quotation goes on
 * over such a break.)
 */
export function wrapsParagraph(text: string, at: number): boolean {
  if (!nextLineGoesOn(text, at)) return false;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let stop = at;
  while (stop > lineStart && isWhiteSpace(text.charCodeAt(stop - 1))) stop--;
  if (stop === lineStart) return false;
  return endsWithAbbreviation(text, lineStart, stop) || !endsWithSentencePunctuation(text, lineStart, stop);
}

/** The offset of the line break that ends the paragraph (hard-wrapped lines and all) at `at`, or the end of the text. */
export function paragraphEnd(text: string, at: number): number {
  const lineBreak = /\r\n?|\n/g;
  lineBreak.lastIndex = at;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    const last = match.index + match[0].length - 1;
    if (!wrapsParagraph(text, last)) return match.index;
  }
  return text.length;
}

/** The offset the paragraph (hard-wrapped lines and all) at `at` starts at. */
export function paragraphStart(text: string, at: number): number {
  let start = at;
  for (;;) {
    const lineBreak = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1));
    if (lineBreak === -1 || !wrapsParagraph(text, lineBreak)) return lineBreak + 1;
    start = text[lineBreak] === '\n' && text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
  }
}

/**
 * Whether a paragraph of `text` ends between `from` and `to`: at a blank line, or at a line break that
 * wraps no paragraph (a draft written a paragraph to a line). A hard-wrapped line that ends a sentence
 * counts as an end too: nothing in the text tells it from a paragraph's last line.
 */
export function paragraphEndsBetween(text: string, from: number, to: number): boolean {
  return paragraphEnd(text, from) < to;
}

function isAsciiLetterOrDot(code: number): boolean {
  return code === 0x2e || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isWhiteSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x0c || code === 0x0b;
}

/** Sentence boundaries of a draft (Unicode sentence segmentation), and the windows of sentences around a span. */
export class Sentences {
  /** Start offset of each sentence, ascending; sentences cover the whole text. */
  readonly starts: number[];

  constructor(readonly text: string, locale = 'en') {
    this.starts = sentenceStarts(text, locale);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Index of the sentence that contains `offset`. */
  indexAt(offset: number): number {
    return Math.max(0, upperBound(this.starts, offset) - 1);
  }

  range(index: number): OffsetRange {
    const start = this.starts[index];
    const end = index + 1 < this.starts.length ? this.starts[index + 1] : this.text.length;
    return { start, end };
  }

  /**
   * The sentences a span touches, widened by `around` sentences on each side, as an editor counts
   * them: a blank line between paragraphs is no sentence, and the full stop of a title or of initials
   * ("Mr. Schumer met the U.S. Trade Representative") ends none, though Unicode's rules break there.
   */
  window(span: OffsetRange, around: number): OffsetRange {
    let first = this.sentenceStartingBefore(this.indexAt(span.start));
    let last = this.sentenceEndingAfter(this.indexAt(Math.max(span.start, span.end - 1)));
    for (let step = 0; step < around; step++) {
      let before = first - 1;
      while (before >= 0 && this.isBlank(before)) before--;
      if (before < 0) break;
      first = this.sentenceStartingBefore(before);
    }
    for (let step = 0; step < around; step++) {
      let after = last + 1;
      while (after < this.count && this.isBlank(after)) after++;
      if (after >= this.count) break;
      last = this.sentenceEndingAfter(after);
    }
    // An item of a list takes in the line that introduces the list ("Its report lists three risks:").
    if (around > 0) first = Math.min(first, this.listIntroduction(this.indexAt(span.start)) ?? first);
    return { start: this.range(first).start, end: this.range(last).end };
  }

  /**
   * For a segment on a list item's line, the segment before the list's first item when it ends with a
   * colon: the line that introduces the list.
   */
  private listIntroduction(index: number): number | undefined {
    if (!this.onListItemLine(index)) return undefined;
    let before = index - 1;
    while (before >= 0 && (this.isBlank(before) || this.onListItemLine(before))) before--;
    if (before < 0) return undefined;
    const { start, end } = this.range(before);
    return /:\s*$/.test(this.text.slice(Math.max(start, end - 8), end)) ? this.sentenceStartingBefore(before) : undefined;
  }

  /** Whether the segment at `index` is on a line that starts a list item ("- ", "* ", "1. "). */
  private onListItemLine(index: number): boolean {
    const start = this.starts[index];
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    return LIST_ITEM.test(this.text.slice(lineStart, lineStart + 8));
  }

  /** The first segment of the sentence the segment at `index` belongs to. */
  private sentenceStartingBefore(index: number): number {
    const kinds = this.segmentKinds();
    let first = index;
    while (first > 0 && kinds[first - 1] === GOES_ON) first--;
    return first;
  }

  /** The last segment of the sentence the segment at `index` belongs to. */
  private sentenceEndingAfter(index: number): number {
    const kinds = this.segmentKinds();
    let last = index;
    while (last < this.count - 1 && kinds[last] === GOES_ON) last++;
    return last;
  }

  private isBlank(index: number): boolean {
    return this.segmentKinds()[index] === BLANK;
  }

  /** What each segment is (a sentence, a blank line, one that goes on): worked out once, when first asked. */
  private kinds: Uint8Array | undefined;

  private segmentKinds(): Uint8Array {
    if (this.kinds) return this.kinds;
    const kinds = new Uint8Array(this.count);
    for (let index = 0; index < this.count; index++) {
      const start = this.starts[index];
      const end = index + 1 < this.count ? this.starts[index + 1] : this.text.length;
      kinds[index] = segmentKind(this.text, start, end);
    }
    return (this.kinds = kinds);
  }
}
