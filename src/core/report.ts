// A draft's sourcing in numbers, for an editor's sign-off: claims by type and status, who the sources
// are, what is left unattributed or unverified, and the findings by severity.
import type { Analysis } from './analysis';
import { isUnattributed } from './findings/attribution';
import { STATUSES, type ClaimStatus, type Severity } from './model';

export interface SourceSummary {
  readonly id: string;
  /** The display name. For an anonymous source, the description the draft uses ("a senior official"). */
  readonly name: string;
  readonly anonymous: boolean;
  /** Claims that name this entity as a source. */
  readonly claims: number;
}

export interface DraftReport {
  /** The draft, or null for an annotation file analysed without one (its draft is missing, or it is the registry). */
  readonly draft: string | null;
  readonly annotationFile: string;
  readonly claims: {
    readonly total: number;
    /** Claim type label -> count, most frequent first. */
    readonly byType: Readonly<Record<string, number>>;
    /** Every status, zero counts included. */
    readonly byStatus: Readonly<Record<ClaimStatus, number>>;
  };
  /** Entities that source at least one claim, most claims first. */
  readonly sources: readonly SourceSummary[];
  /** Claims that need a source and have neither a source nor an accepted basis, or name only unknown ids. */
  readonly unattributed: number;
  readonly unverified: number;
  /** Findings of the draft and its annotation files, as configured ('off' ones are not counted). */
  readonly findings: Readonly<Record<Severity, number>>;
}

/**
 * The report of an analysis: of a draft, or of an annotation file analysed without one (its findings
 * count, as the check counts them). Never includes an anonymous source's `identity` (the
 * model does not even hold it) nor its reason for anonymity: the report leaves the newsroom.
 */
export function draftReport(analysis: Analysis): DraftReport {
  const byType: Record<string, number> = {};
  const byStatus = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
  const sourceCounts = new Map<string, number>();
  let unattributed = 0;
  for (const { claim } of analysis.claims) {
    const type = analysis.claimTypes.get(claim.type);
    const label = type?.label ?? (claim.type === '' ? '(no type)' : claim.type);
    byType[label] = (byType[label] ?? 0) + 1;
    byStatus[claim.status]++;
    for (const id of new Set(claim.sources.map((source) => source.id))) sourceCounts.set(id, (sourceCounts.get(id) ?? 0) + 1);
    if (isUnattributed(analysis, claim)) unattributed++;
  }
  const sources: SourceSummary[] = [];
  for (const [id, claims] of sourceCounts) {
    const entity = analysis.entities.get(id);
    // An unknown id is reported as a finding; it is nobody's name.
    if (entity) sources.push({ id, name: entity.name, anonymous: entity.anonymous, claims });
  }
  sources.sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name));
  const findings: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of analysis.findings) findings[finding.severity]++;
  return {
    draft: analysis.draft?.path ?? null,
    annotationFile: analysis.annotations.file,
    claims: {
      total: analysis.claims.length,
      byType: Object.fromEntries(Object.entries(byType).sort(([a, m], [b, n]) => n - m || a.localeCompare(b))),
      byStatus,
    },
    sources,
    unattributed,
    unverified: byStatus.unverified,
    findings,
  };
}
