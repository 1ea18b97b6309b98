// The shape of a draft's annotations, as plain nodes: document symbols for the Outline view and
// breadcrumbs, and the groups of the "Editorial Annotations" tree.
import { claimsInReadingOrder, type AnchoredClaim, type Analysis } from './analysis';
import { BASIS_LABELS, claimName, entityKindLabel, placeInContext, STATUS_LABELS } from './labels';
import type { Claim, Entity, Finding, OffsetRange } from './model';
import { plural } from './plural';
import { LineIndex } from './textIndex';

export type OutlineKind = 'group' | 'claim' | 'entity' | 'mention' | 'problem' | 'orphan';

/** A place to reveal: a range in a file (the draft, or an annotation file for YAML problems). */
export interface OutlineTarget {
  readonly file: string;
  readonly range: OffsetRange;
}

export interface OutlineNode {
  readonly kind: OutlineKind;
  readonly label: string;
  readonly detail?: string;
  /** Stable across re-analyses, so a tree can keep its expansion state. */
  readonly key: string;
  /** What the node covers; for groups, everything their children cover. */
  readonly range: OffsetRange;
  /** Where clicking takes the user. */
  readonly target?: OutlineTarget;
  /** The node's entry in the annotation file, for "Go to Annotation". */
  readonly annotation?: OutlineTarget;
  /** For a claim: its index in the file, for actions on it. */
  readonly claimIndex?: number;
  /** For a claim: whether it names a source or a basis. */
  readonly attributed?: boolean;
  readonly entityType?: string;
  readonly claimType?: string;
  /** For a group of claims by source: an entity, an id that names no entity, or no source at all. */
  readonly sourceGroup?: 'entity' | 'unknown-entity' | 'none';
  readonly severity?: Finding['severity'];
  readonly code?: string;
  readonly children: readonly OutlineNode[];
}

const EXCERPT_LENGTH = 60;

export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function cover(ranges: readonly OffsetRange[]): OffsetRange {
  return {
    start: Math.min(...ranges.map((range) => range.start)),
    end: Math.max(...ranges.map((range) => range.end)),
  };
}

function sourceNames(analysis: Analysis, ids: readonly string[]): string {
  return ids.map((id) => analysis.entities.get(id)?.name ?? id).join(', ');
}

type ReadClaim = AnchoredClaim & { range: OffsetRange };

/** A claim's node; `key` and `detail` differ where one claim shows in several groups. */
function claimNode(analysis: Analysis, { claim, range }: ReadClaim, key: string, detail: string): OutlineNode {
  const draft = analysis.draft!;
  return {
    kind: 'claim',
    label: `“${excerpt(draft.text.slice(range.start, range.end))}”`,
    detail,
    key,
    range,
    target: { file: draft.path, range },
    annotation: claim.selector?.textLocation ?? claim.location,
    claimIndex: claim.index,
    attributed: claim.sources.length > 0 || claim.basis !== undefined,
    claimType: claim.type,
    children: [],
  };
}

/** An entity's kind and a count, as a detail reads them: "person · 3 mentions", or the count alone for an entity of type `other`. */
export function entityDetail(entity: Entity | undefined, count: string): string {
  const kind = entity ? entityKindLabel(entity)?.toLowerCase() : 'unknown entity';
  return kind ? `${kind} · ${count}` : count;
}

/** A claim's fact-check status, when someone checked it: unverified is what most claims are. */
function checked(claim: Claim): string[] {
  return claim.status === 'unverified' ? [] : [STATUS_LABELS[claim.status]];
}

function typeLabel(analysis: Analysis, type: string): string {
  return analysis.claimTypes.get(type)?.label ?? type;
}

/** A claim's detail: its type (unless its group says it), its sources or basis, and a fact-check status. */
export function claimDetail(analysis: Analysis, claim: Claim, typeInGroup = false): string {
  const source = claim.sources.length > 0 ? sourceNames(analysis, claim.sources.map((s) => s.id)) : claim.basis ? BASIS_LABELS[claim.basis] : 'no source';
  const type = typeInGroup ? [] : [typeLabel(analysis, claim.type)];
  return [...type, source, ...checked(claim)].join(' · ');
}

function claimNodes(analysis: Analysis, reading: readonly ReadClaim[], typeInGroup = false): OutlineNode[] {
  return reading.map((read) => claimNode(analysis, read, `claim:${read.claim.id}`, claimDetail(analysis, read.claim, typeInGroup)));
}

