// What the hover shows at a place in the draft: the card of each entity mentioned there and of each
// claim made there. Plain Markdown with every YAML value escaped; an anonymous identity never appears.
import { claimsBySource, mentionsOf, type Analysis, type AnchoredClaim } from './analysis';
import { anonymityReason } from './findings/attribution';
import { BASIS_LABELS, entityKindLabel, STATUS_LABELS } from './labels';
import { escapeMarkdown, isWebUrl, link } from './markdown';
import type { Entity, OffsetRange } from './model';
import { excerpt } from './outline';
import { howMany, plural } from './plural';

export interface HoverContent {
  /** The span the hover is about (the innermost of the mentions and claims at the offset). */
  readonly range: OffsetRange;
  /** One Markdown block per card: entities first, then claims. */
  readonly sections: readonly string[];
}

function contains(range: OffsetRange, offset: number): boolean {
  return range.start <= offset && offset < range.end;
}

export function hoverAt(analysis: Analysis, offset: number): HoverContent | undefined {
  const mentions = analysis.mentions.filter((mention) => contains(mention.range, offset));
  const claims = analysis.claims.filter((anchored) => anchored.range && contains(anchored.range, offset));
  if (mentions.length === 0 && claims.length === 0) return undefined;
  const ranges = [...mentions.map((m) => m.range), ...claims.map((c) => c.range!)];
  const range = ranges.reduce((inner, next) => (next.end - next.start < inner.end - inner.start ? next : inner));
  const sections: string[] = [];
  const shown = new Set<string>();
  for (const mention of mentions) {
    const entity = analysis.entities.get(mention.entityId);
    if (!entity || shown.has(entity.id)) continue;
    shown.add(entity.id);
    sections.push(entityCard(analysis, entity));
  }
  for (const anchored of claims) sections.push(claimCard(analysis, anchored));
  return { range, sections };
}

/**
 * An entity's card. Its mentions and claims are counted in `analysis`'s draft, or, for a registry
 * entity hovered in the registry, over `articles`: the analyses of the drafts that use it.
 */
export function entityCard(analysis: Analysis, entity: Entity, articles?: readonly Analysis[]): string {
  const lines: string[] = [];
  const kind = entityKindLabel(entity);
  lines.push(`**${escapeMarkdown(entity.name)}**${kind ? ` · ${kind}` : ''}`);
  if (entity.description) lines.push('', escapeMarkdown(entity.description));
  if (entity.anonymous) {
    const reason = anonymityReason(entity);
    lines.push('', reason ? `Anonymity granted: ${escapeMarkdown(reason)}` : '⚠ No reason for anonymity is recorded.');
  }
  const links: string[] = [];
  if (entity.wikidata && /^Q[1-9][0-9]*$/.test(entity.wikidata)) {
    links.push(link(`Wikidata ${entity.wikidata}`, `https://www.wikidata.org/wiki/${entity.wikidata}`));
  }
  if (entity.url && isWebUrl(entity.url)) links.push(link(new URL(entity.url).hostname, entity.url));
  if (links.length > 0) lines.push('', links.join(' · '));
  if (entity.aliases.length > 0) lines.push('', `Also: ${entity.aliases.map(escapeMarkdown).join(', ')}`);
  const counted = articles ?? [analysis];
  const mentionCount = counted.reduce((sum, article) => sum + mentionsOf(article, entity.id).length, 0);
  const claimCount = counted.reduce((sum, article) => sum + claimsBySource(article, entity.id).length, 0);
  const where = articles === undefined ? '' : articles.length === 0 ? ' (in no article analysed now: open one that uses it)' : ` in ${plural(articles.length, 'article')}`;
  const mentioned = howMany(mentionCount, 'mention');
  lines.push('', `${mentioned[0].toUpperCase()}${mentioned.slice(1)} · source of ${howMany(claimCount, 'claim')}${where}`);
  if (entity.notes) lines.push('', `*Notes:* ${escapeMarkdown(entity.notes)}`);
  return lines.join('\n');
}

export function claimCard(analysis: Analysis, anchored: AnchoredClaim): string {
  const { claim } = anchored;
  const type = analysis.claimTypes.get(claim.type);
  const lines: string[] = [];
  const id = claim.hasExplicitId ? ` · \`${escapeBackticks(claim.id)}\`` : '';
  lines.push(`**${escapeMarkdown(type?.label ?? claim.type)}** · ${STATUS_LABELS[claim.status] ?? escapeMarkdown(claim.status)}${id}`);
  const drift = driftLines(analysis, anchored);
  if (drift.length > 0) lines.push('', ...drift);
  if (claim.sources.length > 0) {
    lines.push('');
    for (const source of claim.sources) {
      const entity = analysis.entities.get(source.id);
      if (!entity) {
        lines.push(`Source: \`${escapeBackticks(source.id)}\` (unknown entity)`);
        continue;
      }
      const description = entity.description ? ` — ${escapeMarkdown(excerpt(entity.description, SOURCE_DESCRIPTION_LENGTH))}` : '';
      const anonymous = entity.anonymous ? ' (anonymous)' : '';
      lines.push(`Source: **${escapeMarkdown(entity.name)}**${anonymous}${description}  `);
    }
  } else if (claim.basis && (!type?.requiresSource || type.acceptedBases.includes(claim.basis))) {
    lines.push('', `Basis: ${BASIS_LABELS[claim.basis]}`);
  } else if (claim.basis) {
    lines.push('', `⚠ No source: a ${escapeMarkdown((type?.label ?? claim.type).toLowerCase())} can't rest on ${BASIS_LABELS[claim.basis]}`);
  } else if (type?.requiresSource) {
    lines.push('', '⚠ No source');
  }
  if (claim.evidence.length > 0) {
    lines.push('', 'Evidence:');
    for (const item of claim.evidence) lines.push(`- ${isWebUrl(item) ? link(item, item) : escapeMarkdown(item)}`);
  }
  if (claim.checkedBy) lines.push('', `Checked by ${escapeMarkdown(claim.checkedBy)}`);
  if (claim.note) lines.push('', `*Note:* ${escapeMarkdown(claim.note)}`);
  return lines.join('\n');
}

/** Old and new wording of a claim whose words changed in the draft (span-drifted). */
function driftLines(analysis: Analysis, anchored: AnchoredClaim): string[] {
  const { claim, anchor, range } = anchored;
  if (anchor?.kind !== 'found' || !anchor.drift || !range || !analysis.draft || !claim.selector) return [];
  const current = analysis.draft.text.slice(range.start, range.end);
  const recheck = claim.status === 'verified' ? ': it was verified, check it again' : '';
  if (anchor.contextMisfit && anchor.drift.similarity === 1) {
    return [`⚠ **The words around it changed** since it was annotated${recheck}`, '', `${escapeMarkdown(anchor.contextMisfit.reason)}.`];
  }
  return [
    `⚠ **The wording changed** since it was annotated${recheck}`,
    '',
    `Was: “${escapeMarkdown(claim.selector.text)}”  `,
    `Now: “${escapeMarkdown(current)}”`,
  ];
}

/** How much of a source's description its line in a claim card shows (the entity card has it whole). */
const SOURCE_DESCRIPTION_LENGTH = 120;

function escapeBackticks(text: string): string {
  return text.replace(/`/g, "'");
}
