// Navigation in an annotation file, as plain data: from an entity id to its definition, to every
// place that uses it (the `source` ids of the YAML files and the mentions in the drafts), renaming
// it everywhere; and from a span's `text:` to where it anchored in the draft.
//
// `analysis` is the analysis the annotation file takes part in, computed on the text the offsets
// are in; `world` is every other analysis known (other articles sharing the registry, for one).
import * as path from 'path';
import { parsedFileOf, type Analysis } from './analysis';
import type { AnchorResult } from './anchor';
import { replaceScalar, type TextEdit } from './edits';
import { textHash, type Expectation } from './fixes';
import { ID_PATTERN, type Entity, type OffsetRange, type SpanSelector } from './model';
import type { ParsedAnnotationFile } from './parse';
import { yamlContextAt } from './yamlContext';
import { claimName } from './labels';

/** A range of a file, with the text of the file it was computed on (for converting it to lines). */
export interface TextLocation {
  readonly file: string;
  readonly range: OffsetRange;
  readonly text: string;
}

/** An entity id where the user points: an entity's key or a `source` value. */
export interface EntityAt {
  readonly id: string;
  /** The id as written, without quotes. */
  readonly range: OffsetRange;
  /** The entity it names; undefined when none does (an unknown source). */
  readonly entity?: Entity;
  readonly isKey: boolean;
}

export function entityAt(analysis: Analysis, file: string, offset: number): EntityAt | undefined {
  const parsed = parsedFileOf(analysis, file);
  if (!parsed) return undefined;
  const context = yamlContextAt(parsed.document, offset);
  if (context?.kind === 'entity-key') {
    const entity = parsed.entities.find((candidate) => candidate.keyLocation.range.start === context.range.start);
    return { id: context.id, range: unquoted(parsed.text, context.range), entity, isKey: true };
  }
  if (context?.kind === 'source' && context.id !== '') {
    const entity = parsed === analysis.annotations ? analysis.entities.get(context.id) : undefined;
    return { id: context.id, range: unquoted(parsed.text, context.range), entity, isKey: false };
  }
  return undefined;
}

function unquoted(text: string, range: OffsetRange): OffsetRange {
  const first = text[range.start];
  if ((first === '"' || first === "'") && range.end - range.start >= 2 && text[range.end - 1] === first) {
    return { start: range.start + 1, end: range.end - 1 };
  }
  return range;
}

/** The same entity: same id, defined in the same file (an article's own entity hides the registry's). */
function sameEntity(candidate: Entity | undefined, entity: Entity): boolean {
  return candidate !== undefined && candidate.id === entity.id && candidate.keyLocation.file === entity.keyLocation.file;
}

/** An entity id written in a YAML file: a key or a `source` value, its range as written (quotes included). */
interface IdOccurrence {
  readonly parsed: ParsedAnnotationFile;
  readonly range: OffsetRange;
}

function declarationOf(analysis: Analysis, entity: Entity): IdOccurrence[] {
  const parsed = parsedFileOf(analysis, entity.keyLocation.file);
  return parsed ? [{ parsed, range: entity.keyLocation.range }] : [];
}

/** The `source` ids naming the entity (or, for an unknown id, naming that id in `file`) in the YAML files. */
function sourceOccurrences(target: EntityAt, analyses: readonly Analysis[], file: string): IdOccurrence[] {
  const occurrences: IdOccurrence[] = [];
  for (const analysis of analyses) {
    const names = target.entity ? sameEntity(analysis.entities.get(target.id), target.entity) : analysis.annotations.file === file;
    if (!names) continue;
    for (const claim of analysis.annotations.claims) {
      for (const source of claim.sources) {
        if (source.id === target.id) occurrences.push({ parsed: analysis.annotations, range: source.location.range });
      }
    }
  }
  return occurrences;
}

