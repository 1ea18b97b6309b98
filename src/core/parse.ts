// YAML text -> annotation model + findings placed at the offending node. Never throws: a broken file
// yields findings for what is wrong and a model of everything that could still be read.
import { parseDocument, type Document } from 'yaml';
import { BASES, ENTITY_TYPES, STATUSES, type Basis, type Claim, type ClaimStatus, type ClaimType, type Entity, type EntityType, type Finding, type OffsetRange, type SourceRef, type SpanSelector, type YamlLocation } from './model';
import { schemaProblems } from './schema';
import { makeFinding } from './findingFactory';
import { lineEnd, RangeIndex } from './textIndex';
import { MAX_FLOW_DEPTH, tooDeeplyNested } from './yamlLimits';
import { readSimpleYaml, simplePlainValue } from './simpleYaml';
import { duplicateKeys, resolved, treeFromDocument, valueAt, type YamlMapping, type YamlNode, type YamlPair, type YamlScalar, type YamlSequence } from './yamlTree';

export interface ParsedAnnotationFile {
  readonly file: string;
  readonly text: string;
  /** The `article:` value and where it is written. */
  readonly article?: { readonly path: string; readonly location: YamlLocation };
  /** Whether the file writes an `article:` key, read as a path or not (empty, not text: the schema says why). */
  readonly articleWritten?: boolean;
  readonly entities: readonly Entity[];
  readonly claims: readonly Claim[];
  readonly claimTypes: readonly ClaimType[];
  /** Problems of the file itself: syntax, schema, duplicates. */
  readonly findings: readonly Finding[];
  /**
   * The `yaml` library's Document, for edits that keep the user's comments and layout and for
   * navigation. Made on first use when the fast reader read the file: most analyses never need it.
   */
  readonly document: Document;
}

/** Generous bounds that keep hostile files (alias bombs, deep nesting) from stalling the editor. */
const MAX_ALIAS_COUNT = 1000;
/** Past this many syntax errors (garbage, a binary file), one finding says how many more there are. */
const MAX_SYNTAX_FINDINGS = 100;

/** How the library parses annotation files, for the model and for edits alike. */
export function parseWithLibrary(text: string): Document {
  // The parser's own duplicate-key check compares each key with every other (quadratic: a mapping of
  // 500,000 keys never finishes); the fast reader and duplicateKeys() find them in one pass.
  // logLevel 'error': a mapping used as a key would otherwise print a process warning from toJS().
  return parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
}

type FileContents = Omit<ParsedAnnotationFile, 'document'>;

/** The parsed file, with the library's Document made when first asked for unless it already exists. */
function withDocument(contents: FileContents, document?: Document): ParsedAnnotationFile {
  let made = document;
  return {
    ...contents,
    get document(): Document {
      made ??= parseWithLibrary(contents.text);
      return made;
    },
  };
}

