// The fast reader of plain annotation YAML must give exactly the `yaml` library's tree, or give up and
// leave the file to the library. Checked on every real annotation file in the repository and on
// seeded random documents, clean and mutated, built from the constructs that decide the difference.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
// The module object itself, whose parseDocument parse.ts calls: a test counts the calls.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import yaml = require('yaml');
import { makeCorpus } from '../../bench/corpus';
import { parseAnnotationFile, parseWithLibrary } from '../../src/core/parse';
import { readSimpleYaml, simplePlainValue } from '../../src/core/simpleYaml';
import { duplicateKeys, treeFromDocument, type YamlNode, type YamlScalar } from '../../src/core/yamlTree';
import { REPO_ROOT } from './helpers';

/** Seeded, so that a failure is the same on every machine; the counts are recorded in docs/reliability.md. */
const RUNS = 10_000;
const settings = { seed: 20_261_126, numRuns: RUNS };

function libraryRead(text: string) {
  const document = parseWithLibrary(text);
  return { document, tree: treeFromDocument(document) };
}

/** Whether the fast reader read `text`; throws when it read it differently from the library. */
function agreesWithLibrary(text: string): boolean {
  const { document, tree } = libraryRead(text);
  // The duplicate-key check both readers share, against a Set per mapping: whichever reads the file.
  assert.deepStrictEqual(duplicateKeys(tree), keysWrittenAgain(tree), `duplicate keys not as a Set per mapping finds them:\n${JSON.stringify(text)}`);
  const fast = readSimpleYaml(text);
  if (fast === undefined) return false;
  assert.deepEqual(document.errors.map((error) => error.message), [], `the fast reader accepted a file the library rejects:\n${text}`);
  assert.deepStrictEqual(fast.root, tree, `different trees for:\n${JSON.stringify(text)}`);
  assert.deepStrictEqual(simplePlainValue(fast.root), document.toJS(), `different values for:\n${JSON.stringify(text)}`);
  assert.deepStrictEqual(fast.duplicateKeys, duplicateKeys(tree), `different duplicate keys for:\n${JSON.stringify(text)}`);
  return true;
}

/** The duplicate keys as a Set per mapping finds them: apart from KeysSeen, which both readers share. */
function keysWrittenAgain(node: YamlNode | undefined, found: YamlScalar[] = []): YamlScalar[] {
  if (node?.kind === 'map') {
    const seen = new Set<unknown>();
    for (const pair of node.pairs) {
      if (pair.key.kind === 'scalar') {
        if (seen.has(pair.key.value)) found.push(pair.key);
        else seen.add(pair.key.value);
      }
      keysWrittenAgain(pair.value, found);
    }
  } else if (node?.kind === 'seq') {
    for (const item of node.items) keysWrittenAgain(item, found);
  }
  return found;
}

function annotationFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !['node_modules', '.git', '.cache', 'out', 'dist'].includes(entry.name)) found.push(...annotationFiles(full));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) found.push(full);
  }
  return found;
}

// ---------------------------------------------------------------- random documents

/** Mostly what annotation files hold, sometimes one of the constructs that decide the difference. */
function mostly<T>(common: readonly T[], rare: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
}

