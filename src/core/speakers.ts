// Who made a claim or spoke a quotation, as the draft says it: the subject of the speech verb in its
// sentence ("Lopez said", "Lopez, a spokeswoman for Acme, said", "…,\" said Lopez", "according to
// the Kremlin"). The quick fixes prefer that entity; where the text leaves it open (no verb, "a union
// official said", "she said" with no clear speaker before), they offer the names nearby and prefer none.
import { mentionsOverlapping, overlaps, type Analysis } from './analysis';
import { canBeSource, entitiesNear } from './findings/attribution';
import type { EntityType, OffsetRange } from './model';
import type { Mention } from './mentions';
import { ACCORDING_TO, INVERTED_SPEECH_VERB, SPEECH_PARTICIPLES, SPEECH_VERBS } from './speechVerbs';

/**
 * Words that come between a speaker and the verb without changing who speaks: "Lopez also said",
 * "Lopez on Monday said", "Lopez has repeatedly said".
 */
const BETWEEN_SUBJECT_AND_VERB =
  /^(?:also|later|then|again|further|once|earlier|first|has|have|had|would|will|did|does|not|never|on|last|this|late|early|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|afternoon|evening|night|previously|separately|recently|repeatedly|publicly|privately|reportedly|initially|originally|subsequently|openly|flatly|firmly|often)$/i;

/**
 * Before a name, what makes it someone spoken to, worked for or written about, not the speaker: "told
 * Reyes", "a spokeswoman for Acme", "a hydrologist at Kell University", "on Truth Social". After "and",
 * the speakers are several: none is the one.
 */
const NOT_THE_SUBJECT_BEFORE = /(?:\b(?:to|for|at|of|by|from|with|in|on|about|against|over|under|into|via|than|like|told|tells|and|or|nor)|&)\s+(?:the\s+)?$/i;

/** The pronouns a speaker is written as, and what they can stand for ("they": anyone). */
const PRONOUNS = new Map<string, readonly EntityType[] | 'any'>([
  ['he', ['person']],
  ['she', ['person']],
  ['it', ['organization', 'group', 'place', 'other']],
  ['they', 'any'],
]);

/** Who a speech verb's subject is: an entity, a pronoun to resolve from the sentence before, or someone unnamed. */
type Subject = { readonly kind: 'named'; readonly id: string } | { readonly kind: 'pronoun'; readonly pronoun: string } | { readonly kind: 'unnamed' };

const UNNAMED: Subject = { kind: 'unnamed' };

/** What one sentence says of who speaks in it. */
type Attribution =
  /** No speech verb at all: its neighbours' speakers are likely. */
  | { readonly kind: 'none' }
  | { readonly kind: 'said'; readonly subject: Subject };

/** What the guess works on: the draft, the names it may use and the words it must not read as attribution. */
interface Context {
  readonly text: string;
  /** Mentions in the window that may be a source, outside the claim's words and other claims'. */
  readonly usable: readonly Mention[];
  /** The claim's own words and other claims' words: what was said, not who said it. */
  readonly blocked: readonly OffsetRange[];
  /** Every mention in the window: a verb inside a name ("Edward Said") is none. */
  readonly mentions: readonly Mention[];
}

export interface SpeakerGuess {
  /** The entity the text says made it, when it says so clearly: the fix to prefer. */
  readonly speaker?: string;
  /** Entities to offer, the likeliest first (the speaker, when there is one, first of all). */
  readonly candidates: readonly string[];
  /** Entities named nearby only within the words of a claim (what it is about): offered last, if at all. */
  readonly namedInClaims: readonly string[];
  /** Entities the span's own sentence names as saying something: the speaker, and the subjects of its other speech verbs. */
  readonly speakers: readonly string[];
}

/**
 * Who made the claim or spoke the quotation at `span`. The speaker is the subject of the speech verb
 * nearest the span in its own sentence; a pronoun ("she said") is the one speaker of the sentence
 * before, when that is clear and the pronoun fits. Names within the span (what the claim is about:
 * the accused in "Lopez said Reyes had lied") and within other claims are never the speaker.
 */
