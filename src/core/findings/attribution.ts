// Sourcing of claims: a claim that needs a source must have one, the reader must be able to see it
// near the claim, and an anonymous source must say why it is anonymous.
import { mentionedIn, mentionsOverlapping, overlaps, type Analysis } from '../analysis';
import { BASIS_LABELS } from '../claimTypes';
import { makeFinding } from '../findingFactory';
import { BASES, type Claim, type ClaimType, type Entity, type Finding, type OffsetRange } from '../model';

/** Sentences either side of a claim's own that count as "near" it (spec: the one before and after). */
export const ATTRIBUTION_WINDOW_SENTENCES = 1;

/**
 * The entities mentioned in a span's attribution window, most likely source first: those in the span's
 * own sentences before those in the sentences either side; those named outside the claim's words
 * before those in them (what it is about); people and organisations before places (a place is more
 * often what a claim is about than who makes it); then the nearest.
 */
export function entitiesNear(analysis: Analysis, span: OffsetRange): string[] {
  if (!analysis.draft) return [];
  const sentences = analysis.draft.sentences;
  const own = sentences.window(span, 0);
  const window = sentences.window(span, ATTRIBUTION_WINDOW_SENTENCES);
  // Its own sentence first; there, who is named outside the claim's words before who is named in
  // them (what the claim is about: "a general, Yaroslav Moskalik, was killed"), people before
  // places, the nearest first.
  const rank = (range: OffsetRange, entity: Entity): number[] => [
    overlaps(range, own) ? 0 : 1,
    overlaps(range, span) ? 1 : 0,
    entity.type === 'place' ? 1 : 0,
    overlaps(range, span) ? 0 : range.end <= span.start ? span.start - range.end : range.start - span.end,
  ];
  const best = new Map<string, number[]>();
  for (const mention of mentionsOverlapping(analysis, window)) {
    const entity = analysis.entities.get(mention.entityId);
    if (!entity || !canBeSource(entity)) continue;
    const score = rank(mention.range, entity);
    const previous = best.get(mention.entityId);
    if (previous === undefined || compareRanks(score, previous) < 0) best.set(mention.entityId, score);
  }
  return [...best.entries()].sort((a, b) => compareRanks(a[1], b[1])).map(([id]) => id);
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Events and works don't speak; people, organisations, groups and places ("Moscow said") can. */
export function canBeSource(entity: Entity): boolean {
  return entity.type !== 'event' && entity.type !== 'work';
}

/** A claim of a type that needs a source, with none and no basis the type accepts instead. */
export function needsAttribution(claim: Claim, type: ClaimType): boolean {
  return type.requiresSource && claim.sources.length === 0 && !(claim.basis !== undefined && type.acceptedBases.includes(claim.basis));
}

/**
 * Whether a reader is left without the claim's source: it needs one and has none (an
 * `unattributed-claim`), or every source it names is an id no entity has (an `unknown-entity` in the
 * YAML: a misspelt `source: mayr` attributes the claim to nobody). What the status bar and the
 * sign-off report count as unattributed.
 */
export function isUnattributed(analysis: Analysis, claim: Claim): boolean {
  const type = analysis.claimTypes.get(claim.type);
  return (type !== undefined && needsAttribution(claim, type)) || namesOnlyUnknownSources(analysis, claim);
}

/**
 * What "Add the reason for anonymity" writes, selected for the user to type over. Until they do, it
 * is no reason: the fix is preferred (Ctrl+. applies it), and filler must not clear the warning.
 */
export const ANONYMITY_PLACEHOLDER = 'why anonymity was granted';

/** The reason recorded for an anonymous source's anonymity, if one is: not the fix's placeholder. */
export function anonymityReason(entity: Entity): string | undefined {
  const reason = entity.anonymity?.trim();
  return reason && reason !== ANONYMITY_PLACEHOLDER ? entity.anonymity : undefined;
}

/** Whether the claim has sources and none of them is an entity the analysis knows. */
function namesOnlyUnknownSources(analysis: Analysis, claim: Claim): boolean {
  return claim.sources.length > 0 && claim.sources.every((source) => !analysis.entities.has(source.id));
}

export function attributionFindings(analysis: Analysis): Finding[] {
  const draft = analysis.draft;
  if (!draft) return [];
  const findings: Finding[] = [];
  const reportedEntities = new Set<string>();
  // Most claims need no finding: what a finding carries is made only when there is one.
  const data = (claim: Claim, range: OffsetRange) => ({ claimId: claim.id, claimIndex: claim.index, text: draft.text.slice(range.start, range.end) });
  for (const { claim, range } of analysis.claims) {
    if (!range) continue;
    const type = analysis.claimTypes.get(claim.type);
    const sources = knownSources(analysis, claim);
    if (type && needsAttribution(claim, type)) {
      findings.push(
        makeFinding('unattributed-claim', unattributedMessage(type, claim), draft.path, range, {
          ...data(claim, range),
          candidateEntityIds: entitiesNear(analysis, range),
        }),
      );
    }
    if (sources.length > 0 && !sourceVisible(analysis, range, sources)) {
      const names = sources.map((source) => source.name).join(' or ');
      findings.push(
        makeFinding(
          'attribution-not-in-text',
          `Attributed to ${names} in the annotations, but the text doesn't name ${sources.length > 1 ? 'any of them' : 'the source'} in this sentence or the ones either side`,
          draft.path,
          range,
          { ...data(claim, range), entityId: sources[0].id, candidateEntityIds: sources.map((source) => source.id) },
        ),
      );
    }
    for (const source of sources) {
      if (!source.anonymous || anonymityReason(source) !== undefined) continue;
      const placeholder = source.anonymity !== undefined;
      findings.push(
        makeFinding(
          'anonymous-source-without-reason',
          placeholder
            ? `The source '${source.name}' is anonymous, and the reason for anonymity in the annotations is still the placeholder`
            : `The source '${source.name}' is anonymous, and the annotations don't say why anonymity was granted`,
          draft.path,
          range,
          { ...data(claim, range), entityId: source.id },
        ),
      );
      if (!reportedEntities.has(source.id)) {
        reportedEntities.add(source.id);
        const location = source.anonymousLocation ?? source.keyLocation;
        findings.push(
          makeFinding(
            'anonymous-source-without-reason',
            placeholder
              ? `'${source.id}' is an anonymous source: replace '${ANONYMITY_PLACEHOLDER}' in \`anonymity:\` with the reason it was granted`
              : `'${source.id}' is an anonymous source: add \`anonymity:\` with the reason it was granted`,
            location.file,
            location.range,
            { entityId: source.id },
          ),
        );
      }
    }
  }
  return findings;
}

/**
 * Why the claim is unattributed and what will do. A basis its type refuses is named: it is why the claim
 * still needs a source (spec: unattributed when it has none "and no accepted basis").
 */
function unattributedMessage(type: ClaimType, claim: Claim): string {
  const bases = type.acceptedBases;
  const remedy =
    bases.length === 0
      ? 'Add its source.'
      : bases.length === BASES.length
        ? 'Add a source, or a basis such as common knowledge.'
        : `Add a source, or a basis it accepts (${bases.join(', ')}).`;
  const refused = claim.basis !== undefined ? `, and ${withArticle(type.label)} can't rest on the basis '${claim.basis}' (${BASIS_LABELS[claim.basis]})` : '';
  return `Unattributed ${type.label.toLowerCase()}: nothing says who makes this claim${refused}. ${remedy}`;
}

/** "a fact", "an opinion", "an eyewitness account". */
function withArticle(label: string): string {
  const lower = label.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

function sourceVisible(analysis: Analysis, range: OffsetRange, sources: readonly Entity[]): boolean {
  const window = analysis.draft!.sentences.window(range, ATTRIBUTION_WINDOW_SENTENCES);
  return mentionedIn(analysis, window, sources);
}

const NO_ENTITIES: readonly Entity[] = [];

/** The entities a claim names as its sources that are defined (asked for every claim: most have one or none). */
function knownSources(analysis: Analysis, claim: Claim): readonly Entity[] {
  if (claim.sources.length === 0) return NO_ENTITIES;
  if (claim.sources.length === 1) {
    const entity = analysis.entities.get(claim.sources[0].id);
    return entity ? [entity] : NO_ENTITIES;
  }
  return claim.sources.map((source) => analysis.entities.get(source.id)).filter((e): e is Entity => e !== undefined);
}
