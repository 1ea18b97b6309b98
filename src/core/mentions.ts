// Automatic mentions: whole-word, case-sensitive occurrences of every entity's name and aliases.
// One left-to-right pass over the draft; at each word start the longest surface form wins, and
// matches never overlap each other or an explicit mention.
import type { OffsetRange } from './model';
import type { DraftText } from './anchor';
import { normalizeFragment, toNormalizedOffset } from './normalize';
import { isWordCharacterAt } from './wordBoundaries';
import { extendHash, TextKeyedMap } from './textKeyedMap';
import { classOfUnits } from './regex';

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
  while (end < form.length && isWordCharacterAt(form, end)) end++;
  return form.slice(0, end);
}

/** The surface forms sorted for the scan; built from the forms alone. */
interface FormIndex {
  readonly forms: readonly SurfaceForm[];
  /** By leading word, the lengths of its forms, longest first. */
  readonly leadingWords: TextKeyedMap<number[]>;
  readonly formsAt: TextKeyedMap<PreparedForm>;
  /** Finds the next character that can start a leading word. */
  readonly nextFirstUnit: RegExp;
  readonly longest: number;
}

/** The last form index built: re-analyses of a draft look for the same entities' names again. */
let lastFormIndex: FormIndex | undefined;

/** Drops the kept form index, so that the next analysis builds its own (the bench times analyses from scratch). */
export function forgetFormIndex(): void {
  lastFormIndex = undefined;
}

function formIndex(forms: readonly SurfaceForm[]): FormIndex | undefined {
  const last = lastFormIndex;
  if (last && last.forms.length === forms.length && last.forms.every((known, at) => known.entityId === forms[at].entityId && known.form === forms[at].form)) {
    return last;
  }
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
  if (lengthsByLeadingWord.size === 0) return undefined;
  // Most words of a draft start no form: the scan jumps from one place where a leading word's first
  // UTF-16 unit stands to the next (a regex finds those much faster than a loop over the characters).
  const firstUnits = new Set<number>();
  for (const key of lengthsByLeadingWord.keys()) firstUnits.add(key.charCodeAt(0));
  lastFormIndex = {
    // A copy: the caller may change its array afterwards.
    forms: forms.map(({ entityId, form }) => ({ entityId, form })),
    leadingWords: new TextKeyedMap(lengthsByLeadingWord),
    formsAt: new TextKeyedMap(formsByText),
    nextFirstUnit: new RegExp(`[${classOfUnits(firstUnits)}]`, 'g'),
    longest: Math.max(...[...lengthsByLeadingWord.values()].map((lengths) => lengths[0])),
  };
  return lastFormIndex;
}

/** The hashes of the stretches of text that start where a leading word does, by length. */
let prefixHashes = new Int32Array(64);

export function findAutomaticMentions(
  draft: DraftText,
  forms: readonly SurfaceForm[],
  occupied: readonly OffsetRange[] = [],
): Mention[] {
  const index = formIndex(forms);
  if (!index) return [];
  const { leadingWords, formsAt, nextFirstUnit } = index;
  if (prefixHashes.length <= index.longest) prefixHashes = new Int32Array(index.longest + 1);
  const hashes = prefixHashes;

  const text = draft.normalized.text;
  const blocked = occupiedInNormalized(draft, occupied);
  let blockIndex = 0;
  const mentions: Mention[] = [];
  let i = 0;
  for (;;) {
    nextFirstUnit.lastIndex = i;
    if (!nextFirstUnit.test(text)) break;
    const wordStart = nextFirstUnit.lastIndex - 1;
    if (!isWordCharacterAt(text, wordStart) || isWordCharacterAt(text, wordStart - 1)) {
      i = wordStart + 1;
      continue;
    }
    let wordEnd = wordStart + 1;
    while (wordEnd < text.length && isWordCharacterAt(text, wordEnd)) wordEnd++;
    const lengths = leadingWords.get(text, wordStart, wordEnd);
    let matchedEnd = -1;
    if (lengths) {
      // The hash of each stretch a form could be, all in one pass: forms of many lengths share a leading word.
      const reach = Math.min(lengths[0], text.length - wordStart);
      let hash = 0;
      for (let k = 0; k < reach; k++) hashes[k + 1] = hash = extendHash(hash, text.charCodeAt(wordStart + k));
      for (const length of lengths) {
        const end = wordStart + length;
        const candidate = end <= text.length ? formsAt.getHashed(hashes[length], text, wordStart, end) : undefined;
        if (!candidate) continue;
        if (isWordCharacterAt(candidate.normalized, candidate.normalized.length - 1) && isWordCharacterAt(text, end)) continue;
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
