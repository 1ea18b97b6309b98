// Parsing annotation files: every problem is a finding at the node it is about, and the rest is still read.
import { strict as assert } from 'assert';
import { analyze } from '../../src/core/analyze';
import { parseAnnotationFile } from '../../src/core/parse';

function parse(text: string) {
  const parsed = parseAnnotationFile('/project/annotations/a.yaml', text);
  const at = (code: string) =>
    parsed.findings.filter((f) => f.code === code).map((f) => ({ text: text.slice(f.range.start, f.range.end), message: f.message }));
  return { parsed, at };
}

describe('parsing an annotation file', () => {
  it('reads entities, claims and claim types with where each was written', () => {
    const text = [
      'version: 1',
      'article: ../articles/a.txt',
      'entities:',
      '  putin:',
      '    name: Vladimir Putin',
      '    type: person',
      '    aliases: [Putin]',
      '    mentions:',
      '      - text: the Russian leader',
      'claims:',
      '  - text: discussed the potential',
      '    type: paraphrase',
      '    source: [putin, kremlin]',
      '    evidence: "Kremlin readout"',
      'claimTypes:',
      '  rumour: { label: Rumour, requiresSource: false, acceptsBasis: [observed] }',
      '',
    ].join('\n');
    const { parsed } = parse(text);
    assert.deepEqual(parsed.findings, []);
    assert.equal(parsed.article?.path, '../articles/a.txt');
    const [putin] = parsed.entities;
    assert.equal(putin.name, 'Vladimir Putin');
    assert.deepEqual(putin.aliases, ['Putin']);
    assert.equal(text.slice(putin.keyLocation.range.start, putin.keyLocation.range.end), 'putin');
    assert.equal(putin.mentions[0].text, 'the Russian leader');
    const [claim] = parsed.claims;
    assert.equal(claim.id, 'c1');
    assert.deepEqual(claim.sources.map((s) => text.slice(s.location.range.start, s.location.range.end)), ['putin', 'kremlin']);
    assert.deepEqual(claim.evidence, ['Kremlin readout']);
    assert.deepEqual(parsed.claimTypes, [{ id: 'rumour', label: 'Rumour', requiresSource: false, acceptedBases: ['observed'], builtIn: false }]);
  });

  it('reports a syntax error at its position and still reads what comes before it', () => {
    const text = 'version: 1\nentities:\n  kyiv:\n    name: Kyiv\nclaims:\n  - text: "unterminated\n    type: fact\n';
    const { parsed, at } = parse(text);
    const syntax = at('yaml-syntax');
    assert.equal(syntax.length, 1);
    assert.match(syntax[0].message, /^YAML syntax: /);
    assert.equal(parsed.entities[0].name, 'Kyiv');
  });

  it('reports duplicate entity keys as invalid, at the second key', () => {
    const text = 'version: 1\nentities:\n  kyiv:\n    name: Kyiv\n  kyiv:\n    name: Kiev\n';
    const { at } = parse(text);
    assert.deepEqual(at('invalid-annotation'), [{ text: 'kyiv', message: "Duplicate key 'kyiv': only the last one counts" }]);
    // A quoted key with a colon in it: the key as written, not the line up to its first colon.
    const quoted = parse('version: 1\nclaimTypes:\n  "a:b":\n    label: A\n  "a:b":\n    label: B\n');
    const duplicate = quoted.at('invalid-annotation').filter((finding) => finding.message.startsWith('Duplicate'));
    assert.deepEqual(duplicate, [{ text: '"a:b"', message: 'Duplicate key \'"a:b"\': only the last one counts' }]);
  });

  it('reads the last of a key written twice, as its finding says', () => {
    const { parsed } = parse('version: 1\nclaims:\n  - text: the bridge opens\n    type: fact\n    type: opinion\n');
    assert.equal(parsed.claims[0].type, 'opinion');
  });

  it('places schema errors at the offending node, in words an editor understands', () => {
    const text = [
      'version: 1',
      'entities:',
      '  Bad_Id:',
      '    name: X',
      '  trump:',
      '    name: Donald Trump',
      '    wikidata: 22686',
      '    url: ftp://example.com',
      '    type: persn',
      '  nameless:',
      '    type: person',
      'claims:',
      '  - text: something',
      '    type: fact',
      '    sorce: trump',
      '  - type: fact',
      '',
    ].join('\n');
    const messages = parse(text).at('invalid-annotation');
    const byText = new Map(messages.map((m) => [m.text, m.message]));
    assert.match(byText.get('Bad_Id') ?? '', /not a valid id/);
    assert.match(byText.get('22686') ?? '', /must be text|not a Wikidata id/);
    assert.match(byText.get('ftp://example.com') ?? '', /not an http or https address/);
    assert.match(byText.get('persn') ?? '', /must be one of: person, .*Did you mean 'person'\?/);
    assert.match(byText.get('nameless') ?? '', /Entity 'nameless' needs `name`/);
    assert.match(byText.get('sorce') ?? '', /Unknown field `sorce` in claim 1: did you mean `source`\?/);
    assert.ok(messages.some((m) => /Claim 2 needs `text`/.test(m.message) && m.text.startsWith('type: fact')));
  });

  it('rejects a version other than 1 at the version', () => {
    const { at } = parse('version: 2\nclaims: []\n');
    assert.deepEqual(at('invalid-annotation'), [{ text: '2', message: 'Unsupported version 2: this extension reads version 1' }]);
  });

  it('says a file without version needs one', () => {
    const { at } = parse('claims: []\n');
    assert.match(at('invalid-annotation')[0].message, /needs `version`/);
  });

  it('reports an empty file and a file that is not a mapping, without throwing', () => {
    assert.match(parse('').at('invalid-annotation')[0].message, /empty/);
    assert.match(parse('# only a comment\n').at('invalid-annotation')[0].message, /empty/);
    assert.match(parse('- a\n- b\n').at('invalid-annotation')[0].message, /mapping/);
  });

  it('reports duplicate claim ids at the id written again, including a clash with a default id', () => {
    const text = 'version: 1\nclaims:\n  - {id: a, text: x, type: fact}\n  - {id: a, text: y, type: fact}\n  - {text: z, type: fact}\n  - {id: c3, text: w, type: fact}\n';
    assert.deepEqual(parse(text).at('invalid-annotation'), [
      { text: 'a', message: "Duplicate claim id 'a': claim 1 already has it" },
      { text: 'c3', message: "Duplicate claim id 'c3': it is the default id of claim 3" },
    ]);
    const block = parse('version: 1\nclaims:\n  - text: the bridge opens\n    type: fact\n    id: bridge\n  - text: the bridge closes\n    type: fact\n    id: bridge\n');
    const [duplicate] = block.parsed.findings;
    assert.equal(duplicate.range.start, block.parsed.text.lastIndexOf('bridge\n'));
    assert.deepEqual(block.at('invalid-annotation'), [{ text: 'bridge', message: "Duplicate claim id 'bridge': claim 1 already has it" }]);
    // A default id is written nowhere: the claim that has it is underlined at its first line.
    const byDefault = parse('version: 1\nclaims:\n  - id: c2\n    text: the bridge opens\n    type: fact\n  - text: the bridge closes\n    type: fact\n');
    assert.deepEqual(byDefault.at('invalid-annotation'), [{ text: 'text: the bridge closes', message: "Duplicate claim id 'c2': claim 1 already has it" }]);
  });

  it('survives an alias bomb with a finding instead of hanging', () => {
    const lines = ['version: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const { parsed } = parse(lines.join('\n') + '\n');
    assert.ok(Date.now() - started < 2000);
    assert.ok(parsed.findings.some((f) => f.code === 'invalid-annotation'));
  });

  it('reads claims whose fields have the wrong type as far as it can', () => {
    const text = 'version: 1\nclaims:\n  - text: [not, text]\n    type: fact\n  - text: fine words\n    type: 42\n';
    const { parsed, at } = parse(text);
    assert.equal(parsed.claims.length, 2);
    assert.equal(parsed.claims[0].selector, undefined);
    assert.equal(parsed.claims[1].selector?.text, 'fine words');
    // `type: 42` is read as the type "42": the analysis reports it once, as an unknown-claim-type.
    assert.deepEqual(at('invalid-annotation'), [{ text: 'text', message: '`text` of claim 1 must be text' }]);
  });

  it('ignores an occurrence below 1 and a selector of blank words, and says so in a schema finding', () => {
    const text = [
      'version: 1',
      'entities:',
      '  ruiz: {name: Mayor Ruiz, type: person, aliases: [Ruiz]}',
      'claims:',
      '  - text: the bridge is safe',
      '    occurrence: 0',
      '    type: fact',
      '    source: ruiz',
      '  - text: "   "',
      '    type: fact',
      '    source: ruiz',
      '',
    ].join('\n');
    const { parsed, at } = parse(text);
    assert.equal(parsed.claims[0].selector?.occurrence, undefined);
    assert.equal(parsed.claims[1].selector, undefined);
    assert.deepEqual(at('invalid-annotation'), [
      { text: '0', message: '`occurrence` of claim 1 must be 1 or more (1 is the first match)' },
      { text: '"   "', message: '`text` of claim 2: the text is empty: write the words of the draft' },
    ]);
    // Read without its occurrence, the first claim is ambiguous between its two places, and at the first.
    const draft = 'Mayor Ruiz said the bridge is safe. Later Ruiz said the bridge is safe again.';
    const analysis = analyze({ draft: { path: '/project/articles/a.txt', text: draft }, annotations: parsed });
    assert.deepEqual(analysis.claims[0].range, { start: draft.indexOf('the bridge'), end: draft.indexOf('. Later') });
    assert.equal(analysis.claims[1].range, undefined);
    assert.deepEqual(analysis.findings.map((finding) => finding.code), ['invalid-annotation', 'invalid-annotation', 'span-ambiguous']);
  });
});
