// The built-in claim types (spec: "Built-in claim types") and the merge with a file's `claimTypes`.
import { BASES, type Basis, type ClaimType } from './model';

/** The claim type of someone's words as said: the one whose words no fix changes without a person reading them. */
export const QUOTATION_TYPE = 'direct-quote';

export const BUILT_IN_CLAIM_TYPES: readonly ClaimType[] = [
  { id: QUOTATION_TYPE, label: 'Direct quote', requiresSource: true, acceptedBases: [], builtIn: true },
  { id: 'paraphrase', label: 'Paraphrase', requiresSource: true, acceptedBases: [], builtIn: true },
  { id: 'fact', label: 'Fact', requiresSource: true, acceptedBases: [...BASES], builtIn: true },
  { id: 'statistic', label: 'Statistic', requiresSource: true, acceptedBases: ['public-record', 'document'], builtIn: true },
  { id: 'allegation', label: 'Allegation', requiresSource: true, acceptedBases: [], builtIn: true },
  { id: 'opinion', label: 'Opinion', requiresSource: true, acceptedBases: [], builtIn: true },
  { id: 'prediction', label: 'Prediction', requiresSource: true, acceptedBases: [], builtIn: true },
];

export const BASIS_LABELS: Readonly<Record<Basis, string>> = {
  'common-knowledge': 'common knowledge',
  observed: 'observed by the reporter',
  'public-record': 'public record',
  document: 'documented',
};

/** The built-ins, with a file's own declarations added or overriding them. */
export function mergeClaimTypes(declared: readonly ClaimType[]): Map<string, ClaimType> {
  const types = new Map(BUILT_IN_CLAIM_TYPES.map((type) => [type.id, type]));
  for (const type of declared) types.set(type.id, type);
  return types;
}
