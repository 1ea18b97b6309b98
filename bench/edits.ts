// Redrafting for the fuzzy benchmark: edits inside some claims of a corpus, with where each edited
// claim is afterwards, and near-copies elsewhere (decoys) that only context or position tell apart.
import { Random, type Corpus } from './corpus';

export interface EditedQuote {
  /** The selector as it was written before the edit: quote, and 32 characters either side. */
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Where the quote was before the edit (Hypothesis keeps this offset; the YAML doesn't). */
  readonly oldStart: number;
  /** Where the edited words are now: the right answer. */
  readonly start: number;
  readonly end: number;
}

export interface RedraftedCorpus {
  readonly draft: string;
  readonly quotes: readonly EditedQuote[];
}

const REPLACEMENTS = ['council', 'harbour', 'budget', 'agreement', 'minister', 'report', 'city', 'region'];

/** One small edit of a claim's words: a word replaced, dropped or added, or a typo. */
function editWords(random: Random, text: string): string {
  for (;;) {
    const edited = tryEdit(random, text);
    if (edited !== text) return edited;
  }
}

function tryEdit(random: Random, text: string): string {
  const words = text.split(' ');
  const at = 1 + random.int(words.length - 2);
  switch (random.int(4)) {
    case 0:
      words[at] = random.pick(REPLACEMENTS.filter((word) => word !== words[at]));
      break;
    case 1:
      words.splice(at, 1);
      break;
    case 2:
      words.splice(at, 0, random.pick(REPLACEMENTS));
      break;
    default: {
      const word = words[at];
      const letter = random.int(word.length);
      words[at] = word.slice(0, letter) + word.slice(letter + 1, letter + 2) + word.charAt(letter) + word.slice(letter + 2);
    }
  }
  return words.join(' ');
}

/** Edits `count` claims spread over the draft; every fourth also gets a decoy, differently edited, elsewhere. */
export function redraft(corpus: Corpus, count: number, seed = 7): RedraftedCorpus {
  const random = new Random(seed);
  const step = Math.max(1, Math.floor(corpus.claims.length / count));
  const chosen = corpus.claims.filter((_, index) => index % step === 0).slice(0, count);
  const context = (start: number, end: number) => ({
    prefix: corpus.draft.slice(Math.max(0, start - 32), start),
    suffix: corpus.draft.slice(end, end + 32),
  });
  // Replacements, applied from the end of the draft so that earlier offsets stay valid.
  const changes: Array<{ start: number; end: number; text: string; quote?: number }> = [];
  chosen.forEach((claim, index) => {
    changes.push({ start: claim.start, end: claim.end, text: editWords(random, claim.text), quote: index });
    if (index % 4 === 3) {
      // A decoy: the same sentence, edited another way, after some other claim's sentence.
      const other = corpus.claims[random.int(corpus.claims.length)];
      const at = corpus.draft.indexOf('. ', other.end);
      if (at !== -1) changes.push({ start: at + 2, end: at + 2, text: `${capitalise(editWords(random, claim.text))}. ` });
    }
  });
  changes.sort((a, b) => a.start - b.start);
  let draft = '';
  let copied = 0;
  const placed = new Map<number, { start: number; end: number }>();
  for (const change of changes) {
    if (change.start < copied) continue;
    draft += corpus.draft.slice(copied, change.start);
    if (change.quote !== undefined) placed.set(change.quote, { start: draft.length, end: draft.length + change.text.length });
    draft += change.text;
    copied = change.end;
  }
  draft += corpus.draft.slice(copied);
  const quotes = chosen.flatMap((claim, index) => {
    const now = placed.get(index);
    return now ? [{ exact: claim.text, ...context(claim.start, claim.end), oldStart: claim.start, ...now }] : [];
  });
  return { draft, quotes };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
