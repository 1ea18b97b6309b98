// The words editors read for the format's values, the same in cards, the outline and the tree.
import type { ClaimStatus, EntityType } from './model';

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
