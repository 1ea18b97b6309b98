// Edits to an annotation file that keep the user's file: comments, order, layout and quoting of
// everything else stay byte for byte. Each function reads the parsed YAML Document to find where a
// change goes, lets the `yaml` library write the new values (so they are quoted correctly), and
// returns small text edits to splice in, rather than re-printing the whole file.
import { Document, isMap, isScalar, isSeq, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { OffsetRange } from './model';
import type { ParsedAnnotationFile } from './parse';
import { lineEnd } from './textIndex';

/** Replace `range` of `file`'s current text by `newText`. */
export interface TextEdit {
  readonly file: string;
  readonly range: OffsetRange;
  readonly newText: string;
}

export type Value = string | number | boolean | readonly Value[] | { readonly [key: string]: Value | undefined };

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The file's line break, so inserted lines match it. */
function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Where a node's written content ends, before any blank lines that follow it. */
function contentEnd(text: string, node: Node): number {
  let end = node.range ? node.range[1] : 0;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/**
 * The yaml library's options for every value written: never folded, and never a block scalar (`|-`),
 * whose lines would have to be indented to the place the value goes.
 */
const WRITE_OPTIONS = { lineWidth: 0, blockQuote: false, doubleQuotedAsJSON: true, flowCollectionPadding: false } as const;

function hasLineBreak(value: string): boolean {
  return /[\r\n]/.test(value);
}

/**
 * A value written by the yaml library, quoted only where it must be. A value of several lines (a span
 * across a paragraph break) is double-quoted, its breaks written `\n`: the library would single-quote
 * one with a `"` in it over several lines, which must then be indented to where the value goes.
 */
function written(value: unknown): string {
  const document = new Document(value);
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && hasLineBreak(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return document.toString(WRITE_OPTIONS).trimEnd();
}

/** A value as the yaml library writes it in block context (quoted only where it must be). */
function blockScalar(value: string | number | boolean): string {
  return written(value);
}

/** A value written inside a flow collection, where commas and brackets need quoting too. */
function flowScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = blockScalar(value);
  return /[,[\]{}]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(value) : plain;
}

function flowValue(value: Value): string {
  if (Array.isArray(value)) return `[${(value as readonly Value[]).map(flowValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Value | undefined>).filter((entry): entry is [string, Value] => entry[1] !== undefined);
    return `{ ${entries.map(([key, item]) => `${key}: ${flowValue(item)}`).join(', ')} }`;
  }
  return flowScalar(value as string | number | boolean);
}

/** Lines of `key: value` pairs for a block mapping, indented by `indent` (first line included). */
function blockLines(value: Record<string, Value | undefined>, indent: string, newline: string): string {
  const clean = Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
  return written(clean)
    .split('\n')
    .map((line) => indent + line)
    .join(newline);
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.findLast((item) => isScalar(item.key) && item.key.value === key) as Pair | undefined;
}

function topLevel(parsed: ParsedAnnotationFile, key: string): Node | undefined {
  const root = parsed.document.contents;
  if (!isMap(root)) return undefined;
  const pair = pairOf(root, key);
  return (pair?.value as Node | null | undefined) ?? undefined;
}

/** The indentation of a block mapping's keys, or of a block sequence's dashes. */
function indentOf(parsed: ParsedAnnotationFile, collection: YAMLMap | YAMLSeq): string {
  const first = collection.items[0] as Pair | Node | undefined;
  const node = first && 'key' in first ? (first.key as Node) : (first as Node | undefined);
  const start = node?.range?.[0];
  if (start === undefined) return '  ';
  let column = columnOf(parsed.text, start);
  // A sequence item's range starts after its dash and the spaces that follow it (`- `, `-   `).
  if (isSeq(collection)) column = columnOf(parsed.text, dashBefore(parsed.text, start));
  return ' '.repeat(column);
}

/** A comment line, or the part of a line before an item's content holding only spaces, its anchor or its tag. */
const NOTHING_BEFORE_CONTENT = /^[ \t]*(?:#.*|(?:[&!][^ \t]*[ \t]*)*)$/;
/** A block list's dash at the end of (the part of) a line, with the item's anchor or tag and a comment after it. */
const DASH_AT_END = /(?:^|[ \t])-(?:[ \t]+[&!][^ \t]*)*(?:[ \t]+#.*)?[ \t]*$/;

/**
 * The offset of the dash of the block list item whose content starts at `start`. The dash need not be
 * on the line of the item's first key: between them there can be line breaks, comment lines, a
 * comment after the dash (`- # note`) and the item's anchor or tag.
 */
function dashBefore(text: string, start: number): number {
  let end = start;
  for (;;) {
    const from = lineStart(text, end);
    const part = text.slice(from, end).replace(/\r$/, '');
    if (!COMMENT_LINE.test(part)) {
      const dash = DASH_AT_END.exec(part);
      if (dash) return from + dash.index + (part[dash.index] === '-' ? 0 : 1);
    }
    if (from === 0 || !NOTHING_BEFORE_CONTENT.test(part)) return Math.max(lineStart(text, start), start - 2);
    end = from - 1;
  }
}

/**
 * Where a new entry of a non-empty flow collection goes, with the text that separates it from the
 * last one: right after the last entry (not before the closing bracket, which a comment or a trailing
 * comma can precede), and no second comma after a trailing one.
 */
function afterLastFlowEntry(text: string, last: Node): { readonly at: number; readonly separator: string } {
  const at = last.range ? last.range[1] : 0;
  let next = at;
  while (next < text.length && /\s/.test(text[next])) next++;
  if (text[next] === ',') return { at: next + 1, separator: ' ' };
  return { at, separator: ', ' };
}

/**
 * The text that replaces an existing value: a value left empty (`source:`, `source: # to check`) is
 * written after a space, and before one when a comment follows it at once.
 */
function replacing(text: string, range: readonly [number, number, number?], written: string): string {
  const before = range[0] > 0 && !/\s/.test(text[range[0] - 1]) ? ' ' : '';
  const after = range[1] < text.length && text[range[1]] === '#' ? ' ' : '';
  return before + written + after;
}

/**
 * Where a value written from `start` to `end` ends, without the line breaks that close a block scalar
 * (`>-` and its lines): those belong to the next key's line, which a value written over them would join.
 */
function scalarEnd(text: string, start: number, end: number): number {
  if (text[start] !== '>' && text[start] !== '|') return end;
  let stop = end;
  while (stop > start && /\s/.test(text[stop - 1])) stop--;
  return stop;
}

function isFlow(collection: YAMLMap | YAMLSeq): boolean {
  return collection.flow === true;
}

/**
 * Sets fields of a mapping: replaces a value where its key exists, adds the other pairs after the
 * mapping's last one (or inside the braces of a flow mapping), all new pairs in one insertion.
 */
export function setFields(parsed: ParsedAnnotationFile, map: YAMLMap, fields: Readonly<Record<string, Value>>): TextEdit[] {
  const text = parsed.text;
  const newline = eol(text);
  const edits: TextEdit[] = [];
  const added: Array<[string, Value]> = [];
  for (const [key, value] of Object.entries(fields)) {
    const existing = pairOf(map, key)?.value as Node | null | undefined;
    if (existing?.range) {
      const newValue = isFlow(map) || typeof value === 'object' ? flowValue(value) : blockScalar(value);
      const end = scalarEnd(text, existing.range[0], existing.range[1]);
      edits.push({ file: parsed.file, range: { start: existing.range[0], end }, newText: replacing(text, [existing.range[0], end], newValue) });
    } else {
      added.push([key, value]);
    }
  }
  if (added.length === 0) return edits;
  if (isFlow(map) && map.range) {
    const pairs = added.map(([key, value]) => `${key}: ${flowValue(value)}`).join(', ');
    const last = map.items[map.items.length - 1] as Pair | undefined;
    const lastNode = (last?.value as Node | null | undefined) ?? (last?.key as Node | undefined);
    if (lastNode?.range) {
      const { at, separator } = afterLastFlowEntry(text, lastNode);
      edits.push({ file: parsed.file, range: { start: at, end: at }, newText: `${separator}${pairs}` });
    } else {
      const insertAt = text.lastIndexOf('}', map.range[1]);
      edits.push({ file: parsed.file, range: { start: insertAt, end: insertAt }, newText: pairs });
    }
    return edits;
  }
  const last = map.items[map.items.length - 1] as Pair | undefined;
  const anchorNode = (last?.value as Node | null | undefined) ?? (last?.key as Node | undefined);
  if (!anchorNode?.range) return edits;
  const at = lineEnd(text, contentEnd(text, anchorNode));
  const indent = indentOf(parsed, map);
  const lines = added.map(([key, value]) =>
    typeof value === 'object' && !Array.isArray(value)
      ? `${indent}${key}:${newline}${blockLines(value as Record<string, Value>, indent + '  ', newline)}`
      : `${indent}${key}: ${Array.isArray(value) ? flowValue(value) : blockScalar(value as string | number | boolean)}`,
  );
  edits.push({ file: parsed.file, range: { start: at, end: at }, newText: newline + lines.join(newline) });
  return edits;
}

/** Sets one field of a mapping. */
export function setInMap(parsed: ParsedAnnotationFile, map: YAMLMap, key: string, value: Value): TextEdit[] {
  return setFields(parsed, map, { [key]: value });
}

/** The mapping that starts at `offset` (a claim, a mention), wherever it is in the document. */
export function mapStartingAt(parsed: ParsedAnnotationFile, offset: number): YAMLMap | undefined {
  let found: YAMLMap | undefined;
  visit(parsed.document, {
    Map(_key, node) {
      if (node.range?.[0] === offset) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Appends a mapping to a list: on the line after a block list's last item, or after a flow list's
 * last entry (its comments and quoting kept). A list written empty (`[]`, or its key with no value)
 * becomes a block list under its key, its dash indented by `indent`, but inside a mapping written on
 * one line, where it stays on that line. Undefined when there is no list.
 */
function appendItem(parsed: ParsedAnnotationFile, list: Node | null | undefined, item: Record<string, Value | undefined>, indent: string, inFlow: boolean): TextEdit[] | undefined {
  const text = parsed.text;
  const newline = eol(text);
  const edit = (start: number, end: number, newText: string): TextEdit[] => [{ file: parsed.file, range: { start, end }, newText }];
  const empty = isSeq(list) && list.range && list.items.length === 0 ? { start: list.range[0], end: list.range[1] } : emptyValue(list);
  if (empty) {
    if (inFlow) return edit(empty.start, empty.end, replacing(text, [empty.start, empty.end], `[${flowValue(item as Value)}]`));
    return fillEmpty(parsed, empty, itemLines(item, indent, newline));
  }
  if (!isSeq(list) || !list.range) return undefined;
  const last = list.items[list.items.length - 1] as Node;
  if (isFlow(list)) {
    const { at, separator } = afterLastFlowEntry(text, last);
    return edit(at, at, `${separator}${flowValue(item as Value)}`);
  }
  const at = lineEnd(text, contentEnd(text, last));
  // Spaced from the last item as that one is from the item before it.
  const spaced = list.items.length > 1 && isBlankLine(text, itemBlockStart(text, last, false) - 1);
  return edit(at, at, newline + (spaced ? newline : '') + itemLines(item, indentOf(parsed, list), newline));
}

/** Whether the line holding `offset` is blank. */
function isBlankLine(text: string, offset: number): boolean {
  const start = lineStart(text, offset);
  return /^[ \t]*$/.test(text.slice(start, lineEnd(text, start)));
}

/** The line before the one that starts at `start`: where it starts, and its text; undefined on the first line. */
function previousLine(text: string, start: number): { readonly start: number; readonly text: string } | undefined {
  if (start === 0) return undefined;
  const previous = lineStart(text, start - 1);
  return { start: previous, text: text.slice(previous, start).replace(/\r?\n$/, '') };
}

/** Where the line after the one holding `offset` starts (the file's length on the last line). */
function nextLineStart(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

const COMMENT_LINE = /^[ \t]*#/;
/** A comment that heads the items after it rather than one of them: `# ---- paragraph 2`, `# ==== claims`. */
const HEADING_COMMENT = /^[ \t]*#\s*[-=#*~_]{3,}/;

/**
 * VS Code's tab size for YAML. YAML forbids tabs in indentation but not before a comment, so a comment
 * line can be indented with one; it shows, and is taken to be, at the next multiple of this column.
 */
const TAB_SIZE = 2;

/** How many columns a line is indented, to compare with the column of a dash (before which YAML allows no tab). */
function indentWidth(line: string): number {
  let width = 0;
  for (const char of /^[ \t]*/.exec(line)![0]) width = char === '\t' ? (Math.floor(width / TAB_SIZE) + 1) * TAB_SIZE : width + 1;
  return width;
}

/**
 * Where the lines of a block list's item start, with the comment lines right above it (no blank line
 * between, indented at least as its dash): they say something about it, and go where it goes. Where
 * `keepHeadings`, the comments down to the last heading among them (`# ---- paragraph 2`) are left:
 * a heading belongs to the items after it, not to one of them.
 */
function itemBlockStart(text: string, item: Node, keepHeadings: boolean): number {
  const dash = dashBefore(text, item.range![0]);
  const column = columnOf(text, dash);
  let start = lineStart(text, dash);
  for (let line = previousLine(text, start); line && COMMENT_LINE.test(line.text) && indentWidth(line.text) >= column; line = previousLine(text, line.start)) {
    if (keepHeadings && HEADING_COMMENT.test(line.text)) break;
    start = line.start;
  }
  return start;
}

/**
 * Where a block list's item ends: after the line of its last value, and after comment lines indented
 * deeper than its dash that follow it with no blank line (a note on its last field).
 */
function itemBlockEnd(text: string, item: Node): number {
  const column = columnOf(text, dashBefore(text, item.range![0]));
  let end = nextLineStart(text, contentEnd(text, item));
  while (end < text.length) {
    const line = text.slice(end, lineEnd(text, end));
    if (!COMMENT_LINE.test(line) || indentWidth(line) <= column) break;
    end = nextLineStart(text, end);
  }
  return end;
}

/**
 * Inserts a mapping as a new item of a non-empty list, before item `index`: a block list's item goes
 * above the comments that belong to the one it precedes, and, where `underHeading`, below a heading
 * among them (`# ---- paragraph 2`), in that one's section; a blank line after it where the items are
 * spaced by blank lines. A flow list's goes before that entry.
 */
function insertItem(parsed: ParsedAnnotationFile, list: YAMLSeq, index: number, item: Record<string, Value | undefined>, underHeading: boolean): TextEdit[] {
  const text = parsed.text;
  const newline = eol(text);
  const following = list.items[index] as Node;
  if (isFlow(list)) return [{ file: parsed.file, range: { start: following.range![0], end: following.range![0] }, newText: `${flowValue(item as Value)}, ` }];
  const at = itemBlockStart(text, following, underHeading);
  // Spaced as the items before it are, or, first in the list, as the next two are.
  const second = list.items[index + 1] as Node | undefined;
  const spacedFrom = index > 0 ? following : second;
  const spaced = spacedFrom !== undefined && isBlankLine(text, itemBlockStart(text, spacedFrom, false) - 1);
  return [{ file: parsed.file, range: { start: at, end: at }, newText: itemLines(item, indentOf(parsed, list), newline) + newline + (spaced ? newline : '') }];
}

/**
 * Removes item `index` of a list, with the comments that belong to it (those right above it, but for
 * headings, and those indented under it) and the blank lines that spaced it from the next item (or,
 * last in the list, from the one before), so the others keep their spacing. The only item of a list
 * leaves `[]` after its key (`keyEnd`: where the key's name ends), never a key with no value.
 */
function removeItem(parsed: ParsedAnnotationFile, list: YAMLSeq, index: number, keyEnd: number): TextEdit[] {
  const text = parsed.text;
  const item = list.items[index] as Node | undefined;
  if (!item?.range) return [];
  const edit = (start: number, end: number, newText = ''): TextEdit[] => [{ file: parsed.file, range: { start, end }, newText }];
  if (isFlow(list)) {
    if (list.items.length === 1 && list.range) return edit(list.range[0] + 1, text.lastIndexOf(']', list.range[1]));
    const next = list.items[index + 1] as Node | undefined;
    if (next?.range) return edit(item.range[0], next.range[0]);
    // The last entry, with a comment that follows it on its line (`{text: b}, # about b`): that says
    // something about it. On a line of its own, the line goes, the entry before keeping its comma.
    const comment = /^[ \t]*,?[ \t]*#[^\r\n]*/.exec(text.slice(item.range[1], lineEnd(text, item.range[1])));
    const end = item.range[1] + (comment ? comment[0].length : 0);
    const from = lineStart(text, item.range[0]);
    if (comment && /^[ \t]*$/.test(text.slice(from, item.range[0]))) return edit(from, nextLineStart(text, end));
    return edit((list.items[index - 1] as Node).range![1], end);
  }
  let start = itemBlockStart(text, item, true);
  let end = itemBlockEnd(text, item);
  const column = columnOf(text, dashBefore(text, item.range[0]));
  const blankBefore = start > 0 && isBlankLine(text, start - 1);
  let afterBlanks = end;
  while (afterBlanks < text.length && isBlankLine(text, afterBlanks)) afterBlanks = nextLineStart(text, afterBlanks);
  const nextLine = text.slice(afterBlanks, lineEnd(text, afterBlanks));
  const listGoesOn = afterBlanks < text.length && indentWidth(nextLine) >= column;
  if (listGoesOn) {
    // The blank lines that spaced it from the next item go, unless they now part a heading kept
    // above it from the comments of the next item.
    const headingAbove = HEADING_COMMENT.test(previousLine(text, start)?.text ?? '');
    if (!headingAbove || !COMMENT_LINE.test(nextLine)) end = afterBlanks;
  } else if (blankBefore) {
    // The list's last item: the blank lines before it go, or those after it where it had both.
    if (afterBlanks > end) end = afterBlanks;
    else while (start > 0 && isBlankLine(text, start - 1)) start = lineStart(text, start - 1);
  }
  if (list.items.length > 1) return edit(start, end);
  // `[]` after the list's anchor or tag (`claims: &c []`), before its comment (`claims: []  # none`).
  const colon = text.indexOf(':', keyEnd) + 1;
  const [, properties, rest] = /^((?:[ \t]+[&!][^ \t\r\n]*)*)([\s\S]*)$/.exec(text.slice(colon, start))!;
  return edit(colon, end, `${properties} []${rest}`);
}

/** Appends a mapping as a new item of a top-level list (`claims`), creating the list when missing. */
function appendToTopLevelList(parsed: ParsedAnnotationFile, key: string, item: Record<string, Value | undefined>): TextEdit[] {
  const root = parsed.document.contents;
  const appended = appendItem(parsed, topLevel(parsed, key), item, '  ', isMap(root) && isFlow(root));
  if (appended) return appended;
  const newline = eol(parsed.text);
  return appendTopLevel(parsed, `${key}:${newline}${itemLines(item, '  ', newline)}`);
}

function itemLines(item: Record<string, Value | undefined>, indent: string, newline: string): string {
  const lines = blockLines(item, indent + '  ', newline);
  return `${indent}- ${lines.slice(indent.length + 2)}`;
}

/** Where the spaces before a value start, so a value turned into a block leaves no trailing space. */
function afterKey(text: string, valueStart: number): number {
  let start = valueStart;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return start;
}

/**
 * A key written with no value (`claims:`, `mentions:   # none yet`, `mentions: ~`): where that empty
 * value is, to be replaced rather than the key written a second time (a duplicate key).
 */
function emptyValue(node: Node | null | undefined): OffsetRange | undefined {
  if (!isScalar(node) || node.value !== null || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}

/**
 * Writes the lines of `block` as the value of a key whose value is `empty` (nothing, `~`, `[]`, `{}`),
 * on the lines after the key's. A comment after the empty value stays on the key's line: written
 * after the block, it would join the block's last value.
 */
function fillEmpty(parsed: ParsedAnnotationFile, empty: OffsetRange, block: string): TextEdit[] {
  const text = parsed.text;
  const end = lineEnd(text, empty.end);
  const comment = text.slice(empty.end, end).trim();
  return [{ file: parsed.file, range: { start: afterKey(text, empty.start), end }, newText: `${comment ? ` ${comment}` : ''}${eol(text)}${block}` }];
}

/**
 * Adds a top-level block after the file's top-level mapping: at the end of the file, or before a
 * document end (`...`) or a second document (`---`) that follows it, which the format does not read.
 */
function appendTopLevel(parsed: ParsedAnnotationFile, block: string): TextEdit[] {
  const text = parsed.text;
  const newline = eol(text);
  const root = parsed.document.contents;
  const documentEnd = isMap(root) && !isFlow(root) && root.range && /^(\.\.\.|---)/m.test(text.slice(root.range[1])) ? lineEnd(text, contentEnd(text, root)) : undefined;
  if (documentEnd !== undefined) return [{ file: parsed.file, range: { start: documentEnd, end: documentEnd }, newText: `${newline}${block}` }];
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  // An insertion, the blank lines after it kept: two blocks added by one edit (an entity and the
  // claim it sources) go in at the same place, in order, where two replacements would overlap.
  if (end === 0) return [{ file: parsed.file, range: { start: 0, end: 0 }, newText: `${block}${newline}` }];
  const last = end === text.length ? newline : '';
  return [{ file: parsed.file, range: { start: end, end }, newText: `${newline}${block}${last}` }];
}

/** The claim's mapping in the document, by its index in `claims`. */
export function claimNode(parsed: ParsedAnnotationFile, claimIndex: number): YAMLMap | undefined {
  const list = topLevel(parsed, 'claims');
  const node = isSeq(list) ? list.items[claimIndex] : undefined;
  return isMap(node) ? node : undefined;
}

function entityNode(parsed: ParsedAnnotationFile, entityId: string): YAMLMap | undefined {
  const entities = topLevel(parsed, 'entities');
  const pair = isMap(entities) ? pairOf(entities, entityId) : undefined;
  return isMap(pair?.value) ? (pair.value as YAMLMap) : undefined;
}

/** Sets a field of a claim: `source`, `basis`, `text`, `prefix`... */
export function setClaimField(parsed: ParsedAnnotationFile, claimIndex: number, key: string, value: Value): TextEdit[] {
  const node = claimNode(parsed, claimIndex);
  return node ? setInMap(parsed, node, key, value) : [];
}

/** Sets a field of an entity: `anonymity`, `aliases`... */
export function setEntityField(parsed: ParsedAnnotationFile, entityId: string, key: string, value: Value): TextEdit[] {
  const node = entityNode(parsed, entityId);
  return node ? setInMap(parsed, node, key, value) : [];
}

/** Replaces one scalar (an id, a text) where it is written, keeping its quoting style when it can. */
export function replaceScalar(parsed: ParsedAnnotationFile, range: OffsetRange, value: string): TextEdit[] {
  const end = scalarEnd(parsed.text, range.start, range.end);
  const was = parsed.text.slice(range.start, end);
  const quote = was[0] === '"' || was[0] === "'" ? was[0] : '';
  const newText = quote === '"' || (quote === "'" && hasLineBreak(value)) ? JSON.stringify(value) : quote === "'" ? `'${value.replace(/'/g, "''")}'` : blockScalar(value);
  return [{ file: parsed.file, range: { start: range.start, end }, newText }];
}

export interface NewClaim {
  readonly id?: string;
  readonly text: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly type: string;
  readonly source?: string | readonly string[];
  readonly basis?: string;
}

/**
 * Adds a claim to `claims`: before the item at `before` (its index in the list, as a claim's `index`),
 * or at the end. `withFollowing`: the new claim belongs with the one it precedes (the draft has them in
 * one paragraph), so it goes below a heading comment above that one (`# ---- paragraph 3`), not above.
 */
export function addClaim(parsed: ParsedAnnotationFile, claim: NewClaim, before?: number, withFollowing = false): TextEdit[] {
  const source = Array.isArray(claim.source) && claim.source.length === 1 ? claim.source[0] : claim.source;
  const item = { ...claim, source: source as Value | undefined };
  const list = topLevel(parsed, 'claims');
  if (before !== undefined && isSeq(list) && before < list.items.length && (list.items[before] as Node | undefined)?.range) return insertItem(parsed, list, before, item, withFollowing);
  return appendToTopLevelList(parsed, 'claims', item);
}

/** Removes the claim at `claimIndex` of `claims` from the file (see removeItem). */
export function removeClaim(parsed: ParsedAnnotationFile, claimIndex: number): TextEdit[] {
  const root = parsed.document.contents;
  const pair = isMap(root) ? pairOf(root, 'claims') : undefined;
  const key = pair?.key as Node | undefined;
  return isSeq(pair?.value) && key?.range ? removeItem(parsed, pair.value, claimIndex, key.range[1]) : [];
}

/** Removes an entity's explicit mention, the one whose mapping starts at `offset` (its selector's location). */
export function removeMention(parsed: ParsedAnnotationFile, entityId: string, offset: number): TextEdit[] {
  const entity = entityNode(parsed, entityId);
  const pair = entity ? pairOf(entity, 'mentions') : undefined;
  const key = pair?.key as Node | undefined;
  if (!isSeq(pair?.value) || !key?.range) return [];
  const index = pair.value.items.findIndex((item) => (item as Node | null)?.range?.[0] === offset);
  return index === -1 ? [] : removeItem(parsed, pair.value, index, key.range[1]);
}

export interface NewEntity {
  readonly name: string;
  readonly type: string;
  readonly description?: string;
  readonly aliases?: readonly string[];
}

export function addEntity(parsed: ParsedAnnotationFile, id: string, entity: NewEntity): TextEdit[] {
  const text = parsed.text;
  const newline = eol(text);
  const entities = topLevel(parsed, 'entities');
  const fields = { name: entity.name, type: entity.type, description: entity.description, aliases: entity.aliases };
  if (isMap(entities) && (!isFlow(entities) || entities.items.length > 0)) return setInMap(parsed, entities, id, fields as Value);
  const empty = isMap(entities) && entities.range ? { start: entities.range[0], end: entities.range[1] } : emptyValue(entities);
  if (empty) return fillEmpty(parsed, empty, `  ${id}:${newline}${blockLines(fields, '    ', newline)}`);
  return appendTopLevel(parsed, `entities:${newline}  ${id}:${newline}${blockLines(fields, '    ', newline)}`);
}

/** Adds an explicit mention span to an entity. */
export function addMention(parsed: ParsedAnnotationFile, entityId: string, selector: { text: string; prefix?: string; suffix?: string }): TextEdit[] {
  const node = entityNode(parsed, entityId);
  if (!node) return [];
  const text = parsed.text;
  const newline = eol(text);
  const indent = indentOf(parsed, node);
  const mentions = pairOf(node, 'mentions')?.value as Node | null | undefined;
  const appended = appendItem(parsed, mentions, selector, indent + '  ', isFlow(node));
  if (appended) return appended;
  // An entity written on one line (`{name: Ana Lopez, type: person}`) gets its list on that line too.
  if (isFlow(node)) return setInMap(parsed, node, 'mentions', [selector]);
  const at = lineEnd(text, contentEnd(text, node));
  return [{ file: parsed.file, range: { start: at, end: at }, newText: `${newline}${indent}mentions:${newline}${itemLines(selector, indent + '  ', newline)}` }];
}

/** The skeleton of a new annotation file for a draft. */
export function newAnnotationFileText(articlePath: string): string {
  return `# Annotations of ${articlePath.split('/').pop()}: see docs/annotation-format.md\nversion: 1\narticle: ${blockScalar(articlePath)}\n\nentities: {}\n\nclaims: []\n`;
}

/**
 * Applies edits to a text (for tests and the CLI): edits must not overlap. Insertions at one place go
 * in in the order given, as VS Code applies them.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => b.edit.range.start - a.edit.range.start || b.order - a.order).map(({ edit }) => edit);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}
