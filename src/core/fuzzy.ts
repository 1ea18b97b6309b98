// Fuzzy re-anchoring: where a quote went when its exact words are no longer in the draft.
// Hypothesis runs an approximate search of each quote over the whole text (bit-parallel, O(text)
// per quote). We look only where it can be: places that share words with the quote (found in an
// index of the draft's words, built once) and the stretch between the quote's anchored neighbours.
// Each place is aligned with the quote (edit distance, free ends in the draft), then scored by the
// quote's similarity, the prefix's and suffix's, and nearness to where the quote was expected.
import { editDistance } from './closest';
import type { OffsetRange } from './model';
import { isWordCharAt } from './normalize';

export interface FuzzyQuery {
  /** The quote, normalised and trimmed. */
  readonly quote: string;
  /** The selector's prefix and suffix, normalised, when it has them. */
  readonly prefix?: string;
  readonly suffix?: string;
  /** Where the quote is expected (normalised offsets): between the neighbours that did anchor. */
  readonly near?: OffsetRange;
}

export interface FuzzyMatch {
  /** Normalised offsets of the re-anchored span. */
  readonly start: number;
  readonly end: number;
  /** How close the draft's words are to the quote: 1 - edit distance / quote length. */
  readonly similarity: number;
}

/**
 * The least similarity that re-anchors a quote: one character in five may differ (fewer in a short
 * quote, where a few changed letters make another phrase). Below it the span is orphaned.
 */
export function minimumSimilarity(quoteLength: number): number {
  return quoteLength < 20 ? 0.85 : 0.8;
}

/** Longer quotes are not searched approximately: aligning them would take too long. */
export const MAX_FUZZY_QUOTE_LENGTH = 5000;

/** Places tried per quote, best first by shared words. */
const MAX_CANDIDATES = 4;
/** A word this frequent says little about where a quote is; it seeds only when nothing rarer does. */
const MAX_SEED_OCCURRENCES = 2000;

const WEIGHTS = { quote: 0.6, prefix: 0.15, suffix: 0.15, nearness: 0.1 };

interface Region {
  readonly from: number;
  readonly to: number;
}

export class FuzzyMatcher {
  private words?: Map<string, number[]>;

  constructor(private readonly text: string) {}

  find(query: FuzzyQuery): FuzzyMatch | undefined {
    const { quote } = query;
    if (quote.length === 0 || quote.length > MAX_FUZZY_QUOTE_LENGTH) return undefined;
    const threshold = minimumSimilarity(quote.length);
    const slack = Math.ceil(quote.length * (1 - threshold)) + 2;
    const regions: Region[] = [];
    const near = query.near;
    if (near && near.end - near.start <= 4 * quote.length + 512) {
      regions.push({ from: near.start - slack, to: near.end + slack });
    }
    regions.push(...this.seededRegions(quote, slack));

    let best: (FuzzyMatch & { score: number }) | undefined;
    for (const region of regions) {
      const aligned = align(quote, this.text, Math.max(0, region.from), Math.min(this.text.length, region.to));
      const similarity = 1 - aligned.distance / quote.length;
      if (similarity < threshold) continue;
      const score = this.score(query, aligned.start, aligned.end, similarity);
      if (!best || score > best.score) best = { start: aligned.start, end: aligned.end, similarity, score };
    }
    return best && { start: best.start, end: best.end, similarity: best.similarity };
  }

  private score(query: FuzzyQuery, start: number, end: number, similarity: number): number {
    let total = WEIGHTS.quote * similarity;
    let weights = WEIGHTS.quote;
    if (query.prefix) {
      const expected = query.prefix.trimEnd().slice(-64);
      const before = this.text.slice(Math.max(0, start - expected.length - 1), start).trimEnd().slice(-expected.length);
      total += WEIGHTS.prefix * textSimilarity(expected, before);
      weights += WEIGHTS.prefix;
    }
    if (query.suffix) {
      const expected = query.suffix.trimStart().slice(0, 64);
      const after = this.text.slice(end, end + expected.length + 1).trimStart().slice(0, expected.length);
      total += WEIGHTS.suffix * textSimilarity(expected, after);
      weights += WEIGHTS.suffix;
    }
    if (query.near) {
      const distance = start < query.near.start ? query.near.start - start : end > query.near.end ? end - query.near.end : 0;
      total += WEIGHTS.nearness * Math.max(0, 1 - distance / Math.max(2000, 20 * query.quote.length));
      weights += WEIGHTS.nearness;
    }
    return total / weights;
  }

