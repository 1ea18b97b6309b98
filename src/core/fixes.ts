// Quick fixes for findings, as plain data: a title, the edits to make (YAML edits keep the user's
// file, see edits.ts), what must still be in the files for the edits to apply, and whether the fix
// needs a choice from the user (then the editor asks, and makes the edits itself).
import { claimAt, mentionedIn, mentionsOf, overlaps, parsedFileOf, type Analysis, type Orphan } from './analysis';
import { BASIS_LABELS, QUOTATION_TYPE } from './claimTypes';
import { addClaim, addEntity, mapStartingAt, removeClaim, removeMention, replaceScalar, setClaimField, setEntityField, setFields, type NewClaim, type TextEdit } from './edits';
import { ANONYMITY_PLACEHOLDER, ATTRIBUTION_WINDOW_SENTENCES } from './findings/attribution';
import { isQuotationMarkAt } from './findings/quotes';
import { placeInContext } from './labels';
import { ID_PATTERN, type Claim, type Entity, type EntityType, type Finding, type OffsetRange, type SpanSelector } from './model';
import { normalizeFragment } from './normalize';
import { describeSpan, pinSpan, type ContextFields, type WrittenSelector } from './selectors';
import { guessSpeaker, type SpeakerGuess } from './speakers';
import { hasAttributionWords } from './speechVerbs';
import { endsWithAbbreviation, LineIndex, paragraphEndsBetween } from './textIndex';

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
  | { readonly kind: 'reveal'; readonly file: string; readonly range: OffsetRange }
  /** The orphan whose `text:` is at `range` of `file` gets the words selected in `draft`. */
  | { readonly kind: 'reanchor'; readonly draft: string; readonly file: string; readonly range: OffsetRange };

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

/** How many names the attribution and quote fixes offer at most, the likeliest first; the picker has the rest. */
const MAX_NAMES_OFFERED = 3;

function isPlace(analysis: Analysis, id: string): boolean {
  return analysis.entities.get(id)?.type === 'place';
}

/**
 * The people most likely to have spoken a quotation, the one its sentence says spoke first (see
 * guessSpeaker, quoteSpeakers), those named only within claims' words after them: for a list to pick
 * from. Then the organisations named nearby that the sentence does not say spoke ("its chief engineer
 * said": the engineer may speak for one); never a place.
 */
export function likelySpeakers(analysis: Analysis, quote: OffsetRange): string[] {
  const guess = guessSpeaker(analysis, quote);
  const { candidates, namedInClaims } = quoteSpeakers(analysis, guess);
  const speakers = [...candidates, ...namedInClaims];
  const { candidates: allCandidates, namedInClaims: allInClaims } = guess;
  const others = [...allCandidates, ...allInClaims].filter((id) => !speakers.includes(id) && !isPlace(analysis, id));
  return [...speakers, ...others];
}

/**
 * The same for a claim at `span`, for the picker of "Attribute to…": places last, after every person
 * and organisation (a place is more often what a claim is about than who makes it, though "Moscow
 * said" happens).
 */
export function likelySources(analysis: Analysis, span: OffsetRange): string[] {
  const { candidates, namedInClaims } = guessSpeaker(analysis, span);
  const near = [...candidates, ...namedInClaims];
  return [...near.filter((id) => !isPlace(analysis, id)), ...near.filter((id) => isPlace(analysis, id))];
}

/**
 * guessSpeaker's guess for a quotation, whose words are a person's: an organisation (or any other
 * entity) only where its sentence says it spoke ("…," the Kremlin said), a place never: a platform
 * named as the channel ("posted on Truth Social") said nothing.
 */
function quoteSpeakers(analysis: Analysis, guess: SpeakerGuess): SpeakerGuess {
  const canSpeak = (id: string): boolean => {
    const type = analysis.entities.get(id)?.type;
    return type === 'person' || (type !== 'place' && guess.speakers.includes(id));
  };
  return {
    speaker: guess.speaker !== undefined && canSpeak(guess.speaker) ? guess.speaker : undefined,
    candidates: guess.candidates.filter(canSpeak),
    namedInClaims: guess.namedInClaims.filter(canSpeak),
    speakers: guess.speakers.filter(canSpeak),
  };
}

