// The finding codes of the annotation format (spec: "Findings (stable codes)") and their defaults.
import type { Severity } from './model';

export interface FindingCodeInfo {
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** Which file the finding is shown in. */
  readonly shownIn: 'draft' | 'yaml' | 'draft + yaml';
  readonly summary: string;
}

const CODES = [
  { code: 'unattributed-claim', defaultSeverity: 'warning', shownIn: 'draft', summary: 'A claim that needs a source has none.' },
  { code: 'attribution-not-in-text', defaultSeverity: 'warning', shownIn: 'draft', summary: 'The claim has a source, but the reader cannot see it near the claim.' },
  { code: 'unannotated-quote', defaultSeverity: 'warning', shownIn: 'draft', summary: 'A quotation of three or more words that no claim covers.' },
  { code: 'vague-attribution', defaultSeverity: 'information', shownIn: 'draft', summary: 'Weasel attribution such as "reports suggest" or "reportedly".' },
  { code: 'loaded-attribution-verb', defaultSeverity: 'information', shownIn: 'draft', summary: 'A loaded verb such as "claimed" or "admitted" attributes a claim where "said" is neutral.' },
  { code: 'anonymous-source-without-reason', defaultSeverity: 'warning', shownIn: 'draft + yaml', summary: 'An anonymous source with no reason for its anonymity.' },
  { code: 'span-not-found', defaultSeverity: 'error', shownIn: 'yaml', summary: 'The annotated words are not in the draft.' },
  { code: 'span-ambiguous', defaultSeverity: 'warning', shownIn: 'yaml', summary: 'The annotated words occur more than once and nothing says which is meant.' },
  { code: 'span-drifted', defaultSeverity: 'warning', shownIn: 'yaml', summary: 'The annotated words were found only approximately, or their context no longer fits: the draft changed.' },
  { code: 'unknown-entity', defaultSeverity: 'error', shownIn: 'yaml', summary: 'An entity id that no entity has.' },
  { code: 'unknown-claim-type', defaultSeverity: 'error', shownIn: 'yaml', summary: 'A claim type that is neither built in nor declared.' },
  { code: 'invalid-annotation', defaultSeverity: 'error', shownIn: 'yaml', summary: 'Something the annotation format does not allow.' },
  { code: 'yaml-syntax', defaultSeverity: 'error', shownIn: 'yaml', summary: 'The annotation file is not valid YAML.' },
  { code: 'article-not-found', defaultSeverity: 'error', shownIn: 'yaml', summary: '`article:` points at no file.' },
  { code: 'unused-entity', defaultSeverity: 'hint', shownIn: 'yaml', summary: 'An entity with no mention in the draft and no claim.' },
] as const satisfies readonly FindingCodeInfo[];

export type FindingCode = (typeof CODES)[number]['code'];

export const FINDING_CODES: ReadonlyMap<string, FindingCodeInfo> = new Map(CODES.map((info) => [info.code, info]));

export const ALL_FINDING_CODES: readonly FindingCode[] = CODES.map((info) => info.code);

/** A severity per code, or 'off' to silence it. Codes not listed keep their default. */
export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

export function defaultSeverity(code: FindingCode): Severity {
  return FINDING_CODES.get(code)!.defaultSeverity;
}

/** Path of a code's documentation page, relative to the repository (and the packaged extension). */
export function docsPath(code: string): string {
  return `docs/findings/${code}.md`;
}