const KEYS = mostly(
  ['version', 'text', 'id', 'source', 'b-c', 'x_1', 'a.b', "it's", '2024', 'true', 'http://x'],
  ['007', 'Null', 'a:b', '"quoted key"', "'single'", 'with space', '~', '-k', '[k]', '__proto__', '"__proto__"', "'__proto__'", 'k ', '"k"x', 'k'.repeat(1025), `"${'k'.repeat(1023)}"`],
);
const PLAIN = mostly(
  ['plain words', 'Putin’s talks', 'a #not-comment', 'value # a comment', 'a,b [c] {d}', '42', '+3', 'True', 'FALSE', 'NULL', '~', 'Dr. Name',
    'quote "inside" it', '— dash', 'emoji 😀', 'trailing   ', '12345678901234567890', 'null', '', 'http://example.org/a#b', "it's"],
  ['x: y', 'ends with:', '-7', '3.5', '1e3', '0x1F', '0o17', '.inf', '.NaN', '-dash', '?q', ':c', '@at', '`tick`', '%pct', '!tag', '&anchor', '*alias', '|', '>',
    "'open", '"open', 'a\tb', '-0', '- item', '#start'],
);
const DOUBLE = mostly(
  ['"plain"', '"esc \\" \\\\ \\n \\t \\/"', '"\\u00e9\\x41\\U0001F600"', '""', '"a # b"', '"with: colon"', '"\\N\\_\\L\\P\\e\\0"'],
  ['"bad \\q"', '"\\uD800"', '"unclosed', '"\\x4"', '"trail"x', '"\\U00110000"'],
);
const SINGLE = mostly(["'it''s'", "''", "'a \" b'", "'x'' '' y'"], ["'unclosed", "'a'b"]);
const FLOW_ITEMS = mostly(['Putin', 'Vladimir Putin', '"Dr. Q"', "'x'", '42', 'true', 'a:b'], ['a: b', '#x', '[n]', '', '-1', 'a #c', '{}']);

const scalarArbitrary = fc.oneof(
  { weight: 6, arbitrary: PLAIN },
  { weight: 2, arbitrary: DOUBLE },
  { weight: 1, arbitrary: SINGLE },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(FLOW_ITEMS, { maxLength: 4 }), mostly(['', ' '], [',', ' ,']))
      .map(([items, tail]) => `[${items.join(', ')}${tail}]`),
  },
);

const BLOCK_LINES = mostly(['first line', 'second line', '', '# not a comment', 'last: line', '  more indented'], ['   ', ' x']);

interface Writer {
  /** Lines of the value, relative to the parent's indentation, and what goes after the indicator. */
  (indent: number): { inline: string; lines: string[] };
}

/** A YAML value as lines, given the indentation of the mapping or sequence that holds it. */
const valueArbitrary: fc.Memo<Writer> = fc.memo((depth: number) => {
  const scalar: fc.Arbitrary<Writer> = scalarArbitrary.map((written) => () => ({ inline: written, lines: [] }));
  const block: fc.Arbitrary<Writer> = fc
    .tuple(mostly(['|', '>', '|-', '>-', '|  # c'], ['|+', '>2', '|-+', '>x']), fc.array(BLOCK_LINES, { minLength: 1, maxLength: 4 }), fc.constantFrom(1, 2, 4))
    .map(([header, lines, step]) => (indent: number) => ({ inline: header, lines: lines.map((line) => (line === '' ? '' : ' '.repeat(indent + step) + line)) }));
  if (depth <= 0) return fc.oneof(scalar, block);
  const mapping: fc.Arbitrary<Writer> = fc
    .tuple(fc.array(fc.tuple(KEYS, valueArbitrary(depth - 1)), { minLength: 1, maxLength: 4 }), fc.constantFrom(1, 2, 4))
    .map(([pairs, step]) => (indent: number) => ({ inline: '', lines: pairLines(pairs, indent + step) }));
  const sequence: fc.Arbitrary<Writer> = fc
    .tuple(fc.array(fc.tuple(fc.boolean(), valueArbitrary(depth - 1)), { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 2, 4))
    .map(([items, step]) => (indent: number) => ({ inline: '', lines: itemLines(items, indent + step) }));
  return fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: block }, { weight: 2, arbitrary: mapping }, { weight: 2, arbitrary: sequence });
});

function pairLines(pairs: readonly (readonly [string, Writer])[], indent: number): string[] {
  const lines: string[] = [];
  for (const [key, write] of pairs) {
    const { inline, lines: rest } = write(indent);
    lines.push(`${' '.repeat(indent)}${key}:${inline === '' ? '' : ' ' + inline}`, ...rest);
  }
  return lines;
}

