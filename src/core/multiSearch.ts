// Every occurrence of many needles in one text, in one pass (Rabin–Karp with a hash table of the
// needles' first characters). Searching each needle with indexOf costs O(needles × text): with 10,000
// claims in a 1 MB draft that is seconds; this is one scan of the text plus the matches.
// The polynomial hash is hashUnits()'s, so that windows can be looked up in a TextKeyedMap too.
import { HASH_BASE, hashUnits, TextKeyedMap } from './textKeyedMap';
import { escapeRegExp } from './regex';

/** How many leading characters of a needle are hashed; shorter needles are searched with indexOf. */
const HASHED = 8;

/** HASH_BASE to the power HASHED - 1, modulo 2^32: the weight of the character leaving the window. */
const OUTGOING_WEIGHT = (() => {
  let weight = 1;
  for (let i = 1; i < HASHED; i++) weight = Math.imul(weight, HASH_BASE);
  return weight;
})();

function hashOf(text: string, from: number): number {
  return hashUnits(text, from, from + HASHED);
}

/**
 * Needles that share their first windows of HASHED characters. A bucket with many needles is split
 * by the next window, and so on: claims can share long beginnings ("the council said the"), and
 * comparing each of them at every place such a beginning occurs would be quadratic.
 */
interface Bucket {
  readonly window: string;
  readonly hash: number;
  /** The needles to compare whole here: all of them, or after a split those too short for the next window. */
  needles: number[];
  /** After a split: the buckets by the next window, looked up where it stands in the text. */
  next?: TextKeyedMap<Bucket>;
}

/** More needles than this in a bucket, and it is split by the next window. */
const MAX_BUCKET = 8;

function bucketFor(level: Map<string, Bucket>, window: string): Bucket {
  let bucket = level.get(window);
  if (!bucket) {
    // `next` from the start: one object shape for every bucket keeps the scan loop fast.
    bucket = { window, hash: hashOf(window, 0), needles: [], next: undefined };
    level.set(window, bucket);
  }
  return bucket;
}

/** Splits a crowded bucket whose needles match `depth` windows so far. */
function split(bucket: Bucket, depth: number, needles: readonly string[]): void {
  if (bucket.needles.length <= MAX_BUCKET) return;
  const offset = depth * HASHED;
  const next = new Map<string, Bucket>();
  const staying: number[] = [];
  for (const index of bucket.needles) {
    const needle = needles[index];
    if (needle.length < offset + HASHED) staying.push(index);
    else bucketFor(next, needle.slice(offset, offset + HASHED)).needles.push(index);
  }
  bucket.needles = staying;
  bucket.next = new TextKeyedMap(next);
  for (const child of next.values()) split(child, depth + 1, needles);
}

/**
 * Up to this many distinct first windows are searched with a regex. Compiling one takes longer the
 * more alternatives it has (milliseconds for a thousand); past this, hashing every place is cheaper.
 */
const MAX_PATTERN_WINDOWS = 512;

/**
 * The needles sorted for the search: the buckets of those long enough to hash, by their first window,
 * the table of those buckets by the hash of that window, and the regex of the windows when there are
 * few enough of them. Built from the needles alone, and
 * kept for the next search for the same needles: re-analyses of a draft look for the same claims again.
 */
interface NeedleIndex {
  readonly needles: readonly string[];
  /**
   * Per needle, its length and two of its characters (the middle one and the last, packed): checked
   * against the text before comparing the whole needle. The needles of a bucket share their first
   * windows; reading each from memory to find where it differs is, with a hundred thousand claims, a
   * cache miss per needle, where these arrays are small and the text at that place is at hand.
   */
  readonly lengths: Int32Array;
  readonly probes: Int32Array;
  /** Needles searched with indexOf: a few needles, or one shorter than a window. */
  readonly searchedAlone: readonly number[];
  readonly table: readonly Bucket[];
  /** The regex of the first windows, when there are few enough of them. */
  readonly pattern?: RegExp;
  /**
   * The buckets by the hash of their first window: the first bucket of each slot, and the next of
   * each bucket. The rolling hash looks every place of the text up here; a regex hit too, hashed
   * where it stands (slicing it out for a Map cost more than the rest of following it).
   */
  readonly heads: Int32Array;
  readonly chain: Int32Array;
}

/** The last few indexes built, most recent first: an analysis searches for its claims and its mentions. */
const recentIndexes: NeedleIndex[] = [];
const RECENT_INDEXES = 4;
/** Up to this many needles are searched with indexOf, one by one, and their index is not kept. */
const FEW_NEEDLES = 4;

/** Drops the kept indexes, so that the next search builds its own (the bench times searches from scratch). */
export function forgetNeedleIndexes(): void {
  recentIndexes.length = 0;
}

function needleIndex(needles: readonly string[]): NeedleIndex {
  // A few needles (one span looked up by a fix or a command) cost nothing to index, and keeping them
  // would push out the indexes worth keeping: the claims' and the mentions'.
  if (needles.length <= FEW_NEEDLES) return buildNeedleIndex(needles);
  const known = recentIndexes.find((index) => index.needles.length === needles.length && index.needles.every((needle, at) => needle === needles[at]));
  if (known) return known;
  const built = buildNeedleIndex(needles);
  recentIndexes.unshift(built);
  if (recentIndexes.length > RECENT_INDEXES) recentIndexes.pop();
  return built;
}

