// What is at an offset of an annotation file: an entity's key, a `source` id, a claim's type, a
// span's `text:`, a field name being typed... Read from the yaml Document's nodes, which the parser
// builds even around syntax errors, so the answer holds while the user is typing.
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { OffsetRange } from './model';
import { parseWithLibrary } from './parse';
import { tooDeeplyNested } from './yamlLimits';

/** The kinds of mapping whose field names can be completed. */
export type FieldOwner = 'top' | 'entity' | 'claim' | 'span' | 'claim-type';

/** Who a `text:` belongs to: a claim, or one of an entity's explicit mentions. */
export type SpanOwner = { readonly claimIndex: number } | { readonly entityId: string; readonly mentionIndex: number };

export type YamlContext =
  | { readonly kind: 'entity-key'; readonly id: string; readonly range: OffsetRange }
  | {
      readonly kind: 'source';
      readonly id: string;
      readonly range: OffsetRange;
      readonly claimIndex: number;
      /** The other ids of the same `source` list (empty for a single id). */
      readonly siblings: readonly string[];
    }
  | { readonly kind: 'claim-type' | 'basis' | 'status'; readonly value: string; readonly range: OffsetRange; readonly claimIndex: number }
  | { readonly kind: 'entity-type'; readonly value: string; readonly range: OffsetRange; readonly entityId: string }
  | { readonly kind: 'span-text'; readonly value: string; readonly range: OffsetRange; readonly owner: SpanOwner }
  | {
      readonly kind: 'field';
      readonly owner: FieldOwner;
      readonly value: string;
      readonly range: OffsetRange;
      /** The fields the mapping already has, besides the one being typed. */
      readonly present: readonly string[];
    };

type Segment = string | number;

/** Where the offset falls: a key or a value scalar, or a gap inside a list, with the path to it. */
interface Located {
  readonly path: readonly Segment[];
  readonly on: 'key' | 'value' | 'list-gap';
  /** The scalar at the offset; absent in a gap. */
  readonly scalar?: { readonly value: string; readonly range: OffsetRange };
  /** The mapping that holds the key (for `on: 'key'`), or the list with the gap. */
  readonly parent?: Node;
}

/** What is at `offset` of a parsed annotation file; undefined where nothing there means anything to the format. */
export function yamlContextAt(document: Document, offset: number): YamlContext | undefined {
  const root = document.contents;
  if (!root) return undefined;
  const located = locate(root as Node, offset, []);
  return located ? classify(located, root as Node, offset) : undefined;
}

const PROBE = 'x';

/**
 * The context for completing at `offset` of `text`, as it is being typed. A one-letter probe is
 * typed at the offset first, so that an empty slot (`source: `, `- `, a blank line under a claim)
 * is a scalar the parser places; the ranges returned are those of the text without the probe.
 */
export function completionContextAt(text: string, offset: number): YamlContext | undefined {
  // After `key:` with no space the probe would glue onto the key; nothing can be completed there.
  if (offset > 0 && text[offset - 1] === ':') return undefined;
  const probedText = text.slice(0, offset) + PROBE + text.slice(offset);
  // As the annotation file itself is parsed (parse.ts): never a bracket nesting that can stall or
  // abort the parser, and no quadratic duplicate-key check on every completion request.
  if (tooDeeplyNested(probedText) !== undefined) return undefined;
  const probed = parseWithLibrary(probedText);
  const context = yamlContextAt(probed, offset);
  if (!context) return undefined;
  const unprobe = (at: number): number => (at > offset ? at - PROBE.length : at);
  const range = { start: unprobe(context.range.start), end: unprobe(context.range.end) };
  const typed = text.slice(range.start, range.end);
  return 'id' in context ? { ...context, id: typed, range } : { ...context, value: typed, range };
}

function contains(node: Node | null | undefined, offset: number): node is Node {
  const range = node?.range;
  return !!range && range[0] <= offset && offset <= range[1];
}

function scalarText(node: Node): string {
  if (!isScalar(node)) return '';
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function scalarAt(node: Node): Located['scalar'] {
  return { value: scalarText(node), range: { start: node.range![0], end: node.range![1] } };
}

function locate(node: Node, offset: number, path: readonly Segment[]): Located | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (isScalar(key) && contains(key, offset)) return { path, on: 'key', scalar: scalarAt(key), parent: node };
      const value = pair.value as Node | null;
      if (contains(value, offset)) return locate(value, offset, [...path, scalarText(key as Node)]);
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let index = 0; index < node.items.length; index++) {
      const item = node.items[index] as Node | null;
      if (contains(item, offset)) return locate(item, offset, [...path, index]);
    }
    return { path, on: 'list-gap', parent: node };
  }
  if (isScalar(node)) return { path, on: 'value', scalar: scalarAt(node) };
  return undefined;
}

