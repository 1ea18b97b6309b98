// The shape of a parsed annotation file that the model reader and the schema check walk: scalars,
// mappings, sequences and aliases with their offsets, nothing else. Two parsers produce it: the fast
// reader of the plain subset annotation files are written in (simpleYaml.ts) and, for everything else,
// the `yaml` library, whose Document is converted here. Both give the same tree for the same text
// (a differential test holds them to it), so findings and locations don't depend on which one ran.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

export type YamlNode = YamlScalar | YamlMapping | YamlSequence | YamlAlias;

/**
 * Offsets are UTF-16 code units into the file. `end` is where the value ends: after a scalar's last
 * character (or closing quote, or a block scalar's last line break), after a flow collection's closing
 * bracket, and for a block collection where its last item ends.
 */
interface Placed {
  readonly start: number;
  readonly end: number;
}

export interface YamlScalar extends Placed {
  readonly kind: 'scalar';
  /** string, number, boolean or null as the YAML 1.2 core schema reads it; anything else from tags. */
  readonly value: unknown;
}

export interface YamlPair {
  readonly key: YamlNode;
  /** Undefined only for a key written without any value in a flow mapping or with `? key`. */
  readonly value: YamlNode | undefined;
}

export interface YamlMapping extends Placed {
  readonly kind: 'map';
  readonly pairs: readonly YamlPair[];
}

export interface YamlSequence extends Placed {
  readonly kind: 'seq';
  readonly items: readonly YamlNode[];
}

/** `*name`: points at the anchored node, which the reader follows one step at a time. */
export interface YamlAlias extends Placed {
  readonly kind: 'alias';
  readonly target: YamlNode | undefined;
}

/** A node while it is being converted: filled in after it is registered (see treeFromDocument). */
type Building<T> = { -readonly [K in keyof T]: T[K] };

/** The same tree from the `yaml` library's Document: for files the fast reader leaves to it. */
export function treeFromDocument(document: Document): YamlNode | undefined {
  // An alias points at a node converted earlier (anchors come first); the memo also keeps a node
  // that contains an alias to itself from being converted forever. Nodes are registered before their
  // children are converted, so they are built in place.
  const converted = new Map<Node, YamlNode>();
  const convert = (node: unknown): YamlNode | undefined => {
    if (node === null || node === undefined) return undefined;
    const known = converted.get(node as Node);
    if (known) return known;
    const [start, end] = (node as Node).range ?? [0, 0];
    if (isScalar(node)) {
      const scalar: YamlScalar = { kind: 'scalar', value: node.value, start, end };
      converted.set(node, scalar);
      return scalar;
    }
    if (isAlias(node)) {
      const alias: Building<YamlAlias> = { kind: 'alias', target: undefined, start, end };
      converted.set(node, alias);
      alias.target = convert(node.resolve(document));
      return alias;
    }
    if (isMap(node)) {
      const pairs: YamlPair[] = [];
      const map: Building<YamlMapping> = { kind: 'map', pairs, start, end };
      converted.set(node, map);
      for (const pair of node.items) {
        const key = convert(pair.key) ?? { kind: 'scalar', value: null, start, end: start };
        pairs.push({ key, value: convert(pair.value) });
      }
      if (!node.flow && pairs.length > 0) map.end = blockMappingEnd(pairs);
      return map;
    }
    if (isSeq(node)) {
      const items: YamlNode[] = [];
      const seq: Building<YamlSequence> = { kind: 'seq', items, start, end };
      converted.set(node, seq);
      for (const item of node.items) {
        // A `key: value` written as an item of a flow sequence is a one-pair mapping.
        const itemNode = isPair(item) ? pairAsMap(item, convert) : convert(item);
        if (itemNode) items.push(itemNode);
      }
      if (!node.flow && items.length > 0) seq.end = items[items.length - 1].end;
      return seq;
    }
    return undefined;
  };
  return convert(document.contents);
}

function pairAsMap(pair: { key: unknown; value: unknown }, convert: (node: unknown) => YamlNode | undefined): YamlMapping | undefined {
  const key = convert(pair.key);
  if (!key) return undefined;
  const value = convert(pair.value);
  return { kind: 'map', pairs: [{ key, value }], start: key.start, end: value?.end ?? key.end };
}

/**
 * Where a block mapping ends, for both readers: where its last value ends (its last key, when that has
 * none). The library would end it after the comments that follow; the fast reader doesn't track them.
 */
export function blockMappingEnd(pairs: readonly YamlPair[]): number {
  const last = pairs[pairs.length - 1];
  return (last.value ?? last.key).end;
}

/** The node an alias points at (one step: an anchor is never on an alias), or the node itself. */
export function resolved(node: YamlNode | undefined): YamlNode | undefined {
  return node?.kind === 'alias' ? node.target : node;
}

/**
 * The value of the last pair whose key is `key`, followed through an alias: with a key written twice
 * the last one counts, as the duplicate-key finding says and as the schema check and edits read it.
 */
export function valueAt(map: YamlMapping, key: string): YamlNode | undefined {
  // A loop, not findLast(): called for every field of every claim.
  const pairs = map.pairs;
  for (let i = pairs.length - 1; i >= 0; i--) {
    const pair = pairs[i];
    if (pair.key.kind === 'scalar' && pair.key.value === key) return resolved(pair.value);
  }
  return undefined;
}

/** The keys written a second (or later) time in the same mapping, anywhere in the tree, in document order. */
export function duplicateKeys(root: YamlNode | undefined): YamlScalar[] {
  const duplicates: YamlScalar[] = [];
  const visit = (node: YamlNode | undefined): void => {
    if (node?.kind === 'map') {
      const seen = new KeysSeen(node.pairs);
      node.pairs.forEach((pair, index) => {
        if (pair.key.kind === 'scalar' && seen.among(pair.key, index)) duplicates.push(pair.key);
        visit(pair.value);
      });
    } else if (node?.kind === 'seq') {
      for (const item of node.items) visit(item);
    }
  };
  visit(root);
  return duplicates;
}

/**
 * The keys of a mapping, asked whether a key repeats one before it (compared as a Set compares).
 * Most mappings (claims, entities) have a few keys: comparing with each costs nothing to set up, and
 * a Set is made only for a long mapping.
 */
export class KeysSeen {
  private set: Set<unknown> | undefined;
  /** How many of the pairs' keys are in the set. */
  private added = 0;

  /** The mapping's pairs are `pairs` from index `first` on; they may still be growing as it is read. */
  constructor(
    private readonly pairs: readonly YamlPair[],
    private readonly first = 0,
  ) {}

  /** Whether the scalar `key` equals the scalar key of one of the mapping's first `count` pairs. */
  among(key: YamlScalar, count: number): boolean {
    const value = key.value;
    if (count <= SCANNED_KEYS) {
      for (let i = this.first; i < this.first + count; i++) {
        const earlier = this.pairs[i].key;
        if (earlier.kind === 'scalar' && (earlier.value === value || (earlier.value !== earlier.value && value !== value))) return true;
      }
      return false;
    }
    this.set ??= new Set();
    for (; this.added < count; this.added++) {
      const earlier = this.pairs[this.first + this.added].key;
      if (earlier.kind === 'scalar') this.set.add(earlier.value);
    }
    return this.set.has(value);
  }
}

/** Up to this many keys, a key is compared with each one. */
const SCANNED_KEYS = 16;