function buildNeedleIndex(needles: readonly string[]): NeedleIndex {
  const searchedAlone: number[] = [];
  const table: Bucket[] = [];
  // The first bucket by the hash of its window, and the next bucket with the same hash (-1 for none):
  // a needle finds its bucket with no slice of its window and no string hashed for a Map (that was
  // half the time of building the index for a hundred claims). Windows that share a hash are told
  // apart by their text.
  const firstByHash = new Map<number, number>();
  const sameHash: number[] = [];
  // indexOf is the faster search for a few needles.
  const few = needles.length <= FEW_NEEDLES;
  for (let index = 0; index < needles.length; index++) {
    const needle = needles[index];
    if (needle.length < HASHED || few) {
      if (needle.length > 0) searchedAlone.push(index);
      continue;
    }
    const hash = hashOf(needle, 0);
    const first = firstByHash.get(hash) ?? -1;
    let slot = first;
    while (slot !== -1 && !needle.startsWith(table[slot].window)) slot = sameHash[slot];
    if (slot === -1) {
      slot = table.length;
      table.push({ window: needle.slice(0, HASHED), hash, needles: [], next: undefined });
      sameHash.push(first);
      firstByHash.set(hash, slot);
    }
    table[slot].needles.push(index);
  }
  for (const bucket of table) split(bucket, 1, needles);
  const lengths = new Int32Array(needles.length);
  const probes = new Int32Array(needles.length);
  needles.forEach((needle, index) => {
    lengths[index] = needle.length;
    probes[index] = probeOf(needle, 0, needle.length);
  });
  let size = 256;
  // A sparse table: most places of the draft then hit an empty slot and cost nothing more.
  while (size < table.length * 16) size *= 2;
  const heads = new Int32Array(size).fill(-1);
  const chain = new Int32Array(table.length);
  table.forEach((bucket, slot) => {
    chain[slot] = heads[bucket.hash & (size - 1)];
    heads[bucket.hash & (size - 1)] = slot;
  });
  const pattern = table.length <= MAX_PATTERN_WINDOWS ? new RegExp(table.map((bucket) => escapeRegExp(bucket.window)).join('|'), 'g') : undefined;
  // A copy of the needles: the caller may change its array after the search.
  return { needles: [...needles], lengths, probes, searchedAlone, table, pattern, heads, chain };
}

/** The middle and last UTF-16 units of text[start, end), packed: what probes hold. */
function probeOf(text: string, start: number, end: number): number {
  return (text.charCodeAt(start + ((end - start) >> 1)) << 16) | text.charCodeAt(end - 1);
}

/**
 * Rolls the hash of every window of HASHED characters over `text`, and calls `candidate` where a
 * window's hash has a slot in `slots` (with that slot's first bucket, the hash and the place). A
 * function of its own: the loop over every character of the draft then reads nothing but locals.
 */
function scanWindows(text: string, slots: Int32Array, candidate: (first: number, hash: number, at: number) => void): void {
  const mask = slots.length - 1;
  let hash = hashOf(text, 0);
  const last = text.length - HASHED;
  for (let at = 0; ; at++) {
    const first = slots[hash & mask];
    if (first !== -1) candidate(first, hash, at);
    if (at === last) break;
    hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), OUTGOING_WEIGHT), HASH_BASE) + text.charCodeAt(at + HASHED)) | 0;
  }
}

/**
 * All start offsets of each needle in `text`, overlapping ones included, ascending; one array per
 * needle, in the order given. Empty needles match nowhere.
 */
export function findAllOccurrences(text: string, needles: readonly string[]): number[][] {
  // Most needles occur once or not at all: an array is made at a needle's first match, of that one
  // element, and the needles never found share none until the end (far less memory to collect).
  // Filled, not `new Array(length)`: V8 keeps the elements of a long array made that way in a dictionary.
  const found = needles.map((): number[] | undefined => undefined);
  const { lengths, probes, searchedAlone, table, pattern, heads, chain } = needleIndex(needles);
  for (const index of searchedAlone) {
    const needle = needles[index];
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) record(index, at);
  }
  if (table.length === 0 || text.length < HASHED) return complete();

  if (pattern) {
    // A regex of the first windows finds the places where they stand with the engine's own literal
    // search, which skips along the text: several times faster than hashing every place of it.
    pattern.lastIndex = 0;
    while (pattern.test(text)) {
      const at = pattern.lastIndex - HASHED;
      // A hit of the regex is one of the first windows: its hash finds its bucket.
      const hash = hashOf(text, at);
      check(heads[hash & (heads.length - 1)], hash, at);
      // Windows can overlap: the next one may start at the next character.
      pattern.lastIndex = at + 1;
    }
    return complete();
  }

  scanWindows(text, heads, check);
  return complete();

  function record(index: number, at: number): void {
    const positions = found[index];
    if (positions) positions.push(at);
    else found[index] = [at];
  }

  function complete(): number[][] {
    const all: number[][] = [];
    for (let index = 0; index < found.length; index++) all.push(found[index] ?? []);
    return all;
  }

  /** The needles whose first window hashes to `hash`, checked at `at` (kept out of the scan loop, which stays tight). */
  function check(first: number, hash: number, at: number): void {
    for (let slot = first; slot !== -1; slot = chain[slot]) {
      const bucket = table[slot];
      if (bucket.hash === hash && text.startsWith(bucket.window, at)) follow(bucket, at);
    }
  }

  /** The needles of a bucket whose first window is at `at`, and of the buckets it was split into. */
  function follow(root: Bucket, at: number): void {
    let bucket: Bucket | undefined = root;
    // At most one bucket per window can match here: follow the one that does.
    for (let position = at + HASHED; bucket; position += HASHED) {
      for (const index of bucket.needles) {
        const end = at + lengths[index];
        // substring and === compare a needle twice as fast as startsWith (measured on two-byte drafts).
        if (end <= text.length && probeOf(text, at, end) === probes[index] && text.substring(at, end) === needles[index]) record(index, at);
      }
      if (!bucket.next || position + HASHED > text.length) break;
      bucket = bucket.next.get(text, position, position + HASHED);
    }
  }
}
