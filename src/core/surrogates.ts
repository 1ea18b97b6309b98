// UTF-16 surrogates: a code point above U+FFFF is two units, a high surrogate then a low one. The
// draft is scanned by unit, so a scan that steps or looks at characters must not split a pair.

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when a whole pair starts at `index`; false for a lone half and outside the text. */
export function isSurrogatePairAt(text: string, index: number): boolean {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));
}

/** Either half of a pair (or a lone one): a unit that is no character on its own. */
export function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}
