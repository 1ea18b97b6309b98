// How mistakes in an annotation file are reported: once, under the most specific code, in words an
// editor understands, at the value that is wrong, and not again from what a syntax error broke.
import { strict as assert } from 'assert';
import type { Analysis } from '../../src/core/analysis';
import { analyze } from '../../src/core/analyze';
import { parseAnnotationFile } from '../../src/core/parse';

const DRAFT = {
  path: '/desk/articles/talks.txt',
  text:
    'Vladimir Putin met Steve Witkoff in Moscow on Friday. Yuri Ushakov said they were ready to talk. ' +
    'The Kremlin said the talks were useful.\n',
};

function analyzeYaml(yaml: string): Analysis {
  return analyze({ draft: DRAFT, annotations: parseAnnotationFile('/desk/annotations/talks.yaml', yaml) });
}

/** Every finding as "code: message", with the text of the file it underlines. */
function reported(analysis: Analysis): Array<{ code: string; message: string; text: string }> {
  return analysis.findings.map((finding) => {
    const text = finding.file === DRAFT.path ? DRAFT.text : analysis.annotations.text;
    return { code: finding.code, message: finding.message, text: text.slice(finding.range.start, finding.range.end) };
  });
}

describe('mistakes in an annotation file', () => {
  describe('one mistake, one finding, under its own code', () => {
    it('reports a claim type in capitals as an unknown type with a suggestion, not also as a bad id', () => {
      const analysis = analyzeYaml(
        'version: 1\nentities:\n  kremlin: {name: Kremlin}\nclaims:\n  - text: the talks were useful\n    type: Paraphrase\n    source: kremlin\n',
      );
      assert.deepEqual(reported(analysis), [
        {
          code: 'unknown-claim-type',
          message: "Unknown claim type 'Paraphrase'. Did you mean 'paraphrase'? New types are declared under `claimTypes`.",
          text: 'Paraphrase',
        },
      ]);
    });

    it('reports a source in capitals, alone or in a list, as an unknown entity with a suggestion, not also as a bad id', () => {
      const analysis = analyzeYaml(
        [
          'version: 1',
          'entities:',
          '  kremlin: {name: Kremlin}',
          '  ushakov: {name: Yuri Ushakov}',
          'claims:',
          '  - text: the talks were useful',
          '    type: paraphrase',
          '    source: Kremlin',
          '  - text: they were ready to talk',
          '    type: paraphrase',
          '    source: [ushakov, "😀😀"]',
          '',
        ].join('\n'),
      );
      assert.deepEqual(reported(analysis), [
        { code: 'unknown-entity', message: "No entity has the id 'Kremlin'. Did you mean 'kremlin'?", text: 'Kremlin' },
        {
          code: 'unknown-entity',
          message: "No entity has the id '😀😀'. Entity ids are lowercase letters, digits, '-' and '_', starting with a letter or digit.",
          text: '"😀😀"',
        },
      ]);
    });

    it('reports a claim type written as a number once, as an unknown type', () => {
      const analysis = analyzeYaml('version: 1\nclaims:\n  - text: the talks were useful\n    type: 42\n');
      assert.deepEqual(
        reported(analysis).map(({ code, text }) => `${code} ${text}`),
        ['unknown-claim-type 42'],
      );
    });

    it('leaves an empty source to the schema, which says it is empty, not that no entity has the id ""', () => {
      const analysis = analyzeYaml('version: 1\nclaims:\n  - text: the talks were useful\n    type: paraphrase\n    source: [""]\n');
      assert.deepEqual(
        reported(analysis).filter(({ code }) => code !== 'unattributed-claim').map(({ code }) => code),
        ['invalid-annotation'],
      );
    });
  });

  describe('in words an editor understands', () => {
    it('names an empty alias, an empty reason for anonymity, a malformed source of a list and an empty list of sources', () => {
      const analysis = analyzeYaml(
        [
          'version: 1',
          'entities:',
          '  witkoff: {name: Steve Witkoff, aliases: [""]}',
          '  ushakov: {name: Yuri Ushakov, anonymous: true, anonymity: ""}',
          'claims:',
          '  - text: they were ready to talk',
          '    type: paraphrase',
          '    source: [ushakov, {name: Ushakov}]',
          '  - text: the talks were useful',
          '    type: paraphrase',
          '    source: []',
          '  - text: met Steve Witkoff in Moscow',
          '    type: fact',
          '    source: [""]',
          '    evidence: [Kremlin readout, {url: x}]',
          '',
        ].join('\n'),
      );
      assert.deepEqual(
        reported(analysis).filter(({ code }) => code === 'invalid-annotation'),
        [
          { code: 'invalid-annotation', message: "Alias 1 of entity 'witkoff' is empty: write another name the draft uses, or remove it", text: '""' },
          { code: 'invalid-annotation', message: "`anonymity` of entity 'ushakov' is empty: say why anonymity was granted", text: '""' },
          { code: 'invalid-annotation', message: 'Source 2 of claim 1 must be an entity id', text: '{name: Ushakov}' },
          { code: 'invalid-annotation', message: '`source` of claim 2 is an empty list: name at least one source or remove it', text: 'source' },
          { code: 'invalid-annotation', message: 'Source 1 of claim 3 is empty', text: '""' },
          { code: 'invalid-annotation', message: 'Item 2 of `evidence` of claim 3 must be text', text: '{url: x}' },
        ],
      );
    });

    it('names an item of acceptsBasis by its claim type, an occurrence of 0 and an empty article path', () => {
      const analysis = analyzeYaml(
        [
          'version: 1',
          'article: ""',
          'claimTypes:',
          '  eyewitness: {label: Eyewitness account, acceptsBasis: [observd]}',
          'claims:',
          '  - text: the talks were useful',
          '    occurrence: 0',
          '    type: eyewitness',
          '    basis: observed',
          '',
        ].join('\n'),
      );
      assert.deepEqual(
        reported(analysis)
          .filter(({ code }) => code === 'invalid-annotation')
          .map(({ message }) => message)
          .sort(),
        [
          "Item 1 of `acceptsBasis` of claim type 'eyewitness' must be one of: common-knowledge, observed, public-record, document. Did you mean 'observed'?",
          '`article:` is empty: give the path of the draft (a .txt or .md file), relative to this file',
          '`occurrence` of claim 1 must be 1 or more (1 is the first match)',
        ],
      );
    });
  });

  describe('after a syntax error', () => {
    it('reports a value with an unquoted ": " as the syntax error alone, and still checks the claims around it', () => {
      const yaml = [
        'version: 1',
        'entities:',
        '  ushakov: {name: Yuri Ushakov}',
        'claims:',
        '  - text: Vladimir Putin met Steve Witkoff',
        '    type: fact',
        '    source: ushakv',
        '  - text: Ushakov said: they were ready to talk',
        '    type: paraphrase',
        '    source: ushakov',
        '  - text: the talks were useful',
        '    type: opinon',
        '    source: ushakov',
        '',
      ].join('\n');
      const analysis = analyzeYaml(yaml);
      assert.deepEqual(
        reported(analysis).map(({ code, text }) => `${code} ${text}`),
        ['yaml-syntax Ushakov', 'unknown-entity ushakv', 'unknown-claim-type opinon'],
      );
      assert.equal(analysis.annotations.claims[1].overlapsSyntaxError, true);
    });

    it('makes no unused entity of the rest of the file swallowed by a quotation never closed', () => {
      const yaml = 'version: 1\nentities:\n  palace: {name: Kremlin Palace}\n  putin:\n    name: "Vladimir Putin\nclaims: []\n';
      const analysis = analyzeYaml(yaml);
      assert.deepEqual(
        reported(analysis).map(({ code, message }) => `${code} ${message}`),
        ['yaml-syntax YAML syntax: Missing closing "quote', "unused-entity 'Kremlin Palace' is never mentioned in the draft and sources no claim"],
      );
    });

    it('reads an entity written twice as the last copy only: the first is not reported unused', () => {
      const yaml = 'version: 1\nentities:\n  kremlin:\n    name: Kremlin\n  kremlin:\n    name: Kremlin Palace\nclaims: []\n';
      const analysis = analyzeYaml(yaml);
      const second = yaml.lastIndexOf('kremlin');
      assert.deepEqual(
        analysis.findings.map(({ code, message, range }) => `${code} ${range.start === second ? 'second' : range.start} ${message}`),
        [
          "invalid-annotation second Duplicate key 'kremlin': only the last one counts",
          "unused-entity second 'Kremlin Palace' is never mentioned in the draft and sources no claim",
        ],
      );
      assert.deepEqual(
        analysis.annotations.entities.map((entity) => entity.name),
        ['Kremlin Palace'],
      );
    });
  });
});