/**
 * The entities to offer a fix for, the speaker first: those named outside any claim's words, or,
 * when only a claim's words name anyone, those.
 */
function offeredSpeakers(guess: SpeakerGuess): readonly string[] {
  return guess.candidates.length > 0 ? guess.candidates : guess.namedInClaims;
}

/**
 * The words of a quotation without its marks (any of those findQuotations knows, a straight ' only
 * where it is one: a selected 'tis or editors' keeps its apostrophe), nor a comma that ends it, for
 * the quote fixes and a quotation selected to annotate: in "We are ready to build this summer," its
 * chief engineer said, the comma stands for the full stop of what was said and belongs to the
 * sentence around it. A . ? or ! ends the speaker's own sentence ("Will it run?" she asked) and stays.
 */
export function quotedWords(draft: string, quote: OffsetRange): OffsetRange {
  let { start, end } = quote;
  if (isQuotationMarkAt(draft, start)) start++;
  if (end > start && isQuotationMarkAt(draft, end - 1)) end--;
  if (end > start && draft[end - 1] === ',') end--;
  return { start, end };
}

/** The selector of a quotation's words, without its marks; undefined when none finds exactly them. */
function quoteSelector(analysis: Analysis, quote: OffsetRange): WrittenSelector | undefined {
  return describeSpan(analysis.draft!.prepared, quotedWords(analysis.draft!.text, quote));
}

/** A new direct-quote claim for a quotation, with a selector that finds exactly it; none without one. */
export function quoteClaimEdits(analysis: Analysis, quote: OffsetRange, source: string): TextEdit[] {
  const selector = quoteSelector(analysis, quote);
  return selector ? quoteClaim(analysis, quote, selector, source) : [];
}

function quoteClaim(analysis: Analysis, quote: OffsetRange, selector: WrittenSelector, source: string): TextEdit[] {
  return newClaimEdits(analysis, quotedWords(analysis.draft!.text, quote), { ...selector, type: QUOTATION_TYPE, source });
}

/**
 * The edits that add a claim for `range` of the draft, where a desk reading the file expects it: before
 * the first claim whose words start after its own (the list in reading order, as the sample keeps it),
 * in that claim's section of the file (under its `# ---- paragraph 3`) when the draft has the two in
 * one paragraph; at the end when none does; with an id when the file names its claims.
 */
export function newClaimEdits(analysis: Analysis, range: OffsetRange, claim: Omit<NewClaim, 'id'>): TextEdit[] {
  const next = analysis.claims.find((anchored) => anchored.range !== undefined && anchored.range.start > range.start);
  const draft = analysis.draft?.text ?? '';
  const sameParagraph = next?.range !== undefined && !paragraphEndsBetween(draft, Math.min(range.end, next.range.start), next.range.start);
  return addClaim(analysis.annotations, { id: newClaimId(analysis, claim.text), ...claim }, next?.claim.index, sameParagraph);
}

/** How many words of a claim's text make its id, and the longest such id: "most-of-the-major-points". */
const CLAIM_ID_WORDS = 5;
const CLAIM_ID_LENGTH = 40;

/**
 * An id for a new claim, from the first words of its text, not taken by another claim of the file;
 * undefined when most of the file's claims have no id of their own (they go by c1, c2…).
 */
function newClaimId(analysis: Analysis, text: string): string | undefined {
  const claims = analysis.annotations.claims;
  if (claims.filter((claim) => claim.hasExplicitId).length * 2 <= claims.length) return undefined;
  let base = '';
  for (const word of idWords(text).slice(0, CLAIM_ID_WORDS)) {
    if (base !== '' && base.length + 1 + word.length > CLAIM_ID_LENGTH) break;
    base = base === '' ? word : `${base}-${word}`;
  }
  const taken = new Set(claims.map((claim) => claim.id));
  return freeId(base || 'claim', (id) => taken.has(id));
}

