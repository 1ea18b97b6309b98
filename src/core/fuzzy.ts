// Fuzzy re-anchoring: where a quote went when its exact words are no longer in the draft.
// Hypothesis runs an approximate search of each quote over the whole text (bit-parallel, O(text)
// per quote). We look only where it can be: places that share words with the quote (found in an
// index of the draft's words, built once) and the stretch between the quote's anchored neighbours.
// Each place is aligned with the quote (edit distance, free ends in the draft), then scored by the
// quote's similarity, the prefix's and suffix's, and nearness to where the quote was expected.
import { editDistance } from './closest';
import type { OffsetRange } from './model';
import { cutsWord, isWordCharacterAt } from './wordBoundaries';

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
 * The least similarity that re-anchors a quote: one character in four may differ in a long quote (a
 * word added to a sentence), fewer in a short one, where a few changed letters make another phrase.
 * Below it the span is orphaned.
 */
export function minimumSimilarity(quoteLength: number): number {
  return quoteLength < 20 ? 0.85 : quoteLength < 40 ? 0.8 : 0.75;
}

/** Longer quotes are not searched approximately: aligning them would take too long. */
export const MAX_FUZZY_QUOTE_LENGTH = 5000;

/** Places tried per quote, best first by shared words. */
const MAX_CANDIDATES = 4;
/** Votes cast per quote by its words' occurrences, rarest words first; at least MIN_SEEDS words vote. */
const MAX_VOTES = 30000;
const MIN_SEEDS = 2;

const WEIGHTS = { quote: 0.6, prefix: 0.15, suffix: 0.15, nearness: 0.1 };

interface Region {
  readonly from: number;
  readonly to: number;
}

/** A word of the quote that occurs in the draft: where it is in the quote, where in the draft, and its vote. */
class Seed {
  constructor(
    readonly offset: number,
    readonly positions: readonly number[],
    readonly weight: number,
  ) {}
}

function byRarity(a: Seed, b: Seed): number {
  return a.positions.length - b.positions.length;
}

/** A candidate place: a pair of vote buckets and their weight. */
class Place {
  constructor(
    readonly bucket: number,
    readonly weight: number,
  ) {}
}

export class FuzzyMatcher {
  private words?: Map<string, number[]>;

  /**
   * The vote buckets of seededRegions(), all zero between uses: kept for the next quote of this draft
   * (and dropped with it: for a 10 MB draft they are megabytes).
   */
  private votes = new Float32Array(1024);

  constructor(private readonly text: string) {}

  private voteBuckets(count: number): Float32Array {
    if (this.votes.length < count) this.votes = new Float32Array(count);
    return this.votes;
  }

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
    // Candidate places often overlap (the neighbours' stretch and a seeded one): align each stretch once.
    regions.sort((a, b) => a.from - b.from);
    for (let i = regions.length - 1; i > 0; i--) {
      if (regions[i].from <= regions[i - 1].to) regions.splice(i - 1, 2, { from: regions[i - 1].from, to: Math.max(regions[i - 1].to, regions[i].to) });
    }

