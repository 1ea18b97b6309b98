// YAML text -> annotation model + findings placed at the offending node. Never throws: a broken file
// yields findings for what is wrong and a model of everything that could still be read.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { BASES, ENTITY_TYPES, STATUSES, type Basis, type Claim, type ClaimStatus, type ClaimType, type Entity, type EntityType, type Finding, type OffsetRange, type SourceRef, type SpanSelector, type YamlLocation } from './model';
import { schemaProblems } from './schema';
import { makeFinding } from './findingFactory';
import { MAX_FLOW_DEPTH, tooDeeplyNested } from './yamlLimits';

export interface ParsedAnnotationFile {
  readonly file: string;
  readonly text: string;
  /** The `article:` value and where it is written. */
  readonly article?: { readonly path: string; readonly location: YamlLocation };
  readonly entities: readonly Entity[];
  readonly claims: readonly Claim[];
  readonly claimTypes: readonly ClaimType[];
  /** Problems of the file itself: syntax, schema, duplicates. */
  readonly findings: readonly Finding[];
  /** The parsed document, for edits that keep the user's comments and layout. */
  readonly document: Document;
}

/** Generous bounds that keep hostile files (alias bombs, deep nesting) from stalling the editor. */
const MAX_ALIAS_COUNT = 1000;
/** Past this many syntax errors (garbage, a binary file), one finding says how many more there are. */
const MAX_SYNTAX_FINDINGS = 100;

export function parseAnnotationFile(file: string, text: string, fromRegistry = false): ParsedAnnotationFile {
  const findings: Finding[] = [];
  const tooDeep = tooDeeplyNested(text);
  if (tooDeep !== undefined) {
    const message = `YAML syntax: brackets nested more than ${MAX_FLOW_DEPTH} deep; the file is not read`;
    findings.push(makeFinding('yaml-syntax', message, file, { start: tooDeep, end: tooDeep + 1 }));
    return { file, text, entities: [], claims: [], claimTypes: [], findings, document: parseDocument('') };
  }
  // The parser's own duplicate-key check compares each key with every other (quadratic: a mapping of
  // 500,000 keys never finishes); duplicateKeys() below does it in one pass.
  // logLevel 'error': a mapping used as a key would otherwise print a process warning from toJS().
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  for (const error of document.errors.slice(0, MAX_SYNTAX_FINDINGS)) {
    const range = { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) };
    findings.push(makeFinding('yaml-syntax', `YAML syntax: ${firstLine(error.message)}`, file, syntaxErrorRange(text, range)));
  }
  if (document.errors.length > MAX_SYNTAX_FINDINGS) {
    const more = document.errors.length - MAX_SYNTAX_FINDINGS;
    const at = document.errors[MAX_SYNTAX_FINDINGS].pos[0];
    findings.push(makeFinding('yaml-syntax', `YAML syntax: ${more} more errors from here on`, file, { start: at, end: Math.min(text.length, at + 1) }));
  }
  for (const key of duplicateKeys(document.contents)) {
    const start = key.range?.[0] ?? 0;
    const written = text.slice(start, lineEnd(text, start)).replace(/:.*$/, '').trim();
    findings.push(makeFinding('invalid-annotation', `Duplicate key '${written}': only the last one counts`, file, keyRange(text, { start, end: start })));
  }

  const reader = new NodeReader(document, file, text);
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    findings.push(makeFinding('invalid-annotation', 'The annotation file is empty: it needs at least `version: 1`', file, { start: 0, end: 0 }));
    return { file, text, entities: [], claims: [], claimTypes: [], findings, document };
  }
  if (!isMap(root)) {
    findings.push(
      makeFinding('invalid-annotation', 'An annotation file is a mapping with `version`, `entities` and `claims`', file, reader.head(root)),
    );
    return { file, text, entities: [], claims: [], claimTypes: [], findings, document };
  }

  let plain: unknown;
  try {
    plain = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    findings.push(makeFinding('invalid-annotation', `The file could not be read: ${(error as Error).message}`, file, firstContentLine(text)));
  }
  if (plain !== undefined) {
    for (const problem of schemaProblems(document, plain, text)) {
      findings.push(makeFinding('invalid-annotation', problem.message, file, problem.range));
    }
  }

  const articleNode = reader.value(root, 'article');
  const articlePath = reader.string(articleNode);
  const article = articlePath !== undefined ? { path: articlePath, location: reader.location(articleNode) } : undefined;

  const entities: Entity[] = [];
  const entitiesNode = reader.value(root, 'entities');
  if (isMap(entitiesNode)) {
    for (const pair of entitiesNode.items) {
      const entity = readEntity(reader, pair, fromRegistry);
      if (entity) entities.push(entity);
    }
  }

  const claims: Claim[] = [];
  const claimsNode = reader.value(root, 'claims');
  if (isSeq(claimsNode)) {
    claimsNode.items.forEach((item, index) => {
      const claim = readClaim(reader, reader.resolve(item as Node), index);
      if (claim) claims.push(claim);
    });
  }
  findings.push(...duplicateClaimIds(claims, file));

  const claimTypes: ClaimType[] = [];
  const typesNode = reader.value(root, 'claimTypes');
  if (isMap(typesNode)) {
    for (const pair of typesNode.items) {
      const declared = readClaimType(reader, pair);
      if (declared) claimTypes.push(declared);
    }
  }

  return { file, text, article, entities, claims, claimTypes, findings, document };
}

