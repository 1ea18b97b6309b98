// Loaded attribution verbs ("claimed", "admitted") in the sentence of an attributed claim.
import type { Analysis } from '../analysis';
import { makeFinding } from '../findingFactory';
import type { Finding, OffsetRange } from '../model';
import { phraseMatcher, type PhraseMatch } from './phraseMatcher';

export function loadedVerbFindings(analysis: Analysis, verbs: readonly string[]): Finding[] {
  const draft = analysis.draft;
  if (!draft) return [];
  const verbMatches = phraseMatcher(verbs)(draft.prepared);
  const findings: Finding[] = [];
  if (verbMatches.length === 0) return findings;
  const withinClaim = claimCoverage(analysis);
  const reported = new Set<number>();
  for (const { claim, range } of analysis.claims) {
    if (!range || claim.sources.length === 0) continue;
    const sentences = draft.sentences.window(range, 0);
    const first = lowerBoundByStart(verbMatches, sentences.start);
    for (let i = first; i < verbMatches.length && verbMatches[i].range.end <= sentences.end; i++) {
      const verbRange = verbMatches[i].range;
      if (reported.has(verbRange.start)) continue;
      reported.add(verbRange.start);
      // The words of a claim ("the council admitted the error") and of a quotation are what was
      // said, not the verb that attributes it: rewriting them would change what someone said.
      if (withinClaim(verbRange) || inQuotation(draft.text, sentences.start, verbRange.start)) continue;
      const verb = draft.text.slice(verbRange.start, verbRange.end);
      findings.push(
        makeFinding(
          'loaded-attribution-verb',
          `"${verb}" tells the reader what to think of the claim; "said" is neutral`,
          draft.path,
          verbRange,
          { claimId: claim.id, claimIndex: claim.index, value: verb, text: verb },
        ),
      );
    }
  }
  return findings;
}

function lowerBoundByStart(matches: readonly PhraseMatch[], offset: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (matches[mid].range.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether a range lies within an anchored claim: claims sorted by start, with the furthest end so far. */
function claimCoverage(analysis: Analysis): (range: OffsetRange) => boolean {
  const ranges = analysis.claims.flatMap(({ range }) => (range ? [range] : [])).sort((a, b) => a.start - b.start);
  const furthestEnd = new Int32Array(ranges.length);
  for (let i = 0, end = -1; i < ranges.length; i++) furthestEnd[i] = end = Math.max(end, ranges[i].end);
  return (range) => {
    let low = 0;
    let high = ranges.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ranges[mid].start <= range.start) low = mid + 1;
      else high = mid;
    }
    return low > 0 && furthestEnd[low - 1] >= range.end;
  };
}

/** Whether `offset` is inside a quotation opened since `from` (straight quotes paired, curly ones nested). */
function inQuotation(text: string, from: number, offset: number): boolean {
  let straight = 0;
  let curly = 0;
  for (let i = from; i < offset; i++) {
    const char = text[i];
    if (char === '"') straight++;
    else if (char === '“') curly++;
    else if (char === '”' && curly > 0) curly--;
  }
  return straight % 2 === 1 || curly > 0;
}
