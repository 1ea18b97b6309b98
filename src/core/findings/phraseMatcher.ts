// Case-insensitive whole-word search for a list of phrases, in the normalised draft.
import type { DraftText } from '../anchor';
import type { OffsetRange } from '../model';
import { normalizeFragment } from '../normalize';
import { escapeRegExp } from '../regex';
import { isSurrogatePairAt } from '../surrogates';

export interface PhraseMatch {
  readonly phrase: string;
  readonly range: OffsetRange;
}

/** Matchers by phrase list: the list comes from the settings and rarely changes, the regex is costly to build. */
const matchers = new Map<string, (draft: DraftText) => PhraseMatch[]>();

/** The matcher of a phrase list, built once; longer phrases win where several start at one place. */
export function phraseMatcher(phrases: readonly string[]): (draft: DraftText) => PhraseMatch[] {
  const key = phrases.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) {
    // A few lists at a time (the defaults, a workspace's own): forget them all rather than grow.
    if (matchers.size >= 16) matchers.clear();
    matcher = buildMatcher(phrases);
    matchers.set(key, matcher);
  }
  return matcher;
}

function buildMatcher(phrases: readonly string[]): (draft: DraftText) => PhraseMatch[] {
  const normalized = [...new Set(phrases.map((phrase) => normalizeFragment(phrase).trim().toLowerCase()).filter(Boolean))];
  normalized.sort((a, b) => b.length - a.length);
  if (normalized.length === 0) return () => [];
  // A hyphen between letters joins words: "it is thought" is no phrase of "it is thought-provoking".
  const alternatives = `(?:${normalized.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`;
  // A leading lookbehind keeps the regex engine from skipping ahead to the phrases' first letters,
  // which makes the search about four times slower. So the draft is scanned without it, and each
  // place found is confirmed with the whole pattern, anchored there: the same matches, in order.
  const unicodeCandidates = new RegExp(alternatives, 'giu');
  const wholeWord = new RegExp(`(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]-)${alternatives}`, 'iuy');
  // Plain case-insensitive matching is about twice as fast again, and finds the same places for ASCII
  // phrases, except that Unicode's case folding also matches "s" with "ſ" and "k" with the Kelvin sign.
  const asciiCandidates = normalized.every((phrase) => /^[\x00-\x7f]*$/.test(phrase))
    ? new RegExp(`(?:${normalized.map(escapeRegExp).join('|')})`, 'gi')
    : undefined;
  return (draft) => {
    const text = draft.normalized.text;
    const matches: PhraseMatch[] = [];
    const candidates = asciiCandidates && !text.includes('\u017f') && !text.includes('\u212a') ? asciiCandidates : unicodeCandidates;
    candidates.lastIndex = 0;
    let previous = -1;
    for (let candidate = candidates.exec(text); candidate !== null; candidate = candidates.exec(text)) {
      const at = candidate.index;
      // Each place comes after the last: a search that found one again would never end (a test then fails, not hangs).
      if (at <= previous) break;
      previous = at;
      wholeWord.lastIndex = at;
      const match = wholeWord.exec(text);
      if (match === null) {
        // On to the next place, a whole code point on, as the global search would go.
        candidates.lastIndex = at + (isSurrogatePairAt(text, at) ? 2 : 1);
        continue;
      }
      const end = at + match[0].length;
      matches.push({ phrase: match[0], range: draft.toOriginal(at, end) });
      candidates.lastIndex = end;
    }
    return matches;
  };
}