export function guessSpeaker(analysis: Analysis, span: OffsetRange): SpeakerGuess {
  const draft = analysis.draft;
  if (!draft) return { candidates: [], namedInClaims: [], speakers: [] };
  const own = draft.sentences.window(span, 0);
  const window = draft.sentences.window(span, 1);
  const context = contextOf(analysis, span, window);
  const attribution = attributionOf(context, own, span);
  const before = window.start < own.start ? draft.sentences.window({ start: window.start, end: window.start + 1 }, 0) : undefined;
  const after = window.end > own.end ? draft.sentences.window({ start: window.end - 1, end: window.end }, 0) : undefined;

  let speaker: string | undefined;
  // Speakers of the sentences either side count only where this one names nobody as saying it.
  const neighbourSpeakers: string[] = [];
  if (attribution.kind === 'said' && attribution.subject.kind === 'named') {
    speaker = attribution.subject.id;
  } else if (attribution.kind === 'said' && attribution.subject.kind === 'pronoun') {
    const previous = before ? soleSpeaker(context, before) : undefined;
    if (previous && fits(attribution.subject.pronoun, analysis.entities.get(previous)?.type)) speaker = previous;
    if (previous) neighbourSpeakers.push(previous);
  } else if (attribution.kind === 'none') {
    for (const sentence of [before, after]) {
      const neighbour = sentence ? soleSpeaker(context, sentence) : undefined;
      if (neighbour) neighbourSpeakers.push(neighbour);
    }
  }

  const speakers = namedSpeakers(context, own);
  if (speaker !== undefined && !speakers.includes(speaker)) speakers.unshift(speaker);

  // The order: the speaker; who else its own sentence says said something; other names in its own
  // sentence; the speakers of the sentences either side; other names nearby. Names only within
  // claims' words come apart.
  const inOwnSentence = new Set(context.usable.filter((mention) => overlaps(mention.range, own)).map((mention) => mention.entityId));
  const outsideClaims = new Set(context.usable.map((mention) => mention.entityId));
  const group = (id: string): number => (id === speaker ? 0 : speakers.includes(id) ? 1 : inOwnSentence.has(id) ? 2 : neighbourSpeakers.includes(id) ? 3 : 4);
  const near = entitiesNear(analysis, span);
  const groups = new Map(near.map((id) => [id, group(id)]));
  // A stable sort: within a group, entitiesNear's order (people before places, the nearest first).
  const candidates = near.filter((id) => outsideClaims.has(id)).sort((a, b) => groups.get(a)! - groups.get(b)!);
  return { speaker, candidates, namedInClaims: near.filter((id) => !outsideClaims.has(id)), speakers };
}

/** The entities a sentence names as the subjects of its speech verbs, the speaker of the nearest first where it is one. */
function namedSpeakers(context: Context, sentence: OffsetRange): string[] {
  const named = new Set<string>();
  for (const verb of verbsIn(context, sentence, SPEECH_VERBS)) {
    const subject = subjectOf(context, sentence, verb);
    if (subject.kind === 'named') named.add(subject.id);
  }
  return [...named];
}

function contextOf(analysis: Analysis, span: OffsetRange, window: OffsetRange): Context {
  // A claim that holds the span (a quotation inside a longer paraphrase) is the span's own words.
  const otherClaims = analysis.claims.flatMap(({ range }) => (range && overlaps(range, window) && !overlaps(range, span) ? [range] : []));
  const blocked = [span, ...otherClaims];
  const mentions = mentionsOverlapping(analysis, window);
  const usable = mentions.filter((mention) => {
    const entity = analysis.entities.get(mention.entityId);
    return entity !== undefined && canBeSource(entity) && !blocked.some((range) => overlaps(range, mention.range));
  });
  return { text: analysis.draft!.text, usable, blocked, mentions };
}

/** Whether an entity of `type` can be the "he", "she", "it" or "they" of a sentence. */
function fits(pronoun: string, type: EntityType | undefined): boolean {
  const types = PRONOUNS.get(pronoun);
  return type !== undefined && types !== undefined && (types === 'any' || types.includes(type));
}

/** The speech verbs (or participles) of `sentence` that `pattern` finds, outside claims' words and names. */
function verbsIn(context: Context, sentence: OffsetRange, pattern: RegExp): Array<{ range: OffsetRange; verb: string }> {
  const words = context.text.slice(sentence.start, sentence.end);
  const verbs: Array<{ range: OffsetRange; verb: string }> = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(words); match; match = pattern.exec(words)) {
    const range = { start: sentence.start + match.index, end: sentence.start + match.index + match[0].length };
    if (context.blocked.some((blocked) => overlaps(blocked, range)) || context.mentions.some((mention) => overlaps(mention.range, range))) continue;
    verbs.push({ range, verb: match[0] });
  }
  return verbs;
}

/** Who the sentence says made the claim at `span`: the subject of the speech verb nearest it. */
function attributionOf(context: Context, sentence: OffsetRange, span: OffsetRange): Attribution {
  const verbs = verbsIn(context, sentence, SPEECH_VERBS);
  if (verbs.length === 0) {
    // "…, adding that": someone is said to say it, whose name is another verb's subject.
    return verbsIn(context, sentence, SPEECH_PARTICIPLES).length > 0 ? { kind: 'said', subject: UNNAMED } : { kind: 'none' };
  }
  const distance = (range: OffsetRange): number => (range.end <= span.start ? span.start - range.end : range.start - span.end);
  const nearest = verbs.reduce((best, verb) => (distance(verb.range) < distance(best.range) ? verb : best));
  return { kind: 'said', subject: subjectOf(context, sentence, nearest) };
}

