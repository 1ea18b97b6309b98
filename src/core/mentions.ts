// Automatic mentions: whole-word, case-sensitive occurrences of every entity's name and aliases.
// One left-to-right pass over the draft; at each word start the longest surface form wins, and
// matches never overlap each other or an explicit mention.
import type { OffsetRange } from './model';
import type { DraftText } from './anchor';
import { isWordCharAt, normalizeFragment, toNormalizedOffset } from './normalize';

export interface Mention {
  readonly entityId: string;
  readonly range: OffsetRange;
  /** True for an explicit `mentions:` span, false for a name or alias found automatically. */
  readonly explicit: boolean;
}

export interface SurfaceForm {
  readonly entityId: string;
  readonly form: string;
}

interface PreparedForm {
  readonly entityId: string;
  readonly normalized: string;
}

/** The leading word of a normalised form: the key the scan looks forms up by. */
function leadingWord(form: string): string {
  let end = 0;
  while (end < form.length && isWordCharAt(form, end)) end++;
  return form.slice(0, end);
}

export function findAutomaticMentions(
  draft: DraftText,
  forms: readonly SurfaceForm[],
  occupied: readonly OffsetRange[] = [],
): Mention[] {
  // By leading word, then by length, longest first: many forms can share a leading word ("Dr", "the",
  // an initial), and trying each of them at every occurrence of that word would be quadratic.
  const byLeadingWord = new Map<string, Array<{ length: number; forms: Map<string, PreparedForm> }>>();
  const seen = new Set<string>();
  for (const { entityId, form } of forms) {
    const normalized = normalizeFragment(form).trim();
    const key = leadingWord(normalized);
    // A form that doesn't start with a letter or digit can't be matched as a whole word.
    if (key.length === 0 || seen.has(normalized)) continue;
    seen.add(normalized);
    const byLength = byLeadingWord.get(key) ?? [];
    let group = byLength.find((candidate) => candidate.length === normalized.length);
    if (!group) {
      group = { length: normalized.length, forms: new Map() };
      byLength.push(group);
    }
    group.forms.set(normalized, { entityId, normalized });
    byLeadingWord.set(key, byLength);
  }
  for (const byLength of byLeadingWord.values()) byLength.sort((a, b) => b.length - a.length);
  // The first UTF-16 unit of every leading word: most words of a draft start no form and are skipped
  // without slicing them out for the map.
  const firstUnits = new Set<number>();
  for (const key of byLeadingWord.keys()) firstUnits.add(key.charCodeAt(0));

  const text = draft.normalized.text;
  const blocked = occupiedInNormalized(draft, occupied);
  let blockIndex = 0;
  const mentions: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordCharAt(text, i) || isWordCharAt(text, i - 1)) {
      i++;
      continue;
    }
    let wordEnd = i + 1;
    while (wordEnd < text.length && isWordCharAt(text, wordEnd)) wordEnd++;
    const byLength = firstUnits.has(text.charCodeAt(i)) ? byLeadingWord.get(text.slice(i, wordEnd)) : undefined;
    let matchedEnd = -1;
    if (byLength) {
      for (const { length, forms: sameLength } of byLength) {
        const end = i + length;
        // At most one form of a given length can be the text here.
        const candidate = end <= text.length ? sameLength.get(text.slice(i, end)) : undefined;
        if (!candidate) continue;
        if (isWordCharAt(candidate.normalized, candidate.normalized.length - 1) && isWordCharAt(text, end)) continue;
        while (blockIndex < blocked.length && blocked[blockIndex].end <= i) blockIndex++;
        if (blockIndex < blocked.length && blocked[blockIndex].start < end) continue;
        mentions.push({ entityId: candidate.entityId, range: draft.toOriginal(i, end), explicit: false });
        matchedEnd = end;
        break;
      }
    }
    i = matchedEnd > 0 ? matchedEnd : wordEnd;
  }
  return mentions;
}

/** Maps ranges of the original draft into the normalised text, sorted, for the overlap check. */
function occupiedInNormalized(draft: DraftText, ranges: readonly OffsetRange[]): OffsetRange[] {
  if (ranges.length === 0) return [];
  const toNormalized = (offset: number): number => toNormalizedOffset(draft.normalized, offset);
  return ranges
    .map((range) => ({ start: toNormalized(range.start), end: toNormalized(range.end) }))
    .sort((a, b) => a.start - b.start);
}
