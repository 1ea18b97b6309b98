// Quick fixes for findings, as plain data: a title, the edits to make (YAML edits keep the user's
// file, see edits.ts), what must still be in the files for the edits to apply, and whether the fix
// needs a choice from the user (then the editor asks, and makes the edits itself).
import { claimAt, overlaps, parsedFileOf, type Analysis } from './analysis';
import { BASIS_LABELS } from './claimTypes';
import { addClaim, addEntity, mapStartingAt, replaceScalar, setClaimField, setEntityField, setFields, type TextEdit } from './edits';
import { entitiesNear } from './findings/attribution';
import { isQuotationMark } from './findings/quotes';
import type { Entity, Finding, OffsetRange, SpanSelector } from './model';
import { describeSpan } from './selectors';

/** A check made before applying a fix: the file still has this text (or this text under `range`). */
export interface Expectation {
  readonly file: string;
  /** Undefined: the whole file, compared by hash. */
  readonly range?: OffsetRange;
  /** The text under `range`, or the hash of the whole file. */
  readonly text: string;
}

/** Something the editor asks the user before it can fix (pick an entity...). */
export type Interaction =
  | { readonly kind: 'attribute-claim'; readonly draft: string; readonly claimIndex: number }
  | { readonly kind: 'annotate-quote'; readonly draft: string; readonly range: OffsetRange }
  | { readonly kind: 'reveal'; readonly file: string; readonly range: OffsetRange };

export interface Fix {
  readonly title: string;
  /** The finding code it fixes. */
  readonly code: string;
  readonly isPreferred?: boolean;
  /** Needs no choice: part of "Fix all" for its code and of source.fixAll. */
  readonly fixAll?: boolean;
  readonly edits: readonly TextEdit[];
  /** Where the editor should put the cursor after the edits: a range of the edited text of `file`. */
  readonly placeholder?: { readonly file: string; readonly offset: number; readonly length: number };
  readonly interaction?: Interaction;
  readonly expect: readonly Expectation[];
}

/** A short hash of a whole file's text: fixes refuse to apply when it changed since the analysis. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(16)}`;
}

const SPEECH_CUES = /\b(?:said|says|say|told|tells|added|adds|according to|asked|wrote|writes|writing|posted|posting|stated|explained|noted|noting|declared|announced|claimed|admitted|insisted|stressed|stressing|adding)\b/g;

function fileText(analysis: Analysis, file: string): string | undefined {
  if (analysis.draft?.path === file) return analysis.draft.text;
  if (analysis.annotations.file === file) return analysis.annotations.text;
  if (analysis.registry?.file === file) return analysis.registry.text;
  return undefined;
}

/** That each of `files` still has the text it had when `analysis` was made (edits computed on it fit). */
export function unchangedSince(analysis: Analysis, files: Iterable<string>): Expectation[] {
  const expect: Expectation[] = [];
  for (const file of new Set(files)) {
    const text = fileText(analysis, file);
    if (text !== undefined) expect.push({ file, text: textHash(text) });
  }
  return expect;
}

/**
 * Expectations: the finding's words are still there, and every file the edits touch is unchanged. A
 * fix that asks first (attribute to…, annotate quote…) will edit the annotation file: it too must be
 * unchanged, or the claim it names by its place in the list may be another one by then.
 */
function expectations(analysis: Analysis, finding: Finding, edits: readonly TextEdit[], interaction?: Interaction): Expectation[] {
  const expect: Expectation[] = [];
  const underFinding = fileText(analysis, finding.file);
  if (underFinding !== undefined) {
    expect.push({ file: finding.file, range: finding.range, text: underFinding.slice(finding.range.start, finding.range.end) });
  }
  const edited = edits.map((edit) => edit.file);
  if (interaction && interaction.kind !== 'reveal') edited.push(analysis.annotations.file);
  expect.push(...unchangedSince(analysis, edited));
  return expect;
}

function entityName(analysis: Analysis, id: string): string {
  return analysis.entities.get(id)?.name ?? id;
}

/**
 * Where the speech cues ("said", "told", "according to"...) are in the sentences `around` the span's
 * (0: its own), outside its own words: a cue inside a quotation is part of what was said.
 */