  /** Stretches of the draft that share the most words with the quote, at the same distances apart. */
  private seededRegions(quote: string, slack: number): Region[] {
    const index = this.wordIndex();
    const seeds = [...wordsOf(quote)]
      .map(({ word, offset }) => ({ offset, weight: word.length, positions: index.get(word) ?? [] }))
      .filter((seed) => seed.positions.length > 0);
    let usable = seeds.filter((seed) => seed.positions.length <= MAX_SEED_OCCURRENCES);
    if (usable.length === 0) usable = seeds.sort((a, b) => a.positions.length - b.positions.length).slice(0, 2);

    // Each occurrence of a quote word votes for where the quote would start ("diagonal").
    const votes: Array<{ start: number; weight: number }> = [];
    for (const seed of usable) for (const position of seed.positions) votes.push({ start: position - seed.offset, weight: seed.weight });
    votes.sort((a, b) => a.start - b.start);

    // The best windows of nearby votes, greedily, without reusing a vote.
    const width = slack;
    const windows: Array<{ first: number; last: number; weight: number }> = [];
    let last = 0;
    let weight = 0;
    for (let first = 0; first < votes.length; first++) {
      while (last < votes.length && votes[last].start - votes[first].start <= width) weight += votes[last++].weight;
      windows.push({ first, last: last - 1, weight });
      weight -= votes[first].weight;
    }
    windows.sort((a, b) => b.weight - a.weight);
    const regions: Region[] = [];
    const used = new Uint8Array(votes.length);
    for (const window of windows) {
      if (regions.length === MAX_CANDIDATES) break;
      if (used[window.first] || used[window.last]) continue;
      used.fill(1, window.first, window.last + 1);
      regions.push({ from: votes[window.first].start - slack, to: votes[window.last].start + quote.length + slack });
    }
    return regions;
  }

  private wordIndex(): Map<string, number[]> {
    if (this.words) return this.words;
    const words = new Map<string, number[]>();
    for (const { word, offset } of wordsOf(this.text)) {
      const positions = words.get(word);
      if (positions) positions.push(offset);
      else words.set(word, [offset]);
    }
    this.words = words;
    return words;
  }
}

/** The runs of letters, digits and marks in a text, with their offsets. */
function* wordsOf(text: string): Generator<{ word: string; offset: number }> {
  let i = 0;
  while (i < text.length) {
    if (!isWordCharAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordCharAt(text, i)) i++;
    yield { word: text.slice(start, i), offset: start };
  }
}

function textSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  return Math.max(0, 1 - editDistance(expected, actual) / expected.length);
}

/**
 * The stretch of text[from, to) closest to `pattern` by edit distance, where the stretch may start
 * and end anywhere (semi-global alignment). One column of the dynamic programme at a time, each
 * cell remembering where its path entered the text.
 */
export function align(pattern: string, text: string, from: number, to: number): { start: number; end: number; distance: number } {
  const m = pattern.length;
  let previousCost = new Int32Array(m + 1);
  let previousStart = new Int32Array(m + 1);
  let currentCost = new Int32Array(m + 1);
  let currentStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    previousCost[i] = i;
    previousStart[i] = from;
  }
  let best = { start: from, end: from, distance: m };
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    currentCost[0] = 0;
    currentStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      let cost = previousCost[i - 1] + (pattern.charCodeAt(i - 1) === code ? 0 : 1);
      let start = previousStart[i - 1];
      if (currentCost[i - 1] + 1 < cost) {
        cost = currentCost[i - 1] + 1;
        start = currentStart[i - 1];
      }
      if (previousCost[i] + 1 < cost) {
        cost = previousCost[i] + 1;
        start = previousStart[i];
      }
      currentCost[i] = cost;
      currentStart[i] = start;
    }
    if (currentCost[m] < best.distance) best = { start: currentStart[m], end: j + 1, distance: currentCost[m] };
    [previousCost, currentCost] = [currentCost, previousCost];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  return best;
}
