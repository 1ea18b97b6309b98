// Quotations in the draft that no claim covers.
import type { Analysis } from '../analysis';
import { makeFinding } from '../findingFactory';
import type { Finding, OffsetRange } from '../model';
import { wrapsParagraph, type RangeIndex } from '../textIndex';
import { entitiesNear } from './attribution';

const MIN_QUOTED_WORDS = 3;

const QUOTE_MARK_OR_LINE_BREAK = /[\n\r\u201c\u201d"\u2018\u2019\u00ab\u00bb\u201e]/g;

/** What closes a quotation each opening mark opens. */
const CLOSERS: Readonly<Record<string, string>> = {
  // “ ” in English; a straight mark closes either, as in copy typed in more than one place.
  '\u201c': '\u201d"',
  '"': '"\u201d',
  '\u2018': '\u2019', // ‘ ’ (British)
  '\u00ab': '\u00bb', // « » (French, Russian, Ukrainian...)
  '\u00bb': '\u00ab', // » « (German, Danish); a » with no quotation open opens one
  '\u201e': '\u201c\u201d', // „ “ (German, and „ ” in Polish or Hungarian)
};

/** Whether `char` is a quotation mark findQuotations opens or closes a quotation with. */
export function isQuotationMark(char: string | undefined): boolean {
  return char !== undefined && (char in CLOSERS || Object.values(CLOSERS).some((closers) => closers.includes(char)));
}

/**
 * Quoted passages, marks included: in double quotes (“ with ”, or a straight " either way), in single
 * curly quotes (‘ with ’, as British copy writes them), in guillemets (« with », or » with « as
 * German copy writes them) or low quotes (‘„’ with “ or ”). While one is open, other marks are part of the quotation (a quotation within it); the
 * same opening mark again starts it afresh. A quotation goes on over the line breaks of a hard-wrapped
 * paragraph; a blank line, a heading or a list item ends it unclosed (so one stray mark can't swallow
 * the rest of the draft), but one that goes on in the next paragraph, which the newspaper convention
 * opens again without closing the first, is a quotation to the end of its paragraph. A straight " after a digit opens nothing (6'10", a 5" screen), and a ’ between letters
 * is an apostrophe (don’t), as a ‘ after a letter is no opening mark.
 */
export function findQuotations(text: string): OffsetRange[] {
  const quotations: OffsetRange[] = [];
  let open = -1;
  let opener = '';
  // A regex jumps to the next mark or line break much faster than a test of every character.
  QUOTE_MARK_OR_LINE_BREAK.lastIndex = 0;
  while (QUOTE_MARK_OR_LINE_BREAK.test(text)) {
    const i = QUOTE_MARK_OR_LINE_BREAK.lastIndex - 1;
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      if (open === -1 || (ch === '\r' && text[i + 1] === '\n')) continue;
      if (reopensInNextParagraph(text, i, opener)) quotations.push({ start: open, end: endOfContent(text, open, i) });
      // In a hard-wrapped paragraph the quotation goes on in the next line; elsewhere it ends here.
      else if (wrapsParagraph(text, i)) continue;
      open = -1;
    } else if (open !== -1 && CLOSERS[opener].includes(ch) && closes(text, i, ch)) {
      quotations.push({ start: open, end: i + 1 });
      open = -1;
    } else if (ch in CLOSERS && (open === -1 || ch === opener) && opens(text, i, ch)) {
      open = i;
      opener = ch;
    }
  }
  return quotations;
}

/**
 * Whether the mark at `at` closes the open quotation: no inch mark after feet (6'10"), no apostrophe
 * (don’t), and no plural possessive (the teachers’ union) when another ’ closes later on the line.
 */
function closes(text: string, at: number, mark: string): boolean {
  if (mark === '"') return !/\d['’′]\d{1,2}$/.test(text.slice(Math.max(0, at - 5), at));
  if (mark !== '\u2019') return true;
  if (isWordCharacter(text.charCodeAt(at + 1), false)) return false;
  if (text[at - 1] !== 's' && text[at - 1] !== 'S') return true;
  const lineEnd = text.indexOf('\n', at);
  const later = text.indexOf('\u2019', at + 1);
  return later === -1 || (lineEnd !== -1 && later > lineEnd);
}

/** Whether the mark at `at` can open a quotation: no inch mark (6'10", a 5" screen), no ‘ glued to a word. */
function opens(text: string, at: number, mark: string): boolean {
  if (mark === '"') return !isWordCharacter(text.charCodeAt(at - 1), true);
  if (mark === '\u2018') return !isWordCharacter(text.charCodeAt(at - 1), false);
  return true;
}

/** A letter or digit (NaN, past either end, is none); `digitsOnly`: a digit only. */
function isWordCharacter(code: number, digitsOnly: boolean): boolean {
  if (Number.isNaN(code)) return false;
  if (code >= 0x30 && code <= 0x39) return true;
  return !digitsOnly && /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

/** Whether the next paragraph after the line break at `at` opens again with the quotation's mark. */
function reopensInNextParagraph(text: string, at: number, opener: string): boolean {
  let next = at;
  while (next < text.length && /\s/.test(text[next])) next++;
  const ch = text[next];
  return ch === opener || (opener === '"' && ch === '\u201c') || (opener === '\u201c' && ch === '"');
}

/** The end of the text from `start` to `end` without the white space before `end`. */
function endOfContent(text: string, start: number, end: number): number {
  let last = end;
  while (last > start && /\s/.test(text[last - 1])) last--;
  return last;
}

/** Words, a contraction or possessive (don't, Lee's) one word. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

/** The quotations of the draft (findQuotations) that no claim (`claims`, their ranges) overlaps. */
export function unannotatedQuoteFindings(analysis: Analysis, quotations: readonly OffsetRange[], claims: RangeIndex): Finding[] {
  const draft = analysis.draft;
  if (!draft) return [];
  const findings: Finding[] = [];
  for (const quotation of quotations) {
    // Most quotations are claims: that is the cheaper question, asked first.
    if (claims.overlaps(quotation)) continue;
    const quoted = draft.text.slice(quotation.start, quotation.end);
    if (wordCount(quoted) < MIN_QUOTED_WORDS) continue;
    findings.push(
      makeFinding('unannotated-quote', 'A quotation with no claim: annotate who said it', draft.path, quotation, {
        text: quoted,
        candidateEntityIds: entitiesNear(analysis, quotation),
      }),
    );
  }
  return findings;
}
