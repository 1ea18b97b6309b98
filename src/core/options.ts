// The knobs of an analysis, shared by the editor settings, the project config and the CLI.
import type { SeverityOverrides } from './codes';

export interface AnalysisOptions {
  /** Phrases reported as vague attribution (case-insensitive, whole words). */
  readonly vaguePhrases: readonly string[];
  /** Verbs reported when they attribute a claim where "said" would be neutral. */
  readonly loadedVerbs: readonly string[];
  readonly severity: SeverityOverrides;
}

export const DEFAULT_VAGUE_PHRASES: readonly string[] = [
  'reports suggest',
  'reports say',
  'reports said',
  'reportedly',
  'sources say',
  'sources said',
  'sources suggest',
  'it is believed',
  'it is understood',
  'it is thought',
  'it has been reported',
  'it was reported',
  'critics say',
  'critics said',
  'experts say',
  'experts said',
  'observers say',
  'some say',
  'some people say',
  'many believe',
  'many people believe',
  'people are saying',
  'rumours suggest',
  'rumors suggest',
  'is said to',
  'are said to',
  'was said to',
  'were said to',
];

/**
 * Each verb in its past and its present ("claimed", "claims"), as news copy attributes. The bare form
 * ("claim", "admit") is left out: it is most often a noun or an infinitive ("the claim that",
 * "refused to admit"), which the check can't tell from a verb that attributes.
 */
export const DEFAULT_LOADED_VERBS: readonly string[] = [
  'claimed',
  'claims',
  'admitted',
  'admits',
  'conceded',
  'concedes',
  'insisted',
  'insists',
  'confessed',
  'confesses',
  'boasted',
  'boasts',
  'alleged',
  'alleges',
  'revealed',
  'reveals',
  'pointed out',
  'points out',
  'acknowledged',
  'acknowledges',
];

export const DEFAULT_OPTIONS: AnalysisOptions = {
  vaguePhrases: DEFAULT_VAGUE_PHRASES,
  loadedVerbs: DEFAULT_LOADED_VERBS,
  severity: {},
};
