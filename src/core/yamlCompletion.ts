// Completion in an annotation file: entity ids after `source:`, claim types, bases, statuses, entity
// types, and field names. Plain items with Markdown documentation; the editor layer only converts them.
import { claimAt, type Analysis } from './analysis';
import { BASIS_LABELS, BUILT_IN_CLAIM_TYPES } from './claimTypes';
import { entitiesNear } from './findings/attribution';
import { escapeMarkdown } from './markdown';
import { BASES, ENTITY_TYPES, STATUSES, type ClaimType, type Entity, type OffsetRange } from './model';
import { ANNOTATION_SCHEMA } from './schema';
import { completionContextAt, type FieldOwner, type YamlContext } from './yamlContext';

export type YamlCompletionKind = 'entity' | 'claim-type' | 'value' | 'field';

export interface YamlCompletionItem {
  readonly label: string;
  readonly insertText: string;
  readonly kind: YamlCompletionKind;
  /** Shown right after the label: an entity's name, a type's label. */
  readonly detail?: string;
  /** Shown on the right: an entity's type, where an item comes from. */
  readonly description?: string;
  /** Markdown, with every YAML value escaped. */
  readonly documentation?: string;
  readonly sortText: string;
  /** After a field name: open the suggestions again for its value. */
  readonly suggestAgain?: boolean;
}

export interface YamlCompletions {
  /** What the items replace: the part of the id, value or field name typed so far. */
  readonly range: OffsetRange;
  readonly items: readonly YamlCompletionItem[];
}

const STATUS_MEANINGS: Readonly<Record<string, string>> = {
  unverified: 'not checked yet (the default)',
  verified: 'checked and confirmed',
  disputed: 'contested: credible sources disagree',
  false: 'checked and found to be false',
  misleading: 'accurate in part, but gives a false impression',
};

const ENTITY_TYPE_MEANINGS: Readonly<Record<string, string>> = {
  person: 'a named or described individual',
  organization: 'a company, government body, party, newsroom...',
  place: 'a country, city, region or site',
  event: 'a war, an election, a summit...',
  work: 'a book, report, film, law or other document',
  group: 'people without an organization: protesters, residents...',
  other: 'anything else (the default)',
};

/** Field values the suggestions can complete: open them again once the field name is in. */
const COMPLETABLE_FIELDS: Readonly<Record<FieldOwner, readonly string[]>> = {
  top: [],
  entity: ['type'],
  claim: ['type', 'source', 'basis', 'status'],
  span: [],
  'claim-type': [],
};

/** Completions at `offset` of an annotation file's `text`; `analysis` gives the entities and claim types it can use. */
export function yamlCompletions(text: string, offset: number, analysis: Analysis | undefined): YamlCompletions | undefined {
  const context = completionContextAt(text, offset);
  if (!context) return undefined;
  const range = typedWord(text, offset, context.range);
  const items = itemsFor(context, text, range, analysis);
  return items.length > 0 ? { range, items } : undefined;
}

function itemsFor(context: YamlContext, text: string, range: OffsetRange, analysis: Analysis | undefined): YamlCompletionItem[] {
  switch (context.kind) {
    case 'source':
      return analysis ? sourceItems(analysis, context.claimIndex, new Set(context.siblings)) : [];
    case 'claim-type':
      return claimTypeItems(analysis ? [...analysis.claimTypes.values()] : BUILT_IN_CLAIM_TYPES);
    case 'basis':
      return basisItems(analysis, context.claimIndex);
    case 'status':
      return STATUSES.map((status, index) => valueItem(status, STATUS_MEANINGS[status], index));
    case 'entity-type':
      return ENTITY_TYPES.map((type, index) => valueItem(type, ENTITY_TYPE_MEANINGS[type], index));
    case 'field':
      return fieldItems(context.owner, context.present, /^[ \t]*:/.test(text.slice(range.end, range.end + 80)));
    default:
      return [];
  }
}

/** The id characters around the offset, within the scalar being typed (quotes stay where they are). */
function typedWord(text: string, offset: number, within: OffsetRange): OffsetRange {
  const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_-]/.test(ch);
  let start = offset;
  while (start > within.start && isWordChar(text[start - 1])) start--;
  let end = offset;
  while (end < within.end && isWordChar(text[end])) end++;
  return { start, end };
}

