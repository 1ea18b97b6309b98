// A fast reader for the plain YAML annotation files are written in: block mappings and sequences,
// plain and quoted one-line scalars, one-line flow lists of scalars, `|` and `>` block scalars, and
// comments. It gives the same tree as the `yaml` library (yamlTree.ts) about fifty times faster: the
// library lexes, parses and composes a full concrete syntax tree, which is most of a full analysis.
// Anything outside the subset — anchors, tags, multi-line plain or quoted scalars, flow mappings,
// tabs, documents markers, and every syntax error — makes it give up (undefined), and the library
// reads the file instead, with its error messages. Giving up is always safe; a wrong tree never is, so
// each rule below declines what it doesn't fully handle.
import { blockMappingEnd, KeysSeen, type YamlMapping, type YamlNode, type YamlPair, type YamlScalar, type YamlSequence } from './yamlTree';

/** Thrown to abandon the fast reading; caught in readSimpleYaml. */
class Unsupported {}
const UNSUPPORTED = new Unsupported();

/** Where a character other than printable ASCII or LF is: most files have few, and most of those are fine. */
const UNUSUAL = /[^\n\x20-\x7e]/g;

/** Characters the fast reader leaves to the library wherever they are: tabs, control characters, BOMs, non-ASCII line breaks, a CR not before LF. */
function outsideSubset(text: string): boolean {
  UNUSUAL.lastIndex = 0;
  for (let match = UNUSUAL.exec(text); match; match = UNUSUAL.exec(text)) {
    const at = match.index;
    const code = text.charCodeAt(at);
    if (code === 13 ? text.charCodeAt(at + 1) !== 10 : code < 32 || code === 127 || code === 0x85 || code === 0x2028 || code === 0x2029 || code === 0xfeff) return true;
  }
  return false;
}

/** Characters that can't begin a plain scalar here: YAML indicators, and `-`, `?`, `:` which only sometimes can. */
const NOT_PLAIN_START = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

/** Field names are few; entity ids as keys are many and seen once each, so stop collecting after a few. */
const MAX_KEYS_REUSED_PER_LENGTH = 8;

const INT = /^[-+]?[0-9]+$/;
/** Scalars the core schema reads as floats, octal or hexadecimal numbers: rare here, left to the library. */
const OTHER_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/;

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

export interface SimpleYaml {
  readonly root: YamlNode;
  /** Keys written again in the same mapping, in document order (as yamlTree's duplicateKeys finds them). */
  readonly duplicateKeys: readonly YamlScalar[];
}