function speechCuesNear(analysis: Analysis, span: OffsetRange, around: number): number[] {
  const draft = analysis.draft;
  if (!draft) return [];
  const window = draft.sentences.window(span, around);
  const text = draft.text.slice(window.start, window.end);
  const cues: number[] = [];
  SPEECH_CUES.lastIndex = 0;
  for (let match = SPEECH_CUES.exec(text); match; match = SPEECH_CUES.exec(text)) {
    const at = window.start + match.index;
    if (at < span.start || at >= span.end) cues.push(at);
  }
  return cues;
}

/**
 * The people and organisations most likely to have spoken a quotation: those nearest a speech cue
 * in the quotation's sentence and the ones either side.
 */
export function likelySpeakers(analysis: Analysis, quote: OffsetRange): string[] {
  const draft = analysis.draft;
  if (!draft) return [];
  const near = entitiesNear(analysis, quote).filter((id) => analysis.entities.get(id)?.type !== 'place');
  const window = draft.sentences.window(quote, 1);
  const cues = speechCuesNear(analysis, quote, 1);
  if (cues.length === 0) return near;
  const cueDistance = (id: string): number => {
    let best = Number.POSITIVE_INFINITY;
    for (const mention of analysis.mentions) {
      if (mention.entityId !== id || !overlaps(mention.range, window)) continue;
      for (const cue of cues) best = Math.min(best, Math.abs(cue - mention.range.start));
    }
    return best;
  };
  const order = new Map(near.map((id, index) => [id, index]));
  return [...near].sort((a, b) => cueDistance(a) - cueDistance(b) || order.get(a)! - order.get(b)!);
}

/** The words of a quotation without its marks (any of those findQuotations knows). */
function quotedWords(draft: string, quote: OffsetRange): OffsetRange {
  let { start, end } = quote;
  if (isQuotationMark(draft[start])) start++;
  if (end > start && isQuotationMark(draft[end - 1])) end--;
  return { start, end };
}

/** A new direct-quote claim for a quotation, with a selector that finds exactly it. */
export function quoteClaimEdits(analysis: Analysis, quote: OffsetRange, source: string): TextEdit[] {
  const selector = describeSpan(analysis.draft!.prepared, quotedWords(analysis.draft!.text, quote));
  return addClaim(analysis.annotations, { ...selector, type: 'direct-quote', source });
}

/** The "said" that replaces a loaded verb, in the same tense: that of its first word ("points out" says). */
export function neutralVerb(verb: string): string {
  const lower = verb.toLowerCase().split(/\s/)[0];
  const neutral = /s$/.test(lower) && !/ss$/.test(lower) && !/ed$/.test(lower) ? 'says' : 'said';
  return verb[0] === verb[0].toUpperCase() && verb[0] !== verb[0].toLowerCase() ? neutral[0].toUpperCase() + neutral.slice(1) : neutral;
}

/** An entity id made from a name: lowercase words joined by hyphens. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z0-9]/.test(slug) ? slug : `entity-${slug || 'new'}`;
}

/** An id not yet taken by an entity. */
export function freeEntityId(analysis: Analysis, name: string): string {
  const base = slugify(name);
  let id = base;
  for (let n = 2; analysis.entities.has(id); n++) id = `${base}-${n}`;
  return id;
}

function nameFromId(id: string): string {
  return id
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}

function fix(analysis: Analysis, finding: Finding, fields: Omit<Fix, 'code' | 'expect'>): Fix {
  return { ...fields, code: finding.code, expect: expectations(analysis, finding, fields.edits, fields.interaction) };
}

