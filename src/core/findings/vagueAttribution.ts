// Weasel attribution in the text itself: "reports suggest", "reportedly", "sources say"...
import type { DraftText } from '../anchor';
import { makeFinding } from '../findingFactory';
import type { Finding } from '../model';
import { phraseMatcher } from './phraseMatcher';

export function vagueAttributionFindings(draft: DraftText, file: string, phrases: readonly string[]): Finding[] {
  return phraseMatcher(phrases)(draft).map(({ phrase, range }) =>
    makeFinding('vague-attribution', `Vague attribution "${phrase}": say who reports, suggests or believes it`, file, range, {
      value: draft.text.slice(range.start, range.end),
      text: draft.text.slice(range.start, range.end),
    }),
  );
}
