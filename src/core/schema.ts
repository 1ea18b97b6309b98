// The JSON Schema of the annotation format is the one description of its structure. This validates a
// parsed file against it and turns each schema error into a finding at the YAML node it is about.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schemaJson from '../../schemas/annotation-file.schema.json';
import { closestMatches } from './closest';
import type { OffsetRange } from './model';
import { lineEnd } from './textIndex';
import type { YamlNode, YamlPair } from './yamlTree';

export const ANNOTATION_SCHEMA = schemaJson;

let validator: ValidateFunction | undefined;

function validate(value: unknown): readonly ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schemaJson);
  return validator(value) ? [] : (validator.errors ?? []);
}

export interface SchemaProblem {
  readonly message: string;
  readonly range: OffsetRange;
  /** The whole of what the problem is about (a mapping missing a field, a field and its value). */
  readonly about: OffsetRange;
  /**
   * The value is a claim's `type` or a source id, written as one word: the reference checks look it
   * up and report it when it names nothing (`unknown-claim-type`, `unknown-entity`, with a "did you
   * mean"), so a malformed one is reported there rather than twice.
   */
  readonly lookedUp?: boolean;
}

/**
 * Placing a problem searches its mapping, so a file with tens of thousands of problems (a hostile or
 * generated one) would take minutes: past this many, one problem says how many more there are.
 */
const MAX_PROBLEMS = 200;

/** Validates `value` (the file as plain data) and places each problem at its node in the tree `doc`. */
export function schemaProblems(doc: YamlNode, value: unknown, text: string): SchemaProblem[] {
  const errors = simplify(validate(value));
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const [index, error] of errors.entries()) {
    if (problems.length === MAX_PROBLEMS) {
      const last = problems[problems.length - 1].range;
      problems.push({ message: `${errors.length - index} more problems like these in the rest of the file`, range: last, about: last });
      break;
    }
    const path = pathSegments(error.instancePath);
    const problem = describe(doc, path, error, text);
    const key = `${problem.range.start}:${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(isLookedUp(path, error.data) ? { ...problem, lookedUp: true } : problem);
    }
  }
  return problems;
}

/**
 * Whether the value at `path` is a claim's type or one of its sources written as a word the model
 * reads as an id (parse.ts reads numbers and booleans as their text). An empty one is left to the
 * schema: there is nothing to look up.
 */
function isLookedUp(path: readonly string[], value: unknown): boolean {
  if (path[0] !== 'claims' || !(path.length === 3 || (path.length === 4 && path[2] === 'source'))) return false;
  if (path[2] !== 'type' && path[2] !== 'source') return false;
  return typeof value === 'string' ? value !== '' : typeof value === 'number' || typeof value === 'boolean';
}

function pathSegments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Drops the noise `oneOf` and `propertyNames` produce: the branch errors at the same place as a failed
 * `oneOf` are replaced by one message, unless a branch got deeper (then its deeper errors say more).
 */
function simplify(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  return errors.filter((error) => {
    if (error.keyword === 'propertyNames') return false;
    if (oneOfPaths.has(error.instancePath) && error.keyword !== 'oneOf') return false;
    if (error.keyword === 'oneOf') {
      return !errors.some((other) => other.instancePath.startsWith(error.instancePath + '/'));
    }
    return true;
  });
}

interface Located {
  /** The node at the path, when it exists. */
  readonly node?: YamlNode;
  /** The key of the pair whose value is the node, when it is a mapping value. */
  readonly key?: YamlNode;
}

function locate(doc: YamlNode, path: readonly string[]): Located {
  let node: YamlNode | undefined = doc;
  let key: YamlNode | undefined;
  for (const segment of path) {
    if (node?.kind === 'map') {
      // With duplicate keys the last one counts, as in the parsed value.
      const pair: YamlPair | undefined = node.pairs.findLast((item) => item.key.kind === 'scalar' && String(item.key.value) === segment);
      if (!pair) return {};
      key = pair.key.kind === 'scalar' ? pair.key : undefined;
      node = pair.value;
    } else if (node?.kind === 'seq') {
      node = node.items[Number(segment)];
      key = undefined;
    } else {
      return {};
    }
  }
  return { node, key };
}

function rangeOf(node: YamlNode | undefined): OffsetRange | undefined {
  return node ? { start: node.start, end: node.end } : undefined;
}

/** The first line of a node: a whole multi-line mapping would be too loud to underline. */
function headOf(node: YamlNode | undefined, text: string): OffsetRange | undefined {
  const range = rangeOf(node);
  if (!range) return undefined;
  return { start: range.start, end: Math.min(range.end, lineEnd(text, range.start)) };
}

function findPair(node: YamlNode | undefined, name: string): YamlPair | undefined {
  if (node?.kind !== 'map') return undefined;
  return node.pairs.findLast((item) => item.key.kind === 'scalar' && String(item.key.value) === name);
}

function findKey(node: YamlNode | undefined, name: string): YamlNode | undefined {
  return findPair(node, name)?.key;
}

/** Words for where a path points: "entity 'putin'", "claim 3 (kremlin-readout)". */
function subject(doc: YamlNode, path: readonly string[]): string {
  if (path.length === 0) return 'the file';
  const [top, key, field, index] = path;
  if (top === 'entities' && key !== undefined) {
    if (field === 'mentions' && index !== undefined) return `mention ${Number(index) + 1} of entity '${key}'`;
    return `entity '${key}'`;
  }
  if (top === 'claims' && key !== undefined) {
    const id = locate(doc, ['claims', key, 'id']).node;
    const name = id?.kind === 'scalar' && typeof id.value === 'string' && id.value !== '' ? ` (${id.value})` : '';
    return `claim ${Number(key) + 1}${name}`;
  }
  if (top === 'claimTypes' && key !== undefined) return `claim type '${key}'`;
  return `\`${top}\``;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value lines)',
  array: 'a list',
};