    let best: (FuzzyMatch & { score: number }) | undefined;
    const maxDistance = Math.floor((1 - threshold) * quote.length);
    for (const region of regions) {
      const aligned = align(quote, this.text, Math.max(0, region.from), Math.min(this.text.length, region.to), maxDistance);
      // align() answers maxDistance + 1 when nothing is close enough: that, and an empty stretch, are no match
      // (the similarity of that answer can round to exactly the threshold).
      if (aligned.distance > maxDistance || aligned.end <= aligned.start) continue;
      const snapped = this.wholeWordsAround(quote, aligned, maxDistance);
      if (!snapped) continue;
      const similarity = 1 - snapped.distance / quote.length;
      if (similarity < threshold) continue;
      const score = this.score(query, snapped.start, snapped.end, similarity);
      if (!best || score > best.score) best = { start: snapped.start, end: snapped.end, similarity, score };
    }
    return best && { start: best.start, end: best.end, similarity: best.similarity };
  }

  /**
   * The closest alignment's stretch, made whole words. One that cuts a word is aligned again nearby,
   * beginning and ending only where no word is cut: the closest such stretch, or none ("the war" is
   * not found in "the warring" by dropping four letters). The aligner's free ends can also leave the
   * white space beside a word in the stretch: there it is widened to the word beyond the space, or
   * narrowed to leave the space out, whichever is closer to the quote (widened when as close: a quote
   * whose last word changed, "will stay" now "will remain", takes the new word), and kept as it is
   * when neither is close enough.
   */
  private wholeWordsAround(quote: string, aligned: Stretch, maxDistance: number): Stretch | undefined {
    const { text } = this;
    let stretch = aligned;
    if (cutsWord(text, stretch.start) || cutsWord(text, stretch.end)) {
      // A stretch within maxDistance of the quote is within maxDistance of its length: around the
      // cut stretch, those that could begin or end where it does lie in here.
      let from = Math.max(0, Math.min(stretch.start, stretch.end - quote.length) - maxDistance);
      while (cutsWord(text, from)) from--;
      let to = Math.min(text.length, Math.max(stretch.end, stretch.start + quote.length) + maxDistance);
      while (cutsWord(text, to)) to++;
      stretch = alignWithStarts(quote, text, from, to, maxDistance, -Infinity, Infinity, true);
      if (stretch.distance > maxDistance || stretch.end <= stretch.start) return undefined;
    }
    const moveStart = text.charCodeAt(stretch.start) === 0x20;
    const moveEnd = text.charCodeAt(stretch.end - 1) === 0x20;
    if (!moveStart && !moveEnd) return stretch;
    const starts = moveStart ? [widerStart(text, stretch.start), skipSpaces(text, stretch.start)] : [stretch.start];
    const ends = moveEnd ? [widerEnd(text, stretch.end), skipSpacesBack(text, stretch.end)] : [stretch.end];
    let best: Stretch | undefined;
    for (const from of starts) {
      for (const to of ends) {
        // Only a closer stretch replaces the one kept: the first tried (the widest) wins a tie.
        const limit = best ? best.distance - 1 : maxDistance;
        if (to <= from || limit < 0) continue;
        const distance = boundedEditDistance(quote, text.slice(from, to), limit);
        if (distance <= limit) best = { start: from, end: to, distance };
      }
    }
    return best ?? stretch;
  }

  /**
   * How good a place is for the quote, from 0 to 1: the similarity of its words, of the words before
   * and after it to the prefix and suffix, and its nearness to where the quote is expected.
   */
  score(query: FuzzyQuery, start: number, end: number, similarity: number): number {
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
    // Plain loops over objects of one shape: this runs for every drifted quote, often before the
    // optimising compiler has seen enough of it, and array callbacks over mixed shapes kept it
    // unoptimised for dozens of analyses.
    const index = this.wordIndex();
    const seeds: Seed[] = [];
    forEachWord(quote, (start, end) => {
      const positions = index.get(quote.slice(start, end));
      if (positions !== undefined) seeds.push(new Seed(start, positions, (end - start) / Math.log2(2 + positions.length)));
    });
    // The rarest words say most about where the quote is: take them first, up to a budget of votes.
    seeds.sort(byRarity);
    let usable = 0;
    let budget = MAX_VOTES;
    while (usable < seeds.length && (usable < MIN_SEEDS || seeds[usable].positions.length <= budget)) {
      budget -= seeds[usable].positions.length;
      usable++;
    }

    // Each occurrence of a quote word votes for where the quote would start, in buckets `slack` wide;
    // the quote's own votes fall in one bucket or two neighbours, so pairs of buckets are scored.
    // A dense array of buckets (plus the list of those touched) is much faster than a Map here. It is
    // kept for the next quote, and only the touched buckets are cleared after use.
    const weights = this.voteBuckets(Math.ceil(this.text.length / slack) + 3);
    const touched: number[] = [];
    for (let s = 0; s < usable; s++) {
      const { offset, positions, weight } = seeds[s];
      for (let p = 0; p < positions.length; p++) {
        const bucket = Math.max(0, Math.floor((positions[p] - offset) / slack) + 1);
        if (weights[bucket] === 0) touched.push(bucket);
        weights[bucket] += weight;
      }
    }
    const best: Place[] = [];
    for (let t = 0; t < touched.length; t++) {
      const bucket = touched[t];
      const pair = weights[bucket] + weights[bucket + 1];
      if (best.length === MAX_CANDIDATES && pair <= best[best.length - 1].weight) continue;
      // A neighbouring pair is the same place: keep the heavier of the two.
      let near = -1;
      for (let k = 0; k < best.length && near === -1; k++) if (Math.abs(best[k].bucket - bucket) <= 1) near = k;
      if (near !== -1) {
        if (best[near].weight >= pair) continue;
        best.splice(near, 1);
      }
      // Heaviest first; a new place goes after those as heavy (as a stable sort would put it).
      let at = best.length;
      while (at > 0 && best[at - 1].weight < pair) at--;
      best.splice(at, 0, new Place(bucket, pair));
      if (best.length > MAX_CANDIDATES) best.pop();
    }
    for (let t = 0; t < touched.length; t++) weights[touched[t]] = 0;
    // A place with less than a third of the best one's votes shares too few words to be worth aligning.
    const regions: Region[] = [];
    for (const { bucket, weight } of best) {
      if (weight >= best[0].weight / 3) regions.push({ from: (bucket - 2) * slack, to: (bucket + 1) * slack + quote.length + slack });
    }
    return regions;
  }

  private wordIndex(): Map<string, number[]> {
    if (this.words) return this.words;
    const words = new Map<string, number[]>();
    forEachWord(this.text, (start, end) => {
      const word = this.text.slice(start, end);
      const positions = words.get(word);
      if (positions) positions.push(start);
      else words.set(word, [start]);
    });
    this.words = words;
    return words;
  }
}


