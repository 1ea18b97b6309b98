// The words editors read for the format's values, the same in cards, the outline and the tree.
import type { Claim, ClaimStatus, Entity, EntityType, OffsetRange } from './model';

export { BASIS_LABELS } from './claimTypes';

export const STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  unverified: 'Unverified',
  verified: '✓ Verified',
  disputed: 'Disputed',
  false: '✗ False',
  misleading: 'Misleading',
};

/**
 * Entity types as editors read them, spelt as the format writes them (`organization`, which the
 * pickers and completions offer). `other` has no word: it is what an entity of no listed type (or a
 * type the format doesn't know) gets, and "Entity" or "Other" would tell an editor nothing.
 */
export const ENTITY_TYPE_LABELS: Readonly<Record<EntityType, string | undefined>> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  event: 'Event',
  work: 'Work',
  group: 'Group',
  other: undefined,
};

/** What kind of entity it is, in a card's heading or a view's detail: "Person", "Anonymous source"; none for `other`. */
export function entityKindLabel(entity: Pick<Entity, 'anonymous' | 'type'>): string | undefined {
  return entity.anonymous ? 'Anonymous source' : ENTITY_TYPE_LABELS[entity.type];
}

/**
 * How a message or a view names a claim: by the id the file gives it, else by its place in the list
 * ("claim 3 of the list"), not by the default id `c3`, which the file never shows.
 */
export function claimName(claim: Claim, startsSentence = false): string {
  const name = claim.hasExplicitId ? `claim '${claim.id}'` : `claim ${claim.index + 1} of the list`;
  return startsSentence ? `C${name.slice(1)}` : name;
}

/** How much of the draft a message shows either side of a place. */
const CONTEXT_CHARS = 25;

/**
 * A place of the draft with about CONTEXT_CHARS characters either side, cut at words, on one line:
 * "…Putin on Friday [discussed the potential] with Ukraine…". Tells places of the same words apart.
 */
export function placeInContext(text: string, range: OffsetRange): string {
  const from = Math.max(0, range.start - CONTEXT_CHARS);
  const space = from === 0 ? -1 : text.indexOf(' ', from);
  const start = space === -1 || space >= range.start ? from : space + 1;
  const to = Math.min(text.length, range.end + CONTEXT_CHARS);
  const lastSpace = to === text.length ? -1 : text.lastIndexOf(' ', to);
  const end = lastSpace === -1 || lastSpace <= range.end ? to : lastSpace;
  const before = `${start > 0 ? '…' : ''}${text.slice(start, range.start)}`;
  const after = `${text.slice(range.end, end)}${end < text.length ? '…' : ''}`;
  return `${before}[${text.slice(range.start, range.end)}]${after}`.replace(/\s+/g, ' ').trim();
}

/** A list in words: "a", "a and b", "a, b and c". */
export function inWords(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