/** Items of a sequence; `compact` puts a mapping item's first key on the dash's line. */
function itemLines(items: readonly (readonly [boolean, Writer])[], indent: number): string[] {
  const lines: string[] = [];
  for (const [compact, write] of items) {
    const { inline, lines: rest } = write(indent);
    if (compact && inline === '' && rest.length > 0) {
      const first = rest[0].trimStart();
      const childIndent = rest[0].length - first.length;
      lines.push(`${' '.repeat(indent)}-${' '.repeat(Math.max(1, childIndent - indent - 1))}${first}`, ...rest.slice(1));
    } else {
      lines.push(`${' '.repeat(indent)}-${inline === '' ? '' : ' ' + inline}`, ...rest);
    }
  }
  return lines;
}

const CLUTTER = mostly(['', '# a comment', '  # indented comment', '    '], ['---', '...', '%YAML 1.2', ' x', '- y']);
const INSERTED = [' ', '  ', '\t', ':', ': ', '#', ' #', '-', '- ', '"', "'", '\n', '\r', '[', ']', ',', '|', '>', '&a ', '*a', '!!str ', '? ', '{', '\\', '\ufeff', 'é'];

const documentArbitrary = fc
  .record({
    // Now and then a mapping of more keys than are compared one by one (KeysSeen's Set takes over past 16).
    pairs: fc.oneof(
      { weight: 6, arbitrary: fc.array(fc.tuple(KEYS, valueArbitrary(3)), { minLength: 1, maxLength: 5 }) },
      { weight: 1, arbitrary: fc.array(fc.tuple(KEYS, valueArbitrary(1)), { minLength: 17, maxLength: 24 }) },
    ),
    clutter: fc.array(fc.tuple(fc.nat(), CLUTTER), { maxLength: 3 }),
    trailingComments: fc.array(fc.nat(), { maxLength: 3 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    mutations: fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...INSERTED), fc.integer({ min: -3, max: -1 }))), { minLength: 1, maxLength: 2 })),
  })
  .map(({ pairs, clutter, trailingComments, crlf, finalNewline, mutations }) => {
    const lines = pairLines(pairs, 0);
    for (const [at, line] of clutter) lines.splice(at % (lines.length + 1), 0, line);
    for (const at of trailingComments) {
      const index = at % lines.length;
      if (lines[index].trim() !== '') lines[index] += '  # note';
    }
    let text = lines.join(crlf ? '\r\n' : '\n') + (finalNewline ? (crlf ? '\r\n' : '\n') : '');
    const clean = text;
    for (const [at, change] of mutations) {
      const offset = at % (text.length + 1);
      text = typeof change === 'string' ? text.slice(0, offset) + change + text.slice(offset) : text.slice(0, offset) + text.slice(offset - change);
    }
    return { text, mutated: text !== clean };
  });

