// Every occurrence of many needles in one text, in one pass (Rabin–Karp with a hash table of the
// needles' first characters). Searching each needle with indexOf costs O(needles × text): with 10,000
// claims in a 1 MB draft that is seconds; this is one scan of the text plus the matches.

/** How many leading characters of a needle are hashed; shorter needles are searched with indexOf. */
const HASHED = 8;
const BASE = 31;

/** BASE to the power HASHED - 1, modulo 2^32: the weight of the character leaving the window. */
const OUTGOING_WEIGHT = (() => {
  let weight = 1;
  for (let i = 1; i < HASHED; i++) weight = Math.imul(weight, BASE);
  return weight;
})();

function hashOf(text: string, from: number): number {
  let hash = 0;
  for (let i = from; i < from + HASHED; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/** Needles that share their first HASHED characters, split again by the next HASHED characters. */
interface Group {
  readonly head: string;
  readonly hash: number;
  /** Needles shorter than two windows: compared one by one. */
  readonly short: number[];
  /** Longer needles by the hash of their second window: many needles can share a head ("the council"). */
  readonly long: Map<number, number[]>;
}

/**
 * All start offsets of each needle in `text`, overlapping ones included, ascending; one array per
 * needle, in the order given. Empty needles match nowhere.
 */
export function findAllOccurrences(text: string, needles: readonly string[]): number[][] {
  const found = needles.map((): number[] => []);
  const groups = new Map<string, Group>();
  // indexOf is the faster search for a few needles.
  const few = needles.length <= 4;
  needles.forEach((needle, index) => {
    if (needle.length >= HASHED && !few) {
      const head = needle.slice(0, HASHED);
      let group = groups.get(head);
      if (!group) {
        group = { head, hash: hashOf(head, 0), short: [], long: new Map() };
        groups.set(head, group);
      }
      if (needle.length < 2 * HASHED) group.short.push(index);
      else {
        const second = hashOf(needle, HASHED);
        const list = group.long.get(second);
        if (list) list.push(index);
        else group.long.set(second, [index]);
      }
    } else if (needle.length > 0) {
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found[index].push(at);
    }
  });
  if (groups.size === 0 || text.length < HASHED) return found;

  const table = [...groups.values()];
  let size = 256;
  while (size < table.length * 2) size *= 2;
  const mask = size - 1;
  const heads = new Int32Array(size).fill(-1);
  const next = new Int32Array(table.length);
  table.forEach((group, slot) => {
    next[slot] = heads[group.hash & mask];
    heads[group.hash & mask] = slot;
  });

  const check = (candidates: readonly number[] | undefined, at: number): void => {
    if (!candidates) return;
    for (const needleIndex of candidates) if (text.startsWith(needles[needleIndex], at)) found[needleIndex].push(at);
  };
  let hash = hashOf(text, 0);
  const last = text.length - HASHED;
  for (let at = 0; ; at++) {
    for (let slot = heads[hash & mask]; slot !== -1; slot = next[slot]) {
      const group = table[slot];
      if (group.hash !== hash || !text.startsWith(group.head, at)) continue;
      check(group.short, at);
      if (group.long.size > 0 && at + 2 * HASHED <= text.length) check(group.long.get(hashOf(text, at + HASHED)), at);
    }
    if (at === last) break;
    hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), OUTGOING_WEIGHT), BASE) + text.charCodeAt(at + HASHED)) | 0;
  }
  return found;
}
