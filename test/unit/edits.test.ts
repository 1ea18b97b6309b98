// YAML edits keep the user's file: only the changed lines differ, comments and style survive.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { addClaim, addEntity, addMention, applyEdits, replaceScalar, setClaimField, setEntityField, type TextEdit } from '../../src/core/edits';
import { parseAnnotationFile, type ParsedAnnotationFile } from '../../src/core/parse';
import { SAMPLE_ANNOTATIONS } from './helpers';

const FILE = '/project/annotations/a.yaml';

function parse(text: string): ParsedAnnotationFile {
  return parseAnnotationFile(FILE, text);
}

/** Applies the edits and checks the result is still a clean annotation file. */
function edited(text: string, edits: (parsed: ParsedAnnotationFile) => TextEdit[]): string {
  const parsed = parse(text);
  const changes = edits(parsed);
  assert.ok(changes.length > 0, 'no edit was made');
  const result = applyEdits(text, changes);
  const reparsed = parse(result);
  assert.deepEqual(reparsed.findings.map((f) => f.message), [], `the edited file has problems:\n${result}`);
  return result;
}

/** The lines of `after` that are not in `before`, in order. */
function addedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((line) => !old.has(line));
}

const BLOCK = [
  '# The desk keeps comments here',
  'version: 1',
  'entities:',
  '  lopez:',
  '    name: Ana Lopez   # the mayor',
  '    type: person',
  '    aliases: [Lopez]',
  'claims:',
  '  # first claim',
  '  - id: budget',
  '    text: approved a budget',
  '    type: fact',
  '',
  '  - {id: late, text: "the bridge will be late", type: prediction}',
  '',
].join('\n');