describe('The fast YAML reader', () => {
  it('reads every annotation file in the repository as the library does, and reads the sample itself', () => {
    const files = annotationFiles(path.join(REPO_ROOT, 'test')).concat(annotationFiles(path.join(REPO_ROOT, 'annotations')));
    assert.ok(files.length > 30, `only ${files.length} YAML files found`);
    let read = 0;
    for (const file of files) {
      if (agreesWithLibrary(fs.readFileSync(file, 'utf8'))) read++;
    }
    // Most real files are in the subset; the sample must be, or every editor pays for the slow path.
    assert.ok(read > files.length / 2, `fast reader read ${read} of ${files.length}`);
    assert.ok(agreesWithLibrary(fs.readFileSync(path.join(REPO_ROOT, 'annotations', 'putin-witkoff-talks.yaml'), 'utf8')));
  });

  it('finds a key written again past the 16th key of a mapping, as a Set would (NaN and -0 too)', () => {
    const keys = Array.from({ length: 18 }, (_, index) => `k${index + 1}: ${index}`);
    const plain = ['version: 1', ...keys, 'k3: again', 'k18: again', 'k19: new', ''].join('\n');
    const fast = readSimpleYaml(plain);
    assert.ok(fast, 'plain keys: the fast reader reads it');
    assert.deepEqual(fast.duplicateKeys.map((key) => plain.slice(key.start, key.end)), ['k3', 'k18']);
    assert.ok(agreesWithLibrary(plain));
    // Numbers the fast reader leaves to the library, whose tree goes through the same check.
    const numeric = ['version: 1', ...keys, '.nan: a', '-0: b', 'k2: again', '.NaN: c', '0: d', ''].join('\n');
    assert.equal(readSimpleYaml(numeric), undefined);
    const tree = libraryRead(numeric).tree;
    assert.deepEqual(duplicateKeys(tree).map((key) => numeric.slice(key.start, key.end)), ['k2', '.NaN', '0']);
    assert.deepEqual(duplicateKeys(tree), keysWrittenAgain(tree));
  });

  it('reads the benchmark corpus as the library does', () => {
    assert.ok(agreesWithLibrary(makeCorpus(100_000).yaml));
  });

  it(`gives the library's tree or gives up, on ${RUNS} random documents (clean and mutated)`, function () {
    // About 7 s alone; bounded by its count, not by the clock, so a busy machine only makes it slower.
    this.timeout(60_000);
    const read = { clean: 0, cleanTotal: 0, mutated: 0, mutatedTotal: 0 };
    fc.assert(
      fc.property(documentArbitrary, ({ text, mutated }) => {
        const accepted = agreesWithLibrary(text);
        if (mutated) {
          read.mutatedTotal++;
          if (accepted) read.mutated++;
        } else {
          read.cleanTotal++;
          if (accepted) read.clean++;
        }
      }),
      settings,
    );
    // The generator must keep producing files inside the subset, or this test checks nothing.
    assert.ok(read.clean > read.cleanTotal / 10, `clean documents read by the fast reader: ${read.clean} of ${read.cleanTotal}`);
    assert.ok(read.mutated > read.mutatedTotal / 20, `mutated documents read by the fast reader: ${read.mutated} of ${read.mutatedTotal}`);
    console.log(`      read by the fast reader: ${read.clean} of ${read.cleanTotal} clean, ${read.mutated} of ${read.mutatedTotal} mutated`);
  });

  it('leaves anchors, tags, multi-line scalars and syntax errors to the library', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: plain\n  continued\n', 'a: "open\n  quote"\n', 'a: [1,\n  2]\n', 'a: {b: 1}\n', 'a:\tb\n', '- a\n', 'a: b: c\n']) {
      assert.equal(readSimpleYaml(text), undefined, JSON.stringify(text));
    }
  });

  it('makes the library document on demand, once, from the same text', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'annotations', 'putin-witkoff-talks.yaml'), 'utf8');
    // The library's documents made meanwhile, counted where parse.ts calls the library.
    const library = yaml as { parseDocument: typeof yaml.parseDocument };
    const parseDocument = library.parseDocument;
    let made = 0;
    library.parseDocument = ((...args: Parameters<typeof parseDocument>) => {
      made++;
      return parseDocument(...args);
    }) as typeof parseDocument;
    let document;
    try {
      const parsed = parseAnnotationFile('/w/annotations/putin-witkoff-talks.yaml', text);
      assert.equal(made, 0, 'reading the file makes no library document');
      document = parsed.document;
      assert.equal(parsed.document, document);
      assert.equal(made, 1, 'made on first use, once');
    } finally {
      library.parseDocument = parseDocument;
    }
    assert.equal(document.errors.length, 0);
    assert.equal(String(document.getIn(['entities', 'putin', 'name'])), 'Vladimir Putin');
  });
});