export function parseAnnotationFile(file: string, text: string, fromRegistry = false): ParsedAnnotationFile {
  const findings: Finding[] = [];
  let document: Document | undefined;
  const unread = (): ParsedAnnotationFile => withDocument({ file, text, entities: [], claims: [], claimTypes: [], findings }, document);
  // Most files are plain block YAML that the fast reader reads alone (it nests no brackets); the rest,
  // and every file with a syntax error, go to the library.
  const simple = readSimpleYaml(text);
  let root = simple?.root;
  let duplicates = simple?.duplicateKeys;
  /**
   * Where syntax errors are. What was read there may be the error's debris (a key swallowed by a
   * quotation never closed, a value split in two): the problems found in it are not reported, and the
   * entities and claims written across it are marked, until the error is fixed.
   */
  let brokenBySyntax: RangeIndex | undefined;
  if (root === undefined) {
    const tooDeep = tooDeeplyNested(text);
    if (tooDeep !== undefined) {
      const message = `YAML syntax: brackets nested more than ${MAX_FLOW_DEPTH} deep; the file is not read`;
      findings.push(makeFinding('yaml-syntax', message, file, { start: tooDeep, end: tooDeep + 1 }));
      document = parseDocument('');
      return unread();
    }
    document = parseWithLibrary(text);
    const damage: OffsetRange[] = [];
    for (const [index, error] of document.errors.entries()) {
      const found = { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) };
      const shown = syntaxErrorRange(text, found);
      if (index < MAX_SYNTAX_FINDINGS) findings.push(makeFinding('yaml-syntax', `YAML syntax: ${firstLine(error.message)}`, file, shown));
      // What the error may have broken: from where it is shown to where the parser found it (a
      // quotation never closed runs from its opening mark to the end of the file).
      damage.push({ start: Math.min(found.start, shown.start), end: Math.max(found.end, shown.end, found.start + 1) });
    }
    if (damage.length > 0) brokenBySyntax = new RangeIndex(damage);
    if (document.errors.length > MAX_SYNTAX_FINDINGS) {
      const more = document.errors.length - MAX_SYNTAX_FINDINGS;
      const at = document.errors[MAX_SYNTAX_FINDINGS].pos[0];
      findings.push(makeFinding('yaml-syntax', `YAML syntax: ${more} more errors from here on`, file, { start: at, end: Math.min(text.length, at + 1) }));
    }
    root = treeFromDocument(document);
    duplicates = duplicateKeys(root);
  }
  for (const key of duplicates ?? []) {
    const range = { start: key.start, end: key.end };
    if (brokenBySyntax?.overlaps(range)) continue;
    findings.push(makeFinding('invalid-annotation', `Duplicate key '${text.slice(key.start, key.end)}': only the last one counts`, file, range));
  }

  const reader = new NodeReader(file, text);
  if (root === undefined || (root.kind === 'scalar' && (root.value === null || root.value === ''))) {
    findings.push(makeFinding('invalid-annotation', 'The annotation file is empty: it needs at least `version: 1`', file, { start: 0, end: 0 }));
    return unread();
  }
  if (root.kind !== 'map') {
    findings.push(
      makeFinding('invalid-annotation', 'An annotation file is a mapping with `version`, `entities` and `claims`', file, reader.head(root)),
    );
    return unread();
  }

  let plain: unknown;
  try {
    plain = document ? document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) : simplePlainValue(root);
  } catch (error) {
    findings.push(makeFinding('invalid-annotation', `The file could not be read: ${(error as Error).message}`, file, firstContentLine(text)));
  }
  if (plain !== undefined) {
    // What the registry can't use is one finding each (notForTheRegistry), not also every mistake in it.
    const unusedByRegistry = fromRegistry
      ? new RangeIndex(root.pairs.flatMap((pair) => (pair.key.kind === 'scalar' && String(pair.key.value) in NOT_FOR_THE_REGISTRY && pair.value ? [pair.value] : [])))
      : undefined;
    for (const problem of schemaProblems(root, plain, text)) {
      if (problem.lookedUp || brokenBySyntax?.overlaps(problem.about) || unusedByRegistry?.overlaps(problem.about)) continue;
      findings.push(makeFinding('invalid-annotation', problem.message, file, problem.range));
    }
  }

  if (fromRegistry) {
    // The registry's claims, claim types and `article:` serve no article: said, and left out of its model.
    findings.push(...notForTheRegistry(root, file));
    return withDocument({ file, text, entities: lastOfEachId(readEntities(reader, root, true, brokenBySyntax)), claims: [], claimTypes: [], findings }, document);
  }

  const articleNode = valueAt(root, 'article');
  const articlePath = articlePathOf(articleNode);
  const article = articlePath !== undefined ? { path: articlePath, location: reader.location(articleNode) } : undefined;

  const entities = readEntities(reader, root, false, brokenBySyntax);

  const claims: Claim[] = [];
  const claimsNode = valueAt(root, 'claims');
  if (isSequence(claimsNode)) {
    claimsNode.items.forEach((item, index) => {
      const claim = readClaim(reader, resolved(item), index, brokenBySyntax);
      if (claim) claims.push(claim);
    });
  }
  // Where a claim's `id:` is written: looked up for an id written twice only, not kept on every claim.
  const idWritten = (claim: Claim): OffsetRange | undefined => {
    const item = isSequence(claimsNode) ? resolved(claimsNode.items[claim.index]) : undefined;
    const idNode = isMapping(item) ? valueAt(item, 'id') : undefined;
    return idNode ? reader.location(idNode).range : undefined;
  };
  findings.push(...duplicateClaimIds(claims, file, idWritten));

  const claimTypes: ClaimType[] = [];
  const typesNode = valueAt(root, 'claimTypes');
  if (isMapping(typesNode)) {
    for (const pair of typesNode.pairs) {
      const declared = readClaimType(reader, pair);
      if (declared) claimTypes.push(declared);
    }
  }

  // With an id written twice the last one counts, as the duplicate-key finding says: the first copy
  // is no entity (it would be reported unused) and no claim type.
  const articleWritten = root.pairs.some((pair) => pair.key.kind === 'scalar' && String(pair.key.value) === 'article');
  return withDocument({ file, text, article, articleWritten, entities: lastOfEachId(entities), claims, claimTypes: lastOfEachId(claimTypes), findings }, document);
}