describe('YAML edits', () => {
  it('adds a source to a block claim on a new line after its last field, leaving every other line alone', () => {
    const result = edited(BLOCK, (parsed) => setClaimField(parsed, 0, 'source', 'lopez'));
    assert.deepEqual(addedLines(BLOCK, result), ['    source: lopez']);
    assert.ok(result.includes('    type: fact\n    source: lopez\n\n  - {id: late'));
    assert.equal(parse(result).claims[0].sources[0].id, 'lopez');
  });

  it('adds a field inside a flow mapping', () => {
    const result = edited(BLOCK, (parsed) => setClaimField(parsed, 1, 'basis', 'common-knowledge'));
    assert.ok(result.includes('  - {id: late, text: "the bridge will be late", type: prediction, basis: common-knowledge}'));
  });

  it('replaces an existing value in place', () => {
    const result = edited(BLOCK, (parsed) => setClaimField(parsed, 0, 'type', 'paraphrase'));
    assert.deepEqual(addedLines(BLOCK, result), ['    type: paraphrase']);
    assert.equal(result.split('\n').length, BLOCK.split('\n').length);
  });

  it('quotes what needs quoting, as the yaml library writes it', () => {
    const result = edited(BLOCK, (parsed) => addClaim(parsed, { text: 'very close to a deal: "soon"', prefix: '# not a comment ', type: 'direct-quote', source: 'lopez' }));
    const claim = parse(result).claims[2];
    assert.equal(claim.selector?.text, 'very close to a deal: "soon"');
    assert.equal(claim.selector?.prefix, '# not a comment ');
    assert.deepEqual(addedLines(BLOCK, result).map((line) => line.trimEnd().slice(0, 6)), ['  - te', '    pr', '    ty', '    so']);
  });

  it('adds a claim to an empty flow list, and creates the list when there is none', () => {
    const empty = 'version: 1\nclaims: []\n';
    const withClaim = edited(empty, (parsed) => addClaim(parsed, { text: 'x y z', type: 'fact', basis: 'observed' }));
    assert.equal(withClaim, 'version: 1\nclaims:\n  - text: x y z\n    type: fact\n    basis: observed\n');
    const none = 'version: 1\n';
    assert.equal(edited(none, (parsed) => addClaim(parsed, { text: 'x', type: 'fact' })), 'version: 1\nclaims:\n  - text: x\n    type: fact\n');
  });

  it('adds an entity in the file\'s own indentation', () => {
    const fourSpaces = 'version: 1\nentities:\n    kyiv:\n        name: Kyiv\n';
    const result = edited(fourSpaces, (parsed) => addEntity(parsed, 'odesa', { name: 'Odesa', type: 'place' }));
    assert.equal(result, 'version: 1\nentities:\n    kyiv:\n        name: Kyiv\n    odesa:\n      name: Odesa\n      type: place\n');
    assert.deepEqual(parse(result).entities.map((e) => e.id), ['kyiv', 'odesa']);
  });

  it('adds an entity to `entities: {}` and to a file without entities', () => {
    assert.equal(
      edited('version: 1\nentities: {}\n', (parsed) => addEntity(parsed, 'kyiv', { name: 'Kyiv', type: 'place' })),
      'version: 1\nentities:\n  kyiv:\n    name: Kyiv\n    type: place\n',
    );
    assert.equal(
      edited('version: 1\n', (parsed) => addEntity(parsed, 'kyiv', { name: 'Kyiv', type: 'place' })),
      'version: 1\nentities:\n  kyiv:\n    name: Kyiv\n    type: place\n',
    );
  });

  it('adds an explicit mention, creating the list or extending it', () => {
    const first = edited(BLOCK, (parsed) => addMention(parsed, 'lopez', { text: 'the mayor' }));
    assert.deepEqual(addedLines(BLOCK, first), ['    mentions:', '      - text: the mayor']);
    const second = edited(first, (parsed) => addMention(parsed, 'lopez', { text: 'she', suffix: ' said' }));
    assert.deepEqual(addedLines(first, second), ['      - text: she', '        suffix: " said"']);
    assert.deepEqual(parse(second).entities[0].mentions.map((m) => m.text), ['the mayor', 'she']);
  });

  it('sets an entity field', () => {
    const result = edited(BLOCK, (parsed) => setEntityField(parsed, 'lopez', 'anonymity', 'not authorised to speak'));
    assert.deepEqual(addedLines(BLOCK, result), ['    anonymity: not authorised to speak']);
  });

  it('replaces a scalar keeping its quotes', () => {
    const text = 'version: 1\nclaims:\n  - text: "old words"\n    type: fact\n    source: \'lopz\'\n';
    const parsed = parse(text);
    const claim = parsed.claims[0];
    const result = applyEdits(text, [...replaceScalar(parsed, claim.selector!.textLocation.range, 'new "words"'), ...replaceScalar(parsed, claim.sources[0].location.range, 'lopez')]);
    assert.equal(result, 'version: 1\nclaims:\n  - text: "new \\"words\\""\n    type: fact\n    source: \'lopez\'\n');
  });

  it('keeps CRLF line breaks', () => {
    const crlf = BLOCK.replace(/\n/g, '\r\n');
    const result = edited(crlf, (parsed) => setClaimField(parsed, 0, 'source', 'lopez'));
    assert.ok(result.includes('    type: fact\r\n    source: lopez\r\n'));
    assert.ok(!/[^\r]\n/.test(result));
  });

  it('edits the real sample without touching anything else', () => {
    const text = fs.readFileSync(SAMPLE_ANNOTATIONS, 'utf8');
    const parsed = parseAnnotationFile(SAMPLE_ANNOTATIONS, text);
    const index = parsed.claims.findIndex((claim) => claim.id === 'witkoff-angered-kyiv');
    const result = applyEdits(text, setClaimField(parsed, index, 'source', 'witkoff'));
    assert.deepEqual(addedLines(text, result), ['    source: witkoff']);
    assert.equal(result.length, text.length + '\n    source: witkoff'.length);
    const reparsed = parseAnnotationFile(SAMPLE_ANNOTATIONS, result);
    assert.deepEqual(reparsed.findings, []);
    assert.equal(reparsed.claims[index].sources[0].id, 'witkoff');
  });
});
