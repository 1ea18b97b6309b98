// Automatic mentions: whole-word, case-sensitive occurrences of every entity's name and aliases.
// One left-to-right pass over the draft; at each word start the longest surface form wins, and
// matches never overlap each other or an explicit mention.
import type { OffsetRange } from './model';
import type { DraftText } from './anchor';
import { isWordCharAt, normalizeFragment, toNormalizedOffset } from './normalize';
import { TextKeyedMap } from './textKeyedMap';

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
  // By leading word, the lengths of its forms, longest first: many forms can share a leading word ("Dr",
  // "the", an initial), and trying each of them at every occurrence of that word would be quadratic.
  // At most one form of a given length can be the text at a place: it is looked up by its text.
  const lengthsByLeadingWord = new Map<string, number[]>();
  const formsByText = new Map<string, PreparedForm>();
  for (const { entityId, form } of forms) {
    const normalized = normalizeFragment(form).trim();
    const key = leadingWord(normalized);
    // A form that doesn't start with a letter or digit can't be matched as a whole word.
    if (key.length === 0 || formsByText.has(normalized)) continue;
    formsByText.set(normalized, { entityId, normalized });
    const lengths = lengthsByLeadingWord.get(key) ?? [];
    if (!lengths.includes(normalized.length)) lengths.push(normalized.length);
    lengthsByLeadingWord.set(key, lengths);
  }
  for (const lengths of lengthsByLeadingWord.values()) lengths.sort((a, b) => b - a);
  if (lengthsByLeadingWord.size === 0) return [];
  // Most words of a draft start no form: the scan jumps from one place where a leading word's first
  // UTF-16 unit stands to the next (a regex finds those much faster than a loop over the characters).
  const firstUnits = new Set<number>();
  for (const key of lengthsByLeadingWord.keys()) firstUnits.add(key.charCodeAt(0));
  const nextFirstUnit = new RegExp(`[${[...firstUnits].map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`).join('')}]`, 'g');
  const leadingWords = new TextKeyedMap(lengthsByLeadingWord);
  const formsAt = new TextKeyedMap(formsByText);

  const text = draft.normalized.text;
  const blocked = occupiedInNormalized(draft, occupied);
  let blockIndex = 0;
  const mentions: Mention[] = [];
  let i = 0;
  for (;;) {
    nextFirstUnit.lastIndex = i;
    if (!nextFirstUnit.test(text)) break;
    const wordStart = nextFirstUnit.lastIndex - 1;
    if (!isWordCharAt(text, wordStart) || isWordCharAt(text, wordStart - 1)) {
      i = wordStart + 1;
      continue;
    }
    let wordEnd = wordStart + 1;
    while (wordEnd < text.length && isWordCharAt(text, wordEnd)) wordEnd++;
    const lengths = leadingWords.get(text, wordStart, wordEnd);
    let matchedEnd = -1;
    if (lengths) {
      for (const length of lengths) {
        const end = wordStart + length;
        const candidate = end <= text.length ? formsAt.get(text, wordStart, end) : undefined;
        if (!candidate) continue;
        if (isWordCharAt(candidate.normalized, candidate.normalized.length - 1) && isWordCharAt(text, end)) continue;
        while (blockIndex < blocked.length && blocked[blockIndex].end <= wordStart) blockIndex++;
        if (blockIndex < blocked.length && blocked[blockIndex].start < end) continue;
        mentions.push({ entityId: candidate.entityId, range: draft.toOriginal(wordStart, end), explicit: false });
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