function entityNodes(analysis: Analysis): OutlineNode[] {
  const draft = analysis.draft!;
  const byEntity = new Map<string, OffsetRange[]>();
  for (const mention of analysis.mentions) {
    const list = byEntity.get(mention.entityId) ?? [];
    list.push(mention.range);
    byEntity.set(mention.entityId, list);
  }
  const nodes: OutlineNode[] = [];
  // Only built when the draft has a mention: the line of each tells its rows apart.
  const lines = byEntity.size > 0 ? new LineIndex(draft.text) : undefined;
  for (const [id, ranges] of byEntity) {
    const entity = analysis.entities.get(id);
    if (!entity) continue;
    nodes.push({
      kind: 'entity',
      label: entity.name,
      detail: entityDetail(entity, plural(ranges.length, 'mention')),
      key: `entity:${id}`,
      range: cover(ranges),
      target: { file: draft.path, range: ranges[0] },
      annotation: entity.keyLocation,
      entityType: entity.type,
      children: ranges.map((range, index) => ({
        kind: 'mention',
        label: excerpt(draft.text.slice(range.start, range.end)),
        // The same name five times over tells an editor nothing: where each is, and its words around it.
        detail: mentionPlace(draft.text, lines!, range),
        key: `mention:${id}:${index}`,
        range,
        target: { file: draft.path, range },
        entityType: entity.type,
        children: [],
      })),
    });
  }
  return nodes.sort((a, b) => a.range.start - b.range.start);
}

/** Where a mention is: "line 3 · …posted on [Truth Social] that Friday…", its words around it taken from its own line. */
function mentionPlace(text: string, lines: LineIndex, range: OffsetRange): string {
  const line = lines.positionAt(range.start).line;
  const { start, end } = lines.lineRange(line);
  const onItsLine = text.slice(start, Math.max(end, range.end));
  return `line ${line + 1} · ${placeInContext(onItsLine, { start: range.start - start, end: range.end - start })}`;
}

export function group(label: string, key: string, children: OutlineNode[], whole: OffsetRange): OutlineNode {
  return { kind: 'group', label, detail: String(children.length), key, range: whole, children };
}

/** Document symbols of the draft: its claims in reading order, then its entities with their mentions. */
export function draftOutline(analysis: Analysis): OutlineNode[] {
  if (!analysis.draft) return [];
  const whole = { start: 0, end: analysis.draft.text.length };
  const claims = claimNodes(analysis, claimsInReadingOrder(analysis));
  const entities = entityNodes(analysis);
  const groups: OutlineNode[] = [];
  if (claims.length > 0) groups.push(group('Claims', 'claims', claims, whole));
  if (entities.length > 0) groups.push(group('Entities', 'entities', entities, whole));
  return groups;
}

/** How the tree's Claims group is divided. */
export type ClaimGrouping = 'type' | 'source';

export const CLAIM_GROUPINGS: readonly ClaimGrouping[] = ['type', 'source'];

/** The tree view's groups: entities, claims by type (or by source), and problems. */
export function annotationTree(analysis: Analysis, groupClaimsBy: ClaimGrouping = 'type'): OutlineNode[] {
  if (!analysis.draft) return [];
  const whole = { start: 0, end: analysis.draft.text.length };
  const entities = entityNodes(analysis);
  // One sort for the count and the groups: the tree is built again after every analysis.
  const reading = claimsInReadingOrder(analysis);
  const claimGroups = groupClaimsBy === 'source' ? claimsBySourceGroups(analysis, reading, whole) : claimsByTypeGroups(analysis, reading, whole);
  const problems = problemNodes(analysis);
  const orphans = orphanNodes(analysis);
  return [
    group('Entities', 'entities', entities, whole),
    { ...group('Claims', 'claims', claimGroups, whole), detail: String(reading.length) },
    ...(orphans.length > 0 ? [group('Orphans', 'orphans', orphans, whole)] : []),
    group('Problems', 'problems', problems, whole),
  ];
}

