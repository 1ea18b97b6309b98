// Maps from strings that are looked up in place, in a longer text.

/**
 * A map from strings to values that looks a key up where it stands in a text, without slicing it out:
 * the scans of the draft (for mentions, for claims) look up many stretches of it, and slicing each for
 * a Map lookup was most of their time.
 */
export class TextKeyedMap<T> {
  private readonly keys: string[] = [];
  private readonly values: T[] = [];
  private readonly hashes: Int32Array;
  /** Open addressing, linear probing: an index into `keys`, or -1 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly shift: number;

  constructor(entries: ReadonlyMap<string, T>) {
    let bits = 4;
    while (1 << bits < entries.size * 4) bits++;
    this.shift = 32 - bits;
    this.slots = new Int32Array(1 << bits).fill(-1);
    this.hashes = new Int32Array(entries.size);
    for (const [word, value] of entries) {
      const index = this.keys.length;
      const hash = hashUnits(word, 0, word.length);
      this.keys.push(word);
      this.values.push(value);
      this.hashes[index] = hash;
      let slot = this.slotOf(hash);
      while (this.slots[slot] !== -1) slot = (slot + 1) & (this.slots.length - 1);
      this.slots[slot] = index;
    }
  }

  /** The value of text[start, end), if that is one of the keys. */
  get(text: string, start: number, end: number): T | undefined {
    return this.getHashed(hashUnits(text, start, end), text, start, end);
  }

  /** get(), given hashUnits(text, start, end). */
  getHashed(hash: number, text: string, start: number, end: number): T | undefined {
    const length = end - start;
    for (let slot = this.slotOf(hash); this.slots[slot] !== -1; slot = (slot + 1) & (this.slots.length - 1)) {
      const index = this.slots[slot];
      const word = this.keys[index];
      if (this.hashes[index] === hash && word.length === length && text.startsWith(word, start)) return this.values[index];
    }
    return undefined;
  }

  private slotOf(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }
}

/** The base of the polynomial hash; the exact search rolls its windows' hashes with it. */
export const HASH_BASE = 31;

/** The hash of a text extended by one UTF-16 unit: hashUnits() one step at a time. */
export function extendHash(hash: number, unit: number): number {
  return (Math.imul(hash, HASH_BASE) + unit) | 0;
}

/** The hash of text[start, end): the same as the exact search's window hash. */
export function hashUnits(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = extendHash(hash, text.charCodeAt(i));
  return hash;
}
