// Quotations in the draft that no claim covers.
import type { Analysis } from '../analysis';
import { makeFinding } from '../findingFactory';
import type { Finding, OffsetRange } from '../model';
import { upperBound } from '../textIndex';
import { entitiesNear } from './attribution';

const MIN_QUOTED_WORDS = 3;

const QUOTE_MARK_OR_LINE_BREAK = /[\n\r\u201c\u201d"]/g;

/**
 * Double-quoted passages, marks included. Curly quotes pair “ with ”; a straight " opens or closes;
 * a line break closes nothing and resets, so one stray mark can't swallow the rest of the draft.
 */
export function findQuotations(text: string): OffsetRange[] {
  const quotations: OffsetRange[] = [];
  let open = -1;
  // A regex jumps to the next mark or line break much faster than a test of every character.
  QUOTE_MARK_OR_LINE_BREAK.lastIndex = 0;
  while (QUOTE_MARK_OR_LINE_BREAK.test(text)) {
    const i = QUOTE_MARK_OR_LINE_BREAK.lastIndex - 1;
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || ch === 0x0d) {
      open = -1;
    } else if (ch === 0x201c) {
      open = i;
    } else if (ch === 0x201d || ch === 0x22) {
      if (open !== -1) {
        quotations.push({ start: open, end: i + 1 });
        open = -1;
      } else if (ch === 0x22) {
        open = i;
      }
    }
  }
  return quotations;
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

export function unannotatedQuoteFindings(analysis: Analysis): Finding[] {
  const draft = analysis.draft;
  if (!draft) return [];
  const claimRanges: OffsetRange[] = [];
  for (const anchored of analysis.claims) if (anchored.range) claimRanges.push(anchored.range);
  const coveredByClaim = overlapTest(claimRanges);
  const findings: Finding[] = [];
  for (const quotation of findQuotations(draft.text)) {
    // Most quotations are claims: that is the cheaper question, asked first.
    if (coveredByClaim(quotation)) continue;
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

/**
 * Whether a range overlaps any of `ranges`, in O(log n) per question: the ranges sorted by start, with
 * the furthest end reached so far. (A scan of every claim per quotation is quadratic on long drafts.)
 */
function overlapTest(ranges: readonly OffsetRange[]): (range: OffsetRange) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const starts = sorted.map((range) => range.start);
  const furthestEnd: number[] = [];
  let furthest = -1;
  for (const range of sorted) furthestEnd.push((furthest = Math.max(furthest, range.end)));
  return (range) => {
    const startingBefore = upperBound(starts, range.end - 1);
    return startingBefore > 0 && furthestEnd[startingBefore - 1] > range.start;
  };
}
