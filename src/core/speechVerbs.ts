// The words of attribution, in one place: who speaks (speakers.ts), whether a sentence already names
// a source ("Name the source in the text"), and which verb between a loaded one and its claim is the
// neutral one that attributes it (findings/loadedVerbs.ts). Lists of words, each built into a regex once.

/** Neutral speech verbs, whose subject is the speaker: "said", "told", "according to". */
const NEUTRAL_SPEECH_VERBS = ['said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'stated', 'announced', 'explained', 'noted', 'according to'];

/**
 * Every verb whose subject is the speaker. Nouns spelt like a verb ("claims", "reports", "notes",
 * "states") are left out: a noun nearer the claim than the verb would hide the speaker.
 */
const SPEECH_VERB_WORDS = [
  ...NEUTRAL_SPEECH_VERBS,
  'asked', 'asks', 'posted', 'explains', 'declared', 'declares', 'announces', 'claimed', 'admitted', 'admits',
  'insisted', 'insists', 'stressed', 'stresses', 'reported', 'warned', 'warns', 'argued', 'argues', 'confirmed', 'confirms',
  'denied', 'denies', 'alleged', 'alleges', 'acknowledged', 'acknowledges', 'conceded', 'concedes', 'revealed', 'reveals',
  'reiterated', 'reiterates', 'testified', 'testifies', 'tweeted', 'replied', 'replies', 'responded', 'responds',
  'pointed out', 'points out',
];

/**
 * The verbs a speaker can follow: "…,\" said Lopez", "…, added the mayor", "according to the Kremlin".
 * Never "told": its object is who was told.
 */
const INVERTED_SPEECH_VERB_WORDS = ['said', 'says', 'added', 'adds', 'wrote', 'writes', 'asked', 'asks', 'explained', 'noted', 'replied', 'according to'];

/** Participles ("…, adding that"): they attribute, but their subject is another verb's. */
const SPEECH_PARTICIPLE_WORDS = ['saying', 'telling', 'adding', 'writing', 'posting', 'noting', 'stressing', 'warning', 'arguing', 'insisting', 'explaining', 'claiming', 'reporting'];

/** Whole words or phrases (a space matches any white space, a line break of wrapped copy too). */
function wordsPattern(words: readonly string[], flags: string): RegExp {
  return new RegExp(`\\b${alternatives(words)}\\b`, flags);
}

/** The words as a regex group, a space in one matching any white space. */
function alternatives(words: readonly string[]): string {
  return `(?:${words.map((word) => word.replace(/ /g, '\\s+')).join('|')})`;
}

/** The same words as a whole string: a verb SPEECH_VERBS found is one of them, or not. */
function wholePattern(words: readonly string[]): RegExp {
  return new RegExp(`^${alternatives(words)}$`, 'i');
}

/** Whether a speech verb found is one its speaker can follow (INVERTED_SPEECH_VERB_WORDS). */
export const INVERTED_SPEECH_VERB = wholePattern(INVERTED_SPEECH_VERB_WORDS);

/** "According to", however wrapped: the speaker always follows it. */
export const ACCORDING_TO = wholePattern(['according to']);

/** Speech verbs, for scanning a sentence (global: reset `lastIndex` before a scan). */
export const SPEECH_VERBS = wordsPattern(SPEECH_VERB_WORDS, 'gi');
export const SPEECH_PARTICIPLES = wordsPattern(SPEECH_PARTICIPLE_WORDS, 'gi');

/** A neutral verb of attribution, "states" and "tell" included: one between a loaded verb and its claim attributes it. */
export const NEUTRAL_ATTRIBUTION = wordsPattern([...NEUTRAL_SPEECH_VERBS, 'states', 'tell'], 'i');

/**
 * Words that attribute what a sentence says to someone: every speech verb and participle, and what
 * names a source without one ("reportedly", "in a statement", "claims" and "reports" as nouns:
 * "sources say", "reports suggest"). A sentence with one names its source already, well or vaguely.
 */
const ATTRIBUTION_WORDS = wordsPattern(
  [...SPEECH_VERB_WORDS, ...SPEECH_PARTICIPLE_WORDS, 'tell', 'states', 'claims', 'reports', 'reportedly', 'notes', 'believed', 'believe', 'believes', 'in a statement'],
  'i',
);

/** Whether `text` attributes what it says to someone, by a speech verb or an attribution phrase. */
export function hasAttributionWords(text: string): boolean {
  return ATTRIBUTION_WORDS.test(text);
}
