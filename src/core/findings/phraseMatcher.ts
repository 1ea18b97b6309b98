// Case-insensitive whole-word search for a list of phrases, in the normalised draft.
import type { DraftText } from '../anchor';
import type { OffsetRange } from '../model';
import { normalizeFragment } from '../normalize';

export interface PhraseMatch {
  readonly phrase: string;
  readonly range: OffsetRange;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${normalized.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (draft) => {
    const text = draft.normalized.text;
    const matches: PhraseMatch[] = [];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      matches.push({ phrase: match[0], range: draft.toOriginal(match.index, match.index + match[0].length) });
    }
    return matches;
  };
}
