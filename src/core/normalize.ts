// Text normalisation for matching: differences an author can't see or won't type are folded away.
// Spec: straight vs curly quotes and apostrophes, hyphen vs en/em dash, runs of white space and line
// breaks (CRLF too), a leading BOM. We also fold "…" into "...", which authors type either way.

import { classOfUnits } from './regex';

/**
 * White space: each run of it becomes one plain space. The characters JavaScript's \s matches, but for
 * the BOM (only a leading one is dropped, see below).
 */
const WHITE_SPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

/** The characters folded into what authors type, each with what it becomes. */
const FOLDS: ReadonlyArray<readonly [folded: string, characters: string]> = [
  ["'", '\u2018\u2019\u201a\u201b\u2032\u02bc'],
  ['"', '\u201c\u201d\u201e\u201f\u2033'],
  ['-', '\u2010\u2011\u2012\u2013\u2014\u2015\u2212'],
  ['...', '\u2026'],
];

// Everything below is derived from the two lists above: a table per UTF-16 unit for the scans, and
// regex character classes for finding the next character to change.

/** Per UTF-16 unit: 1 white space, 0 not. */
const spaceUnits = new Uint8Array(0x10000);
for (const ch of WHITE_SPACE) spaceUnits[ch.charCodeAt(0)] = 1;
/** What each folded character becomes. */
const foldedUnits = new Map<number, string>();
for (const [folded, characters] of FOLDS) for (const ch of characters) foldedUnits.set(ch.charCodeAt(0), folded);

function isSpace(code: number): boolean {
  return spaceUnits[code] === 1;
}

/** The characters normalisation changes wherever they are: white space but the plain space, and the folded ones. */
const CHANGED_CLASS = classOfUnits([...WHITE_SPACE.replace(' ', ''), ...FOLDS.flatMap(([, characters]) => [...characters])].map((ch) => ch.charCodeAt(0)));

/**
 * A normalised copy of a text, with the way back to the original's offsets. The way back is kept in
 * pieces: from each piece's first unit on, the original offset is the normalised one plus the piece's
 * shift. Only white-space runs and the ellipsis change the shift, so a draft has few pieces, and
 * writing one offset per character (4 bytes each) was most of the time normalising it took.
 */
export class NormalizedText {
  /** The piece of the last offset looked up: lookups mostly go through the text in order. */
  private lastPiece = 0;

  constructor(
    readonly original: string,
    readonly text: string,
    /** The normalised offset where each piece starts, ascending, the first 0. */
    private readonly pieceStarts: Int32Array,
    private readonly pieceShifts: Int32Array,
  ) {}

  /** The offset in `original` of the character that normalised unit `index` comes from; at the end, the original's length. */
  originalOffset(index: number): number {
    const starts = this.pieceStarts;
    let piece = this.lastPiece;
    if (starts[piece] > index || (piece + 1 < starts.length && starts[piece + 1] <= index)) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >>> 1;
        if (starts[mid] <= index) low = mid;
        else high = mid - 1;
      }
      piece = this.lastPiece = low;
    }
    return index + this.pieceShifts[piece];
  }
}

/**
 * The characters normalisation changes: two plain spaces, white space other than the plain space,
 * the quotes, dashes and ellipsis it folds. A plain space before other white space is not matched:
 * the run is found at the other character, and starts one earlier. (A lookahead after every plain
 * space made the scan of a draft 13 % slower; the double space comes first for the same reason.)
 * The BOM is dealt with apart: only a leading one is dropped.
 */
const TO_NORMALIZE = new RegExp(`  |[${CHANGED_CLASS}]`, 'g');

export function normalizeWithMap(original: string): NormalizedText {
  const length = original.length;
  const chunks: string[] = [];
  const pieceStarts = [0];
  const pieceShifts: number[] = [];
  /** From normalised offset `start` on, the original offset is `shift` more. */
  const shiftFrom = (start: number, shift: number): void => {
    const last = pieceShifts.length - 1;
    if (pieceShifts[last] === shift) return;
    if (pieceStarts[last] === start) pieceShifts[last] = shift;
    else {
      pieceStarts.push(start);
      pieceShifts.push(shift);
    }
  };
  let i = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  pieceShifts.push(i);
  // The normalised length so far: unchanged stretches keep the shift, and are copied as slices.
  let out = 0;
  let sliceStart = i;
  TO_NORMALIZE.lastIndex = i;
  while (TO_NORMALIZE.test(original)) {
    let at = TO_NORMALIZE.lastIndex - 1;
    const code = original.charCodeAt(at);
    // Two plain spaces, or white space after one left in the unchanged stretch: the run starts a unit before.
    if (code === 0x20 || (at > i && original.charCodeAt(at - 1) === 0x20 && isSpace(code))) at--;
    out += at - i;
    if (isSpace(code)) {
      chunks.push(original.slice(sliceStart, at), ' ');
      out++;
      i = at + 1;
      while (i < length && isSpace(original.charCodeAt(i))) i++;
    } else {
      const folded = foldedUnits.get(code) as string;
      chunks.push(original.slice(sliceStart, at), folded);
      // Every unit of a fold comes from the one character.
      for (let k = 1; k < folded.length; k++) shiftFrom(out + k, at - out - k);
      out += folded.length;
      i = at + 1;
    }
    shiftFrom(out, i - out);
    sliceStart = i;
    TO_NORMALIZE.lastIndex = i;
  }
  chunks.push(original.slice(sliceStart, length));
  return new NormalizedText(original, chunks.join(''), Int32Array.from(pieceStarts), Int32Array.from(pieceShifts));
}

/** Any character normalisation changes: white space other than one plain space, quotes, dashes, an ellipsis, a BOM. */
const CHANGED_BY_NORMALISATION = new RegExp(`[${CHANGED_CLASS}\\ufeff]| {2}`);

/** Normalises a fragment written in the YAML (a selector's text, prefix or suffix, a surface form). */
export function normalizeFragment(fragment: string): string {
  // Most fragments are already normal: no need to build the offset map.
  if (!CHANGED_BY_NORMALISATION.test(fragment)) return fragment;
  return normalizeWithMap(fragment).text;
}

/** Maps a range of the normalised text back to the original text. */
export function toOriginalRange(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const originalStart = normalized.originalOffset(start);
  if (end <= start) return { start: originalStart, end: originalStart };
  const lastUnit = normalized.originalOffset(end - 1);
  const lastCode = normalized.original.charCodeAt(lastUnit);
  // A match that ends on a collapsed white-space run ends where the run ends.
  let originalEnd = lastUnit + 1;
  if (isSpace(lastCode)) {
    while (originalEnd < normalized.original.length && isSpace(normalized.original.charCodeAt(originalEnd))) originalEnd++;
  }
  return { start: originalStart, end: originalEnd };
}

/** The first offset of the normalised text that comes from original offset `offset` or later. */
export function toNormalizedOffset(normalized: NormalizedText, offset: number): number {
  let low = 0;
  let high = normalized.text.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (normalized.originalOffset(mid) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

