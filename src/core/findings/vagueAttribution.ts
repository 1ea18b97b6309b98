// Weasel attribution in the text itself: "reports suggest", "reportedly", "sources say"...
import type { DraftText } from '../anchor';
import { makeFinding } from '../findingFactory';
import type { Finding } from '../model';
import { phraseMatcher } from './phraseMatcher';

/**
 * "Is said to" hedges when a verb follows ("is said to be close to a deal"), not when someone was
 * spoken to: "could not recall what was said to him", "was said to reporters".
 */
const SPOKEN_TO = /^\s+(?:him|her|them|me|us|you|it|the|a|an|his|their|our|my|your|its|reporters|journalists|police|officers|detectives|investigators|staff|residents)\b/i;
/** A name, a title ("Mr. Okafor"): an infinitive is not capitalised. */
const SPOKEN_TO_BY_NAME = /^\s+[A-Z]/;

function hedges(text: string, phrase: string, end: number): boolean {
  if (!/\bsaid to$/i.test(phrase)) return true;
  const after = text.slice(end, end + 20);
  return !SPOKEN_TO.test(after) && !SPOKEN_TO_BY_NAME.test(after);
}

export function vagueAttributionFindings(draft: DraftText, file: string, phrases: readonly string[]): Finding[] {
  return phraseMatcher(phrases)(draft).filter(({ phrase, range }) => hedges(draft.text, phrase, range.end)).map(({ phrase, range }) =>
    makeFinding('vague-attribution', `Vague attribution "${phrase}": say who reports, suggests or believes it`, file, range, {
      value: draft.text.slice(range.start, range.end),
      text: draft.text.slice(range.start, range.end),
    }),
  );
}