function unattributedFixes(analysis: Analysis, finding: Finding): Fix[] {
  const claimIndex = finding.data?.claimIndex;
  if (claimIndex === undefined || !analysis.draft) return [];
  const claim = claimAt(analysis, claimIndex)?.claim;
  const type = claim ? analysis.claimTypes.get(claim.type) : undefined;
  // With a speech cue in the claim's sentence ("…, critics say"), who is next to it is likely to
  // have made it: preferred (Ctrl+. applies it). Without one, the names near the claim are offered,
  // none preferred: "The meeting between Putin and Witkoff took place after a general was killed"
  // is neither's to claim.
  const cued = speechCuesNear(analysis, finding.range, 0).length > 0;
  const candidates = cued ? likelySpeakers(analysis, finding.range) : (finding.data?.candidateEntityIds ?? []);
  const fixes: Fix[] = candidates.slice(0, 5).map((id, index) =>
    fix(analysis, finding, {
      title: `Attribute to ${entityName(analysis, id)}`,
      isPreferred: cued && index === 0,
      edits: setClaimField(analysis.annotations, claimIndex, 'source', id),
    }),
  );
  fixes.push(fix(analysis, finding, { title: 'Attribute to…', edits: [], interaction: { kind: 'attribute-claim', draft: analysis.draft.path, claimIndex } }));
  for (const basis of type?.acceptedBases ?? []) {
    fixes.push(fix(analysis, finding, { title: `Mark as ${BASIS_LABELS[basis]}`, edits: setClaimField(analysis.annotations, claimIndex, 'basis', basis) }));
  }
  return fixes;
}

function unannotatedQuoteFixes(analysis: Analysis, finding: Finding): Fix[] {
  if (!analysis.draft) return [];
  const fixes = likelySpeakers(analysis, finding.range)
    .slice(0, 3)
    .map((id, index) =>
      fix(analysis, finding, {
        title: `Annotate quote as said by ${entityName(analysis, id)}`,
        isPreferred: index === 0,
        edits: quoteClaimEdits(analysis, finding.range, id),
      }),
    );
  fixes.push(fix(analysis, finding, { title: 'Annotate quote…', edits: [], interaction: { kind: 'annotate-quote', draft: analysis.draft.path, range: finding.range } }));
  return fixes;
}