/** The tree of `text`, or undefined when the text needs the full YAML parser. */
export function readSimpleYaml(text: string): SimpleYaml | undefined {
  if (outsideSubset(text)) return undefined;
  try {
    const reader = new SimpleYamlReader(text);
    const root = reader.document();
    return { root, duplicateKeys: reader.duplicateKeys };
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

/** The schema check's plain data for a tree the fast reader made (it has no aliases). */
export function simplePlainValue(node: YamlNode | undefined): unknown {
  if (node === undefined) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(simplePlainValue);
    case 'map': {
      const object: Record<string, unknown> = {};
      for (const pair of node.pairs) {
        const key = String(simplePlainValue(pair.key));
        const value = simplePlainValue(pair.value);
        // Assigned, a `__proto__` key (plain or quoted) would set the object's prototype: the schema
        // would then check the value's fields as the file's. The library's toJS makes it a field.
        if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
        else object[key] = value;
      }
      return object;
    }
    case 'alias':
      // The fast reader leaves every alias to the library, whose toJS bounds alias expansion.
      throw new Error('simplePlainValue: aliases are read by the yaml library');
  }
}

class SimpleYamlReader {
  /** The current content line (neither blank nor only a comment): its start, indentation and end (before CR LF). */
  private lineStart = 0;
  private indent = 0;
  private lineEnd = 0;
  /** Where the line after the current one starts; text.length + 1 at the end of the file. */
  private nextLine = 0;
  private atEnd = false;
  private readonly keysByLength: { written: string; value: unknown }[][] = [];
  readonly duplicateKeys: YamlScalar[] = [];
  /**
   * The pairs and items of the collections being read, a nested one's above its parent's: each
   * collection's are copied out at their size when it ends. Arrays grown by push keep room for 16
   * (a claim has 4 pairs), and the tree of a large file is most of its memory while it is read.
   */
  private readonly pendingPairs: YamlPair[] = [];
  private readonly pendingItems: YamlNode[] = [];

  constructor(private readonly text: string) {}

  document(): YamlNode {
    this.moveToContent(0);
    if (this.atEnd || this.indent !== 0) throw UNSUPPORTED;
    const key = this.key(this.lineStart);
    if (!key) throw UNSUPPORTED;
    const root = this.mapping(0, key);
    if (!this.atEnd) throw UNSUPPORTED;
    return root;
  }

  /** Makes the line starting at `start` the current one. */
  private layOutLine(start: number): void {
    const text = this.text;
    let end = text.indexOf('\n', start);
    this.nextLine = end === -1 ? text.length + 1 : end + 1;
    if (end === -1) end = text.length;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    let content = start;
    while (content < end && text.charCodeAt(content) === 32) content++;
    this.lineStart = start;
    this.indent = content - start;
    this.lineEnd = end;
  }

  /** Moves to the first content line at or after `from` (a line start), skipping blank and comment lines. */
  private moveToContent(from: number): void {
    const text = this.text;
    for (let start = from; start <= text.length; start = this.nextLine) {
      this.layOutLine(start);
      const content = this.content;
      if (content < this.lineEnd && text.charCodeAt(content) !== 35 /* # */) {
        if (content === start && (text.startsWith('---', start) || text.startsWith('...', start) || text.charCodeAt(start) === 37 /* % */)) {
          throw UNSUPPORTED;
        }
        this.atEnd = false;
        return;
      }
    }
    this.atEnd = true;
  }

  private get content(): number {
    return this.lineStart + this.indent;
  }

  /** A block mapping whose keys are at column `column`, the first one already read on the current line. */
  private mapping(column: number, firstKey: YamlScalar): YamlMapping {
    const pending = this.pendingPairs;
    const first = pending.length;
    const seen = new KeysSeen(pending, first);
    let key: YamlScalar | undefined = firstKey;
    for (;;) {
      if (seen.among(key, pending.length - first)) this.duplicateKeys.push(key);
      const value = this.value(key.end + 1, column, true);
      pending.push({ key, value });
      if (this.atEnd || this.indent < column) break;
      key = this.indent === column ? this.key(this.content) : undefined;
      if (!key) throw UNSUPPORTED;
    }
    const pairs = pending.slice(first);
    pending.length = first;
    return { kind: 'map', pairs, start: pairs[0].key.start, end: blockMappingEnd(pairs) };
  }

  /** A block sequence whose dashes are at column `column`, starting on the current line. */
  private sequence(column: number): YamlSequence {
    const pending = this.pendingItems;
    const first = pending.length;
    const start = this.content;
    for (;;) {
      const dash = this.content;
      const after = this.text.charCodeAt(dash + 1);
      if (this.text.charCodeAt(dash) !== 45 /* - */ || (dash + 1 < this.lineEnd && after !== 32)) throw UNSUPPORTED;
      const itemStart = this.skipSpaces(dash + 1);
      const key = itemStart < this.lineEnd && this.text.charCodeAt(itemStart) !== 35 ? this.key(itemStart) : undefined;
      const item = key ? this.mapping(itemStart - this.lineStart, key) : this.value(dash + 1, column, false);
      pending.push(item);
      if (this.atEnd || this.indent < column) break;
      if (this.indent > column) throw UNSUPPORTED;
      const next = this.content;
      // A key at the dashes' column ends a sequence written as a mapping's value at the key's column.
      if (this.text.charCodeAt(next) !== 45 || (next + 1 < this.lineEnd && this.text.charCodeAt(next + 1) !== 32)) break;
    }
    const items = pending.slice(first);
    pending.length = first;
    return { kind: 'seq', items, start, end: items[items.length - 1].end };
  }

  /**
   * The value after an indicator (`:` or `-`) at `from` on the current line, whose mapping or
   * sequence is at `column`. Leaves the reader on the next content line after the value.
   */
  private value(from: number, column: number, inMapping: boolean): YamlNode {
    const text = this.text;
    const at = this.skipSpaces(from);
    if (at < this.lineEnd && at === from && text.charCodeAt(at) !== 35) throw UNSUPPORTED;
    if (at >= this.lineEnd || (text.charCodeAt(at) === 35 && at > from)) {
      // Nothing on this line: a nested block on the next lines, or null.
      this.moveToContent(this.nextLine);
      if (!this.atEnd) {
        const nestedAt = this.content;
        if (this.indent > column) {
          if (this.isDash(nestedAt)) return this.sequence(this.indent);
          const key = this.key(nestedAt);
          if (key) return this.mapping(this.indent, key);
          throw UNSUPPORTED;
        }
        if (inMapping && this.indent === column && this.isDash(nestedAt)) return this.sequence(column);
      }
      return { kind: 'scalar', value: null, start: at, end: at };
    }
    const first = text.charCodeAt(at);
    let node: YamlNode;
    let end: number;
    if (first === 124 /* | */ || first === 62 /* > */) {
      return this.blockScalar(at, column);
    } else if (first === 34 /* " */ || first === 39 /* ' */) {
      node = this.quoted(at);
      end = node.end;
    } else if (first === 91 /* [ */) {
      node = this.flowSequence(at);
      end = node.end;
    } else {
      node = this.plain(at);
      end = this.lineEnd;
    }
    this.expectLineEnd(end);
    this.moveToContent(this.nextLine);
    return node;
  }

  /** Only spaces, then a comment or nothing, may follow a value on its line. */
  private expectLineEnd(from: number): void {
    const rest = this.skipSpaces(from);
    if (rest < this.lineEnd && (rest === from || this.text.charCodeAt(rest) !== 35)) throw UNSUPPORTED;
  }

  private isDash(at: number): boolean {
    return this.text.charCodeAt(at) === 45 && (at + 1 >= this.lineEnd || this.text.charCodeAt(at + 1) === 32);
  }

  private skipSpaces(from: number): number {
    let at = from;
    while (at < this.lineEnd && this.text.charCodeAt(at) === 32) at++;
    return at;
  }

  /** A `key:` at `at` on the current line: the key's node, whose colon is right at its end. */
  private key(at: number): YamlScalar | undefined {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === 34 || first === 39) {
      const node = this.quoted(at);
      if (text.charCodeAt(node.end) !== 58 || (node.end + 1 < this.lineEnd && text.charCodeAt(node.end + 1) !== 32)) return undefined;
      return withinKeyLimit(node);
    }
    if (NOT_PLAIN_START.has(text[at])) return undefined;
    for (let i = at + 1; i < this.lineEnd; i++) {
      const code = text.charCodeAt(i);
      // Keys with spaces, brackets, braces or commas are rare; the library has the rules for them.
      if (code === 32 || code === 91 || code === 93 || code === 123 || code === 125 || code === 44) return undefined;
      if (code === 58 /* : */ && (i + 1 >= this.lineEnd || text.charCodeAt(i + 1) === 32)) {
        return withinKeyLimit({ kind: 'scalar', value: this.plainKey(at, i), start: at, end: i });
      }
    }
    return undefined;
  }

  /**
   * A plain key's value. The same few field names come back on every claim: reusing their strings
   * saves an allocation each, and lets property lookups compare them by identity.
   */
  private plainKey(start: number, end: number): unknown {
    const known = (this.keysByLength[end - start] ??= []);
    for (const key of known) {
      if (this.text.startsWith(key.written, start)) return key.value;
    }
    const written = this.text.slice(start, end);
    const value = plainScalarValue(written);
    if (value === null) throw UNSUPPORTED;
    if (known.length < MAX_KEYS_REUSED_PER_LENGTH) known.push({ written, value });
    return value;
  }

  /** A plain scalar running to the end of the line or to a comment. */
  private plain(at: number): YamlScalar {
    const text = this.text;
    if (NOT_PLAIN_START.has(text[at])) throw UNSUPPORTED;
    let end = at + 1;
    while (end < this.lineEnd && !(text.charCodeAt(end) === 35 && text.charCodeAt(end - 1) === 32)) end++;
    while (end > at && text.charCodeAt(end - 1) === 32) end--;
    const written = text.slice(at, end);
    // `a: b: c` is an error the library reports; a trailing colon would make a key.
    if (written.includes(': ') || written.endsWith(':')) throw UNSUPPORTED;
    return { kind: 'scalar', value: plainScalarValue(written), start: at, end };
  }

  /** A double- or single-quoted scalar that closes on its own line. */
  private quoted(at: number): YamlScalar {
    const text = this.text;
    const quote = text[at];
    let value = '';
    let runStart = at + 1;
    for (let i = at + 1; i < this.lineEnd; i++) {
      const char = text[i];
      if (char === quote) {
        if (quote === "'" && text[i + 1] === "'") {
          value += text.slice(runStart, i + 1);
          runStart = ++i + 1;
          continue;
        }
        value += text.slice(runStart, i);
        return { kind: 'scalar', value, start: at, end: i + 1 };
      }
      if (char === '\\' && quote === '"') {
        value += text.slice(runStart, i);
        const escape = text[i + 1];
        if (escape in SIMPLE_ESCAPES) {
          value += SIMPLE_ESCAPES[escape];
          i += 1;
        } else {
          const digits = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
          const hex = text.slice(i + 2, i + 2 + digits);
          if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw UNSUPPORTED;
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) throw UNSUPPORTED;
          value += String.fromCodePoint(code);
          i += 1 + digits;
        }
        runStart = i + 1;
      }
    }
    // Runs past its line: a multi-line scalar, or never closed (an error the library explains).
    throw UNSUPPORTED;
  }

  /** `[a, "b", c]` on one line, of scalars only. */
  private flowSequence(at: number): YamlSequence {
    const text = this.text;
    const items: YamlNode[] = [];
    let i = this.skipSpacesInFlow(at + 1);
    if (text.charCodeAt(i) === 93 /* ] */) return { kind: 'seq', items, start: at, end: i + 1 };
    for (;;) {
      if (i >= this.lineEnd) throw UNSUPPORTED;
      const first = text.charCodeAt(i);
      let item: YamlScalar;
      if (first === 34 || first === 39) {
        item = this.quoted(i);
        i = item.end;
      } else {
        if (NOT_PLAIN_START.has(text[i])) throw UNSUPPORTED;
        let end = i;
        while (end < this.lineEnd && !',]'.includes(text[end])) end++;
        let valueEnd = end;
        while (text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
        const written = text.slice(i, valueEnd);
        if (/[:#[\]{}]/.test(written)) throw UNSUPPORTED;
        item = { kind: 'scalar', value: plainScalarValue(written), start: i, end: valueEnd };
        i = end;
      }
      items.push(item);
      i = this.skipSpacesInFlow(i);
      const separator = text.charCodeAt(i);
      if (separator === 93) return { kind: 'seq', items, start: at, end: i + 1 };
      if (separator !== 44 /* , */) throw UNSUPPORTED;
      i = this.skipSpacesInFlow(i + 1);
      // `[a, ]`: the library accepts a trailing comma; rare enough to leave to it.
      if (text.charCodeAt(i) === 93) throw UNSUPPORTED;
    }
  }

  private skipSpacesInFlow(from: number): number {
    const at = this.skipSpaces(from);
    if (at >= this.lineEnd) throw UNSUPPORTED;
    return at;
  }

  /**
   * `|` (lines kept) or `>` (lines folded) with `-` (no final line break) or nothing (one). Left to the
   * library: `+`, explicit indentation, lines of spaces, leading blank lines, and more-indented lines in
   * a folded scalar (each has its own rules).
   */
  private blockScalar(at: number, column: number): YamlScalar {
    const text = this.text;
    const folded = text.charCodeAt(at) === 62;
    let headerEnd = at + 1;
    const strip = text.charCodeAt(headerEnd) === 45;
    if (strip) headerEnd++;
    this.expectLineEnd(headerEnd);
    const lines: string[] = [];
    let contentIndent = -1;
    let end = this.nextLine;
    let start = this.nextLine;
    let lastContentEnd = -1;
    for (; start <= text.length; start = this.nextLine) {
      this.layOutLine(start);
      const indent = this.indent;
      if (this.content === this.lineEnd) {
        if (indent > 0 || contentIndent === -1) throw UNSUPPORTED;
        lines.push('');
        continue;
      }
      if (contentIndent === -1) {
        if (indent <= column) throw UNSUPPORTED;
        contentIndent = indent;
      }
      if (indent < contentIndent) break;
      if (folded && indent > contentIndent) throw UNSUPPORTED;
      lines.push(text.slice(start + contentIndent, this.lineEnd));
      end = this.nextLine;
      lastContentEnd = Math.min(end, text.length);
    }
    if (contentIndent === -1) throw UNSUPPORTED;
    while (lines[lines.length - 1] === '') lines.pop();
    let value = '';
    if (folded) {
      let blanks = 0;
      for (const [index, line] of lines.entries()) {
        if (line === '') {
          blanks++;
          continue;
        }
        value += index === 0 ? line : blanks > 0 ? '\n'.repeat(blanks) + line : ' ' + line;
        blanks = 0;
      }
    } else {
      value = lines.join('\n');
    }
    if (!strip) value += '\n';
    this.moveToContent(Math.min(end, text.length + 1));
    return { kind: 'scalar', value, start: at, end: lastContentEnd };
  }
}

/** YAML: the `:` of an implicit key is at most 1024 characters after the key's start (else a syntax error). */
const MAX_IMPLICIT_KEY = 1024;

function withinKeyLimit(key: YamlScalar): YamlScalar {
  if (key.end - key.start > MAX_IMPLICIT_KEY) throw UNSUPPORTED;
  return key;
}


/** A plain scalar's value under the YAML 1.2 core schema: null, true/false, an integer, or the text. */
function plainScalarValue(written: string): unknown {
  switch (written) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const first = written.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46) {
    if (INT.test(written)) return parseInt(written, 10);
    if (OTHER_NUMBER.test(written)) throw UNSUPPORTED;
  }
  return written;
}
