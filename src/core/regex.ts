// Text made into a regex that matches it literally.

/** The characters that mean something in a regex (outside a class). */
const REGEX_SYNTAX = /[.*+?^${}()|[\]\\]/;
const REGEX_SYNTAX_ALL = new RegExp(REGEX_SYNTAX.source, 'g');

/**
 * `text` with its regex characters escaped. Most text has none: testing costs less than replacing
 * (which builds a new string), and the exact search escapes every window of its needles.
 */
export function escapeRegExp(text: string): string {
  return REGEX_SYNTAX.test(text) ? text.replace(REGEX_SYNTAX_ALL, '\\$&') : text;
}

/** The contents of a regex character class that matches exactly these UTF-16 units, each written `\uXXXX`. */
export function classOfUnits(units: Iterable<number>): string {
  let contents = '';
  for (const unit of units) contents += `\\u${unit.toString(16).padStart(4, '0')}`;
  return contents;
}
