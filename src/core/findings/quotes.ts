// Quotations in the draft that no claim covers.
import type { Analysis } from '../analysis';
import { makeFinding } from '../findingFactory';
import type { Finding, OffsetRange } from '../model';
import { paragraphEnd, paragraphStart, wrapsParagraph, type RangeIndex } from '../textIndex';
import { entitiesNear } from './attribution';

const MIN_QUOTED_WORDS = 3;

const QUOTE_MARK_OR_LINE_BREAK = /[\n\r\u201c\u201d"\u2018\u2019\u00ab\u00bb\u201e']/g;

/** What closes a quotation each opening mark opens. */
const CLOSERS: Readonly<Record<string, string>> = {
  // “ ” in English; a straight mark closes either, as in copy typed in more than one place.
  '\u201c': '\u201d"',
  '"': '"\u201d',
  '\u2018': '\u2019', // ‘ ’ (British)
  '\u00ab': '\u00bb', // « » (French, Russian, Ukrainian...)
  '\u00bb': '\u00ab', // » « (German, Danish); a » with no quotation open opens one
  '\u201e': '\u201c\u201d', // „ “ (German, and „ ” in Polish or Hungarian)
  "'": "'", // ' ' (British copy typed without smart quotes), only where straightSingleMarks pairs them
};

/** Whether `char` is one of the marks findQuotations opens or closes a quotation with, ' aside (see isQuotationMarkAt). */
function isQuotationMark(char: string | undefined): boolean {
  return char !== undefined && char !== "'" && (char in CLOSERS || Object.values(CLOSERS).some((closers) => closers.includes(char)));
}

/** The paragraph isQuotationMarkAt paired last: a fix asks about both ends of a quotation, and pairing a long paragraph is slow. */
let lastParagraph: { readonly text: string; readonly start: number; readonly marks: ReadonlyMap<number, SingleRole> } | undefined;

/**
 * Whether the character at `at` is a quotation mark findQuotations opens or closes a quotation with:
 * a straight ' only where it pairs as one in its paragraph, never as an apostrophe (don't, the '90s).
 */
export function isQuotationMarkAt(text: string, at: number): boolean {
  if (text[at] !== "'") return isQuotationMark(text[at]);
  const start = paragraphStart(text, at);
  if (lastParagraph?.text !== text || lastParagraph.start !== start) lastParagraph = { text, start, marks: straightSingleMarks(text, start, at + 1) };
  return lastParagraph.marks.has(at);
}

/**
 * Quoted passages, marks included: in double quotes (“ with ”, or a straight " either way), in single
 * curly quotes (‘ with ’, as British copy writes them), in guillemets (« with », or » with « as
 * German copy writes them) or low quotes (‘„’ with “ or ”). While one is open, other marks are part of the quotation (a quotation within it); the
 * same opening mark again starts it afresh. A quotation goes on over the line breaks of a hard-wrapped
 * paragraph; a blank line, a heading or a list item ends it unclosed (so one stray mark can't swallow
 * the rest of the draft), but one that goes on in the next paragraph, which the newspaper convention
 * opens again without closing the first, is a quotation to the end of its paragraph. A straight " after a digit opens nothing (6'10", a 5" screen), and a ’ between letters
 * is an apostrophe (don’t), as a ‘ after a letter is no opening mark. Straight single marks ('…', as
 * British copy typed without smart quotes has them) are quotation marks only where straightSingleMarks
 * pairs them within their paragraph.
 */
export function findQuotations(text: string): OffsetRange[] {
  const quotations: OffsetRange[] = [];
  const singles = straightSingleMarks(text, 0, text.length);
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
    } else if (open !== -1 && CLOSERS[opener].includes(ch) && (ch === "'" ? singles.get(i) === 'close' : closes(text, i, ch))) {
      quotations.push({ start: open, end: i + 1 });
      open = -1;
    } else if (ch in CLOSERS && (open === -1 || ch === opener) && (ch === "'" ? singles.get(i) === 'open' : opens(text, i, ch))) {
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

type SingleRole = 'open' | 'close';

/**
 * What a straight ' can be, from the characters around it: an opening mark (at the start of a line,
 * after white space, an opening bracket, dash or double mark, before a word, a number or an ellipsis),
 * a closing one (after a non-space, before white space, punctuation or the end), a possessive that
 * could be a closing one (the editors' desk), or nothing (don't, O'Brien, 6'2).
 */
type SingleCandidate = SingleRole | 'possessive' | undefined;

/** What may come right before an opening ': white space aside. */
const BEFORE_OPENING_SINGLE = new Set(['(', '[', '{', '\u2014', '\u2013', '"', '\u201c', '\u00ab', '\u201e']);

/** What may come right after a closing ': white space aside. */
const AFTER_CLOSING_SINGLE = new Set([...'.,;:!?)]}\u2026\u2014\u2013"\u201d\u00bb']);

/**
 * A word written with a ' for letters left out at its start, or an elided year: the ' opens no
 * quotation ('tis, 'em, 'cause, rock 'n' roll, the '90s, the class of '95). Two digits, a space and
 * a word, or a mark, open one ('24 hours is all we need): so does the class of '95 met, which then has
 * no closing mark and pairs none (see pairedSingles), rather than leave a stray ' after it to open.
 */
const ELIDED_START = /^(?:tis|twas|twere|twill|em|cause|cos|til|n'|\d\d(?:s|(?![ \u00a0][\p{L}\p{N}\u2026'"\u201c])))(?![\p{L}\p{N}])/iu;

function singleCandidate(text: string, at: number): SingleCandidate {
  const before = text[at - 1];
  const after = text[at + 1];
  const afterSpace = before === undefined || /\s/.test(before);
  if (afterSpace || BEFORE_OPENING_SINGLE.has(before)) {
    const next = text.slice(at + 1, at + 8);
    if (/^(?:[\p{L}\p{N}\u2026"\u201c]|\.\.\.)/u.test(next)) return ELIDED_START.test(next) ? undefined : 'open';
    // After a dash or a double mark, it may close: 'I was going to—' he began; 'He said "no"' she said.
    if (afterSpace) return undefined;
  }
  if (after !== undefined && !/\s/.test(after) && !AFTER_CLOSING_SINGLE.has(after)) return undefined;
  // The second ' of rock 'n' roll.
  if (/(?:^|[^\p{L}\p{N}])'n$/iu.test(text.slice(Math.max(0, at - 3), at))) return undefined;
  // A prime after a number of one or two digits: 6' tall, a 10' wall; 'the worst since 2008' closes.
  if (/(?:^|\D)\d{1,2}$/.test(text.slice(Math.max(0, at - 3), at)) && (after === undefined || /\s/.test(after))) return undefined;
  if ((before === 's' || before === 'S') && /^\s+['"\u201c\p{L}\p{N}]/u.test(text.slice(at + 1, at + 4))) return 'possessive';
  return 'close';
}

/** The straight single marks that open or close a quotation, by offset, in the paragraphs that start from `from` and have a ' before `to`. */
function straightSingleMarks(text: string, from: number, to: number): Map<number, SingleRole> {
  const roles = new Map<number, SingleRole>();
  let at = text.indexOf("'", from);
  while (at !== -1 && at < to) {
    const end = paragraphEnd(text, at);
    const candidates: SingleMark[] = [];
    for (; at !== -1 && at < end; at = text.indexOf("'", at + 1)) {
      const candidate = singleCandidate(text, at);
      if (candidate) candidates.push({ at, candidate });
    }
    for (const [open, close] of pairedSingles(candidates, reopensInNextParagraph(text, end, "'"))) {
      roles.set(open, 'open');
      roles.set(close, 'close');
    }
  }
  return roles;
}

interface SingleMark {
  readonly at: number;
  readonly candidate: SingleCandidate;
}

/**
 * The pairs of a paragraph's straight single marks: each opening mark with what closes it before the
 * next opening mark, the one closing mark, possessives being apostrophes (the editors' desk); or, with
 * none, the one possessive, a quotation that ends in a plural before a word ('the delays' over), but
 * not the paragraph's last where the next opens with a mark (`reopened`): a quotation that goes on
 * there has no closing mark. An opening mark with several closing marks ('We're goin' home,' he
 * said) or none pairs with nothing, and the rest of the paragraph pairs still; a closing mark with
 * nothing open is an apostrophe. One with none may be open still past the next opening mark (an
 * elision we don't know: 'It's 'bout time,'), so the closing mark after that could close either: it
 * pairs with nothing too, as a quotation missed is better than a wrong span to dismiss.
 */
function pairedSingles(candidates: readonly SingleMark[], reopened: boolean): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const opens = candidates.flatMap((mark, index) => (mark.candidate === 'open' ? [index] : []));
  // Whether an opening mark before this one found no closing mark, and may be open still.
  let unclosed = false;
  opens.forEach((index, nth) => {
    const last = nth === opens.length - 1;
    const following = candidates.slice(index + 1, last ? candidates.length : opens[nth + 1]);
    const closes = following.filter((mark) => mark.candidate === 'close');
    const possessives = following.filter((mark) => mark.candidate === 'possessive');
    if (closes.length > 0) {
      if (closes.length === 1 && !unclosed) pairs.push([candidates[index].at, closes[0].at]);
      unclosed = false;
    } else if (possessives.length === 1 && !unclosed && !(last && reopened)) {
      pairs.push([candidates[index].at, possessives[0].at]);
    } else {
      unclosed = true;
    }
  });
  return pairs;
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
