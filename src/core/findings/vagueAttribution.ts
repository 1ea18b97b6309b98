// Weasel attribution in the text itself: "reports suggest", "reportedly", "sources say"...
import type { DraftText } from '../anchor';
import { makeFinding } from '../findingFactory';
import type { Finding } from '../model';
import { phraseMatcher } from './phraseMatcher';

/**
 * "Is said to" hedges when a verb follows ("is said to be close to a deal"), not when someone was
 * spoken to: "could not recall what was said to him", "was said to reporters".
 */
const SPOKEN_TO = /^\s+(?:him|her|them|me|us|you|it|the|a|an|his|their|our|my|your|its|reporters|journalists)\b/i;

function hedges(text: string, phrase: string, end: number): boolean {
  return !/\bsaid to$/i.test(phrase) || !SPOKEN_TO.test(text.slice(end, end + 20));
}

export function vagueAttributionFindings(draft: DraftText, file: string, phrases: readonly string[]): Finding[] {
  return phraseMatcher(phrases)(draft).filter(({ phrase, range }) => hedges(draft.text, phrase, range.end)).map(({ phrase, range }) =>
    makeFinding('vague-attribution', `Vague attribution "${phrase}": say who reports, suggests or believes it`, file, range, {
      value: draft.text.slice(range.start, range.end),
      text: draft.text.slice(range.start, range.end),
    }),
  );
}