interface Stretch {
  readonly start: number;
  readonly end: number;
  readonly distance: number;
}

/** The start of the word before the white space a stretch begins on (`start` itself when there is none). */
function widerStart(text: string, start: number): number {
  let at = skipSpacesBack(text, start);
  if (at === 0 || !isWordCharacterAt(text, at - 1)) return start;
  at--;
  while (cutsWord(text, at)) at--;
  return at;
}

/** The end of the word after the white space a stretch ends on (`end` itself when there is none). */
function widerEnd(text: string, end: number): number {
  let at = skipSpaces(text, end);
  if (at === text.length || !isWordCharacterAt(text, at)) return end;
  at++;
  while (cutsWord(text, at)) at++;
  return at;
}

/** `offset`, moved past the spaces after it (the text is normalised: white space is one plain space). */
function skipSpaces(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text.charCodeAt(at) === 0x20) at++;
  return at;
}

function skipSpacesBack(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text.charCodeAt(at - 1) === 0x20) at--;
  return at;
}

/** The previous and current rows of boundedEditDistance(), kept between calls. */
let bandRows = [new Int32Array(256), new Int32Array(256)];

/**
 * The edit distance between `a` and `b` when it is at most `max`, else max + 1. Only the cells within
 * `max` of the diagonal are computed: a path outside that band costs more than `max` anyway.
 */
function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const over = max + 1;
  if (bandRows[0].length < b.length + 1) bandRows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [previous, current] = bandRows;
  for (let j = 0; j <= b.length; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current[from - 1] = from === 1 ? Math.min(i, over) : over;
    const code = a.charCodeAt(i - 1);
    let rowBest = current[from - 1];
    for (let j = from; j <= to; j++) {
      const cost = Math.min(previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1), previous[j] + 1, current[j - 1] + 1);
      current[j] = Math.min(cost, over);
      if (current[j] < rowBest) rowBest = current[j];
    }
    if (to < b.length) current[to + 1] = over;
    if (rowBest >= over) return over;
    const done = previous;
    previous = current;
    current = done;
  }
  return previous[b.length];
}

/** ASCII letters and digits: isWordCharacterAt() for the characters most words are made of. */
const ASCII_WORD_UNITS = new Uint8Array(128).map((_, code) => (isWordCharacterAt(String.fromCharCode(code), 0) ? 1 : 0));

function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  // A table lookup rather than a call for ASCII: the index of a whole draft asks this of every
  // character, mostly before the optimising compiler has inlined anything.
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 128 ? ASCII_WORD_UNITS[code] === 0 : !isWordCharacterAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    for (i++; i < text.length; i++) {
      const next = text.charCodeAt(i);
      if (next < 128 ? ASCII_WORD_UNITS[next] === 0 : !isWordCharacterAt(text, i)) break;
    }
    visit(start, i);
  }
}

function textSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  return Math.max(0, 1 - editDistance(expected, actual) / expected.length);
}

/**
 * The stretch of text[from, to) closest to `pattern` by edit distance, where the stretch may start
 * and end anywhere (semi-global alignment). A distance above `maxDistance` means "no stretch close
 * enough". Where the stretch ends and how far it is comes from a bit-parallel pass over the region
 * (Myers's algorithm, in Hyyrö's blocks of 32 rows): a few word operations per character of text.
 * Where it starts then needs the full dynamic programme, but only over the few characters before
 * that end that a path of at most that distance can have come from.
 */
export function align(
  pattern: string,
  text: string,
  from: number,
  to: number,
  maxDistance = pattern.length,
): { start: number; end: number; distance: number } {
  // With a distance as large as the pattern, any stretch is close enough: no region to narrow down.
  if (maxDistance >= pattern.length || to <= from) return alignWithStarts(pattern, text, from, to, maxDistance);
  const closest = closestEnd(pattern, text, from, to, maxDistance);
  if (closest === undefined) return { start: from, end: from, distance: maxDistance + 1 };
  // A path to (pattern end, `closest.end`) costs at least the difference in lengths: it starts no
  // earlier than pattern.length + distance characters before that end, and the programme from one
  // character before that gives the same start, end and distance as from `from` (the cells on the
  // path, and the choices between equal costs along it, are the same). Those cells cost at most the
  // distance found, so the cut-off can be that distance rather than `maxDistance`: only costlier
  // cells are left out, which never win a choice against the path's.
  // A cell of that path, at text end e and pattern row i, costs at least |(e - start) - i|, so e - i is
  // within twice the distance of closest.end - pattern.length: only that band of cells is computed.
  const narrowedFrom = Math.max(from, closest.end - pattern.length - closest.distance - 1);
  const diagonal = closest.end - pattern.length;
  const width = 2 * closest.distance;
  return alignWithStarts(pattern, text, narrowedFrom, closest.end, closest.distance, diagonal - width, diagonal + width);
}

/**
 * The pattern's match bits per character, per block of 32 pattern characters, for the last pattern
 * aligned (align() is called for every candidate place of one quote).
 */
let matchBits: { pattern: string; blocks: number; ascii: Int32Array; other?: Map<number, Int32Array> } | undefined;
/** The ASCII part of the match bits, 128 characters by blocks, reused from one pattern to the next. */
let asciiMatchBits = new Int32Array(128 * 4);
/** The match bits of a character the pattern doesn't have. */
let noMatchBits = new Int32Array(4);

function matchBitsOf(pattern: string): NonNullable<typeof matchBits> {
  if (matchBits?.pattern === pattern) return matchBits;
  const blocks = Math.ceil(pattern.length / 32);
  if (asciiMatchBits.length < 128 * blocks) {
    asciiMatchBits = new Int32Array(128 * blocks);
    noMatchBits = new Int32Array(blocks);
  }
  const ascii = asciiMatchBits;
  ascii.fill(0, 0, 128 * blocks);
  let other: Map<number, Int32Array> | undefined;
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    const block = i >>> 5;
    const bit = 1 << (i & 31);
    if (code < 128) {
      ascii[code * blocks + block] |= bit;
    } else {
      other ??= new Map();
      let bits = other.get(code);
      if (!bits) other.set(code, (bits = new Int32Array(blocks)));
      bits[block] |= bit;
    }
  }
  matchBits = { pattern, blocks, ascii, other };
  return matchBits;
}

/** The vertical deltas of the bit-parallel pass (+1 and -1 bits per row), kept between calls. */
let positiveDeltas = new Int32Array(8);
let negativeDeltas = new Int32Array(8);

/**
 * The first end in text[from, to) where the pattern's edit distance is least, with that distance, when
 * it is at most `maxDistance`. The last row of the dynamic programme, column by column, computed 32
 * rows to a machine word.
 */