/** `base`, or `base-2`, `base-3`… : the first that is not taken. */
function freeId(base: string, taken: (id: string) => boolean): string {
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** The "said" that replaces a loaded verb, in the same tense: that of its first word ("points out" says). */
export function neutralVerb(verb: string): string {
  const lower = verb.toLowerCase().split(/\s/)[0];
  const neutral = /s$/.test(lower) && !/ss$/.test(lower) && !/ed$/.test(lower) ? 'says' : 'said';
  return verb[0] === verb[0].toUpperCase() && verb[0] !== verb[0].toLowerCase() ? neutral[0].toUpperCase() + neutral.slice(1) : neutral;
}

/** The words of a text as an id's: lowercase letters and digits, without accents; none may be left. */
function idWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** An entity id made from a name: lowercase words joined by hyphens. */
export function slugify(name: string): string {
  return idWords(name).join('-') || 'entity-new';
}

/** An id not yet taken by an entity. */
export function freeEntityId(analysis: Analysis, name: string): string {
  return freeId(slugify(name), (id) => analysis.entities.has(id));
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
  // Preferred (Ctrl+. applies it) only where the claim's sentence says who made it ("Lopez said…").
  // Otherwise the names near the claim are offered, none preferred: "The meeting between Putin and
  // Witkoff took place after a general was killed" is neither's to claim, and in "…, a union
  // official said" the source is the official, not the union named nearby.
  // Places only in the picker ("Attribute to…"), after the people and organisations.
  const guess = guessSpeaker(analysis, finding.range);
  const fixes: Fix[] = offeredSpeakers(guess)
    .filter((id) => !isPlace(analysis, id))
    .slice(0, MAX_NAMES_OFFERED)
    .map((id) =>
      fix(analysis, finding, {
        title: `Attribute to ${entityName(analysis, id)}`,
        isPreferred: id === guess.speaker,
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
  // Found once for every speaker offered (each search reads the whole draft).
  const selector = analysis.draft ? quoteSelector(analysis, finding.range) : undefined;
  if (!analysis.draft || !selector) return [];
  // Where the sentence says who spoke, only those it says spoke: a quotation has one speaker, and
  // another name one click away is a misattributed quote. Else the people named nearby.
  const guess = quoteSpeakers(analysis, guessSpeaker(analysis, finding.range));
  const fixes = (guess.speaker !== undefined ? guess.speakers : offeredSpeakers(guess))
    .slice(0, MAX_NAMES_OFFERED)
    .map((id) =>
      fix(analysis, finding, {
        title: `Annotate quote as said by ${entityName(analysis, id)}`,
        isPreferred: id === guess.speaker,
        edits: quoteClaim(analysis, finding.range, selector, id),
      }),
    );
  fixes.push(fix(analysis, finding, { title: 'Annotate quote…', edits: [], interaction: { kind: 'annotate-quote', draft: analysis.draft.path, range: finding.range } }));
  return fixes;
}

/**
 * ", <Name> said" at the end of the claim's sentence: only where the sentence names nobody as saying
 * anything ("…, a union official said" would get a second source), ends plainly with a full stop, and
 * no claim's or mention's words, nor the context their selectors name, would change. After an
 * abbreviation ("…in the U.S.", "…Acme Inc.") its full stop stays, and the sentence gets one of its own.
 */
function attributionSentenceEdit(analysis: Analysis, claimRange: OffsetRange, name: string): TextEdit | undefined {
  const draft = analysis.draft!;
  const text = draft.text;
  const sentence = draft.sentences.window(claimRange, 0);
  if (hasAttributionWords(text.slice(sentence.start, sentence.end))) return undefined;
  let end = sentence.end;
  while (end > sentence.start && /\s/.test(text[end - 1])) end--;
  if (text[end - 1] !== '.' || /["”’']/.test(text[end - 2] ?? '')) return undefined;
  // "…approval in the U.S. Helix Bio shares rose.": read as one sentence, though it may be two.
  const last = draft.sentences.indexAt(end - 1);
  for (let index = draft.sentences.indexAt(claimRange.end - 1); index < last; index++) {
    const segment = draft.sentences.range(index);
    const stop = segment.start + text.slice(segment.start, segment.end).trimEnd().length;
    if (endsWithAbbreviation(text, segment.start, stop)) return undefined;
  }
  const abbreviation = endsWithAbbreviation(text, sentence.start, end);
  const at = abbreviation ? end : end - 1;
  // Mid-sentence, "The union" is "the union".
  const newText = `, ${name.replace(/^The (?=\S)/, 'the ')} said${abbreviation ? '.' : ''}`;
  return changesNoSpan(analysis, at, newText) ? { file: draft.path, range: { start: at, end: at }, newText } : undefined;
}

/**
 * Whether inserting `newText` at `at` leaves every claim and explicit mention anchored as it was: the
 * insertion is in none's words, next to none that names its context, and makes no new occurrence of
 * one's words (an `occurrence:` would count it, a unique text would become ambiguous).
 */
function changesNoSpan(analysis: Analysis, at: number, newText: string): boolean {
  const text = analysis.draft!.text;
  const touches = (range: OffsetRange): boolean => range.start <= at && at <= range.end;
  for (const { claim, range } of analysis.claims) {
    if (range && range.start < at && at < range.end) return false;
    if (range && touches(range) && (claim.selector?.prefix !== undefined || claim.selector?.suffix !== undefined)) return false;
  }
  if (analysis.mentions.some((mention) => mention.explicit && touches(mention.range))) return false;
  const inserted = normalizeFragment(newText);
  const selectors = [...analysis.claims.flatMap(({ claim }) => (claim.selector ? [claim.selector] : [])), ...[...analysis.entities.values()].flatMap((entity) => entity.mentions)];
  for (const selector of selectors) {
    const words = normalizeFragment(selector.text).trim();
    if (words === '') continue;
    // The text around the insertion, as the anchor reads it: a new occurrence would overlap the insertion.
    const before = normalizeFragment(text.slice(Math.max(0, at - words.length), at));
    const after = normalizeFragment(text.slice(at, at + words.length));
    const around = before + inserted + after;
    for (let found = around.indexOf(words); found !== -1; found = around.indexOf(words, found + 1)) {
      if (found < before.length + inserted.length && found + words.length > before.length) return false;
    }
  }
  return true;
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
  const edit = entity && !entity.anonymous ? attributionSentenceEdit(analysis, finding.range, referenceName(analysis, entity, finding.range.start)) : undefined;
  if (entity && edit) {
    fixes.push(fix(analysis, finding, { title: `Name the source in the text: add "${edit.newText}"`, edits: [edit] }));
  }
  return fixes;
}

/**
 * How the copy names a source at `at`: a person the draft has named before by the surname alone, as
 * news copy does after the first reference ("Volodymyr Zelensky", then "Zelensky"), when the entity
 * lists that surname among its aliases; a first reference, and anyone but a person, by the full name.
 * Only a mention by name counts: "the Ukrainian president" before introduces no surname.
 */
function referenceName(analysis: Analysis, entity: Entity, at: number): string {
  const draft = analysis.draft;
  if (entity.type !== 'person' || !draft) return entity.name;
  const surname = entity.name.trim().split(/\s+/).pop() ?? '';
  if (surname === entity.name.trim() || !entity.aliases.includes(surname)) return entity.name;
  const namedBefore = mentionsOf(analysis, entity.id).some((mention) => mention.range.end <= at && draft.text.slice(mention.range.start, mention.range.end).includes(surname));
  return namedBefore ? surname : entity.name;
}

/** How many places of an ambiguous span are offered to pin it to. */
const MAX_PLACES_OFFERED = 5;

/**
 * The place, of several a span could be, that its claim's sources point at: the only one with a
 * source named in its own sentence or, when none has, the only one with a source named in the
 * sentences either side (where the attribution check looks for it). Undefined when nothing tells:
 * a mention has no source, and a source named near several places, or near none, picks none of them.
 */
function placeNamingSource(analysis: Analysis, finding: Finding, places: readonly OffsetRange[]): OffsetRange | undefined {
  const draft = analysis.draft;
  const claim = finding.data?.claimIndex !== undefined ? claimAt(analysis, finding.data.claimIndex)?.claim : undefined;
  const sources = claim?.sources.filter((source) => analysis.entities.has(source.id)) ?? [];
  if (!draft || sources.length === 0) return undefined;
  for (const around of [0, ATTRIBUTION_WINDOW_SENTENCES]) {
    const named = places.filter((place) => mentionedIn(analysis, draft.sentences.window(place, around), sources));
    if (named.length > 0) return named.length === 1 ? named[0] : undefined;
  }
  return undefined;
}

/** The context fields of a selector written for a place: what pins it, its words left as they are. */
function contextOf(selector: WrittenSelector): Record<string, string | number> {
  const fields: Record<string, string | number> = {};
  if (selector.prefix !== undefined) fields.prefix = selector.prefix;
  if (selector.suffix !== undefined) fields.suffix = selector.suffix;
  if (selector.occurrence !== undefined) fields.occurrence = selector.occurrence;
  return fields;
}

function spanAmbiguousFixes(analysis: Analysis, finding: Finding): Fix[] {
  const draft = analysis.draft;
  const selector = selectorOf(analysis, finding);
  const places = finding.data?.candidateRanges;
  const parsed = selector ? parsedFileOf(analysis, selector.location.file) : undefined;
  const map = parsed && selector ? mapStartingAt(parsed, selector.location.range.start) : undefined;
  if (!draft || !selector || !places || !parsed || !map) return [];
  // Which place is meant is the user's choice, unless the claim's source is named by exactly one of
  // them: the first place is only the one used for now, and may be someone else's words.
  const meant = placeNamingSource(analysis, finding, places);
  const offered = places.slice(0, MAX_PLACES_OFFERED);
  if (meant && !offered.includes(meant)) offered.push(meant);
  const fixes: Fix[] = [];
  // Lines as the editor numbers them (a CR alone breaks one too).
  const lines = new LineIndex(draft.text);
  for (const place of offered) {
    // Context that tells this place from the others as the anchorer reads it, or no fix.
    const pinned = pinSpan(draft.prepared, place, selector);
    if (!pinned) continue;
    const line = lines.positionAt(place.start).line + 1;
    fixes.push(
      fix(analysis, finding, {
        title: `Disambiguate with context: the one on line ${line} (${placeInContext(draft.text, place)})`,
        isPreferred: place === meant,
        fixAll: place === meant,
        edits: setFields(parsed, map, contextOf(pinned)),
      }),
    );
  }
  return fixes;
}

/** Nouns that make a name an organisation's when they head it: "city council", "ministry of health". */
const ORGANIZATION_NOUNS = new Set([
  'council', 'ministry', 'agency', 'commission', 'committee', 'department', 'authority', 'university',
  'college', 'hospital', 'court', 'party', 'company', 'corporation', 'association', 'institute', 'foundation', 'bank',
]);
/** The endings of company names: Acme Inc, Harbour Ferries Ltd. */
const COMPANY_SUFFIXES = new Set(['inc', 'ltd', 'corp', 'co', 'llc', 'plc', 'gmbh']);

/**
 * The type a new entity most likely has, from the words of its id: an organisation when an
 * organisation's noun heads it (its last word, or its first before "of") or a company suffix ends it;
 * otherwise a person, as most sources are ("court-clerk" is a person: "court" does not head it). A
 * place can't be told from its name: the user corrects it.
 */
export function likelyEntityType(id: string): EntityType {
  const words = idWords(id);
  const last = words[words.length - 1] ?? '';
  const headed = ORGANIZATION_NOUNS.has(last) || (words[1] === 'of' && ORGANIZATION_NOUNS.has(words[0]));
  return headed || (words.length > 1 && COMPANY_SUFFIXES.has(last)) ? 'organization' : 'person';
}

function unknownEntityFixes(analysis: Analysis, finding: Finding): Fix[] {
  const parsed = parsedFileOf(analysis, finding.file);
  const id = finding.data?.value;
  if (!parsed || !id) return [];
  const fixes = (finding.data?.candidateEntityIds ?? []).map((suggestion, index) =>
    fix(analysis, finding, { title: `Did you mean '${suggestion}'?`, isPreferred: index === 0, edits: replaceScalar(parsed, finding.range, suggestion) }),
  );
  if (ID_PATTERN.test(id)) {
    fixes.push(fix(analysis, finding, { title: `Create entity '${id}'`, edits: addEntity(analysis.annotations, id, { name: nameFromId(id), type: likelyEntityType(id) }) }));
  }
  return fixes;
}

/**
 * The closest known type for a misspelt one. Never applied without a choice, nor preferred (Auto Fix
 * applies the preferred fix unread): the type decides whether
 * the claim needs a source, so a wrong guess ("fact-check" read as "fact") could quietly pass a check
 * that should fail, and the misspelling may be in the `claimTypes` declaration rather than the claim.
 */
function unknownClaimTypeFixes(analysis: Analysis, finding: Finding): Fix[] {
  const parsed = parsedFileOf(analysis, finding.file);
  if (!parsed) return [];
  return (finding.data?.candidateEntityIds ?? []).map((type) =>
    fix(analysis, finding, { title: `Change type to '${type}'`, edits: replaceScalar(parsed, finding.range, type) }),
  );
}

function anonymityFixes(analysis: Analysis, finding: Finding): Fix[] {
  const entity: Entity | undefined = analysis.entities.get(finding.data?.entityId ?? '');
  const parsed = entity ? parsedFileOf(analysis, entity.keyLocation.file) : undefined;
  // The placeholder already written: the reason is the user's to type, which no fix can do.
  if (!entity || !parsed || entity.anonymity !== undefined) return [];
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
 * selector had (kept, with the draft's current words), or the shortest context that is unique.
 * Undefined when no selector finds exactly that place.
 */
export function reanchorFields(analysis: Analysis, range: OffsetRange, old: ContextFields): Record<string, string | number> | undefined {
  const pinned = pinSpan(analysis.draft!.prepared, range, old);
  return pinned && { text: pinned.text, ...contextOf(pinned) };
}

/** The numbers written in figures in a text, in order: "$4.5 million" has 4 and 5. */
function figures(text: string): string[] {
  return text.match(/\p{Nd}+/gu) ?? [];
}

/**
 * Whether updating a drifted span to the draft's words can be done without a person looking (Fix all,
 * source.fixAll, check --fix). Not when a number changed: "50,000" now "52,000", or "will lose $4.5
 * million next year" matched to "lost $4.2 million last year", is another fact, not a reworded one.
 * Nor for a claim someone fact-checked (verified, disputed, false, misleading): the verdict was on the
 * old words, and the spec wants a verified claim that drifted checked again. Nor when the words
 * changed are quoted (`quotationReworded`): they are someone's, and new ones are a misquote or a
 * correction, for a person to tell.
 */
function driftUpdateNeedsNoChoice(oldText: string, newText: string, claim: Claim | undefined, quotationReworded: boolean): boolean {
  const before = figures(oldText);
  const after = figures(newText);
  const sameFigures = before.length === after.length && before.every((run, index) => run === after[index]);
  return sameFigures && !quotationReworded && (claim?.status === undefined || claim.status === 'unverified');
}

/**
 * Whether a drifted claim's new words are someone's: a direct quote, or words within a quotation of
 * the draft (a paraphrase that quotes "a complete disgrace for renters" now "a complete shambles").
 */
function isQuoted(analysis: Analysis, claim: Claim | undefined, range: OffsetRange): boolean {
  return claim?.type === QUOTATION_TYPE || (analysis.draft?.quotations.some((quotation) => overlaps(quotation, range)) ?? false);
}

function spanDriftedFixes(analysis: Analysis, finding: Finding): Fix[] {
  const selector = selectorOf(analysis, finding);
  const range = finding.data?.draftRange;
  const parsed = selector ? parsedFileOf(analysis, selector.location.file) : undefined;
  const map = parsed && selector ? mapStartingAt(parsed, selector.location.range.start) : undefined;
  const pinned = analysis.draft && selector && range ? pinSpan(analysis.draft.prepared, range, selector) : undefined;
  if (!selector || !range || !parsed || !map || !pinned) return [];
  // Words the same but for normalisation (only the context changed) are left as the YAML writes them.
  const sameWords = normalizeFragment(pinned.text).trim() === normalizeFragment(selector.text).trim();
  const fields: Record<string, string | number> = sameWords ? contextOf(pinned) : { text: pinned.text, ...contextOf(pinned) };
  const claim = finding.data?.claimIndex !== undefined ? claimAt(analysis, finding.data.claimIndex)?.claim : undefined;
  // New wording, or new surroundings, is not what was checked: a verified claim goes back to the desk.
  if (claim?.status === 'verified') fields.status = 'unverified';
  // Found by its words at one of several places, by the context most like its own: that place is
  // taken without asking only when the claim's source is named by it alone.
  const places = finding.data?.candidateRanges;
  const meant = places && placeNamingSource(analysis, finding, places);
  const placeIsSure = places === undefined || (meant !== undefined && meant.start === range.start && meant.end === range.end);
  // Otherwise offered all the same, but neither preferred (Auto Fix applies that one unread) nor in Fix all.
  const quotationReworded = !sameWords && isQuoted(analysis, claim, range);
  const noChoice = placeIsSure && driftUpdateNeedsNoChoice(selector.text, sameWords ? selector.text : pinned.text, claim, quotationReworded);
  const title =
    claim?.status === 'verified'
      ? 'Update annotation to the current text (and mark it unverified, to check again)'
      : quotationReworded
        ? "Update annotation to the quotation's new words (check them against what was said first)"
        : 'Update annotation to the current text';
  return [
    fix(analysis, finding, {
      title,
      isPreferred: noChoice,
      fixAll: noChoice,
      edits: setFields(parsed, map, fields),
    }),
  ];
}

/**
 * The edits that take an orphan out of its file: the claim's item in `claims`, or the mention's in
 * its entity's `mentions` (see removeItem for the comments and blank lines around it).
 */
export function removeOrphanEdits(analysis: Analysis, orphan: Orphan): TextEdit[] {
  const parsed = parsedFileOf(analysis, orphan.selector.location.file);
  if (!parsed) return [];
  if (orphan.claim) return removeClaim(parsed, orphan.claim.index);
  return orphan.entityId ? removeMention(parsed, orphan.entityId, orphan.selector.location.range.start) : [];
}

/** What removing an orphan is called: by the claim's id, as the file has it (or c1, c2… when it has none). */
function removeOrphanTitle(orphan: Orphan): string {
  return orphan.claim ? `Remove claim '${orphan.claim.id}' from the annotation file` : 'Remove this mention';
}

/**
 * An orphan's new words can only come from the user: the fix runs "Re-anchor Annotation to
 * Selection…" for this annotation with the words selected in the draft (the editor says what to do
 * when none are). Or the words were cut on purpose, and the annotation goes too: never preferred nor
 * in Fix all, as an orphan is as often words redrafted as words cut.
 */
function spanNotFoundFixes(analysis: Analysis, finding: Finding): Fix[] {
  const draft = analysis.draft;
  const orphan = analysis.orphans.find(({ selector }) => selector.textLocation.file === finding.file && selector.textLocation.range.start === finding.range.start);
  if (!draft || !orphan) return [];
  const written = orphan.selector.textLocation;
  const fixes = [
    fix(analysis, finding, {
      title: 'Re-anchor to the words selected in the draft…',
      edits: [],
      interaction: { kind: 'reanchor', draft: draft.path, file: written.file, range: written.range },
    }),
  ];
  const removal = removeOrphanEdits(analysis, orphan);
  if (removal.length > 0) fixes.push(fix(analysis, finding, { title: removeOrphanTitle(orphan), edits: removal }));
  return fixes;
}

/**
 * `article:` corrected to the draft that is there. Preferred (Ctrl+. applies it) only when the path
 * differs in letter case alone: a typo's closest name is a guess to read first. Never applied by
 * `check --fix`: which draft a file annotates is the writer's to say.
 */
function articleNotFoundFixes(analysis: Analysis, finding: Finding): Fix[] {
  const parsed = parsedFileOf(analysis, finding.file);
  const written = finding.data?.value;
  const meant = finding.data?.suggestedPath;
  if (!parsed || written === undefined || meant === undefined) return [];
  const caseOnly = meant.toLowerCase() === written.toLowerCase();
  return [fix(analysis, finding, { title: `Change article: to '${meant}'`, isPreferred: caseOnly, edits: replaceScalar(parsed, finding.range, meant) })];
}

const FIXERS: Readonly<Record<string, (analysis: Analysis, finding: Finding) => Fix[]>> = {
  'span-drifted': spanDriftedFixes,
  'span-not-found': spanNotFoundFixes,
  'unattributed-claim': unattributedFixes,
  'unannotated-quote': unannotatedQuoteFixes,
  'attribution-not-in-text': attributionNotInTextFixes,
  'span-ambiguous': spanAmbiguousFixes,
  'unknown-entity': unknownEntityFixes,
  'unknown-claim-type': unknownClaimTypeFixes,
  'anonymous-source-without-reason': anonymityFixes,
  'loaded-attribution-verb': loadedVerbFixes,
  'article-not-found': articleNotFoundFixes,
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