function claimsByTypeGroups(analysis: Analysis, reading: readonly ReadClaim[], whole: OffsetRange): OutlineNode[] {
  const byType = new Map<string, OutlineNode[]>();
  // Under "Paraphrase", a row says "Kremlin", not "Paraphrase · Kremlin": a narrow view keeps the source.
  for (const claim of claimNodes(analysis, reading, true)) {
    const list = byType.get(claim.claimType!) ?? [];
    list.push(claim);
    byType.set(claim.claimType!, list);
  }
  return [...byType.entries()].map(([type, list]) => ({
    ...group(typeLabel(analysis, type), `claims:${type}`, list, whole),
    claimType: type,
  }));
}

/**
 * Who said what: a group per source, each with the claims it makes in reading order; a claim with
 * several sources is under each. Sources come in the order the draft first cites them, not
 * alphabetically: a fact-checker works through a story top to bottom, its main voices come first in
 * it, and the Entities group is in reading order too (typing in the view finds a name in either).
 * An id that names no entity keeps its own group, marked unknown, so a misspelt source is seen where
 * its claims are; claims with no source come last, under "No source", with their basis if they have one.
 */
function claimsBySourceGroups(analysis: Analysis, reading: readonly ReadClaim[], whole: OffsetRange): OutlineNode[] {
  const bySource = new Map<string, ReadClaim[]>();
  const unsourced: ReadClaim[] = [];
  for (const read of reading) {
    const ids = new Set(read.claim.sources.map((source) => source.id));
    if (ids.size === 0) unsourced.push(read);
    for (const id of ids) {
      const list = bySource.get(id) ?? [];
      list.push(read);
      bySource.set(id, list);
    }
  }
  const groups: OutlineNode[] = [...bySource.entries()].map(([id, reads]) => {
    const entity = analysis.entities.get(id);
    const children = reads.map((read) => {
      const others = [...new Set(read.claim.sources.map((source) => source.id))].filter((other) => other !== id);
      const detail = [typeLabel(analysis, read.claim.type), ...(others.length > 0 ? [`with ${sourceNames(analysis, others)}`] : []), ...checked(read.claim)].join(' · ');
      return claimNode(analysis, read, `claim:${read.claim.id}:source:${id}`, detail);
    });
    return {
      ...group(entity?.name ?? id, `claims:source:${id}`, children, whole),
      detail: entityDetail(entity, plural(children.length, 'claim')),
      annotation: entity?.keyLocation,
      entityType: entity?.type,
      sourceGroup: entity ? ('entity' as const) : ('unknown-entity' as const),
    };
  });
  if (unsourced.length > 0) {
    const children = unsourced.map((read) => {
      const { claim } = read;
      const detail = [typeLabel(analysis, claim.type), ...(claim.basis ? [BASIS_LABELS[claim.basis]] : []), ...checked(claim)].join(' · ');
      return claimNode(analysis, read, `claim:${claim.id}:no-source`, detail);
    });
    groups.push({ ...group('No source', 'claims:no-source', children, whole), detail: plural(children.length, 'claim'), sourceGroup: 'none' });
  }
  return groups;
}

/** Annotations whose words are gone from the draft: listed, never dropped, until re-anchored or deleted. */
function orphanNodes(analysis: Analysis): OutlineNode[] {
  return analysis.orphans.map(({ selector, claim, entityId }) => {
    const written = selector.textLocation;
    return {
      kind: 'orphan' as const,
      label: `“${excerpt(selector.text)}”`,
      // The 8th claim of the list, rather than the id "c8" the file never shows; an entity by its name.
      detail: claim ? claimName(claim) : `mention of ${analysis.entities.get(entityId ?? '')?.name ?? entityId}`,
      key: `orphan:${written.file}:${written.range.start}`,
      range: written.range,
      target: written,
      annotation: written,
      claimIndex: claim?.index,
      children: [],
    };
  });
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };

function problemNodes(analysis: Analysis): OutlineNode[] {
  const draftPath = analysis.draft?.path;
  return [...analysis.findings]
    .sort(
      (a, b) =>
        Number(a.file !== draftPath) - Number(b.file !== draftPath) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.file.localeCompare(b.file) ||
        a.range.start - b.range.start,
    )
    .map((finding, index) => ({
      kind: 'problem' as const,
      label: finding.message,
      detail: finding.code,
      key: `problem:${finding.code}:${finding.file}:${finding.range.start}:${index}`,
      range: finding.range,
      target: { file: finding.file, range: finding.range },
      severity: finding.severity,
      code: finding.code,
      children: [],
    }));
}