function closestEnd(pattern: string, text: string, from: number, to: number, maxDistance: number): { end: number; distance: number } | undefined {
  const { blocks, ascii, other } = matchBitsOf(pattern);
  if (positiveDeltas.length < blocks) {
    positiveDeltas = new Int32Array(blocks);
    negativeDeltas = new Int32Array(blocks);
  }
  const plus = positiveDeltas;
  const minus = negativeDeltas;
  // Before the region, row i costs i: every vertical delta is +1.
  plus.fill(-1, 0, blocks);
  minus.fill(0, 0, blocks);
  const lastBlock = blocks - 1;
  const lastRowBit = (pattern.length - 1) & 31;
  let score = pattern.length;
  let bestEnd = -1;
  let bestDistance = maxDistance + 1;
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    const equal = code < 128 ? undefined : (other?.get(code) ?? noMatchBits);
    // The top row costs nothing anywhere (the match may start anywhere): no horizontal delta enters.
    let carry = 0;
    for (let block = 0; block < blocks; block++) {
      let eq = equal === undefined ? ascii[code * blocks + block] : equal[block];
      const pv = plus[block];
      const mv = minus[block];
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (block === lastBlock) {
        score += ((ph >>> lastRowBit) & 1) - ((mh >>> lastRowBit) & 1);
      }
      const out = (ph >>> 31) - (mh >>> 31);
      ph = (ph << 1) | (carry > 0 ? 1 : 0);
      mh = (mh << 1) | (carry < 0 ? 1 : 0);
      plus[block] = mh | ~(xv | ph);
      minus[block] = ph & xv;
      carry = out;
    }
    if (score < bestDistance) {
      bestDistance = score;
      bestEnd = j + 1;
    }
  }
  return bestEnd === -1 ? undefined : { end: bestEnd, distance: bestDistance };
}

/** The four columns alignWithStarts() works in, kept between calls (it is called for every candidate place). */
let columns: Int32Array[] = [0, 1, 2, 3].map(() => new Int32Array(256));

/**
 * align() by the dynamic programme alone: one column at a time, each cell remembering where its path
 * entered the text. Rows whose cost already exceeds `maxDistance` are not computed (Ukkonen's
 * cut-off): on text that doesn't match, only the first rows are. With `wholeWords`, only stretches
 * that begin and end where no word is cut are taken (`from` must be such a place).
 */
function alignWithStarts(
  pattern: string,
  text: string,
  from: number,
  to: number,
  maxDistance: number,
  lowestDiagonal = -Infinity,
  highestDiagonal = Infinity,
  wholeWords = false,
): { start: number; end: number; distance: number } {
  const m = pattern.length;
  const over = maxDistance + 1;
  if (columns[0].length < m + 2) columns = [0, 1, 2, 3].map(() => new Int32Array(2 * (m + 2)));
  let [previousCost, previousStart, currentCost, currentStart] = columns;
  for (let i = 0; i <= m + 1; i++) {
    previousCost[i] = Math.min(i, over);
    previousStart[i] = from;
  }
  // The last row whose cost is within maxDistance; rows below it are taken as `over`.
  let lastActive = Math.min(m, maxDistance);
  let best = { start: from, end: from, distance: over };
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    // With whole words, a stretch may start (the top row is free) and end only where no word is cut.
    currentCost[0] = wholeWords && cutsWord(text, j + 1) ? over : 0;
    currentStart[0] = j + 1;
    const limit = Math.min(m, lastActive + 1);
    // Only the rows of the band of diagonals (text end - pattern row) asked for: the cells either side
    // of it count as too costly.
    const firstRow = Math.max(1, j + 1 - highestDiagonal);
    const lastRow = Math.min(limit, j + 1 - lowestDiagonal);
    if (firstRow > 1) currentCost[firstRow - 1] = over;
    for (let i = firstRow; i <= lastRow; i++) {
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
      currentCost[i] = Math.min(cost, over);
      currentStart[i] = start;
    }
    if (lastRow < m) currentCost[lastRow + 1] = over;
    lastActive = lastRow;
    while (lastActive >= firstRow && currentCost[lastActive] >= over) lastActive--;
    if (lastActive < firstRow) lastActive = 0;
    if (lastActive === m && currentCost[m] < best.distance && !(wholeWords && cutsWord(text, j + 1))) best = { start: currentStart[m], end: j + 1, distance: currentCost[m] };
    const costs = previousCost;
    previousCost = currentCost;
    currentCost = costs;
    const starts = previousStart;
    previousStart = currentStart;
    currentStart = starts;
  }
  return best;
}