function readEntity(reader: NodeReader, pair: Pair, fromRegistry: boolean): Entity | undefined {
  const id = reader.string(pair.key as Node);
  const node = reader.resolve(pair.value as Node);
  if (id === undefined) return undefined;
  const keyLocation = reader.location(pair.key as Node);
  const field = (name: string): Node | undefined => (isMap(node) ? reader.value(node, name) : undefined);
  const type = reader.string(field('type'));
  const aliases = reader.stringList(field('aliases'));
  const mentionsNode = field('mentions');
  const mentions: SpanSelector[] = [];
  if (isSeq(mentionsNode)) {
    for (const item of mentionsNode.items) {
      const selector = reader.selector(reader.resolve(item as Node));
      if (selector) mentions.push(selector);
    }
  }
  const anonymousNode = field('anonymous');
  const anonymous = isScalar(anonymousNode) && anonymousNode.value === true;
  return {
    id,
    name: reader.string(field('name')) ?? id,
    type: ENTITY_TYPES.includes(type as EntityType) ? (type as EntityType) : 'other',
    description: reader.string(field('description')),
    wikidata: reader.string(field('wikidata')),
    url: reader.string(field('url')),
    aliases,
    mentions,
    anonymous,
    anonymity: reader.string(field('anonymity'))?.trim() || undefined,
    hasIdentity: reader.string(field('identity')) !== undefined,
    notes: reader.string(field('notes')),
    keyLocation,
    anonymousLocation: anonymous ? reader.location(anonymousNode) : undefined,
    fromRegistry,
  };
}

function readClaim(reader: NodeReader, node: Node | undefined, index: number): Claim | undefined {
  if (!isMap(node)) return undefined;
  const field = (name: string): Node | undefined => reader.value(node, name);
  const explicitId = reader.string(field('id'));
  const typeNode = field('type');
  const sourceNode = reader.resolve(field('source'));
  const sources: SourceRef[] = [];
  if (isSeq(sourceNode)) {
    for (const item of sourceNode.items) {
      const resolved = reader.resolve(item as Node);
      const id = reader.string(resolved);
      if (id !== undefined) sources.push({ id, location: reader.location(resolved) });
    }
  } else {
    const id = reader.string(sourceNode);
    if (id !== undefined) sources.push({ id, location: reader.location(sourceNode) });
  }
  const basisNode = field('basis');
  const basis = reader.string(basisNode);
  const status = reader.string(field('status'));
  const evidenceNode = reader.resolve(field('evidence'));
  const evidence = isSeq(evidenceNode) ? reader.stringList(evidenceNode) : [reader.string(evidenceNode)].filter((e): e is string => e !== undefined);
  return {
    id: explicitId ?? `c${index + 1}`,
    hasExplicitId: explicitId !== undefined,
    index,
    selector: reader.selector(node),
    type: reader.string(typeNode) ?? '',
    typeLocation: typeNode ? reader.location(typeNode) : undefined,
    sources,
    basis: BASES.includes(basis as Basis) ? (basis as Basis) : undefined,
    basisLocation: basisNode ? reader.location(basisNode) : undefined,
    status: STATUSES.includes(status as ClaimStatus) ? (status as ClaimStatus) : 'unverified',
    evidence,
    checkedBy: reader.string(field('checkedBy')),
    note: reader.string(field('note')),
    location: reader.location(node, true),
  };
}

function readClaimType(reader: NodeReader, pair: Pair): ClaimType | undefined {
  const id = reader.string(pair.key as Node);
  const node = reader.resolve(pair.value as Node);
  if (id === undefined || !isMap(node)) return undefined;
  const requires = reader.value(node, 'requiresSource');
  const accepts = reader.resolve(reader.value(node, 'acceptsBasis'));
  let acceptedBases: Basis[] = [];
  if (isScalar(accepts) && accepts.value === true) acceptedBases = [...BASES];
  if (isSeq(accepts)) acceptedBases = reader.stringList(accepts).filter((b): b is Basis => BASES.includes(b as Basis));
  return {
    id,
    label: reader.string(reader.value(node, 'label')) ?? id,
    requiresSource: !(isScalar(requires) && requires.value === false),
    acceptedBases,
    builtIn: false,
  };
}

