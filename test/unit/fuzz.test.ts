// Fuzzing the parser and the engine with malformed YAML and drafts: nothing throws, every malformed file
// gets a finding, and time stays bounded. The counts tried are recorded in docs/reliability.md.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { Analysis } from '../../src/core/analysis';
import { analyze } from '../../src/core/analyze';
import { parseAnnotationFile, type ParsedAnnotationFile } from '../../src/core/parse';

const YAML_FILE = '/project/annotations/a.yaml';
const DRAFT_FILE = '/project/articles/a.txt';
const settings = (numRuns: number) => ({ seed: 20_251_126, numRuns });

/** Pieces of YAML and of trouble: indentation, flow and block syntax, anchors, tags, bad characters. */
const YAML_PIECES = [
  'version: 1\n', 'version: 2\n', 'claims:\n', 'entities:\n', '  - text: ', '    type: fact\n', '  kyiv:\n', '    name: Kyiv\n',
  '    mentions:\n', '      - text: ', 'source: ', '[', ']', '{', '}', ', ', ': ', '- ', '? ', '\n', '  ', '\t', '#', '"', "'",
  '|', '>', '&a ', '*a', '!!str ', '!!binary ', '<<: ', '---\n', '...\n', '%YAML 1.2\n', 'x', 'the deal', '\0', '\ud800', '\udc00',
  '😀', '\u2028', '\r\n', '\\', '%', '@', '`', '~', 'null', 'true', '0x1F', '.inf',
];

const DRAFT_PIECES = ['The mayor said ', '“the deal is done”', ' Kyiv', '. ', '\n', '\r\n', '\ud800', '\udc00', '\0', '😀', '—', '…', '   ', 'the deal', '\u2029'];

function parseSafely(text: string): ParsedAnnotationFile {
  return parseAnnotationFile(YAML_FILE, text);
}

function isVersioned(parsed: ParsedAnnotationFile): boolean {
  try {
    return (parsed.document.toJS({ maxAliasCount: 100 }) as { version?: unknown } | null)?.version === 1;
  } catch {
    return false;
  }
}

/** Analyses and checks that every claim is anchored or has a finding naming it. */
function analyzeAndAccount(annotations: ParsedAnnotationFile, draft: string): Analysis {
  const analysis = analyze({ draft: { path: DRAFT_FILE, text: draft }, annotations });
  for (const { claim, range } of analysis.claims) {
    // A claim without a usable `text` has no span to anchor; its schema finding is in the YAML.
    if (range || !claim.selector) continue;
    // A claim written across a syntax error is reported by it: what was read of its text may be debris.
    const named = claim.overlapsSyntaxError
      ? analysis.findings.some((finding) => finding.code === 'yaml-syntax')
      : analysis.findings.some((finding) => finding.data?.claimIndex === claim.index && finding.code.startsWith('span-'));
    assert.ok(named, `claim ${claim.index} is neither anchored nor reported`);
  }
  return analysis;
}

/** Runs `work` and fails when it takes longer than `seconds` (generous: the machine may be busy). */
function within<T>(seconds: number, work: () => T): T {
  const start = performance.now();
  const result = work();
  const elapsed = (performance.now() - start) / 1000;
  assert.ok(elapsed < seconds, `took ${elapsed.toFixed(1)} s, more than ${seconds} s`);
  return result;
}

const VALID_CLAIMS = 'version: 1\nclaims:\n  - text: the deal is done\n    type: fact\n    basis: observed\n  - text: said Kyiv\n    type: fact\n    basis: observed\n';

