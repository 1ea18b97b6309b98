// Text normalisation for matching: differences an author can't see or won't type are folded away.
// Spec: straight vs curly quotes and apostrophes, hyphen vs en/em dash, runs of white space and line
// breaks (CRLF too), a leading BOM. We also fold "…" into "...", which authors type either way.

const SINGLE_QUOTES = '\u2018\u2019\u201A\u201B\u2032\u02BC';
const DOUBLE_QUOTES = '\u201C\u201D\u201E\u201F\u2033';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
const ELLIPSIS = '\u2026';

function isSpace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000
  );
}

function foldChar(ch: string): string {
  if (SINGLE_QUOTES.includes(ch)) return "'";
  if (DOUBLE_QUOTES.includes(ch)) return '"';
  if (DASHES.includes(ch)) return '-';
  if (ch === ELLIPSIS) return '...';
  return ch;
}

/** A normalised copy of a text, with the way back to the original's offsets. */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  /** For each UTF-16 unit of `text`, the offset in `original` of the character it came from. */
  readonly toOriginal: Uint32Array;
}

/**
 * The characters normalisation changes: white space other than a lone plain space (a plain space
 * followed by more white space starts a run), the quotes, dashes and ellipsis it folds. The BOM is
 * dealt with apart: only a leading one is dropped.
 */
const TO_NORMALIZE = / (?=[\t-\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000])|[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u2010-\u2015\u2212\u2018-\u201f\u2026\u2032\u2033\u02bc]/g;

export function normalizeWithMap(original: string): NormalizedText {
  const length = original.length;
  let ellipses = 0;
  for (let at = original.indexOf(ELLIPSIS); at !== -1; at = original.indexOf(ELLIPSIS, at + 1)) ellipses++;
  const toOriginal = new Uint32Array(length + 2 * ellipses + 1);
  const chunks: string[] = [];
  let out = 0;
  let i = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Unchanged stretches are copied as slices, and their offsets written in a tight loop: a regex
  // finds the next character to change much faster than a test of every character.
  let sliceStart = i;
  TO_NORMALIZE.lastIndex = i;
  while (TO_NORMALIZE.test(original)) {
    const at = TO_NORMALIZE.lastIndex - 1;
    while (i < at) toOriginal[out++] = i++;
    const code = original.charCodeAt(at);
    if (isSpace(code)) {
      chunks.push(original.slice(sliceStart, at), ' ');
      toOriginal[out++] = at;
      i = at + 1;
      while (i < length && isSpace(original.charCodeAt(i))) i++;
    } else {
      const folded = foldChar(original[at]);
      chunks.push(original.slice(sliceStart, at), folded);
      for (let k = 0; k < folded.length; k++) toOriginal[out++] = at;
      i = at + 1;
    }
    sliceStart = i;
    TO_NORMALIZE.lastIndex = i;
  }
  while (i < length) toOriginal[out++] = i++;
  chunks.push(original.slice(sliceStart, length));
  toOriginal[out] = length;
  return { original, text: chunks.join(''), toOriginal: toOriginal.subarray(0, out + 1) };
}

/** Any character normalisation changes: white space other than one plain space, quotes, dashes, an ellipsis, a BOM. */
const CHANGED_BY_NORMALISATION = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u2010-\u2015\u2212\u2018-\u201f\u2026\u2032\u2033\u02bc\ufeff]| {2}/;

/** Normalises a fragment written in the YAML (a selector's text, prefix or suffix, a surface form). */
export function normalizeFragment(fragment: string): string {
  // Most fragments are already normal: no need to build the offset map.
  if (!CHANGED_BY_NORMALISATION.test(fragment)) return fragment;
  return normalizeWithMap(fragment).text;
}

/** Maps a range of the normalised text back to the original text. */
export function toOriginalRange(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const originalStart = normalized.toOriginal[start];
  if (end <= start) return { start: originalStart, end: originalStart };
  const lastUnit = normalized.toOriginal[end - 1];
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
  const map = normalized.toOriginal;
  let low = 0;
  let high = map.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (map[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/**
 * Per UTF-16 unit outside the surrogates: 0 not looked at yet, 1 a letter, digit, mark or `_`, 2 not.
 * Word scans ask this of every character of the draft; the table answers what the Unicode regex would,
 * without running it each time.
 */
const wordUnits = new Uint8Array(0x10000);

/** True when the UTF-16 unit at `index` belongs to a letter, digit or mark. Surrogate pairs count as letters. */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdfff) {
    const pointStart = code >= 0xdc00 ? index - 1 : index;
    const point = text.codePointAt(pointStart);
    return point !== undefined && WORD_CHAR.test(String.fromCodePoint(point));
  }
  let known = wordUnits[code];
  if (known === 0) known = wordUnits[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}
