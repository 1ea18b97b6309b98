// Anchoring of span selectors in a draft: normalised exact match, then prefix/suffix, then occurrence.
import type { OffsetRange } from './model';
import { normalizeFragment, normalizeWithMap, toOriginalRange, type NormalizedText } from './normalize';

export interface SelectorFields {
  readonly text: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly occurrence?: number;
}

export type AnchorResult =
  | {
      readonly kind: 'found';
      /** The span in the draft (original offsets). */
      readonly range: OffsetRange;
      /** How many places the selector fits; more than one means it is ambiguous and the first was used. */
      readonly candidates: number;
      /** All the places that fit when ambiguous (original offsets). */
      readonly ambiguousRanges?: readonly OffsetRange[];
    }
  | {
      readonly kind: 'not-found';
      /** Why, in words for the editor. */
      readonly reason: string;
      /** How many times the bare text occurs, ignoring the context. */
      readonly textMatches: number;
    };

/** A draft prepared for anchoring: normalised once, queried for many selectors. */
export class DraftText {
  readonly normalized: NormalizedText;

  constructor(readonly text: string) {
    this.normalized = normalizeWithMap(text);
  }

  /** All places where the normalised `needle` occurs, as offsets into the normalised text. */
  findAllNormalized(needle: string): number[] {
    const haystack = this.normalized.text;
    const found: number[] = [];
    if (needle.length === 0) return found;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
    return found;
  }

  toOriginal(start: number, end: number): OffsetRange {
    return toOriginalRange(this.normalized, start, end);
  }

  anchor(selector: SelectorFields): AnchorResult {
    const needle = normalizeFragment(selector.text).trim();
    if (needle.length === 0) return { kind: 'not-found', reason: 'the span has no text', textMatches: 0 };
    const matches = this.findAllNormalized(needle);
    if (matches.length === 0) {
      return { kind: 'not-found', reason: 'the text is not in the draft', textMatches: 0 };
    }
    const haystack = this.normalized.text;
    const prefix = selector.prefix === undefined ? '' : normalizeFragment(selector.prefix).trimEnd();
    const suffix = selector.suffix === undefined ? '' : normalizeFragment(selector.suffix).trimStart();
    const fitting = matches.filter(
      (start) => precededBy(haystack, start, prefix) && followedBy(haystack, start + needle.length, suffix),
    );
    if (fitting.length === 0) {
      const context = [selector.prefix !== undefined ? 'prefix' : '', selector.suffix !== undefined ? 'suffix' : '']
        .filter(Boolean)
        .join(' and ');
      return {
        kind: 'not-found',
        reason: `the text occurs ${times(matches.length)}, but never with this ${context}`,
        textMatches: matches.length,
      };
    }
    const toRange = (start: number): OffsetRange => this.toOriginal(start, start + needle.length);
    if (selector.occurrence !== undefined) {
      if (selector.occurrence > fitting.length) {
        return {
          kind: 'not-found',
          reason: `occurrence ${selector.occurrence} was asked for, but the text occurs ${times(fitting.length)}`,
          textMatches: matches.length,
        };
      }
      return { kind: 'found', range: toRange(fitting[selector.occurrence - 1]), candidates: 1 };
    }
    if (fitting.length > 1) {
      return { kind: 'found', range: toRange(fitting[0]), candidates: fitting.length, ambiguousRanges: fitting.map(toRange) };
    }
    return { kind: 'found', range: toRange(fitting[0]), candidates: 1 };
  }
}

function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}

/** Whether `prefix` ends right before `start`, allowing one space between them. */
function precededBy(haystack: string, start: number, prefix: string): boolean {
  if (prefix.length === 0) return true;
  let end = start;
  if (end > 0 && haystack.charCodeAt(end - 1) === 0x20 && prefix.charCodeAt(prefix.length - 1) !== 0x20) end--;
  return end >= prefix.length && haystack.startsWith(prefix, end - prefix.length);
}

/** Whether `suffix` starts right after `end`, allowing one space between them. */
function followedBy(haystack: string, end: number, suffix: string): boolean {
  if (suffix.length === 0) return true;
  let start = end;
  if (haystack.charCodeAt(start) === 0x20 && suffix.charCodeAt(0) !== 0x20) start++;
  return haystack.startsWith(suffix, start);
}
