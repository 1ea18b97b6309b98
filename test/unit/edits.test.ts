// YAML edits keep the user's file: only the changed lines differ, comments and style survive.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { parseDocument } from 'yaml';
import { analyze } from '../../src/core/analyze';
import { addClaim, addEntity, addMention, applyEdits, removeClaim, removeMention, replaceScalar, setClaimField, setEntityField, type TextEdit } from '../../src/core/edits';
import { parseAnnotationFile, type ParsedAnnotationFile } from '../../src/core/parse';
import { SAMPLE_ANNOTATIONS } from './helpers';

const FILE = '/project/annotations/a.yaml';

function parse(text: string): ParsedAnnotationFile {
  return parseAnnotationFile(FILE, text);
}

/**
 * Applies the edits and checks they add no problem to the file: none at all for a clean file, none
 * it did not have for one with problems of its own (a value left empty, a second document).
 */
function editedAddingNoProblem(text: string, edits: (parsed: ParsedAnnotationFile) => TextEdit[]): string {
  const parsed = parse(text);
  const changes = edits(parsed);
  assert.ok(changes.length > 0, 'no edit was made');
  const result = applyEdits(text, changes);
  const before = new Set(parsed.findings.map((f) => f.message));
  assert.deepEqual(parse(result).findings.map((f) => f.message).filter((message) => !before.has(message)), [], `the edited file has new problems:\n${result}`);
  return result;
}

/** The same for a clean file, which must stay clean. */
function edited(text: string, edits: (parsed: ParsedAnnotationFile) => TextEdit[]): string {
  assert.deepEqual(parse(text).findings.map((f) => f.message), [], 'the file is clean before the edits');
  return editedAddingNoProblem(text, edits);
}

