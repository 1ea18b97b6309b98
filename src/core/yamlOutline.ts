// An annotation file's own outline (the Outline view, breadcrumbs and Go to Symbol in the YAML): its
// entities and its claims, each covering its entry, named as the draft's outline names them. A file
// of thirty claims and a dozen entities is four hundred lines: this is how an editor finds one.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { parsedFileOf, type Analysis } from './analysis';
import type { OffsetRange } from './model';
import { claimDetail, entityDetail, excerpt, group, type OutlineNode } from './outline';
import type { ParsedAnnotationFile } from './parse';

/** Where a node of the library's document is written: from its first character to the end of its value. */
function extent(node: Node | null | undefined): OffsetRange | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

/** A key and its value, as one range, to its last character (a block's value ends after its line break). */
function pairExtent(text: string, pair: Pair): OffsetRange | undefined {
  const key = extent(pair.key as Node | null);
  if (!key) return undefined;
  return withoutTrailingSpace(text, { start: key.start, end: Math.max(key.end, extent(pair.value as Node | null)?.end ?? key.end) });
}

function withoutTrailingSpace(text: string, range: OffsetRange): OffsetRange {
  let end = range.end;
  while (end > range.start && /\s/.test(text[end - 1])) end--;
  return { start: range.start, end };
}

function entityNodes(parsed: ParsedAnnotationFile, pairs: readonly Pair[]): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  for (const pair of pairs) {
    const range = pairExtent(parsed.text, pair);
    if (!range || !isScalar(pair.key)) continue;
    const id = String(pair.key.value);
    // The last entry of an id counts (a duplicate key is reported): the one read is the one described.
    const entity = parsed.entities.find((candidate) => candidate.id === id && candidate.keyLocation.range.start === range.start);
    nodes.push({
      kind: 'entity',
      label: entity?.name ?? id,
      detail: entityDetail(entity, id),
      key: `entity:${id}:${range.start}`,
      range,
      target: { file: parsed.file, range: extent(pair.key as Node)! },
      entityType: entity?.type,
      children: [],
    });
  }
  return nodes;
}

function claimNodes(analysis: Analysis, parsed: ParsedAnnotationFile, items: readonly unknown[]): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  items.forEach((item, index) => {
    const written = extent(item as Node | null);
    if (!written) return;
    const range = withoutTrailingSpace(parsed.text, written);
    const claim = parsed.claims.find((candidate) => candidate.index === index);
    const text = claim?.selector?.textLocation.range;
    nodes.push({
      kind: 'claim',
      label: claim?.selector ? `“${excerpt(claim.selector.text)}”` : (claim?.id ?? `claim ${index + 1}`),
      detail: claim && claimDetail(analysis, claim),
      key: `claim:${index}`,
      range,
      target: { file: parsed.file, range: text && text.start >= range.start && text.end <= range.end ? text : { start: range.start, end: range.start } },
      claimIndex: claim?.index,
      claimType: claim?.type,
      children: [],
    });
  });
  return nodes;
}

/** Document symbols of an annotation file that takes part in `analysis`: its entities, then its claims, in the order written. */
export function annotationFileOutline(analysis: Analysis, file: string): OutlineNode[] {
  const parsed = parsedFileOf(analysis, file);
  const contents = parsed?.document.contents;
  if (!parsed || !isMap(contents)) return [];
  const groups: OutlineNode[] = [];
  for (const pair of contents.items) {
    const whole = pairExtent(parsed.text, pair);
    if (!whole || !isScalar(pair.key)) continue;
    if (pair.key.value === 'entities' && isMap(pair.value)) {
      const entities = entityNodes(parsed, pair.value.items);
      if (entities.length > 0) groups.push(group('Entities', 'entities', entities, whole));
    } else if (pair.key.value === 'claims' && isSeq(pair.value)) {
      const claims = claimNodes(analysis, parsed, pair.value.items);
      if (claims.length > 0) groups.push(group('Claims', 'claims', claims, whole));
    }
  }
  return groups;
}