function sourceItems(analysis: Analysis, claimIndex: number, listed: ReadonlySet<string>): YamlCompletionItem[] {
  const claimRange = claimAt(analysis, claimIndex)?.range;
  const near = claimRange ? entitiesNear(analysis, claimRange) : [];
  const entities = [...analysis.entities.values()].filter((entity) => !listed.has(entity.id));
  return entities.map((entity) => {
    const rank = near.indexOf(entity.id);
    return {
      label: entity.id,
      insertText: entity.id,
      kind: 'entity',
      detail: entity.name,
      description: rank !== -1 ? `${entityKind(entity)} · named near the claim` : entityKind(entity),
      documentation: entityDocumentation(entity),
      // Entities the draft names near the claim first, nearest first; then the rest by id.
      sortText: rank !== -1 ? `0-${String(rank).padStart(4, '0')}` : `1-${entity.id}`,
    };
  });
}

function entityKind(entity: Entity): string {
  return entity.anonymous ? `${entity.type}, anonymous` : entity.type;
}

function entityDocumentation(entity: Entity): string {
  const lines = [`**${escapeMarkdown(entity.name)}** · ${escapeMarkdown(entityKind(entity))}`];
  if (entity.description) lines.push('', escapeMarkdown(entity.description));
  if (entity.fromRegistry) lines.push('', '*From the shared registry*');
  return lines.join('\n');
}

function claimTypeItems(types: readonly ClaimType[]): YamlCompletionItem[] {
  return types.map((type, index) => ({
    label: type.id,
    insertText: type.id,
    kind: 'claim-type',
    detail: type.label,
    description: type.builtIn ? 'built in' : 'declared in claimTypes',
    documentation: claimTypeRules(type),
    sortText: `${type.builtIn ? 1 : 0}-${String(index).padStart(3, '0')}`,
  }));
}

function claimTypeRules(type: ClaimType): string {
  const source = type.requiresSource ? 'Needs a source' : 'Needs no source';
  const bases =
    type.acceptedBases.length === 0
      ? 'accepts no basis instead'
      : `accepts a basis instead: ${type.acceptedBases.map((basis) => BASIS_LABELS[basis]).join(', ')}`;
  return `**${escapeMarkdown(type.label)}**\n\n${source}; ${bases}.`;
}

function basisItems(analysis: Analysis | undefined, claimIndex: number): YamlCompletionItem[] {
  const claim = analysis ? claimAt(analysis, claimIndex)?.claim : undefined;
  const type = claim ? analysis?.claimTypes.get(claim.type) : undefined;
  return BASES.map((basis, index) => {
    const accepted = !type || type.acceptedBases.includes(basis);
    return {
      ...valueItem(basis, BASIS_LABELS[basis], index),
      description: accepted ? undefined : `not accepted by ${type.id}`,
      sortText: `${accepted ? 0 : 1}-${index}`,
    };
  });
}

function valueItem(value: string, meaning: string, index: number): YamlCompletionItem {
  return { label: value, insertText: value, kind: 'value', detail: meaning, sortText: String(index).padStart(3, '0') };
}

interface SchemaProperty {
  readonly description?: string;
  readonly $ref?: string;
}

interface SchemaObject {
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, SchemaProperty>>;
}

const OWNER_DEFINITIONS: Readonly<Record<Exclude<FieldOwner, 'top'>, string>> = {
  entity: 'entity',
  claim: 'claim',
  span: 'mention',
  'claim-type': 'claimType',
};

/** The schema's description of a property, following `$ref`s within the schema. */
function describeProperty(property: SchemaProperty): string | undefined {
  let current: SchemaProperty | undefined = property;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.description) return current.description;
    if (!current.$ref?.startsWith('#/')) return undefined;
    let target: unknown = ANNOTATION_SCHEMA;
    for (const segment of current.$ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[segment];
    current = target as SchemaProperty | undefined;
  }
  return undefined;
}

/** Field names the schema allows in the mapping, those already there left out. */
function fieldItems(owner: FieldOwner, present: readonly string[], colonFollows: boolean): YamlCompletionItem[] {
  const definitions = (ANNOTATION_SCHEMA as { definitions: Record<string, SchemaObject> }).definitions;
  const object: SchemaObject = owner === 'top' ? (ANNOTATION_SCHEMA as SchemaObject) : definitions[OWNER_DEFINITIONS[owner]];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {})
    .filter(([name]) => !present.includes(name))
    .map(([name, property], index) => ({
      label: name,
      insertText: colonFollows ? name : `${name}: `,
      kind: 'field',
      detail: required.has(name) ? 'required' : undefined,
      documentation: describeProperty(property),
      // Required fields first, then the schema's order (which is the spec's).
      sortText: `${required.has(name) ? 0 : 1}-${String(index).padStart(3, '0')}`,
      suggestAgain: !colonFollows && COMPLETABLE_FIELDS[owner].includes(name),
    }));
}