/** `text`, once checked that the yaml library parses it and the analysis finds nothing the format does not allow in it. */
function sound(text: string): string {
  assert.deepEqual(parseDocument(text).errors.map((error) => error.message), [], text);
  const findings = analyze({ annotations: parse(text) }).findings.filter((f) => f.code === 'invalid-annotation' || f.code === 'yaml-syntax');
  assert.deepEqual(findings.map((f) => f.message), [], text);
  return text;
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

  describe('in files written in every way the format allows', () => {
    it('writes a value of several lines on one line, quoted, where a block scalar would lose its indentation', () => {
      const words = 'approved a budget of\n12 million euros for the bridge';
      const replaced = edited(BLOCK, (parsed) => setClaimField(parsed, 0, 'text', words));
      assert.deepEqual(addedLines(BLOCK, replaced), ['    text: "approved a budget of\\n12 million euros for the bridge"']);
      assert.equal(parse(replaced).claims[0].selector?.text, words);
      const added = edited(BLOCK, (parsed) => addClaim(parsed, { text: words, suffix: '.\n\nThe', type: 'fact' }));
      assert.equal(parse(added).claims[2].selector?.text, words);
      assert.equal(parse(added).claims[2].selector?.suffix, '.\n\nThe');
      const inFlow = edited('version: 1\nclaims: [{text: a, type: fact}]\n', (parsed) => addClaim(parsed, { text: words, type: 'fact' }));
      assert.equal(parse(inFlow).claims[1].selector?.text, words);
    });

    it('writes context across a paragraph break double-quoted, whatever quotation marks it holds', () => {
      // Disambiguating a quotation that opens a paragraph: its prefix is the paragraph break and the mark.
      const prefix = '\n\n"';
      const set = edited(BLOCK, (parsed) => setClaimField(parsed, 0, 'prefix', prefix));
      assert.deepEqual(addedLines(BLOCK, set), ['    prefix: "\\n\\n\\""']);
      assert.equal(parse(set).claims[0].selector?.prefix, prefix);
      const added = edited(BLOCK, (parsed) => addClaim(parsed, { text: 'We will appeal', prefix, suffix: ",'\n", type: 'direct-quote' }));
      assert.deepEqual(addedLines(BLOCK, added), ['  - text: We will appeal', '    prefix: "\\n\\n\\""', '    suffix: ",\'\\n"', '    type: direct-quote']);
      const single = "version: 1\nclaims:\n  - text: 'the ferry'\n    type: fact\n";
      const replaced = edited(single, (parsed) => replaceScalar(parsed, parsed.claims[0].selector!.textLocation.range, 'the "ferry"\nruns'));
      assert.equal(parse(replaced).claims[0].selector?.text, 'the "ferry"\nruns');
    });

    it('replaces a text written as a block scalar without joining the next line', () => {
      const block = 'version: 1\nclaims:\n  - id: courage\n    text: >-\n      played with\n      real courage\n    type: direct-quote\n';
      const expected = 'version: 1\nclaims:\n  - id: courage\n    text: played with great courage\n    type: direct-quote\n';
      assert.equal(edited(block, (parsed) => setClaimField(parsed, 0, 'text', 'played with great courage')), expected);
      assert.equal(edited(block, (parsed) => replaceScalar(parsed, parsed.claims[0].selector!.textLocation.range, 'played with great courage')), expected);
      const literal = block.replace('>-', '|').replace('type: direct-quote\n', 'type: direct-quote\n    source: lopez\n');
      assert.equal(parse(edited(literal, (parsed) => setClaimField(parsed, 0, 'text', 'played'))).claims[0].sources[0]?.id, 'lopez');
    });

    it('keeps a comment after an empty list or mapping on its key\'s line, out of the values added', () => {
      assert.equal(
        editedAddingNoProblem('version: 1\nclaims:   # none yet\n', (parsed) => addClaim(parsed, { text: 'x', type: 'fact', source: 'lopez' })),
        'version: 1\nclaims: # none yet\n  - text: x\n    type: fact\n    source: lopez\n',
      );
      assert.equal(
        edited('version: 1\nentities: {} # add people here\n', (parsed) => addEntity(parsed, 'lopez', { name: 'Ana Lopez', type: 'person' })),
        'version: 1\nentities: # add people here\n  lopez:\n    name: Ana Lopez\n    type: person\n',
      );
      assert.equal(
        editedAddingNoProblem('version: 1\r\nentities: ~ # add people here\r\nclaims: []\r\n', (parsed) => addEntity(parsed, 'lopez', { name: 'Ana Lopez', type: 'person' })),
        'version: 1\r\nentities: # add people here\r\n  lopez:\r\n    name: Ana Lopez\r\n    type: person\r\nclaims: []\r\n',
      );
    });

    it('fills a value left empty after a space, before the next line or a comment', () => {
      const empty = 'version: 1\nclaims:\n  - text: the bridge will be late\n    type: prediction\n    source:\n    status: verified\n  - text: the ferry runs\n    type: fact\n    source: # ask the desk\n';
      const first = editedAddingNoProblem(empty, (parsed) => setClaimField(parsed, 0, 'source', 'lopez'));
      assert.deepEqual(addedLines(empty, first), ['    source: lopez']);
      assert.equal(parse(first).claims[0].status, 'verified');
      const second = editedAddingNoProblem(empty, (parsed) => setClaimField(parsed, 1, 'source', 'lopez'));
      assert.deepEqual(addedLines(empty, second), ['    source: lopez # ask the desk']);
      assert.deepEqual(parse(second).claims[1].sources.map((source) => source.id), ['lopez']);
    });

    it('fills a list or a mapping written with no value or null, rather than write its key again', () => {
      const claims = editedAddingNoProblem('version: 1\nclaims:\nentities:\n  lopez:\n    name: Ana Lopez\n    mentions:\n', (parsed) => addClaim(parsed, { text: 'x', type: 'fact' }));
      assert.equal(claims, 'version: 1\nclaims:\n  - text: x\n    type: fact\nentities:\n  lopez:\n    name: Ana Lopez\n    mentions:\n');
      const entities = editedAddingNoProblem('version: 1\nentities:\nclaims: []\n', (parsed) => addEntity(parsed, 'kyiv', { name: 'Kyiv', type: 'place' }));
      assert.equal(entities, 'version: 1\nentities:\n  kyiv:\n    name: Kyiv\n    type: place\nclaims: []\n');
      const mentions = editedAddingNoProblem('version: 1\nentities:\n  lopez:\n    name: Ana Lopez\n    mentions:\n', (parsed) => addMention(parsed, 'lopez', { text: 'the mayor' }));
      assert.equal(mentions, 'version: 1\nentities:\n  lopez:\n    name: Ana Lopez\n    mentions:\n      - text: the mayor\n');
      const nulls = editedAddingNoProblem('version: 1\nclaims: ~\nentities:\n  lopez:\n    name: Ana Lopez\n    mentions: null\n', (parsed) => [
        ...addClaim(parsed, { text: 'x', type: 'fact' }),
        ...addMention(parsed, 'lopez', { text: 'the mayor' }),
      ]);
      assert.equal(nulls, 'version: 1\nclaims:\n  - text: x\n    type: fact\nentities:\n  lopez:\n    name: Ana Lopez\n    mentions:\n      - text: the mayor\n');
    });

    it('adds a mention to an entity written on one line, on that line', () => {
      const text = 'version: 1\nentities:\n  lopez: {name: Ana Lopez, type: person}\n';
      const result = edited(text, (parsed) => addMention(parsed, 'lopez', { text: 'the mayor', suffix: ' said' }));
      assert.equal(result, 'version: 1\nentities:\n  lopez: {name: Ana Lopez, type: person, mentions: [{ text: the mayor, suffix: " said" }]}\n');
    });

    it('adds a mention to a list written on one line or over several, keeping its comments and quoting', () => {
      const commented = 'version: 1\nentities:\n  lopez:\n    name: Ana Lopez\n    mentions: [\n      {text: the mayor}, # from the wire copy\n      {text: \'Lopez\'} # her surname\n    ]\n';
      const result = edited(commented, (parsed) => addMention(parsed, 'lopez', { text: 'she', suffix: ' said' }));
      assert.equal(result, commented.replace("{text: 'Lopez'}", "{text: 'Lopez'}, { text: she, suffix: \" said\" }"));
      assert.deepEqual(parse(result).entities[0].mentions.map((mention) => mention.text), ['the mayor', 'Lopez', 'she']);
      const empty = 'version: 1\nentities:\n  lopez:\n    name: Ana Lopez\n    mentions: [] # none yet\n';
      assert.equal(
        edited(empty, (parsed) => addMention(parsed, 'lopez', { text: 'the mayor' })),
        'version: 1\nentities:\n  lopez:\n    name: Ana Lopez\n    mentions: # none yet\n      - text: the mayor\n',
      );
    });

    it('adds a mention to an empty list inside an entity written on one line, on that line', () => {
      const text = 'version: 1\nentities:\n  lopez: {name: Ana Lopez, type: person, mentions: []}\n';
      const result = edited(text, (parsed) => addMention(parsed, 'lopez', { text: 'the mayor' }));
      assert.equal(result, 'version: 1\nentities:\n  lopez: {name: Ana Lopez, type: person, mentions: [{ text: the mayor }]}\n');
    });

    it('adds to flow collections after a trailing comma, and before a comment that precedes the closing bracket', () => {
      const comma = edited('version: 1\nclaims:\n  - {text: a b, type: fact, }\n', (parsed) => setClaimField(parsed, 0, 'basis', 'observed'));
      assert.equal(comma, 'version: 1\nclaims:\n  - {text: a b, type: fact, basis: observed }\n');
      const list = edited('version: 1\nclaims: [{text: a, type: fact}, ]\n', (parsed) => addClaim(parsed, { text: 'b', type: 'fact' }));
      assert.deepEqual(parse(list).claims.map((claim) => claim.selector?.text), ['a', 'b']);
      const commented = 'version: 1\nclaims:\n  - { text: a b,\n      type: fact # checked\n    }\n';
      const result = edited(commented, (parsed) => setClaimField(parsed, 0, 'basis', 'observed'));
      assert.equal(parse(result).claims[0].basis, 'observed');
      assert.ok(result.includes('# checked'));
    });

    it('indents a new claim as the dashes are, with more than one space after them', () => {
      const spaced = 'version: 1\nclaims:\n  -   text: a b\n      type: fact\n';
      const result = edited(spaced, (parsed) => addClaim(parsed, { text: 'c d', type: 'fact' }));
      assert.deepEqual(addedLines(spaced, result), ['  - text: c d', '    type: fact']);
      assert.deepEqual(parse(result).claims.map((claim) => claim.selector?.text), ['a b', 'c d']);
    });

    it('adds an entity and a claim that cites it to a file that has neither, in one edit that does not overlap itself', () => {
      for (const text of ['version: 1\n', 'version: 1', 'version: 1\n\n\n', '# notes\nversion: 1 # the format\n']) {
        const result = edited(text, (parsed) => [
          ...addEntity(parsed, 'lopez', { name: 'Ana Lopez', type: 'person' }),
          ...addClaim(parsed, { text: 'x', type: 'fact', source: 'lopez' }),
        ]);
        const reparsed = parse(result);
        assert.deepEqual([reparsed.entities.map((e) => e.id), reparsed.claims.map((c) => c.sources[0]?.id)], [['lopez'], ['lopez']], result);
        assert.ok(result.indexOf('entities:') < result.indexOf('claims:'), result);
      }
    });

    it('adds a list before a document end or a second document, in the document the format reads', () => {
      for (const end of ['...\n', '---\nnotes: kept apart\n']) {
        const text = `version: 1\nentities: {}\n${end}`;
        const result = editedAddingNoProblem(text, (parsed) => addClaim(parsed, { text: 'x', type: 'fact' }));
        assert.equal(result, `version: 1\nentities: {}\nclaims:\n  - text: x\n    type: fact\n${end}`);
        assert.equal(parse(result).claims.length, 1);
      }
    });
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

  describe('removing a claim or a mention', () => {
    /** The sample's lines from `from` up to, not including, `to`: the block a removal takes out. */
    function linesBetween(text: string, from: string, to: string): string {
      return text.slice(text.indexOf(from), text.indexOf(to));
    }

    it('takes a claim of the real sample out with the comment above it, and nothing else', () => {
      const text = fs.readFileSync(SAMPLE_ANNOTATIONS, 'utf8');
      const parsed = parseAnnotationFile(SAMPLE_ANNOTATIONS, text);
      const index = parsed.claims.findIndex((claim) => claim.id === 'moskalik-killed');
      const edits = removeClaim(parsed, index);
      assert.equal(edits.length, 1, 'one edit: one step to undo');
      const result = applyEdits(text, edits);
      // Its DELIBERATE comment goes with it; the blank line that spaced it from the next claim too.
      const removed = linesBetween(text, '  # DELIBERATE unattributed-claim: a fact', '  - id: russia-blames-ukraine');
      assert.equal(result, text.replace(removed, ''));
      assert.match(removed, /^ {2}# DELIBERATE[^]*type: fact\n\n$/);
      const reparsed = parseAnnotationFile(SAMPLE_ANNOTATIONS, result);
      assert.deepEqual(reparsed.findings, []);
      assert.deepEqual(
        reparsed.claims.map((claim) => claim.id),
        parsed.claims.filter((claim) => claim.id !== 'moskalik-killed').map((claim) => claim.id),
      );
    });

    it('keeps a heading comment above the first claim of the sample: it heads the claims after it', () => {
      const text = fs.readFileSync(SAMPLE_ANNOTATIONS, 'utf8');
      const parsed = parseAnnotationFile(SAMPLE_ANNOTATIONS, text);
      const result = applyEdits(text, removeClaim(parsed, 0));
      assert.equal(result, text.replace(linesBetween(text, '  - id: kremlin-readout', '  - id: trump-very-close'), ''));
      assert.match(result, /claims:\n {2}# ---- paragraph 1\n {2}- id: trump-very-close\n/);
      // The last claim: the blank line before it goes, the file still ends with one line break.
      const last = parsed.claims.length - 1;
      const end = applyEdits(text, removeClaim(parsed, last));
      assert.equal(end, text.replace(/\n\n {2}- id: kyiv-no-response\n[^]*$/, '\n'));
      assert.deepEqual(parseAnnotationFile(SAMPLE_ANNOTATIONS, end).claims.length, last);
    });

    it('leaves the blank lines between the other items as they were: first, middle, last', () => {
      const list = 'version: 1\nclaims:\n  - id: a\n    text: x\n    type: fact\n\n  # about b\n  - id: b\n    text: y\n    type: fact\n    # a note on its type\n\n  - {id: c, text: z, type: fact}\n';
      assert.equal(edited(list, (parsed) => removeClaim(parsed, 0)), 'version: 1\nclaims:\n  # about b\n  - id: b\n    text: y\n    type: fact\n    # a note on its type\n\n  - {id: c, text: z, type: fact}\n');
      assert.equal(edited(list, (parsed) => removeClaim(parsed, 1)), 'version: 1\nclaims:\n  - id: a\n    text: x\n    type: fact\n\n  - {id: c, text: z, type: fact}\n');
      assert.equal(edited(list, (parsed) => removeClaim(parsed, 2)), 'version: 1\nclaims:\n  - id: a\n    text: x\n    type: fact\n\n  # about b\n  - id: b\n    text: y\n    type: fact\n    # a note on its type\n');
      // Items not spaced stay unspaced; what follows the list keeps its blank line.
      const tight = 'version: 1\nclaims:\n  - {id: a, text: x, type: fact}\n  - {id: b, text: y, type: fact}\n\nclaimTypes: {}\n';
      assert.equal(edited(tight, (parsed) => removeClaim(parsed, 0)), 'version: 1\nclaims:\n  - {id: b, text: y, type: fact}\n\nclaimTypes: {}\n');
      assert.equal(edited(tight, (parsed) => removeClaim(parsed, 1)), 'version: 1\nclaims:\n  - {id: a, text: x, type: fact}\n\nclaimTypes: {}\n');
    });

    it('leaves `claims: []` when it removes the only claim, its key\'s comment and the headings kept', () => {
      assert.equal(edited('version: 1\nclaims:\n  # about a\n  - id: a\n    text: x\n    type: fact\n', (parsed) => removeClaim(parsed, 0)), 'version: 1\nclaims: []\n');
      assert.equal(
        edited('version: 1\nclaims:   # in reading order\n  # ---- paragraph 1\n  - {text: x, type: fact}\n\nclaimTypes: {}\n', (parsed) => removeClaim(parsed, 0)),
        'version: 1\nclaims: []   # in reading order\n  # ---- paragraph 1\n\nclaimTypes: {}\n',
      );
      const flow = (claims: string) => `version: 1\nclaims: [${claims}]\n`;
      assert.equal(edited(flow('{text: x, type: fact}'), (parsed) => removeClaim(parsed, 0)), flow(''));
    });

    it('removes an entry of a flow list with its comma', () => {
      const flow = 'version: 1\nclaims: [{text: x, type: fact}, {text: y, type: fact}, {text: z, type: fact}]\n';
      assert.equal(edited(flow, (parsed) => removeClaim(parsed, 0)), 'version: 1\nclaims: [{text: y, type: fact}, {text: z, type: fact}]\n');
      assert.equal(edited(flow, (parsed) => removeClaim(parsed, 1)), 'version: 1\nclaims: [{text: x, type: fact}, {text: z, type: fact}]\n');
      assert.equal(edited(flow, (parsed) => removeClaim(parsed, 2)), 'version: 1\nclaims: [{text: x, type: fact}, {text: y, type: fact}]\n');
    });

    it('keeps CRLF line breaks', () => {
      const lf = 'version: 1\nclaims:\n  - id: a\n    text: x\n    type: fact\n\n  # about b\n  - id: b\n    text: y\n    type: fact\n\n  - id: c\n    text: z\n    type: fact\n';
      const crlf = lf.replace(/\n/g, '\r\n');
      assert.equal(edited(crlf, (parsed) => removeClaim(parsed, 1)), 'version: 1\r\nclaims:\r\n  - id: a\r\n    text: x\r\n    type: fact\r\n\r\n  - id: c\r\n    text: z\r\n    type: fact\r\n');
      assert.equal(edited(crlf, (parsed) => removeClaim(parsed, 2)), 'version: 1\r\nclaims:\r\n  - id: a\r\n    text: x\r\n    type: fact\r\n\r\n  # about b\r\n  - id: b\r\n    text: y\r\n    type: fact\r\n');
    });

    it('removes one explicit mention of an entity, the only one leaving `mentions: []`', () => {
      const text = 'version: 1\nentities:\n  zelensky:\n    name: Volodymyr Zelensky\n    mentions:\n      # a description\n      - text: The Ukrainian leader\n      - text: the president\n        prefix: "said "\n    notes: kept\nclaims: []\n';
      const second = text.indexOf('text: the president');
      const result = edited(text, (parsed) => removeMention(parsed, 'zelensky', second));
      assert.equal(result, text.replace('      - text: the president\n        prefix: "said "\n', ''));
      const first = result.indexOf('text: The Ukrainian leader');
      assert.equal(edited(result, (parsed) => removeMention(parsed, 'zelensky', first)), 'version: 1\nentities:\n  zelensky:\n    name: Volodymyr Zelensky\n    mentions: []\n    notes: kept\nclaims: []\n');
      assert.deepEqual(removeMention(parse(text), 'zelensky', 0), [], 'no mention starts there');
    });
  });

  describe('adding a claim before another', () => {
    it('puts it above the comments of the claim it precedes, spaced as the list is', () => {
      const text = fs.readFileSync(SAMPLE_ANNOTATIONS, 'utf8');
      const parsed = parseAnnotationFile(SAMPLE_ANNOTATIONS, text);
      const index = parsed.claims.findIndex((claim) => claim.id === 'moskalik-killed');
      const result = applyEdits(text, addClaim(parsed, { id: 'new-claim', text: 'x', type: 'fact', basis: 'observed' }, index));
      const block = '  - id: new-claim\n    text: x\n    type: fact\n    basis: observed\n\n';
      const at = text.indexOf('  # DELIBERATE unattributed-claim: a fact');
      assert.equal(result, text.slice(0, at) + block + text.slice(at));
      assert.deepEqual(parseAnnotationFile(SAMPLE_ANNOTATIONS, result).findings, []);
      assert.equal(parseAnnotationFile(SAMPLE_ANNOTATIONS, result).claims[index].id, 'new-claim');
    });

    it('first, in a list not spaced, in a flow list, and with CRLF', () => {
      const tight = 'version: 1\nclaims:\n  - {text: x, type: fact}\n  - {text: y, type: fact}\n';
      assert.equal(edited(tight, (parsed) => addClaim(parsed, { text: 'w', type: 'fact' }, 0)), 'version: 1\nclaims:\n  - text: w\n    type: fact\n  - {text: x, type: fact}\n  - {text: y, type: fact}\n');
      assert.equal(edited(tight, (parsed) => addClaim(parsed, { text: 'w', type: 'fact' }, 1)), 'version: 1\nclaims:\n  - {text: x, type: fact}\n  - text: w\n    type: fact\n  - {text: y, type: fact}\n');
      const crlf = tight.replace(/\n/g, '\r\n');
      assert.equal(edited(crlf, (parsed) => addClaim(parsed, { text: 'w', type: 'fact' }, 1)), 'version: 1\r\nclaims:\r\n  - {text: x, type: fact}\r\n  - text: w\r\n    type: fact\r\n  - {text: y, type: fact}\r\n');
      const flow = 'version: 1\nclaims: [{text: x, type: fact}, {text: y, type: fact}]\n';
      assert.equal(edited(flow, (parsed) => addClaim(parsed, { text: 'w', type: 'fact' }, 1)), 'version: 1\nclaims: [{text: x, type: fact}, { text: w, type: fact }, {text: y, type: fact}]\n');
      // Past the end: appended, as before.
      assert.equal(edited(tight, (parsed) => addClaim(parsed, { text: 'w', type: 'fact' }, 2)), `${tight}  - text: w\n    type: fact\n`);
    });
  });

  describe('list items written as YAML allows', () => {
    const w = { text: 'w', type: 'fact' };

    it('takes out or goes before a whole item whose dash is alone on its line', () => {
      const text = 'version: 1\nclaims:\n  -\n    text: a\n    type: fact\n  -\n    text: b\n    type: fact\n';
      assert.equal(sound(edited(text, (parsed) => removeClaim(parsed, 0))), 'version: 1\nclaims:\n  -\n    text: b\n    type: fact\n');
      assert.equal(sound(edited(text, (parsed) => removeClaim(parsed, 1))), 'version: 1\nclaims:\n  -\n    text: a\n    type: fact\n');
      assert.equal(sound(edited(text, (parsed) => addClaim(parsed, w, 1))), 'version: 1\nclaims:\n  -\n    text: a\n    type: fact\n  - text: w\n    type: fact\n  -\n    text: b\n    type: fact\n');
    });

    it('takes out or goes before a whole item with a comment, an anchor or comment lines between its dash and its keys', () => {
      const text = 'version: 1\nclaims:\n  - text: a\n    type: fact\n  - # about b\n    text: b\n    type: fact\n  - &c\n    # its words\n\n    text: c\n    type: fact\n';
      const [a, b, c] = ['  - text: a\n    type: fact\n', '  - # about b\n    text: b\n    type: fact\n', '  - &c\n    # its words\n\n    text: c\n    type: fact\n'];
      assert.equal(sound(edited(text, (parsed) => removeClaim(parsed, 1))), `version: 1\nclaims:\n${a}${c}`);
      assert.equal(sound(edited(text, (parsed) => removeClaim(parsed, 2))), `version: 1\nclaims:\n${a}${b}`);
      const added = '  - text: w\n    type: fact\n';
      assert.equal(sound(edited(text, (parsed) => addClaim(parsed, w, 1))), `version: 1\nclaims:\n${a}${added}${b}${c}`);
      assert.equal(sound(edited(text, (parsed) => addClaim(parsed, w, 2))), `version: 1\nclaims:\n${a}${b}${added}${c}`);
    });

    it('puts a claim under the heading of the one it precedes where the two go together, above it otherwise', () => {
      const text = 'version: 1\nclaims:\n  # ---- paragraph 1\n  - text: a\n    type: fact\n\n  # ---- paragraph 2\n  # about b\n  - text: b\n    type: fact\n';
      assert.equal(
        sound(edited(text, (parsed) => addClaim(parsed, w, 1, true))),
        'version: 1\nclaims:\n  # ---- paragraph 1\n  - text: a\n    type: fact\n\n  # ---- paragraph 2\n  - text: w\n    type: fact\n\n  # about b\n  - text: b\n    type: fact\n',
      );
      assert.equal(
        sound(edited(text, (parsed) => addClaim(parsed, w, 0, true))),
        'version: 1\nclaims:\n  # ---- paragraph 1\n  - text: w\n    type: fact\n\n  - text: a\n    type: fact\n\n  # ---- paragraph 2\n  # about b\n  - text: b\n    type: fact\n',
      );
      assert.equal(
        sound(edited(text, (parsed) => addClaim(parsed, w, 1))),
        'version: 1\nclaims:\n  # ---- paragraph 1\n  - text: a\n    type: fact\n\n  - text: w\n    type: fact\n\n  # ---- paragraph 2\n  # about b\n  - text: b\n    type: fact\n',
      );
    });

    it('keeps the anchor and tag of a list it empties before `[]`, its comment after', () => {
      const only = (key: string) => `version: 1\nclaims:${key}\n  - text: a\n    type: fact\n`;
      assert.equal(sound(edited(only(' &c'), (parsed) => removeClaim(parsed, 0))), 'version: 1\nclaims: &c []\n');
      assert.equal(sound(edited(only(' !!seq &c  # in reading order'), (parsed) => removeClaim(parsed, 0))), 'version: 1\nclaims: !!seq &c []  # in reading order\n');
    });

    it('counts a tab before a comment as indentation: the comment above an item goes where the item goes', () => {
      const text = 'version: 1\nclaims:\n  - text: a\n    type: fact\n\t# about b\n  - text: b\n    type: fact\n';
      assert.equal(sound(edited(text, (parsed) => removeClaim(parsed, 1))), 'version: 1\nclaims:\n  - text: a\n    type: fact\n');
      assert.equal(sound(edited(text, (parsed) => addClaim(parsed, w, 1))), 'version: 1\nclaims:\n  - text: a\n    type: fact\n  - text: w\n    type: fact\n\t# about b\n  - text: b\n    type: fact\n');
    });

    it('removes the last entry of a flow list written over lines with the comment after it on its line', () => {
      const trailing = 'version: 1\nclaims: [\n  {text: a, type: fact},\n  {text: b, type: fact}, # about b\n]\n';
      assert.equal(sound(edited(trailing, (parsed) => removeClaim(parsed, 1))), 'version: 1\nclaims: [\n  {text: a, type: fact},\n]\n');
      const both = 'version: 1\nclaims: [\n  {text: a, type: fact}, # about a\n  {text: b, type: fact} # about b\n]\n';
      assert.equal(sound(edited(both, (parsed) => removeClaim(parsed, 1))), 'version: 1\nclaims: [\n  {text: a, type: fact}, # about a\n]\n');
    });
  });
});