/** Why a value does not have the form the schema's pattern asks for; `field` tells a blank name from empty words. */
function patternMessage(pattern: string, value: unknown, field?: string): string {
  const shown = JSON.stringify(value);
  if (pattern.startsWith('^[a-z0-9]')) {
    return `${shown} is not a valid id: use lowercase letters, digits, '-' and '_', starting with a letter or digit`;
  }
  if (pattern.startsWith('^Q')) return `${shown} is not a Wikidata id (like Q7747)`;
  if (pattern.startsWith('^https?')) return `${shown} is not an http or https address`;
  if (pattern === '\\S') return field === 'name' ? 'the name is blank: write the name as readers see it' : 'the text is empty: write the words of the draft';
  return `${shown} does not have the expected form`;
}

/** What to write instead of an empty value, for the fields where it is not obvious. */
const EMPTY_REMEDIES: Record<string, string> = {
  aliases: ': write another name the draft uses, or remove it',
  anonymity: ': say why anonymity was granted',
  label: ': write the name the type is shown by',
};

/** An `article:` that names no draft by its extension (spec: a draft is a .txt or .md file). */
function notADraftMessage(value: unknown): string {
  if (value === '') return '`article:` is empty: give the path of the draft (a .txt or .md file), relative to this file';
  return `\`article:\` names ${JSON.stringify(value)}, which is not a draft: a draft is a .txt or .md file, and only drafts are checked`;
}

function describe(doc: YamlNode, path: readonly string[], error: ErrorObject, text: string): SchemaProblem {
  const { node, key } = locate(doc, path);
  const { message, range } = words(doc, path, error, text, node, key);
  // A field the schema does not know is about its pair, not the whole mapping it is in.
  const field = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : (error as ErrorObject & { propertyName?: string }).propertyName;
  const pair = field !== undefined ? findPair(node, field) : undefined;
  const about = pair ? { start: pair.key.start, end: pair.value?.end ?? pair.key.end } : (rangeOf(node) ?? range);
  return { message, range, about };
}

