// Bounds on hostile annotation files, checked before the YAML parser sees them. The parser recurses
// once per level of flow brackets: some ten thousand `[` exhaust the stack, and in Node that can end
// the whole process (an out-of-memory abort in V8's RegExp compiler), not merely throw.

/** Far deeper than any annotation file nests `[` and `{` (two or three levels). */
export const MAX_FLOW_DEPTH = 256;

/**
 * The offset of the first bracket nested deeper than MAX_FLOW_DEPTH, or undefined. Brackets in
 * quotes and comments are counted too: a false alarm needs hundreds of unclosed ones in a row.
 */
export function tooDeeplyNested(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