/** The items in order, each id once: the last item that has it, where it is. */
function lastOfEachId<T extends { readonly id: string }>(items: readonly T[]): readonly T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    byId.delete(item.id);
    byId.set(item.id, item);
  }
  return byId.size === items.length ? items : [...byId.values()];
}

function readEntities(reader: NodeReader, root: YamlMapping, fromRegistry: boolean, brokenBySyntax: RangeIndex | undefined): Entity[] {
  const entities: Entity[] = [];
  const entitiesNode = valueAt(root, 'entities');
  if (isMapping(entitiesNode)) {
    for (const pair of entitiesNode.pairs) {
      const entity = readEntity(reader, pair, fromRegistry, brokenBySyntax);
      if (entity) entities.push(entity);
    }
  }
  return entities;
}

/** The top-level keys of an article's file that the registry can't use: why, and where they go instead. */
const NOT_FOR_THE_REGISTRY: Readonly<Record<string, string>> = {
  claims: 'The shared registry holds entities only, so these claims are checked against no draft: move them to the annotation file of the article they are about',
  claimTypes: 'The shared registry holds entities only, so these claim types are used by no article: declare them in the annotation file of each article that uses them',
  article: "The shared registry holds entities only and annotates no draft: remove `article:` (each article's own annotation file names its draft)",
};

/** A finding on each top-level key of the registry that only an article's file can use (every one, if written twice). */
function notForTheRegistry(root: YamlMapping, file: string): Finding[] {
  const findings: Finding[] = [];
  for (const { key } of root.pairs) {
    const name = key.kind === 'scalar' && typeof key.value === 'string' ? key.value : undefined;
    if (name === undefined || !Object.hasOwn(NOT_FOR_THE_REGISTRY, name)) continue;
    findings.push(makeFinding('invalid-annotation', NOT_FOR_THE_REGISTRY[name], file, { start: key.start, end: key.end }));
  }
  return findings;
}

/**
 * The `article:` path of a file's text, read as parseAnnotationFile reads it: the same tree (the fast
 * reader's, else the library's) and the same rule. For discovery, which needs nothing else of the file.
 */
export function readArticlePath(text: string): string | undefined {
  let root = readSimpleYaml(text)?.root;
  if (root === undefined) {
    if (tooDeeplyNested(text) !== undefined) return undefined;
    root = treeFromDocument(parseWithLibrary(text));
  }
  return isMapping(root) ? articlePathOf(valueAt(root, 'article')) : undefined;
}

