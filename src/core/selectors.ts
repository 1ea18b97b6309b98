// Writing selectors: the shortest one that finds exactly a given span again. The text alone when it is
// unique; otherwise context is added on both sides, a character at a time, until no other occurrence
// shares it, then widened to whole words so it reads naturally in the YAML (Apache Annotator's
// describeTextQuote works this way).
import type { DraftText } from './anchor';
import type { OffsetRange } from './model';
import { isWordCharAt, toNormalizedOffset } from './normalize';

export interface WrittenSelector {
  readonly text: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

export function describeSpan(draft: DraftText, range: OffsetRange): WrittenSelector {
  const original = draft.text;
  const text = original.slice(range.start, range.end);
  const normalized = draft.normalized.text;
  const start = toNormalizedOffset(draft.normalized, range.start);
  const end = toNormalizedOffset(draft.normalized, range.end);
  const needle = normalized.slice(start, end).trim();
  const others = draft.findAllNormalized(needle).filter((at) => at !== start);
  if (others.length === 0) return { text };
  // Grow the context until every other occurrence differs in its prefix or its suffix.
  let prefixLength = 0;
  let suffixLength = 0;
  const distinct = (): boolean =>
    others.every((other) => {
      const otherEnd = other + needle.length;
      const prefixDiffers = prefixLength > 0 && normalized.slice(other - prefixLength, other) !== normalized.slice(start - prefixLength, start);
      const suffixDiffers = suffixLength > 0 && normalized.slice(otherEnd, otherEnd + suffixLength) !== normalized.slice(end, end + suffixLength);
      return prefixDiffers || suffixDiffers || other - prefixLength < 0;
    });
  while (!distinct() && (start - prefixLength > 0 || end + suffixLength < normalized.length)) {
    if (start - prefixLength > 0) prefixLength++;
    if (end + suffixLength < normalized.length) suffixLength++;
  }
  // Widen to word boundaries, in the original text, so the YAML keeps the author's characters.
  let prefixStart = draft.normalized.originalOffset(Math.max(0, start - prefixLength));
  while (prefixLength > 0 && prefixStart > 0 && isWordCharAt(original, prefixStart) && isWordCharAt(original, prefixStart - 1)) prefixStart--;
  let suffixEnd = suffixLength > 0 ? draft.normalized.originalOffset(Math.min(normalized.length, end + suffixLength) - 1) + 1 : range.end;
  while (suffixLength > 0 && suffixEnd < original.length && isWordCharAt(original, suffixEnd - 1) && isWordCharAt(original, suffixEnd)) suffixEnd++;
  return {
    text,
    ...(prefixLength > 0 ? { prefix: original.slice(prefixStart, range.start) } : {}),
    ...(suffixLength > 0 ? { suffix: original.slice(range.end, suffixEnd) } : {}),
  };
}
