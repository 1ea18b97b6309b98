// Loaded attribution verbs ("claimed", "admitted") in the sentence of an attributed claim.
import type { Analysis } from '../analysis';
import { makeFinding } from '../findingFactory';
import type { Finding } from '../model';
import { phraseMatcher, type PhraseMatch } from './phraseMatcher';

export function loadedVerbFindings(analysis: Analysis, verbs: readonly string[]): Finding[] {
  const draft = analysis.draft;
  if (!draft) return [];
  const verbMatches = phraseMatcher(verbs)(draft.prepared);
  const findings: Finding[] = [];
  const reported = new Set<number>();
  for (const { claim, range } of analysis.claims) {
    if (!range || claim.sources.length === 0) continue;
    const sentences = draft.sentences.window(range, 0);
    const first = lowerBoundByStart(verbMatches, sentences.start);
    for (let i = first; i < verbMatches.length && verbMatches[i].range.end <= sentences.end; i++) {
      const verbRange = verbMatches[i].range;
      if (reported.has(verbRange.start)) continue;
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
