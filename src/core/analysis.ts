// The result of analysing one draft with its annotations: the data every feature reads.
import type { AnchorResult, DraftText } from './anchor';
import type { Claim, ClaimType, Entity, Finding, OffsetRange, SpanSelector } from './model';
import type { Mention } from './mentions';
import type { ParsedAnnotationFile } from './parse';
import type { Sentences } from './textIndex';

export interface AnchoredClaim {
  readonly claim: Claim;
  /** Where the claim is in the draft; undefined when it could not be anchored (see its finding). */
  readonly range?: OffsetRange;
  readonly anchor?: AnchorResult;
}

/**
 * An annotation whose words are gone from the draft (`span-not-found`): kept here, not read from the
 * findings, so that it is listed and can be re-anchored whatever severity that finding is set to.
 */
export interface Orphan {
  readonly selector: SpanSelector;
  /** The claim it is the span of; undefined for an entity's mention. */
  readonly claim?: Claim;
  /** The entity whose mention it is; undefined for a claim. */
  readonly entityId?: string;
}

export interface Analysis {
  readonly draft?: {
    readonly path: string;
    readonly text: string;
    readonly prepared: DraftText;
    readonly sentences: Sentences;
    /** Its quoted passages, marks included (findQuotations): the checks and the fixes ask. */
    readonly quotations: readonly OffsetRange[];
  };
  readonly annotations: ParsedAnnotationFile;
  readonly registry?: ParsedAnnotationFile;
  /** Every entity the article can use: the registry's, overridden by the article's own. */
  readonly entities: ReadonlyMap<string, Entity>;
  readonly claimTypes: ReadonlyMap<string, ClaimType>;
  /** In file order. */
  readonly claims: readonly AnchoredClaim[];
  /** Explicit and automatic mentions, in reading order. */
  readonly mentions: readonly Mention[];
  /** Claims and mentions of the article's own file whose words are gone from the draft: claims, then mentions. */
  readonly orphans: readonly Orphan[];
  /** All findings, for every file involved, with severities as configured ('off' ones removed). */
  readonly findings: readonly Finding[];
}

/** The parse of `file` in an analysis: its annotation file or its registry. */
export function parsedFileOf(analysis: Analysis, file: string): ParsedAnnotationFile | undefined {
  if (analysis.annotations.file === file) return analysis.annotations;
  if (analysis.registry?.file === file) return analysis.registry;
  return undefined;
}

/**
 * The claim written at `index` in the YAML's `claims:` list (a finding's claimIndex). Not the array
 * index: an item that is not a mapping makes no claim, and every claim after it moves up one.
 */
export function claimAt(analysis: Analysis, index: number): AnchoredClaim | undefined {
  const same = analysis.claims[index];
  return same?.claim.index === index ? same : analysis.claims.find((anchored) => anchored.claim.index === index);
}

/** Claims that anchored, in reading order. */
export function claimsInReadingOrder(analysis: Analysis): Array<AnchoredClaim & { range: OffsetRange }> {
  return analysis.claims
    .filter((anchored): anchored is AnchoredClaim & { range: OffsetRange } => anchored.range !== undefined)
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

export function mentionsOf(analysis: Analysis, entityId: string): Mention[] {
  return analysis.mentions.filter((mention) => mention.entityId === entityId);
}

export function claimsBySource(analysis: Analysis, entityId: string): AnchoredClaim[] {
  return analysis.claims.filter((anchored) => anchored.claim.sources.some((source) => source.id === entityId));
}

/** The longest mention of each mentions list: how far back a mention overlapping a window can start. */
const longestMention = new WeakMap<readonly Mention[], number>();

/**
 * The mentions that overlap `window`, in reading order. A binary search on the sorted mentions, so
 * that checking every claim's window stays linear in the draft rather than claims × mentions.
 */
export function mentionsOverlapping(analysis: Analysis, window: OffsetRange): Mention[] {
  const mentions = analysis.mentions;
  const result: Mention[] = [];
  for (let i = firstMentionReaching(analysis, window); i < mentions.length && mentions[i].range.start < window.end; i++) {
    if (overlaps(mentions[i].range, window)) result.push(mentions[i]);
  }
  return result;
}

/** Whether a mention of one of `entities` overlaps `window` (without collecting the mentions: this is asked for every claim). */
export function mentionedIn(analysis: Analysis, window: OffsetRange, entities: readonly { readonly id: string }[]): boolean {
  const mentions = analysis.mentions;
  for (let i = firstMentionReaching(analysis, window); i < mentions.length && mentions[i].range.start < window.end; i++) {
    if (overlaps(mentions[i].range, window) && entities.some((entity) => entity.id === mentions[i].entityId)) return true;
  }
  return false;
}

/** The index of the first mention that could overlap `window`: none before it can. */
function firstMentionReaching(analysis: Analysis, window: OffsetRange): number {
  const mentions = analysis.mentions;
  let longest = longestMention.get(mentions);
  if (longest === undefined) {
    longest = mentions.reduce((max, mention) => Math.max(max, mention.range.end - mention.range.start), 0);
    longestMention.set(mentions, longest);
  }
  let low = 0;
  let high = mentions.length;
  const from = window.start - longest;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (mentions[mid].range.start < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.start < b.end && b.start < a.end;
}