/** Each place once: a file analysed with several drafts is in several analyses. */
function unique<T extends { readonly range: OffsetRange }>(items: readonly T[], fileOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${fileOf(item)}\0${item.range.start}\0${item.range.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function idLocation({ parsed, range }: IdOccurrence): TextLocation {
  return { file: parsed.file, range: unquoted(parsed.text, range), text: parsed.text };
}

/** Analyses in which to look, the one the request came from first, each once. */
function everywhere(analysis: Analysis, world: readonly Analysis[]): Analysis[] {
  return [...new Set([analysis, ...world])];
}

function mentionLocations(entity: Entity, analyses: readonly Analysis[]): TextLocation[] {
  const locations: TextLocation[] = [];
  for (const analysis of analyses) {
    const draft = analysis.draft;
    if (!draft || !sameEntity(analysis.entities.get(entity.id), entity)) continue;
    for (const mention of analysis.mentions) {
      if (mention.entityId === entity.id) locations.push({ file: draft.path, range: mention.range, text: draft.text });
    }
  }
  return locations;
}

export interface Definition {
  /** The id or `text:` value the request was made on. */
  readonly origin: OffsetRange;
  readonly targets: readonly TextLocation[];
}

/** Where the id or span at `offset` leads: an entity's definition, or a span's place in the draft. */
export function yamlDefinition(analysis: Analysis, file: string, offset: number, world: readonly Analysis[] = []): Definition | undefined {
  const target = entityAt(analysis, file, offset);
  if (target) return { origin: target.range, targets: target.entity ? declarationOf(analysis, target.entity).map(idLocation) : [] };
  const parsed = parsedFileOf(analysis, file);
  const context = parsed ? yamlContextAt(parsed.document, offset) : undefined;
  if (!parsed || context?.kind !== 'span-text') return undefined;
  const targets: TextLocation[] = [];
  for (const { draft, anchor } of spanAnchors(analysis, parsed, context.range.start, world)) {
    if (anchor.kind === 'found') targets.push({ file: draft.path, range: anchor.range, text: draft.text });
  }
  return { origin: context.range, targets };
}

/** Every place the entity at `offset` is used: `source` ids in the YAML files and mentions in the drafts. */
export function entityReferences(
  analysis: Analysis,
  file: string,
  offset: number,
  world: readonly Analysis[] = [],
  includeDeclaration = true,
): TextLocation[] | undefined {
  const target = entityAt(analysis, file, offset);
  if (!target) return undefined;
  const analyses = everywhere(analysis, world);
  const ids = [...(target.entity && includeDeclaration ? declarationOf(analysis, target.entity) : []), ...sourceOccurrences(target, analyses, file)];
  const mentions = target.entity ? mentionLocations(target.entity, analyses) : [];
  return unique([...unique(ids, (id) => id.parsed.file).map(idLocation), ...mentions], (location) => location.file);
}

export type RenamePreparation = { readonly range: OffsetRange; readonly id: string } | { readonly error: string };

const NOT_AN_ID = 'Only entity ids can be renamed: put the cursor on an entity\'s key under `entities:` or on an id after `source:`.';

export function prepareEntityRename(analysis: Analysis, file: string, offset: number): RenamePreparation {
  const target = entityAt(analysis, file, offset);
  if (!target) return { error: NOT_AN_ID };
  if (!target.entity) return { error: `No entity has the id '${target.id}': there is nothing to rename. Define it under \`entities:\` first.` };
  return { range: target.range, id: target.id };
}

export type RenameResult =
  | {
      readonly edits: readonly TextEdit[];
      /** Each edited file as it was when the edits were computed: they apply to that text only. */
      readonly expect: readonly Expectation[];
    }
  | { readonly error: string };

/**
 * The edits that rename the entity at `offset` to `newId`: its key and every `source` naming it, in
 * this file and, for a registry entity, in every article file of `world` that uses it. Drafts are
 * never edited: they name entities by name, not by id.
 */
export function renameEntity(analysis: Analysis, file: string, offset: number, newId: string, world: readonly Analysis[] = []): RenameResult {
  const prepared = prepareEntityRename(analysis, file, offset);
  if ('error' in prepared) return prepared;
  const target = entityAt(analysis, file, offset)!;
  const entity = target.entity!;
  if (newId === entity.id) return { edits: [], expect: [] };
  if (!ID_PATTERN.test(newId)) {
    return { error: `'${newId}' is not a valid entity id: use lowercase letters, digits, '-' and '_', starting with a letter or a digit.` };
  }
  const analyses = everywhere(analysis, world);
  const conflict = renameConflict(entity, newId, analyses);
  if (conflict) return { error: conflict };
  const occurrences = unique([...declarationOf(analysis, entity), ...sourceOccurrences(target, analyses, file)], (id) => id.parsed.file);
  const edits = occurrences.flatMap(({ parsed, range }) => replaceScalar(parsed, range, newId));
  const files = [...new Set(occurrences.map((occurrence) => occurrence.parsed))];
  return { edits, expect: files.map((parsed) => ({ file: parsed.file, text: textHash(parsed.text) })) };
}

/** Why `newId` can't be used, if it can't: another entity has it where the renamed one is seen. */
function renameConflict(entity: Entity, newId: string, analyses: readonly Analysis[]): string | undefined {
  const home = entity.keyLocation.file;
  for (const analysis of analyses) {
    const existing = analysis.entities.get(newId);
    // Visible from a file that sees the renamed entity, or defined next to it.
    const seesEntity = sameEntity(analysis.entities.get(entity.id), entity);
    const sameHome = parsedFileOf(analysis, home)?.entities.some((other) => other.id === newId && other.keyLocation.file === home);
    if (sameHome) return `There is already an entity '${newId}' in ${path.basename(home)}.`;
    // A source naming an id no entity has (an unknown-entity warning) would silently become this entity's.
    const dangling = seesEntity && !existing ? analysis.claims.find(({ claim }) => claim.sources.some((source) => source.id === newId)) : undefined;
    if (dangling) {
      return `${claimName(dangling.claim, true)} in ${path.basename(dangling.claim.location.file)} already names '${newId}' as its source, with no entity of that id: renaming would attribute it to ${entity.name}.`;
    }
    if (!seesEntity || !existing) continue;
    if (existing.keyLocation.file !== home) {
      return entity.fromRegistry
        ? `${path.basename(existing.keyLocation.file)} has its own entity '${newId}', which would hide the renamed one there.`
        : `The shared registry ${path.basename(existing.keyLocation.file)} already has an entity '${newId}'; renaming would hide it in ${path.basename(home)}.`;
    }
  }
  return undefined;
}

/** A span's `text:` anchored in one draft. */
export interface SpanAnchor {
  readonly draft: NonNullable<Analysis['draft']>;
  readonly anchor: AnchorResult;
}

/**
 * Where the span whose `text:` value starts at `textStart` anchored: a claim in its draft; an explicit
 * mention in the draft of each analysis that sees its entity (a registry entity's, in every article's).
 */
export function spanAnchors(analysis: Analysis, parsed: ParsedAnnotationFile, textStart: number, world: readonly Analysis[] = []): SpanAnchor[] {
  const isAt = (selector: SpanSelector | undefined): boolean => selector?.textLocation.range.start === textStart;
  if (parsed === analysis.annotations) {
    const anchored = analysis.claims.find((candidate) => isAt(candidate.claim.selector));
    if (anchored) return analysis.draft && anchored.anchor ? [{ draft: analysis.draft, anchor: anchored.anchor }] : [];
  }
  const entity = parsed.entities.find((candidate) => candidate.mentions.some(isAt));
  const selector = entity?.mentions.find(isAt);
  if (!entity || !selector) return [];
  const anchors: SpanAnchor[] = [];
  const drafts = new Set<string>();
  for (const candidate of everywhere(analysis, world)) {
    const draft = candidate.draft;
    if (!draft || drafts.has(draft.path) || !sameEntity(candidate.entities.get(entity.id), entity)) continue;
    drafts.add(draft.path);
    // As the analysis anchors them: a registry entity's mentions only where the words are exact.
    anchors.push({ draft, anchor: draft.prepared.anchorAll([selector], { fuzzy: !entity.fromRegistry })[0] });
  }
  return anchors;
}