/** ", <Name> said" before the full stop that ends the claim's sentence, where it ends plainly. */
function attributionSentenceEdit(analysis: Analysis, claimRange: OffsetRange, name: string): TextEdit | undefined {
  const draft = analysis.draft!;
  const sentence = draft.sentences.range(draft.sentences.indexAt(Math.max(claimRange.start, claimRange.end - 1)));
  let end = sentence.end;
  while (end > sentence.start && /\s/.test(draft.text[end - 1])) end--;
  if (draft.text[end - 1] !== '.' || /["”’']/.test(draft.text[end - 2] ?? '')) return undefined;
  // Mid-sentence, "The union" is "the union".
  const inSentence = name.replace(/^The (?=\S)/, 'the ');
  return { file: draft.path, range: { start: end - 1, end: end - 1 }, newText: `, ${inSentence} said` };
}

function attributionNotInTextFixes(analysis: Analysis, finding: Finding): Fix[] {
  const fixes: Fix[] = [];
  for (const id of finding.data?.candidateEntityIds ?? []) {
    const entity = analysis.entities.get(id);
    if (!entity) continue;
    fixes.push(
      fix(analysis, finding, {
        title: `Go to the entry of ${entity.name}`,
        edits: [],
        interaction: { kind: 'reveal', file: entity.keyLocation.file, range: entity.keyLocation.range },
      }),
    );
  }
  const first = finding.data?.candidateEntityIds?.[0];
  const entity = first ? analysis.entities.get(first) : undefined;
  const edit = entity && !entity.anonymous ? attributionSentenceEdit(analysis, finding.range, entity.name) : undefined;
  if (entity && edit) {
    fixes.push(fix(analysis, finding, { title: `Name the source in the text: add "${edit.newText}"`, edits: [edit] }));
  }
  return fixes;
}

/** How much of the draft a title shows either side of a place. */
const TITLE_CONTEXT = 25;

/** About TITLE_CONTEXT characters of the draft before `at`, from a word's start, "…" where cut. */
function wordsBefore(text: string, at: number): string {
  const from = Math.max(0, at - TITLE_CONTEXT);
  const space = from === 0 ? -1 : text.indexOf(' ', from);
  const start = space === -1 || space >= at ? from : space + 1;
  return `${start > 0 ? '…' : ''}${text.slice(start, at)}`;
}

/** About TITLE_CONTEXT characters of the draft after `at`, to a word's end, "…" where cut. */
function wordsAfter(text: string, at: number): string {
  const to = Math.min(text.length, at + TITLE_CONTEXT);
  const space = to === text.length ? -1 : text.lastIndexOf(' ', to);
  const end = space === -1 || space <= at ? to : space;
  return `${text.slice(at, end)}${end < text.length ? '…' : ''}`;
}

function spanAmbiguousFixes(analysis: Analysis, finding: Finding): Fix[] {
  const draft = analysis.draft;
  if (!draft) return [];
  const selector = selectorOf(analysis, finding);
  if (!selector) return [];
  const parsed = parsedFileOf(analysis, selector.location.file);
  const map = parsed ? mapStartingAt(parsed, selector.location.range.start) : undefined;
  // With the context the selector has: the places it leaves open, the first of them the one in use.
  const anchor = draft.prepared.anchor(selector);
  if (!parsed || !map || anchor.kind !== 'found') return [];
  const candidates = anchor.ambiguousRanges ?? [anchor.range];
  return candidates.slice(0, 5).map((range, index) => {
    const written = describeSpan(draft.prepared, range);
    const fields: Record<string, string> = {};
    if (written.prefix !== undefined) fields.prefix = written.prefix;
    if (written.suffix !== undefined) fields.suffix = written.suffix;
    const line = draft.text.slice(0, range.start).split('\n').length;
    // The words around it in the draft, to tell the places apart: the context written may be a space.
    const context = `${wordsBefore(draft.text, range.start)}[${written.text}]${wordsAfter(draft.text, range.end)}`.replace(/\s+/g, ' ').trim();
    return fix(analysis, finding, {
      title: `Disambiguate with context: the one on line ${line} (${context})`,
      isPreferred: index === 0,
      // The first is the one used now: pinning it changes nothing but the warning.
      fixAll: index === 0,
      edits: setFields(parsed, map, fields),
    });
  });
}

function unknownEntityFixes(analysis: Analysis, finding: Finding): Fix[] {
  const parsed = parsedFileOf(analysis, finding.file);
  const id = finding.data?.value;
  if (!parsed || !id) return [];
  const fixes = (finding.data?.candidateEntityIds ?? []).map((suggestion, index) =>
    fix(analysis, finding, { title: `Did you mean '${suggestion}'?`, isPreferred: index === 0, edits: replaceScalar(parsed, finding.range, suggestion) }),
  );
  if (/^[a-z0-9][a-z0-9_-]*$/.test(id)) {
    fixes.push(fix(analysis, finding, { title: `Create entity '${id}'`, edits: addEntity(analysis.annotations, id, { name: nameFromId(id), type: 'person' }) }));
  }
  return fixes;
}

const ANONYMITY_PLACEHOLDER = 'why anonymity was granted';

function anonymityFixes(analysis: Analysis, finding: Finding): Fix[] {
  const entity: Entity | undefined = analysis.entities.get(finding.data?.entityId ?? '');
  const parsed = entity ? parsedFileOf(analysis, entity.keyLocation.file) : undefined;
  if (!entity || !parsed) return [];
  const edits = setEntityField(parsed, entity.id, 'anonymity', ANONYMITY_PLACEHOLDER);
  const insertion = edits[0];
  const at = insertion ? insertion.newText.lastIndexOf(ANONYMITY_PLACEHOLDER) : -1;
  return [
    fix(analysis, finding, {
      title: 'Add the reason for anonymity',
      isPreferred: true,
      edits,
      placeholder: at === -1 ? undefined : { file: parsed.file, offset: insertion.range.start + at, length: ANONYMITY_PLACEHOLDER.length },
    }),
  ];
}

function loadedVerbFixes(analysis: Analysis, finding: Finding): Fix[] {
  const verb = analysis.draft?.text.slice(finding.range.start, finding.range.end);
  if (!analysis.draft || !verb) return [];
  const said = neutralVerb(verb);
  return [
    fix(analysis, finding, {
      title: `Replace '${verb}' with '${said}'`,
      isPreferred: true,
      fixAll: true,
      edits: [{ file: analysis.draft.path, range: finding.range, newText: said }],
    }),
  ];
}

/** The selector in the YAML that a span finding is about: a claim's, or an explicit mention's. */
export function selectorOf(analysis: Analysis, finding: Finding): SpanSelector | undefined {
  if (finding.data?.claimIndex !== undefined) return claimAt(analysis, finding.data.claimIndex)?.claim.selector;
  return analysis.entities.get(finding.data?.entityId ?? '')?.mentions.find((mention) => mention.textLocation.range.start === finding.range.start);
}

/**
 * The selector fields that find `range` of the draft again: its words, and the context the old
 * selector had (kept, with the draft's current characters), or the shortest context that is unique.
 */
export function reanchorFields(analysis: Analysis, range: OffsetRange, old: { prefix?: string; suffix?: string; occurrence?: number }): Record<string, string | number> {
  const draft = analysis.draft!;
  const written = describeSpan(draft.prepared, range);
  const fields: Record<string, string | number> = { text: written.text };
  const prefix = written.prefix ?? (old.prefix !== undefined ? draft.text.slice(Math.max(0, range.start - old.prefix.length), range.start) : undefined);
  const suffix = written.suffix ?? (old.suffix !== undefined ? draft.text.slice(range.end, range.end + old.suffix.length) : undefined);
  if (prefix !== undefined) fields.prefix = prefix;
  if (suffix !== undefined) fields.suffix = suffix;
  if (old.occurrence !== undefined) {
    const anchor = draft.prepared.anchor({ text: written.text, prefix, suffix });
    const candidates = anchor.kind === 'found' ? (anchor.ambiguousRanges ?? [anchor.range]) : [];
    fields.occurrence = Math.max(1, candidates.findIndex((candidate) => candidate.start === range.start) + 1);
  }
  return fields;
}

function spanDriftedFixes(analysis: Analysis, finding: Finding): Fix[] {
  const selector = selectorOf(analysis, finding);
  const range = finding.data?.draftRange;
  const parsed = selector ? parsedFileOf(analysis, selector.location.file) : undefined;
  const map = parsed && selector ? mapStartingAt(parsed, selector.location.range.start) : undefined;
  if (!analysis.draft || !selector || !range || !parsed || !map) return [];
  const fields: Record<string, string | number> = reanchorFields(analysis, range, selector);
  const claim = finding.data?.claimIndex !== undefined ? claimAt(analysis, finding.data.claimIndex)?.claim : undefined;
  // New wording is not what was checked: a verified claim goes back to the desk.
  if (claim?.status === 'verified') fields.status = 'unverified';
  return [
    fix(analysis, finding, {
      title: claim?.status === 'verified' ? 'Update annotation to the current text (and mark it unverified, to check again)' : 'Update annotation to the current text',
      isPreferred: true,
      fixAll: true,
      edits: setFields(parsed, map, fields),
    }),
  ];
}

const FIXERS: Readonly<Record<string, (analysis: Analysis, finding: Finding) => Fix[]>> = {
  'span-drifted': spanDriftedFixes,
  'unattributed-claim': unattributedFixes,
  'unannotated-quote': unannotatedQuoteFixes,
  'attribution-not-in-text': attributionNotInTextFixes,
  'span-ambiguous': spanAmbiguousFixes,
  'unknown-entity': unknownEntityFixes,
  'anonymous-source-without-reason': anonymityFixes,
  'loaded-attribution-verb': loadedVerbFixes,
};

/** The fixes of one finding of the analysis, the preferred one first. */
export function fixesFor(analysis: Analysis, finding: Finding): Fix[] {
  const fixer = FIXERS[finding.code];
  return fixer ? fixer(analysis, finding) : [];
}

/**
 * What `source.fixAll` applies, which VS Code runs without asking (on save, when the user set
 * `editor.codeActionsOnSave`): the fixes that need no choice and edit annotation files only. The
 * draft's words change only by a fix the user picks: a loaded verb can be kept on purpose.
 */
export function sourceFixAllFor(analysis: Analysis, file: string): Fix[] {
  return fixAllFor(analysis, file).filter((candidate) => candidate.edits.every((edit) => edit.file !== analysis.draft?.path));
}

/** Every fix that needs no choice, for the findings of one file (optionally one code): "Fix all". */
export function fixAllFor(analysis: Analysis, file: string, code?: string): Fix[] {
  return analysis.findings
    .filter((finding) => finding.file === file && (code === undefined || finding.code === code))
    .flatMap((finding) => fixesFor(analysis, finding).filter((candidate) => candidate.fixAll));
}