function duplicateClaimIds(claims: readonly Claim[], file: string): Finding[] {
  const firstById = new Map<string, Claim>();
  const findings: Finding[] = [];
  for (const claim of claims) {
    const first = firstById.get(claim.id);
    if (!first) {
      firstById.set(claim.id, claim);
      continue;
    }
    const why = first.hasExplicitId ? `claim ${first.index + 1} already has it` : `it is the default id of claim ${first.index + 1}`;
    findings.push(
      makeFinding('invalid-annotation', `Duplicate claim id '${claim.id}': ${why}`, file, claim.location.range, { claimId: claim.id, claimIndex: claim.index }),
    );
  }
  return findings;
}

/** Reads values out of YAML nodes, following aliases, and records where they were written. */
class NodeReader {
  constructor(
    private readonly document: Document,
    private readonly file: string,
    private readonly text: string,
  ) {}

  resolve(node: Node | null | undefined): Node | undefined {
    if (node === null || node === undefined) return undefined;
    if (isAlias(node)) return (node.resolve(this.document) as Node | undefined) ?? undefined;
    return node;
  }

  value(map: YAMLMap, key: string): Node | undefined {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    return pair ? this.resolve(pair.value as Node) : undefined;
  }

  string(node: Node | undefined): string | undefined {
    const resolved = this.resolve(node);
    if (!isScalar(resolved)) return undefined;
    const value = resolved.value;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  stringList(node: Node | undefined): string[] {
    const resolved = this.resolve(node);
    if (!isSeq(resolved)) return [];
    return resolved.items.map((item) => this.string(item as Node)).filter((value): value is string => value !== undefined);
  }

  selector(node: Node | undefined): SpanSelector | undefined {
    if (!isMap(node)) return undefined;
    const textNode = this.value(node, 'text');
    const text = this.string(textNode);
    if (text === undefined || text.trim() === '') return undefined;
    const occurrenceNode = this.value(node, 'occurrence');
    const occurrence = isScalar(occurrenceNode) && Number.isInteger(occurrenceNode.value) && (occurrenceNode.value as number) >= 1
      ? (occurrenceNode.value as number)
      : undefined;
    return {
      text,
      prefix: this.string(this.value(node, 'prefix')),
      suffix: this.string(this.value(node, 'suffix')),
      occurrence,
      location: this.location(node, true),
      textLocation: this.location(textNode),
    };
  }

  /** Where a node is written. For a mapping, `head` keeps only its first line. */
  location(node: Node | undefined, head = false): YamlLocation {
    const range: OffsetRange = node?.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
    return { file: this.file, range: head ? this.firstLine(range) : range };
  }

  head(node: Node | undefined): OffsetRange {
    const start = node?.range?.[0] ?? 0;
    return { start, end: lineEnd(this.text, start) };
  }

  private firstLine(range: OffsetRange): OffsetRange {
    return { start: range.start, end: Math.min(range.end, lineEnd(this.text, range.start)) };
  }
}

/** The keys written a second (or later) time in the same mapping, anywhere in the document. */
function duplicateKeys(root: unknown): Node[] {
  const duplicates: Node[] = [];
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) duplicates.push(pair.key);
          seen.add(pair.key.value);
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(root);
  return duplicates;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/**
 * Where to underline a syntax error. The parser reports some errors at the end of the file (a quote
 * never closed): those go back to the opening quote. One character is widened to the rest of its word.
 */
function syntaxErrorRange(text: string, range: OffsetRange): OffsetRange {
  let { start, end } = range;
  if (start >= text.length) {
    const opening = Math.max(text.lastIndexOf('"'), text.lastIndexOf("'"));
    start = opening !== -1 ? opening : lastContentLineStart(text);
    return { start, end: lineEnd(text, start) };
  }
  if (end <= start + 1) {
    end = start + 1;
    while (end < text.length && /\S/.test(text[end]) && !/[:,\]}]/.test(text[end])) end++;
  }
  return { start, end: Math.min(end, lineEnd(text, start) || end) };
}

function lastContentLineStart(text: string): number {
  const trimmed = text.trimEnd();
  return trimmed.lastIndexOf('\n') + 1;
}

/** The first line that is not blank or a comment: where a finding about the whole file goes. */
export function firstContentLine(text: string): OffsetRange {
  const pattern = /^[ \t]*(?!#)\S.*$/m;
  const match = pattern.exec(text);
  if (!match) return { start: 0, end: 0 };
  const start = match.index + (match[0].length - match[0].trimStart().length);
  return { start, end: match.index + match[0].trimEnd().length };
}

function keyRange(text: string, range: OffsetRange): OffsetRange {
  const colon = text.indexOf(':', range.start);
  const end = lineEnd(text, range.start);
  return { start: range.start, end: colon !== -1 && colon < end ? colon : end };
}
