// Quotations in the draft that no claim covers.
import { overlaps, type Analysis } from '../analysis';
import { makeFinding } from '../findingFactory';
import type { Finding, OffsetRange } from '../model';
import { entitiesNear } from './attribution';

const MIN_QUOTED_WORDS = 3;

/**
 * Double-quoted passages, marks included. Curly quotes pair “ with ”; a straight " opens or closes;
 * a line break closes nothing and resets, so one stray mark can't swallow the rest of the draft.
 */
export function findQuotations(text: string): OffsetRange[] {
  const quotations: OffsetRange[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
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
  const claimRanges = analysis.claims.flatMap((anchored) => (anchored.range ? [anchored.range] : []));
  const findings: Finding[] = [];
  for (const quotation of findQuotations(draft.text)) {
    const quoted = draft.text.slice(quotation.start, quotation.end);
    if (wordCount(quoted) < MIN_QUOTED_WORDS) continue;
    if (claimRanges.some((range) => overlaps(range, quotation))) continue;
    findings.push(
      makeFinding('unannotated-quote', 'A quotation with no claim: annotate who said it', draft.path, quotation, {
        text: quoted,
        candidateEntityIds: entitiesNear(analysis, quotation),
      }),
    );
  }
  return findings;
}