/** The message of a schema error and where to underline it. */
function words(
  doc: YamlNode,
  path: readonly string[],
  error: ErrorObject,
  text: string,
  node: YamlNode | undefined,
  key: YamlNode | undefined,
): { message: string; range: OffsetRange } {
  const field = path.length > 0 ? path[path.length - 1] : '';
  const whole = rangeOf(node) ?? { start: 0, end: 0 };
  const anchor = (node?.kind === 'map' || node?.kind === 'seq' ? (rangeOf(key) ?? headOf(node, text)) : rangeOf(node)) ?? whole;
  const where = subject(doc, path);
  const what = capitalise(fieldWords(doc, path));
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { message: `${capitalise(where)} needs \`${missing}\``, range: rangeOf(key) ?? headOf(node, text) ?? whole };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestion = closestMatches(extra, allowed, 1);
      const hint = suggestion.length > 0 ? `: did you mean \`${suggestion[0]}\`?` : ` (allowed: ${allowed.join(', ')})`;
      return {
        message: `Unknown field \`${extra}\` in ${where}${hint}`,
        range: rangeOf(findKey(node, extra)) ?? anchor,
      };
    }
    case 'pattern': {
      if (path.length === 1 && field === 'article') return { message: notADraftMessage(error.data), range: anchor };
      const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
      if (propertyName !== undefined) {
        return { message: patternMessage(error.params.pattern, propertyName), range: rangeOf(findKey(node, propertyName)) ?? anchor };
      }
      if (error.data === '' && error.params.pattern !== '\\S') return { message: `${what} is empty`, range: anchor };
      return { message: `${what}: ${patternMessage(error.params.pattern, error.data, field)}`, range: anchor };
    }
    case 'type': {
      const expected = String(error.params.type);
      const words = listOf(path) === 'source' ? 'an entity id' : (TYPE_WORDS[expected] ?? expected);
      return { message: `${what} must be ${words}`, range: anchor };
    }
    case 'enum': {
      // `status` allows the string "false" and YAML's false alike: named once.
      const allowed = [...new Set((error.params as { allowedValues: unknown[] }).allowedValues.map(String))];
      const suggestion = typeof error.data === 'string' ? closestMatches(error.data, allowed, 1) : [];
      const hint = suggestion.length > 0 ? ` Did you mean '${suggestion[0]}'?` : '';
      return {
        message: `${what} must be one of: ${allowed.join(', ')}.${hint}`,
        range: anchor,
      };
    }
    case 'const':
      if (path.length === 1 && field === 'version') {
        return { message: `Unsupported version ${JSON.stringify(error.data)}: this extension reads version 1`, range: anchor };
      }
      return { message: `${what} must be ${JSON.stringify(error.params.allowedValue)}`, range: anchor };
    case 'minLength':
      return { message: `${what} is empty${EMPTY_REMEDIES[listOf(path) ?? field] ?? ''}`, range: anchor };
    case 'minimum':
      return { message: `${what} must be ${String(error.params.limit)} or more${field === 'occurrence' ? ' (1 is the first match)' : ''}`, range: anchor };
    case 'minItems':
      return { message: `${what} is an empty list: write at least one item, or remove it`, range: anchor };
    case 'oneOf':
      return { message: oneOfMessage(what, field, error.data), range: anchor };
    default:
      return { message: `${what}: ${error.message ?? 'is not allowed here'}`, range: anchor };
  }
}

/** The message of a value that fits none of a field's forms; `what` names the field, `value` is what it holds. */
function oneOfMessage(what: string, field: string, value: unknown): string {
  if (field === 'source') {
    if (Array.isArray(value) && value.length === 0) return `${what} is an empty list: name at least one source or remove it`;
    if (value === '') return `${what} is empty: name the source's entity id or remove it`;
    return `${what} must be an entity id or a list of entity ids`;
  }
  if (field === 'evidence') return `${what} must be text or a list of texts`;
  if (field === 'acceptsBasis') return `${what} must be true, false or a list of bases`;
  return `${what} has an unexpected form`;
}

/** The list a path's last segment is an item of (`aliases` for entities/x/aliases/0), if it is one. */
function listOf(path: readonly string[]): string | undefined {
  return path.length >= 2 && /^\d+$/.test(path[path.length - 1]) ? path[path.length - 2] : undefined;
}

/** What the item of a list is called in a message: "alias 2 of entity 'putin'", "source 1 of claim 3". */
const LIST_ITEM_NOUNS: Record<string, string> = { aliases: 'alias', source: 'source', mentions: 'mention' };

/**
 * Words for the value at a path: "`name` of entity 'putin'", "alias 2 of entity 'putin'", "source 1
 * of claim 3", "item 2 of `evidence` of claim 3", "`article`", "claim 4".
 */
function fieldWords(doc: YamlNode, path: readonly string[]): string {
  if (path.length === 0) return 'the file';
  if (path.length === 2 && (path[0] === 'entities' || path[0] === 'claims' || path[0] === 'claimTypes')) return subject(doc, path);
  const list = listOf(path);
  if (list !== undefined) {
    const index = Number(path[path.length - 1]) + 1;
    const noun = LIST_ITEM_NOUNS[list];
    return ofOwner(noun ? `${noun} ${index}` : `item ${index} of \`${list}\``, doc, path.slice(0, -2));
  }
  return ofOwner(`\`${path[path.length - 1]}\``, doc, path.slice(0, -1));
}

function ofOwner(words: string, doc: YamlNode, owner: readonly string[]): string {
  return owner.length === 0 ? words : `${words} of ${subject(doc, owner)}`;
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