/** The path an `article:` value gives: none when it is empty (the schema check reports that), not text, or absent. */
function articlePathOf(node: YamlNode | undefined): string | undefined {
  const path = scalarText(node);
  return path === '' ? undefined : path;
}

/** A scalar's value as text (numbers and booleans written out, as a path or id written unquoted reads). */
function scalarText(node: YamlNode | undefined): string | undefined {
  const scalar = resolved(node);
  if (!isScalarNode(scalar)) return undefined;
  const value = scalar.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isMapping(node: YamlNode | undefined): node is YamlMapping {
  return node?.kind === 'map';
}

function isSequence(node: YamlNode | undefined): node is YamlSequence {
  return node?.kind === 'seq';
}

function isScalarNode(node: YamlNode | undefined): node is YamlScalar {
  return node?.kind === 'scalar';
}

function readEntity(reader: NodeReader, pair: YamlPair, fromRegistry: boolean, brokenBySyntax: RangeIndex | undefined): Entity | undefined {
  const id = reader.string(pair.key);
  const node = resolved(pair.value);
  if (id === undefined) return undefined;
  const keyLocation = reader.location(pair.key);
  const field = (name: string): YamlNode | undefined => (isMapping(node) ? valueAt(node, name) : undefined);
  const type = reader.string(field('type'));
  const aliases = reader.stringList(field('aliases'));
  const mentionsNode = field('mentions');
  const mentions: SpanSelector[] = [];
  if (isSequence(mentionsNode)) {
    for (const item of mentionsNode.items) {
      const selector = reader.selector(resolved(item));
      if (selector) mentions.push(selector);
    }
  }
  const anonymousNode = field('anonymous');
  const anonymous = isScalarNode(anonymousNode) && anonymousNode.value === true;
  return {
    id,
    // A name left empty or blank would be an empty label in the outline and "****" in the card.
    name: reader.string(field('name'))?.trim() || id,
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
    overlapsSyntaxError: brokenBySyntax?.overlaps({ start: pair.key.start, end: (pair.value ?? pair.key).end }) ?? false,
  };
}

function readClaim(reader: NodeReader, node: YamlNode | undefined, index: number, brokenBySyntax: RangeIndex | undefined): Claim | undefined {
  if (!isMapping(node)) return undefined;
  // Read for every claim of a file of thousands: no closure, arrays made at their size, and one
  // location object for the claim and its selector (both are the mapping's first line).
  const idNode = valueAt(node, 'id');
  const explicitId = reader.string(idNode);
  const typeNode = valueAt(node, 'type');
  const sourceNode = valueAt(node, 'source');
  let sources: SourceRef[];
  if (isSequence(sourceNode)) {
    sources = [];
    for (const item of sourceNode.items) {
      const written = resolved(item);
      const id = reader.string(written);
      if (id !== undefined) sources.push({ id, location: reader.location(written) });
    }
  } else {
    const id = reader.string(sourceNode);
    sources = id !== undefined ? [{ id, location: reader.location(sourceNode) }] : [];
  }
  const basisNode = valueAt(node, 'basis');
  const basis = reader.string(basisNode);
  const status = reader.string(valueAt(node, 'status'));
  const evidenceNode = valueAt(node, 'evidence');
  const evidenceText = isSequence(evidenceNode) ? undefined : reader.string(evidenceNode);
  const evidence = isSequence(evidenceNode) ? reader.stringList(evidenceNode) : evidenceText !== undefined ? [evidenceText] : [];
  const location = reader.location(node, true);
  return {
    id: explicitId ?? `c${index + 1}`,
    hasExplicitId: explicitId !== undefined,
    index,
    selector: reader.selector(node, location),
    type: reader.string(typeNode) ?? '',
    typeLocation: typeNode ? reader.location(typeNode) : undefined,
    sources,
    basis: BASES.includes(basis as Basis) ? (basis as Basis) : undefined,
    basisLocation: basisNode ? reader.location(basisNode) : undefined,
    status: STATUSES.includes(status as ClaimStatus) ? (status as ClaimStatus) : 'unverified',
    evidence,
    checkedBy: reader.string(valueAt(node, 'checkedBy')),
    note: reader.string(valueAt(node, 'note')),
    location,
    overlapsSyntaxError: brokenBySyntax?.overlaps(node) ?? false,
  };
}

function readClaimType(reader: NodeReader, pair: YamlPair): ClaimType | undefined {
  const id = reader.string(pair.key);
  const node = resolved(pair.value);
  if (id === undefined || !isMapping(node)) return undefined;
  const requires = valueAt(node, 'requiresSource');
  const accepts = valueAt(node, 'acceptsBasis');
  let acceptedBases: Basis[] = [];
  if (isScalarNode(accepts) && accepts.value === true) acceptedBases = [...BASES];
  if (isSequence(accepts)) acceptedBases = reader.stringList(accepts).filter((b): b is Basis => BASES.includes(b as Basis));
  return {
    id,
    label: reader.string(valueAt(node, 'label')) ?? id,
    requiresSource: !(isScalarNode(requires) && requires.value === false),
    acceptedBases,
    builtIn: false,
  };
}

function duplicateClaimIds(claims: readonly Claim[], file: string, idWritten: (claim: Claim) => OffsetRange | undefined): Finding[] {
  const firstById = new Map<string, Claim>();
  const findings: Finding[] = [];
  for (const claim of claims) {
    const first = firstById.get(claim.id);
    if (!first) {
      firstById.set(claim.id, claim);
      continue;
    }
    const why = first.hasExplicitId ? `claim ${first.index + 1} already has it` : `it is the default id of claim ${first.index + 1}`;
    // At the id that is written twice; a default id is written nowhere, so then at the claim.
    const range = (claim.hasExplicitId ? idWritten(claim) : undefined) ?? claim.location.range;
    findings.push(makeFinding('invalid-annotation', `Duplicate claim id '${claim.id}': ${why}`, file, range, { claimId: claim.id, claimIndex: claim.index }));
  }
  return findings;
}

/** Reads values out of the tree, following aliases, and records where they were written. */
class NodeReader {
  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  string(node: YamlNode | undefined): string | undefined {
    return scalarText(node);
  }

  stringList(node: YamlNode | undefined): string[] {
    const list = resolved(node);
    if (!isSequence(list)) return [];
    return list.items.map((item) => this.string(item)).filter((value): value is string => value !== undefined);
  }

  /** The selector written in `node`, a mapping whose first line is at `location` when the caller has it. */
  selector(node: YamlNode | undefined, location?: YamlLocation): SpanSelector | undefined {
    if (!isMapping(node)) return undefined;
    const textNode = valueAt(node, 'text');
    const text = this.string(textNode);
    if (text === undefined || text.trim() === '') return undefined;
    const occurrenceNode = valueAt(node, 'occurrence');
    const occurrence = isScalarNode(occurrenceNode) && Number.isInteger(occurrenceNode.value) && (occurrenceNode.value as number) >= 1
      ? (occurrenceNode.value as number)
      : undefined;
    return {
      text,
      prefix: this.string(valueAt(node, 'prefix')),
      suffix: this.string(valueAt(node, 'suffix')),
      occurrence,
      location: location ?? this.location(node, true),
      textLocation: this.location(textNode),
    };
  }

  /** Where a node is written. For a mapping, `head` keeps only its first line. */
  location(node: YamlNode | undefined, head = false): YamlLocation {
    if (!node) return { file: this.file, range: { start: 0, end: 0 } };
    const end = head ? Math.min(node.end, lineEnd(this.text, node.start)) : node.end;
    return { file: this.file, range: { start: node.start, end } };
  }

  head(node: YamlNode | undefined): OffsetRange {
    const start = node?.start ?? 0;
    return { start, end: lineEnd(this.text, start) };
  }
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