function keysOf(map: Node | undefined, except?: OffsetRange): string[] {
  if (!isMap(map)) return [];
  return map.items
    .filter((pair) => isScalar(pair.key) && (!except || (pair.key as Node).range?.[0] !== except.start))
    .map((pair) => scalarText(pair.key as Node));
}

/** The node at a path of the document, for the fields a mapping already has. */
function nodeAt(root: Node, path: readonly Segment[]): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (isMap(node)) node = (node.items.findLast((pair) => isScalar(pair.key) && scalarText(pair.key as Node) === segment)?.value ?? undefined) as Node | undefined;
    else if (isSeq(node) && typeof segment === 'number') node = (node.items[segment] ?? undefined) as Node | undefined;
    else return undefined;
  }
  return node;
}

/** The owner of the fields of the mapping at `path`, if the format gives it fields. */
function fieldOwner(path: readonly Segment[]): FieldOwner | undefined {
  const [top, second, third] = path;
  if (path.length === 0) return 'top';
  if (top === 'entities' && path.length === 2) return 'entity';
  if (top === 'entities' && path.length === 4 && third === 'mentions') return 'span';
  if (top === 'claims' && path.length === 2 && typeof second === 'number') return 'claim';
  if (top === 'claimTypes' && path.length === 2) return 'claim-type';
  return undefined;
}

function classify(located: Located, root: Node, offset: number): YamlContext | undefined {
  const { path, scalar } = located;
  const [top, second, third, fourth, fifth] = path;

  if (located.on === 'key' && scalar) {
    if (top === 'entities' && path.length === 1) return { kind: 'entity-key', id: scalar.value, range: scalar.range };
    const owner = fieldOwner(path);
    if (!owner) return undefined;
    return { kind: 'field', owner, value: scalar.value, range: scalar.range, present: keysOf(located.parent, scalar.range) };
  }

  const inClaim = top === 'claims' && typeof second === 'number';
  if (located.on === 'list-gap') {
    // Between the items of `source: [a, b]`, or after the last comma.
    if (inClaim && third === 'source' && path.length === 3) {
      return { kind: 'source', id: '', range: { start: offset, end: offset }, claimIndex: second, siblings: siblingIds(located.parent) };
    }
    return undefined;
  }
  if (!scalar) return undefined;

  // A bare word where a mapping's fields go: the user is typing the first field name.
  const owner = fieldOwner(path);
  if (owner) {
    return { kind: 'field', owner, value: scalar.value, range: scalar.range, present: keysOf(nodeAt(root, path)) };
  }

  if (inClaim) {
    const claimIndex = second;
    if (third === 'source' && path.length === 3) return { kind: 'source', id: scalar.value, range: scalar.range, claimIndex, siblings: [] };
    if (third === 'source' && path.length === 4 && typeof fourth === 'number') {
      const list = nodeAt(root, path.slice(0, 3));
      const siblings = siblingIds(list).filter((_, index) => index !== fourth);
      return { kind: 'source', id: scalar.value, range: scalar.range, claimIndex, siblings };
    }
    if (path.length === 3 && (third === 'type' || third === 'basis' || third === 'status')) {
      const kind = third === 'type' ? 'claim-type' : third;
      return { kind, value: scalar.value, range: scalar.range, claimIndex };
    }
    if (path.length === 3 && third === 'text') return { kind: 'span-text', value: scalar.value, range: scalar.range, owner: { claimIndex } };
  }
  if (top === 'entities' && typeof second === 'string') {
    if (path.length === 3 && third === 'type') return { kind: 'entity-type', value: scalar.value, range: scalar.range, entityId: second };
    if (path.length === 5 && third === 'mentions' && typeof fourth === 'number' && fifth === 'text') {
      return { kind: 'span-text', value: scalar.value, range: scalar.range, owner: { entityId: second, mentionIndex: fourth } };
    }
  }
  return undefined;
}

function siblingIds(list: Node | undefined): string[] {
  if (!isSeq(list)) return [];
  return list.items.map((item) => (isScalar(item) ? scalarText(item as Node) : ''));
}
