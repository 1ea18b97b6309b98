// The words editors read for the format's values, the same in cards, the outline and the tree.
import type { Claim, ClaimStatus, EntityType } from './model';

export { BASIS_LABELS } from './claimTypes';

export const STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  unverified: 'Unverified',
  verified: '✓ Verified',
  disputed: 'Disputed',
  false: '✗ False',
  misleading: 'Misleading',
};

export const ENTITY_TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
  work: 'Work',
  group: 'Group',
  other: 'Entity',
};

/**
 * How a message or a view names a claim: by the id the file gives it, else by its place in the list
 * ("claim 3 of the list"), not by the default id `c3`, which the file never shows.
 */
export function claimName(claim: Claim, startsSentence = false): string {
  const name = claim.hasExplicitId ? `claim '${claim.id}'` : `claim ${claim.index + 1} of the list`;
  return startsSentence ? `C${name.slice(1)}` : name;
}