/** The one entity a sentence names as saying something (all its speech verbs have it as subject), if any. */
function soleSpeaker(context: Context, sentence: OffsetRange): string | undefined {
  const speakers = new Set<string>();
  for (const verb of verbsIn(context, sentence, SPEECH_VERBS)) {
    const subject = subjectOf(context, sentence, verb);
    if (subject.kind !== 'named') return undefined;
    speakers.add(subject.id);
  }
  return speakers.size === 1 ? [...speakers][0] : undefined;
}

function subjectOf(context: Context, sentence: OffsetRange, verb: { range: OffsetRange; verb: string }): Subject {
  const inverted = ACCORDING_TO.test(verb.verb);
  const before = inverted ? UNNAMED : subjectBefore(context, sentence, verb.range.start);
  if (before.kind !== 'unnamed' || !INVERTED_SPEECH_VERB.test(verb.verb)) return before;
  // "…,\" said Lopez": only after a quotation or a clause, where the verb starts its own clause.
  const lead = context.text.slice(sentence.start, verb.range.start).trimEnd();
  if (!inverted && lead !== '' && !/[,"”’'»:—–-]$/.test(lead)) return before;
  return subjectAfter(context, sentence, verb.range.end);
}

/**
 * The subject written before a verb: a name right before it ("Lopez said"), maybe with words that
 * don't change who speaks ("Lopez also said"), an aside between commas ("Lopez, a spokeswoman for
 * Acme, said", "Lopez, who runs the plant, said") or a pronoun.
 */
function subjectBefore(context: Context, sentence: OffsetRange, verbStart: number): Subject {
  const text = context.text;
  let at = verbStart;
  let asides = 0;
  for (;;) {
    while (at > sentence.start && /\s/.test(text[at - 1])) at--;
    const named = context.usable.find((mention) => mention.range.end === at);
    if (named) return NOT_THE_SUBJECT_BEFORE.test(text.slice(sentence.start, named.range.start)) ? UNNAMED : { kind: 'named', id: named.entityId };
    if (text[at - 1] === ',') {
      // An aside between commas, with no quotation or clause break in it: what comes before it speaks.
      const open = text.lastIndexOf(',', at - 2);
      if (asides > 0 || open < sentence.start || /["“”«»;:()]/.test(text.slice(open + 1, at - 1))) return UNNAMED;
      asides++;
      at = open;
      continue;
    }
    const word = /(\p{L}+)$/u.exec(text.slice(sentence.start, at));
    if (!word) return UNNAMED;
    const lower = word[1].toLowerCase();
    if (PRONOUNS.has(lower)) return { kind: 'pronoun', pronoun: lower };
    at -= word[1].length;
    if (lower === 'who') {
      // "Lopez, who said the plant would close, …": who says it is who the clause is about.
      while (at > sentence.start && /\s/.test(text[at - 1])) at--;
      if (text[at - 1] === ',') at--;
      continue;
    }
    if (!BETWEEN_SUBJECT_AND_VERB.test(word[1])) return UNNAMED;
  }
}

/**
 * The subject written after a verb ("said Lopez", "said Acme spokeswoman Ana Lopez on Monday",
 * "according to the Kremlin"): the name that ends the words up to the next punctuation.
 */
function subjectAfter(context: Context, sentence: OffsetRange, verbEnd: number): Subject {
  const text = context.text;
  const rest = text.slice(verbEnd, sentence.end);
  const phrase = /^[^,.;:!?"“”()—]*/.exec(rest)![0];
  let end = verbEnd + phrase.length;
  for (;;) {
    while (end > verbEnd && /\s/.test(text[end - 1])) end--;
    const named = context.usable.find((mention) => mention.range.end === end && mention.range.start >= verbEnd);
    if (named) return NOT_THE_SUBJECT_BEFORE.test(text.slice(verbEnd, named.range.start)) ? UNNAMED : { kind: 'named', id: named.entityId };
    const word = /(\p{L}+)$/u.exec(text.slice(verbEnd, end));
    if (!word) return UNNAMED;
    const lower = word[1].toLowerCase();
    if (PRONOUNS.has(lower) && text.slice(verbEnd, end - word[1].length).trim() === '') return { kind: 'pronoun', pronoun: lower };
    // "said Lopez on Monday": the time goes, the name stays.
    if (!BETWEEN_SUBJECT_AND_VERB.test(word[1])) return UNNAMED;
    end -= word[1].length;
  }
}

