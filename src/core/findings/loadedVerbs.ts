// Loaded attribution verbs ("claimed", "admitted") that attribute an attributed claim: next to it
// in its sentence, as "Ruiz claimed that the bridge was safe" or "\"It's safe,\" Ruiz claimed".
import type { Analysis } from '../analysis';
import { makeFinding } from '../findingFactory';
import type { Finding, OffsetRange } from '../model';
import { NEUTRAL_ATTRIBUTION } from '../speechVerbs';
import { RangeIndex } from '../textIndex';
import { wordCount } from './quotes';
import { phraseMatcher, type PhraseMatch } from './phraseMatcher';

/**
 * The loaded verbs that attribute a sourced claim. `quotations` are the draft's (findQuotations, as
 * unannotated-quote finds them: in any marks, over wrapped lines), `claims` the claims' ranges.
 */
export function loadedVerbFindings(analysis: Analysis, verbs: readonly string[], quotations: readonly OffsetRange[], claims: RangeIndex): Finding[] {
  const draft = analysis.draft;
  if (!draft) return [];
  const verbMatches = phraseMatcher(verbs)(draft.prepared);
  const findings: Finding[] = [];
  if (verbMatches.length === 0) return findings;
  const quoted = new RangeIndex(quotations);
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
      if (claims.contains(verbRange)) continue;
      // "Marsh, who admitted four counts of fraud, told the court…": a verb in another sense.
      if (!attributes(draft.text, verbRange, range) || quoted.contains(verbRange)) continue;
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

/** At most this many words between a verb and the claim it attributes: "claimed on Monday in a statement that". */
const MAX_WORDS_BETWEEN = 6;

/**
 * The verb in another sense than attributing: passive ("was admitted to hospital"), with a
 * preposition ("insisted on reading", "admitted to the charge", not "admitted to reporters that"),
 * with a number as its object ("claimed 12 lives"), or a noun or an adjective: after an article, a
 * possessive or a preposition ("the claims that", "Ruiz's claims", "over an alleged bribe") or
 * before "of" ("claims of fraud").
 */
const ANOTHER_SENSE_AFTER =
  /^\s+(?:(?:on|upon)\b(?!\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|\d))|\d|of\b|to\b(?![^.]{0,30}\bthat\b))/;
const ANOTHER_SENSE_BEFORE =
  /(?:\b(?:was|were|been|being|is|are|be|the|a|an|his|her|its|their|our|my|your|these|those|such|of|over|for|about|against|from|with|without|into|in|on|by)|['’]s)\s+$/i;

/**
 * Whether the verb at `verb` attributes the claim at `claim`: before it ("claimed that…") or after it
 * ("…,\" Ruiz claimed"), a few words away, with no neutral verb of attribution between them.
 */
function attributes(text: string, verb: OffsetRange, claim: OffsetRange): boolean {
  if (ANOTHER_SENSE_AFTER.test(text.slice(verb.end, verb.end + 40)) || ANOTHER_SENSE_BEFORE.test(text.slice(Math.max(0, verb.start - 12), verb.start))) return false;
  const between = verb.end <= claim.start ? text.slice(verb.end, claim.start) : claim.end <= verb.start ? text.slice(claim.end, verb.start) : undefined;
  if (between === undefined) return false;
  return wordCount(between) <= MAX_WORDS_BETWEEN && !NEUTRAL_ATTRIBUTION.test(between);
}