describe('fuzzing the parser and the engine', () => {
  it('parses random YAML-like text without throwing, with a finding for anything but a versioned mapping', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const parsed = parseSafely(text);
        if (!isVersioned(parsed)) assert.ok(parsed.findings.length > 0, `no finding for ${JSON.stringify(text)}`);
      }),
      settings(1000),
    );
  });

  it('parses arbitrary strings (any code point, lone surrogates) without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.constantFrom('\ud800', '\udfff', '\0', ':', '\n', '-'), maxLength: 20 }), (a, b) => {
        parseSafely(a + b);
      }),
      settings(300),
    );
  });

  it('analyses random drafts against claims and mentions without throwing, accounting for every claim', () => {
    const annotations = parseSafely(
      `${VALID_CLAIMS}entities:\n  kyiv:\n    name: Kyiv\n    mentions:\n      - text: the deal\n      - text: "\\ud800 x"\n`,
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DRAFT_PIECES), { maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 50 }), (pieces, noise) => {
        analyzeAndAccount(annotations, pieces.join('') + noise);
      }),
      settings(500),
    );
  });

  it('analyses random annotation files against a draft without throwing', () => {
    const draft = 'The mayor said “the deal is done” in Kyiv. Kyiv said no.\n';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 60 }), (pieces) => {
        analyzeAndAccount(parseSafely(VALID_CLAIMS + pieces.join('')), draft);
      }),
      settings(500),
    );
  });

  describe('hostile inputs', () => {
    // Each is malformed (a finding from the parser) except the long claim, which the analysis reports.
    const cases: Array<{ name: string; text: () => string; seconds: number }> = [
      { name: 'flow brackets nested 100,000 deep', text: () => '['.repeat(100_000), seconds: 2 },
      { name: 'flow mappings nested 20,000 deep', text: () => 'a: {'.repeat(20_000), seconds: 2 },
      { name: 'block mappings nested 2,000 deep', text: () => Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), seconds: 5 },
      { name: 'an alias bomb (a billion laughs)', text: aliasBomb, seconds: 2 },
      { name: 'a 5 MB claim text', text: () => `version: 1\nclaims:\n  - text: "${'a '.repeat(2_500_000)}"\n    type: fact\n    basis: observed\n`, seconds: 10 },
      { name: '1 MB of binary bytes', text: () => binary(1_000_000), seconds: 5 },
      { name: 'NUL bytes and lone surrogates', text: () => 'version: 1\0\nclaims:\n  - text: "\ud800\0\udc00"\n    type: fact\n', seconds: 2 },
      { name: '10 MB of binary bytes', text: () => binary(10_000_000), seconds: 10 },
      { name: 'a 10 MB file of comments', text: () => `# ${'x'.repeat(97)}\n`.repeat(100_000), seconds: 10 },
      { name: 'a 10 MB scalar', text: () => `version: 1\nnote: ${'word '.repeat(2_000_000)}\n`, seconds: 10 },
      { name: '20,000 unknown keys', text: () => Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n'), seconds: 10 },
    ];
    for (const { name, text, seconds } of cases) {
      it(`reads ${name} with findings, within ${seconds} s`, () => {
        const input = text();
        const parsed = within(seconds, () => parseSafely(input));
        assert.ok(parsed.findings.length <= 500, `${parsed.findings.length} findings`);
        const analysis = within(seconds, () => analyzeAndAccount(parsed, input.slice(0, 1_000_000)));
        assert.ok(analysis.findings.some((finding) => finding.file === YAML_FILE));
      });
    }

    it('analyses a 10 MB draft of binary bytes and lone surrogates against claims, within 10 s', () => {
      const draft = binary(5_000_000) + '\ud800'.repeat(1000) + 'the deal is done' + '\udc00 said Kyiv'.repeat(1000) + 'Plain words. '.repeat(385_000);
      within(10, () => analyzeAndAccount(parseSafely(VALID_CLAIMS), draft));
    });
  });
});

/** Nine levels of nine aliases: 387 million strings if every alias were expanded. */
function aliasBomb(): string {
  const lines = ['version: 1', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level <= 9; level++) lines.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(',')}]`);
  lines.push('claims: *a9');
  return lines.join('\n');
}

/** Pseudo-random bytes read as Latin-1: every byte value, NULs and control characters included. */
function binary(length: number): string {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes.toString('latin1');
}
