// Loaded attribution verbs ("claimed", "admitted") that attribute an attributed claim: next to it
// in its sentence, as "Ruiz claimed that the bridge was safe" or "\"It's safe,\" Ruiz claimed".
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
      // The words of a claim ("the council admitted the error") and of a quotation are what was
      // said, not the verb that attributes it: rewriting them would change what someone said.
      if (withinClaim(verbRange)) continue;
      // "Marsh, who admitted four counts of fraud, told the court…": a verb in another sense.
      if (!attributes(draft.text, verbRange, range) || inQuotation(draft.text, verbRange.start)) continue;
      reported.add(verbRange.start);
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

/** At most this many words between a verb and the claim it attributes: "claimed on Monday in a statement that". */
const MAX_WORDS_BETWEEN = 6;

/** Neutral verbs of attribution: one between a loaded verb and the claim is the one that attributes it. */
const NEUTRAL_ATTRIBUTION = /\b(?:said|says|say|told|tells|tell|added|adds|wrote|writes|stated|states|according|announced|explained|noted)\b/i;

/**
 * Whether the verb at `verb` attributes the claim at `claim`: before it ("claimed that…") or after it
 * ("…,\" Ruiz claimed"), a few words away, with no neutral verb of attribution between them.
 */
function attributes(text: string, verb: OffsetRange, claim: OffsetRange): boolean {
  const between = verb.end <= claim.start ? text.slice(verb.end, claim.start) : claim.end <= verb.start ? text.slice(claim.end, verb.start) : undefined;
  if (between === undefined) return false;
  const words = between.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
  return words <= MAX_WORDS_BETWEEN && !NEUTRAL_ATTRIBUTION.test(between);
}

/**
 * Whether `offset` is inside a quotation: one opened since the start of its paragraph (straight
 * quotes paired, curly ones nested), so that the second sentence of a quotation counts too.
 */
function inQuotation(text: string, offset: number): boolean {
  const from = text.lastIndexOf('\n', offset - 1) + 1;
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
