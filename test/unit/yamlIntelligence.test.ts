// Intelligence in the annotation files: what is at an offset (also while the YAML is half typed),
// completion, go to definition, references, rename and hovers, on real YAML text and on the sample.
import { strict as assert } from 'assert';
import * as path from 'path';
import type { Analysis } from '../../src/core/analysis';
import { analyze } from '../../src/core/analyze';
import { applyEdits, type TextEdit } from '../../src/core/edits';
import { textHash } from '../../src/core/fixes';
import { escapeMarkdown } from '../../src/core/markdown';
import { parseAnnotationFile } from '../../src/core/parse';
import { AnnotationProject } from '../../src/core/project';
import { nodeFileHost } from '../../src/cli/nodeFileHost';
import { completionContextAt, yamlContextAt, type YamlContext } from '../../src/core/yamlContext';
import { yamlCompletions, type YamlCompletions } from '../../src/core/yamlCompletion';
import { yamlHoverAt } from '../../src/core/yamlHover';
import {
  entityReferences,
  prepareEntityRename,
  renameEntity,
  yamlDefinition,
  type TextLocation,
} from '../../src/core/yamlNavigation';
import { analyzeDraftFile, fixture, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT } from './helpers';

const FILE = '/project/annotations/a.yaml';

/** Text with the cursor written as `|`: the text without it, and the cursor's offset. */
function cursor(withCursor: string): { text: string; offset: number } {
  const offset = withCursor.indexOf('|');
  assert.notEqual(offset, -1, 'the text has no | cursor');
  return { text: withCursor.slice(0, offset) + withCursor.slice(offset + 1), offset };
}

/** The context at the cursor, as the navigation features read it (no probe) and with its text. */
function contextAt(withCursor: string): (YamlContext & { text: string }) | undefined {
  const { text, offset } = cursor(withCursor);
  const context = yamlContextAt(parseAnnotationFile(FILE, text).document, offset);
  return context && { ...context, text: text.slice(context.range.start, context.range.end) };
}

function typingContextAt(withCursor: string): (YamlContext & { text: string }) | undefined {
  const { text, offset } = cursor(withCursor);
  const context = completionContextAt(text, offset);
  return context && { ...context, text: text.slice(context.range.start, context.range.end) };
}

/** Offset of `needle` in `text` (the nth occurrence), `into` characters into it. */
function offsetOf(text: string, needle: string, into = 0, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `"${needle}" (${nth}) is not in the text`);
  }
  return at + into;
}

function slice(location: TextLocation): string {
  return location.text.slice(location.range.start, location.range.end);
}

function targetsOf(analysis: Analysis, file: string, offset: number, world: readonly Analysis[] = []): readonly TextLocation[] {
  return yamlDefinition(analysis, file, offset, world)?.targets ?? [];
}

function describeLocation(location: TextLocation): string {
  return `${path.basename(location.file)}:${slice(location)}`;
}

/** The files a rename edits, by name. */
function editedFiles(edits: readonly TextEdit[]): string[] {
  return [...new Set(edits.map((edit) => path.basename(edit.file)))].sort();
}

/** One file's text after a rename's edits. */
function renamedText(edits: readonly TextEdit[], file: string, text: string): string {
  return applyEdits(text, edits.filter((edit) => edit.file === file));
}

const CLAIMS = [
  'version: 1',
  'entities:',
  '  putin:',
  '    name: Vladimir Putin',
  '    type: person',
  '    mentions:',
  '      - text: the Russian leader',
  'claims:',
  '  - text: discussed the potential',
  '    type: paraphrase',
  '    source: putin',
  '    status: verified',
  '  - text: very close to a deal',
  '    source: [putin, kremlin]',
  '    basis: observed',
  '',
].join('\n');

function withCursorAt(text: string, needle: string, into = 0): string {
  const at = offsetOf(text, needle, into);
  return `${text.slice(0, at)}|${text.slice(at)}`;
}

describe('what is at an offset of an annotation file', () => {
  it('tells the entity key, the source ids (single, in a list) and the value fields of a claim', () => {
    assert.deepEqual(pick(contextAt(withCursorAt(CLAIMS, 'putin:', 2))), { kind: 'entity-key', text: 'putin' });
    assert.deepEqual(pick(contextAt(withCursorAt(CLAIMS, 'source: putin', 10))), { kind: 'source', text: 'putin', claimIndex: 0 });
    const inList = contextAt(withCursorAt(CLAIMS, 'kremlin]', 3));
    assert.deepEqual(pick(inList), { kind: 'source', text: 'kremlin', claimIndex: 1 });
    assert.deepEqual(inList?.kind === 'source' && inList.siblings, ['putin']);
    assert.deepEqual(pick(contextAt(withCursorAt(CLAIMS, 'paraphrase'))), { kind: 'claim-type', text: 'paraphrase', claimIndex: 0 });
    assert.deepEqual(pick(contextAt(withCursorAt(CLAIMS, 'verified', 8))), { kind: 'status', text: 'verified', claimIndex: 0 });
    assert.deepEqual(pick(contextAt(withCursorAt(CLAIMS, 'observed', 1))), { kind: 'basis', text: 'observed', claimIndex: 1 });
    assert.deepEqual(pick(contextAt(withCursorAt(CLAIMS, 'person'))), { kind: 'entity-type', text: 'person' });
  });

  it('tells a claim\'s `text:` from a mention\'s', () => {
    const claim = contextAt(withCursorAt(CLAIMS, 'very close', 3));
    assert.deepEqual(claim?.kind === 'span-text' && claim.owner, { claimIndex: 1 });
    assert.equal(claim?.text, 'very close to a deal');
    const mention = contextAt(withCursorAt(CLAIMS, 'the Russian leader', 4));
    assert.deepEqual(mention?.kind === 'span-text' && mention.owner, { entityId: 'putin', mentionIndex: 0 });
  });

  it('tells field names, with the fields their mapping already has', () => {
    const field = contextAt(withCursorAt(CLAIMS, 'status:', 2));
    assert.deepEqual(pick(field), { kind: 'field', text: 'status' });
    assert.deepEqual(field?.kind === 'field' && [field.owner, field.present], ['claim', ['text', 'type', 'source']]);
  });

  it('finds nothing meaningful in free text, comments and names', () => {
    assert.equal(contextAt(withCursorAt(CLAIMS, 'Vladimir', 2)), undefined);
    assert.equal(contextAt('# a comment | here\nversion: 1\n'), undefined);
  });

  describe('while the YAML is being typed', () => {
    const claimStart = 'version: 1\nclaims:\n  - text: foo\n    type: fact\n';

    it('an empty `source: ` at the end of the file, or before the next claim', () => {
      assert.deepEqual(pick(typingContextAt(`${claimStart}    source: |`)), { kind: 'source', text: '', claimIndex: 0 });
      assert.deepEqual(pick(typingContextAt(`${claimStart}    source: |\n  - text: bar\n    type: fact\n`)), { kind: 'source', text: '', claimIndex: 0 });
      assert.deepEqual(pick(typingContextAt(`${claimStart}    source: tr|`)), { kind: 'source', text: 'tr', claimIndex: 0 });
    });

    it('a new `- ` item of a source list, and a new item of a flow list', () => {
      const block = typingContextAt(`${claimStart}    source:\n      - putin\n      - |\n`);
      assert.deepEqual(pick(block), { kind: 'source', text: '', claimIndex: 0 });
      assert.deepEqual(block?.kind === 'source' && block.siblings, ['putin']);
      const flow = typingContextAt(`${claimStart}    source: [putin, |\n`);
      assert.deepEqual(pick(flow), { kind: 'source', text: '', claimIndex: 0 });
      assert.deepEqual(flow?.kind === 'source' && flow.siblings, ['putin']);
      assert.deepEqual(pick(typingContextAt(`${claimStart}    source: [putin, k|]\n`)), { kind: 'source', text: 'k', claimIndex: 0 });
      assert.deepEqual(pick(typingContextAt(`${claimStart}    source: [|\n`)), { kind: 'source', text: '', claimIndex: 0 });
      assert.deepEqual(pick(typingContextAt(`${claimStart}    source: [putin,|]\n`)), { kind: 'source', text: '', claimIndex: 0 });
      assert.deepEqual(pick(typingContextAt(`${claimStart}    source: "tr|"\n`)), { kind: 'source', text: '"tr"', claimIndex: 0 });
    });

    it('an empty `type: ` followed by more claims', () => {
      const text = 'version: 1\nclaims:\n  - text: foo\n    type: |\n  - text: bar\n    type: fact\n';
      assert.deepEqual(pick(typingContextAt(text)), { kind: 'claim-type', text: '', claimIndex: 0 });
      const entityType = 'version: 1\nentities:\n  kyiv:\n    name: Kyiv\n    type: pl|\nclaims: []\n';
      assert.deepEqual(pick(typingContextAt(entityType)), { kind: 'entity-type', text: 'pl' });
    });

    it('with a syntax error elsewhere in the file', () => {
      const unclosedList = 'version: 1\nentities:\n  a:\n    name: A\n    aliases: [A, B\nclaims:\n  - text: x\n    source: |\n';
      assert.deepEqual(pick(typingContextAt(unclosedList)), { kind: 'source', text: '', claimIndex: 0 });
      const tab = 'version: 1\nentities:\n  a:\n\tname: A\nclaims:\n  - text: x\n    status: dis|\n';
      assert.deepEqual(pick(typingContextAt(tab)), { kind: 'status', text: 'dis', claimIndex: 0 });
      const badValueLater = `${claimStart}    source: |\n  - text: "never closed\n`;
      assert.deepEqual(pick(typingContextAt(badValueLater)), { kind: 'source', text: '', claimIndex: 0 });
    });

    it('a field name on a new line of a claim, of an entity and of a mention, and at the top', () => {
      const claim = typingContextAt(`${claimStart}    |\n  - text: bar\n`);
      assert.deepEqual(claim?.kind === 'field' && [claim.owner, claim.present, claim.text], ['claim', ['text', 'type'], '']);
      const partial = typingContextAt(`${claimStart}    so|\n`);
      assert.deepEqual(partial?.kind === 'field' && [partial.owner, partial.text], ['claim', 'so']);
      const entity = typingContextAt('version: 1\nentities:\n  kyiv:\n    |\n');
      assert.deepEqual(entity?.kind === 'field' && [entity.owner, entity.present], ['entity', []]);
      const mention = typingContextAt('version: 1\nentities:\n  kyiv:\n    name: Kyiv\n    mentions:\n      - te|\n');
      assert.deepEqual(mention?.kind === 'field' && mention.owner, 'span');
      const top = typingContextAt('version: 1\ncl|\n');
      assert.deepEqual(top?.kind === 'field' && [top.owner, top.present], ['top', ['version']]);
      const newClaim = typingContextAt(`${claimStart}  - |\n`);
      assert.deepEqual(newClaim?.kind === 'field' && [newClaim.owner, newClaim.present], ['claim', []]);
    });

    it('nothing right after a colon, nor inside a description', () => {
      assert.equal(typingContextAt(`${claimStart}    source:|`), undefined);
      assert.equal(typingContextAt('version: 1\nentities:\n  kyiv:\n    description: the cap|ital\n'), undefined);
    });
  });
});

/** The fields of a context that the tests compare. */
function pick(context: (YamlContext & { text: string }) | undefined): Record<string, unknown> | undefined {
  if (!context) return undefined;
  const picked: Record<string, unknown> = { kind: context.kind, text: context.text };
  if ('claimIndex' in context) picked.claimIndex = context.claimIndex;
  return picked;
}

describe('completion in an annotation file', () => {
  let sample: Analysis;
  before(async () => {
    sample = await analyzeDraftFile(SAMPLE_DRAFT);
  });

  /** Completions at `needle` of the sample's YAML, after replacing it with `replacement` (which holds the cursor). */
  function inSample(needle: string, replacement: string): { completions: YamlCompletions | undefined; text: string } {
    const original = sample.annotations.text;
    const at = offsetOf(original, needle);
    const { text, offset } = cursor(original.slice(0, at) + replacement + original.slice(at + needle.length));
    return { completions: yamlCompletions(text, offset, sample), text };
  }

  it('offers every entity id after `source: `, with its name, type and description', () => {
    const { completions } = inSample('    source: kremlin\n    status: verified', '    source: |\n    status: verified');
    assert.ok(completions);
    const putin = completions.items.find((item) => item.label === 'putin');
    assert.equal(putin?.detail, 'Vladimir Putin');
    assert.match(putin?.description ?? '', /^person/);
    assert.match(putin?.documentation ?? '', /President of Russia/);
    assert.equal(completions.items.length, sample.entities.size);
    const anonymous = completions.items.find((item) => item.label === 'unnamed-reports');
    assert.match(anonymous?.description ?? '', /anonymous/);
  });

  it('puts the entities named near the claim first', () => {
    const { completions } = inSample('    source: kremlin\n    status: verified', '    source: |\n    status: verified');
    const sorted = [...(completions?.items ?? [])].sort((a, b) => a.sortText.localeCompare(b.sortText));
    // "Russian President Vladimir Putin ... with US envoy Steve Witkoff, ... the Kremlin said.": Putin
    // and Witkoff are in the claim's words (what it is about), the Kremlin, which said it, outside.
    assert.deepEqual(sorted.slice(0, 2).map((item) => item.label).sort(), ['kremlin', 'moscow']);
    assert.ok(sorted.slice(2, 4).every((item) => ['putin', 'witkoff'].includes(item.label)), sorted.slice(0, 5).map((item) => item.label).join(' '));
    assert.match(sorted[0].description ?? '', /named near the claim/);
  });

  it('replaces what was typed of the id, and leaves out the ids already in the list', () => {
    const { completions, text } = inSample('source: [zelensky, trump]', 'source: [zelensky, tr|]');
    assert.ok(completions);
    assert.equal(text.slice(completions.range.start, completions.range.end), 'tr');
    const labels = completions.items.map((item) => item.label);
    assert.ok(labels.includes('trump'));
    assert.ok(!labels.includes('zelensky'));
  });

  it('replaces only the id inside quotes', () => {
    const { completions, text } = inSample('source: kremlin', 'source: "kre|"');
    assert.equal(text.slice(completions!.range.start, completions!.range.end), 'kre');
    assert.equal(text[completions!.range.start - 1], '"');
  });

  it('offers the built-in claim types and the declared ones, with their labels and rules', () => {
    const { completions } = inSample('    type: paraphrase\n    source: kremlin', '    type: |\n    source: kremlin');
    const labels = completions?.items.map((item) => item.label) ?? [];
    for (const id of ['direct-quote', 'paraphrase', 'fact', 'statistic', 'allegation', 'opinion', 'prediction', 'no-comment']) {
      assert.ok(labels.includes(id), id);
    }
    const noComment = completions?.items.find((item) => item.label === 'no-comment');
    assert.equal(noComment?.detail, 'No comment / no response');
    assert.equal(noComment?.description, 'declared in claimTypes');
    assert.match(noComment?.documentation ?? '', /Needs no source; accepts a basis instead/);
    const fact = completions?.items.find((item) => item.label === 'fact');
    assert.equal(fact?.detail, 'Fact');
  });

  it('offers the bases, those the claim type accepts first', () => {
    const text = 'version: 1\nclaims:\n  - text: foo\n    type: statistic\n    basis: |\n';
    const { text: plain, offset } = cursor(text);
    const analysis = analyze({ annotations: parseAnnotationFile(FILE, plain) });
    const completions = yamlCompletions(plain, offset, analysis);
    const sorted = [...(completions?.items ?? [])].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepEqual(sorted.map((item) => item.label), ['public-record', 'document', 'common-knowledge', 'observed']);
    assert.equal(sorted[3].description, 'not accepted by statistic');
  });

  it('offers statuses and entity types with what they mean', () => {
    const { completions: statuses } = inSample('    status: verified', '    status: |');
    assert.deepEqual(statuses?.items.map((item) => item.label), ['unverified', 'verified', 'disputed', 'false', 'misleading']);
    const { completions: types } = inSample('    type: organization', '    type: org|');
    assert.deepEqual(types?.items.map((item) => item.label), ['person', 'organization', 'place', 'event', 'work', 'group', 'other']);
    assert.ok(types?.items.every((item) => item.detail));
  });

  it('offers the field names a claim does not have yet, from the schema', () => {
    const text = 'version: 1\nclaims:\n  - text: foo\n    type: fact\n    |\n';
    const { text: plain, offset } = cursor(text);
    const completions = yamlCompletions(plain, offset, undefined);
    const labels = completions?.items.map((item) => item.label) ?? [];
    assert.ok(labels.includes('source') && labels.includes('basis') && labels.includes('status'));
    assert.ok(!labels.includes('text') && !labels.includes('type'));
    const source = completions?.items.find((item) => item.label === 'source');
    assert.equal(source?.insertText, 'source: ');
    assert.equal(source?.suggestAgain, true);
    assert.match(source?.documentation ?? '', /Who makes the claim/);
    const renamed = yamlCompletions('version: 1\nclaims:\n  - text: foo\n    sou: x\n', 'version: 1\nclaims:\n  - text: foo\n    sou'.length, undefined);
    assert.equal(renamed?.items.find((item) => item.label === 'source')?.insertText, 'source', 'the colon is already there');
  });

  it('offers registry entities in an article that uses the registry', async () => {
    const bridge = await analyzeDraftFile(fixture('registry', 'articles', 'bridge.txt'));
    const { text, offset } = cursor(bridge.annotations.text.replace('source: ruiz', 'source: |'));
    const completions = yamlCompletions(text, offset, bridge);
    const ruiz = completions?.items.find((item) => item.label === 'ruiz');
    assert.equal(ruiz?.detail, 'Ana Ruiz');
    assert.match(ruiz?.documentation ?? '', /shared registry/);
    assert.equal(completions?.items.find((item) => item.label === 'council')?.detail, 'Harbour Town Council', "the article's own council wins");
  });

  it('offers nothing in free text', () => {
    const { completions } = inSample('    note: CBS News aired', '    note: CBS |News aired');
    assert.equal(completions, undefined);
  });
});

describe('navigation in an annotation file', () => {
  let sample: Analysis;
  let bridge: Analysis;
  let ferry: Analysis;
  let registryOnly: Analysis;
  const REGISTRY = fixture('registry', 'annotations', 'entities.yaml');
  const BRIDGE_YAML = fixture('registry', 'annotations', 'bridge.yaml');

  before(async () => {
    sample = await analyzeDraftFile(SAMPLE_DRAFT);
    bridge = await analyzeDraftFile(fixture('registry', 'articles', 'bridge.txt'));
    ferry = await analyzeDraftFile(fixture('registry', 'articles', 'ferry.txt'));
    [registryOnly] = await new AnnotationProject(nodeFileHost).analyzeAnnotationFile(REGISTRY);
  });

  const yaml = (): string => sample.annotations.text;

  describe('go to definition', () => {
    it('goes from a source id to the entity in the same file', () => {
      const definition = yamlDefinition(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'source: kremlin', 9));
      assert.equal(yaml().slice(definition!.origin.start, definition!.origin.end), 'kremlin');
      const [target] = definition!.targets;
      assert.equal(target.file, SAMPLE_ANNOTATIONS);
      assert.equal(slice(target), 'kremlin');
      assert.equal(target.range.start, sample.entities.get('kremlin')!.keyLocation.range.start);
    });

    it('goes from an id in a source list, and from a registry id to the registry', () => {
      const [trump] = targetsOf(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'source: [zelensky, trump]', 20));
      assert.equal(trump.range.start, sample.entities.get('trump')!.keyLocation.range.start);
      const [ruiz] = targetsOf(bridge, BRIDGE_YAML, offsetOf(bridge.annotations.text, 'source: ruiz', 8));
      assert.equal(ruiz.file, REGISTRY);
      assert.equal(slice(ruiz), 'ruiz');
    });

    it('goes nowhere from an unknown id', () => {
      const ferryYaml = fixture('registry', 'annotations', 'ferry.yaml');
      assert.deepEqual(targetsOf(ferry, ferryYaml, offsetOf(ferry.annotations.text, 'harbor-board')), []);
    });

    it("goes from a claim's `text:` to where it anchored in the draft", () => {
      const definition = yamlDefinition(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'text: very close to a deal', 8));
      assert.equal(yaml().slice(definition!.origin.start, definition!.origin.end), 'very close to a deal');
      const [target] = definition!.targets;
      assert.equal(target.file, SAMPLE_DRAFT);
      assert.equal(slice(target), 'very close to a deal');
      const [curly] = targetsOf(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), `text: Putin's talks`, 8));
      assert.equal(slice(curly), 'Putin’s talks with Witkoff as "constructive,"', 'typed with a straight apostrophe, anchored on the curly one');
    });

    it("goes from an explicit mention's `text:` to the draft, and from a registry mention to each article's draft", () => {
      const [leader] = targetsOf(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'text: The Ukrainian leader', 8));
      assert.equal(slice(leader), 'The Ukrainian leader');
      const registryText = registryOnly.annotations.text;
      const targets = targetsOf(registryOnly, REGISTRY, offsetOf(registryText, 'the board', 2), [bridge, ferry]);
      assert.deepEqual(targets.map(describeLocation), ['ferry.txt:the board']);
    });

    it('goes nowhere from a span that is not in the draft', () => {
      const ferryYaml = fixture('registry', 'annotations', 'ferry.yaml');
      // "The ferry will stop in June" is in the draft; make it a span that isn't, not even approximately.
      const text = ferry.annotations.text.replace('The ferry will stop in June', 'Trams run at midnight on Sundays');
      const analysis = analyze({ draft: ferry.draft, annotations: parseAnnotationFile(ferryYaml, text), registry: ferry.registry });
      assert.deepEqual(targetsOf(analysis, ferryYaml, offsetOf(text, 'midnight')), []);
      assert.equal(yamlDefinition(analysis, ferryYaml, offsetOf(text, 'paraphrase')), undefined, 'a claim type leads nowhere');
    });
  });

  describe('find all references', () => {
    it('lists the key, every `source` naming the entity and every mention in the draft', () => {
      const fromKey = entityReferences(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), '  zelensky:', 3));
      assert.ok(fromKey);
      const inYaml = fromKey.filter((location) => location.file === SAMPLE_ANNOTATIONS).map(slice);
      const zelenskySources = sample.annotations.claims.filter((claim) => claim.sources.some((source) => source.id === 'zelensky')).length;
      assert.equal(inYaml.length, 1 + zelenskySources);
      assert.ok(inYaml.every((text) => text === 'zelensky'));
      const inDraft = fromKey.filter((location) => location.file === SAMPLE_DRAFT).map(slice);
      assert.deepEqual(inDraft, sample.mentions.filter((m) => m.entityId === 'zelensky').map((m) => sample.draft!.text.slice(m.range.start, m.range.end)));
      assert.ok(inDraft.includes('The Ukrainian leader'), 'explicit mentions too');
      const fromSource = entityReferences(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'source: [zelensky, trump]', 10));
      assert.deepEqual(fromSource?.map(describeLocation).sort(), fromKey.map(describeLocation).sort());
    });

    it('leaves out the declaration when asked to', () => {
      const all = entityReferences(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'source: kremlin', 9))!;
      const withoutKey = entityReferences(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'source: kremlin', 9), [], false)!;
      assert.equal(withoutKey.length, all.length - 1);
    });

    it("finds a registry entity's uses in every article that sees it, not where an article's own entity hides it", () => {
      const registryText = registryOnly.annotations.text;
      const ruiz = entityReferences(registryOnly, REGISTRY, offsetOf(registryText, 'ruiz:'), [bridge, ferry]);
      assert.deepEqual(ruiz?.map(describeLocation), ['entities.yaml:ruiz', 'bridge.yaml:ruiz', 'bridge.txt:Ana Ruiz']);
      const council = entityReferences(registryOnly, REGISTRY, offsetOf(registryText, 'council:'), [bridge, ferry]);
      assert.deepEqual(council?.map(describeLocation), ['entities.yaml:council']);
    });

    it('lists the uses of an unknown id in its file', () => {
      const ferryYaml = fixture('registry', 'annotations', 'ferry.yaml');
      const unknown = entityReferences(ferry, ferryYaml, offsetOf(ferry.annotations.text, 'harbor-board'));
      assert.deepEqual(unknown?.map(describeLocation), ['ferry.yaml:harbor-board']);
    });

    it('has nothing to say away from ids', () => {
      assert.equal(entityReferences(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'name: Vladimir Putin', 8)), undefined);
    });
  });

  describe('rename', () => {
    it('keeps the quotes of a quoted id', () => {
      const quoted = 'version: 1\nentities:\n  "kyiv":\n    name: Kyiv\nclaims:\n  - text: x\n    type: fact\n    source: \'kyiv\'\n';
      const analysis = analyze({ annotations: parseAnnotationFile(FILE, quoted) });
      const result = renameEntity(analysis, FILE, offsetOf(quoted, 'kyiv', 1), 'kyiv-city');
      assert.ok('edits' in result);
      assert.equal(renamedText(result.edits, FILE, quoted), quoted.replace('"kyiv"', '"kyiv-city"').replace("'kyiv'", "'kyiv-city'"));
    });

    it('prepares on a key or a source id, with the id as written', () => {
      const fromKey = prepareEntityRename(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), '  trump:', 4));
      assert.ok('range' in fromKey);
      assert.equal(yaml().slice(fromKey.range.start, fromKey.range.end), 'trump');
      const quoted = 'version: 1\nentities:\n  "kyiv":\n    name: Kyiv\nclaims:\n  - text: x\n    type: fact\n    source: \'kyiv\'\n';
      const analysis = analyze({ annotations: parseAnnotationFile(FILE, quoted) });
      const fromSource = prepareEntityRename(analysis, FILE, offsetOf(quoted, "'kyiv'", 2));
      assert.ok('range' in fromSource);
      assert.equal(quoted.slice(fromSource.range.start, fromSource.range.end), 'kyiv');
    });

    it('refuses where there is no entity id, or an unknown one, saying why', () => {
      const away = prepareEntityRename(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'name: Vladimir Putin', 8));
      assert.match('error' in away ? away.error : '', /Only entity ids can be renamed/);
      const ferryYaml = fixture('registry', 'annotations', 'ferry.yaml');
      const unknown = prepareEntityRename(ferry, ferryYaml, offsetOf(ferry.annotations.text, 'harbor-board'));
      assert.match('error' in unknown ? unknown.error : '', /No entity has the id 'harbor-board'/);
    });

    it('renames the key and every source in the file, and the result still resolves', () => {
      const result = renameEntity(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'source: trump', 9), 'donald-trump');
      assert.ok('edits' in result);
      assert.deepEqual(editedFiles(result.edits), ['putin-witkoff-talks.yaml']);
      assert.deepEqual(result.expect, [{ file: SAMPLE_ANNOTATIONS, text: textHash(yaml()) }]);
      const trumpSources = sample.annotations.claims.filter((claim) => claim.sources.some((source) => source.id === 'trump')).length;
      assert.equal(result.edits.length, 1 + trumpSources);
      const text = renamedText(result.edits, SAMPLE_ANNOTATIONS, yaml());
      const after = analyze({ draft: sample.draft, annotations: parseAnnotationFile(SAMPLE_ANNOTATIONS, text) });
      assert.deepEqual(after.findings.filter((finding) => finding.code === 'unknown-entity'), []);
      assert.equal(after.entities.get('donald-trump')?.name, 'Donald Trump');
      assert.equal(after.entities.has('trump'), false);
      assert.ok(text.includes('source: [zelensky, donald-trump]'));
      assert.ok(text.includes('# DELIBERATE'), 'comments survive');
    });

    it('renames a registry entity in the registry and in every article that uses it', () => {
      const result = renameEntity(registryOnly, REGISTRY, offsetOf(registryOnly.annotations.text, 'ruiz:'), 'ana-ruiz', [bridge, ferry]);
      assert.ok('edits' in result);
      assert.deepEqual(editedFiles(result.edits), ['bridge.yaml', 'entities.yaml']);
      assert.match(renamedText(result.edits, BRIDGE_YAML, bridge.annotations.text), /source: ana-ruiz/);
      assert.match(renamedText(result.edits, REGISTRY, registryOnly.annotations.text), /^ {2}ana-ruiz:$/m);
      // From the article's side, too.
      const fromArticle = renameEntity(bridge, BRIDGE_YAML, offsetOf(bridge.annotations.text, 'source: ruiz', 9), 'ana-ruiz', [ferry]);
      assert.ok('edits' in fromArticle);
      assert.deepEqual(editedFiles(fromArticle.edits), ['bridge.yaml', 'entities.yaml']);
    });

    it('refuses an invalid id and an id already taken, saying why', () => {
      const at = offsetOf(yaml(), '  trump:', 4);
      const invalid = renameEntity(sample, SAMPLE_ANNOTATIONS, at, 'Donald Trump');
      assert.match('error' in invalid ? invalid.error : '', /'Donald Trump' is not a valid entity id/);
      const taken = renameEntity(sample, SAMPLE_ANNOTATIONS, at, 'putin');
      assert.match('error' in taken ? taken.error : '', /already an entity 'putin' in putin-witkoff-talks\.yaml/);
      // An article entity may not take a registry id: it would hide the registry's entity.
      const hidesRegistry = renameEntity(bridge, BRIDGE_YAML, offsetOf(bridge.annotations.text, 'council:'), 'ruiz');
      assert.match('error' in hidesRegistry ? hidesRegistry.error : '', /registry entities\.yaml already has an entity 'ruiz'/);
      // A registry entity may not take an id an article defines: the article's would hide it there.
      const hidden = renameEntity(registryOnly, REGISTRY, offsetOf(registryOnly.annotations.text, 'ruiz:'), 'council', [bridge]);
      assert.match('error' in hidden ? hidden.error : '', /already an entity 'council' in entities\.yaml/);
      // A source naming an id no entity has: renaming to it would silently make the claim Trump's.
      const dangling = analyze({
        draft: sample.draft,
        annotations: parseAnnotationFile(SAMPLE_ANNOTATIONS, yaml().replace('source: ushakov', 'source: bob')),
      });
      const reattributes = renameEntity(dangling, SAMPLE_ANNOTATIONS, at, 'bob');
      assert.match('error' in reattributes ? reattributes.error : '', /already names 'bob' as its source, with no entity of that id: renaming would attribute it to Donald Trump/);
      const sameId = renameEntity(sample, SAMPLE_ANNOTATIONS, at, 'trump');
      assert.deepEqual(sameId, { edits: [], expect: [] });
    });
  });

  describe('hover', () => {
    it('shows the entity card on a source id and on a key', () => {
      const onSource = yamlHoverAt(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'source: ushakov', 9));
      assert.match(onSource?.markdown ?? '', /^\*\*Yuri Ushakov\*\* · Person/);
      assert.match(onSource?.markdown ?? '', /\d+ mentions · source of 3 claims/);
      assert.equal(yaml().slice(onSource!.range.start, onSource!.range.end), 'ushakov');
      const onKey = yamlHoverAt(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), '  lavrov:', 3));
      assert.match(onKey?.markdown ?? '', /^\*\*Sergei Lavrov\*\*/);
    });

    it("counts a registry entity's mentions in an article's draft when hovered in the registry", () => {
      const at = offsetOf(registryOnly.annotations.text, 'ruiz:');
      const card = yamlHoverAt(registryOnly, REGISTRY, at, [bridge]);
      assert.match(card?.markdown ?? '', /^1 mention · source of 1 claim in 1 article$/m);
      // Over every article that uses it, each draft once: ferry.txt sees Ruiz but names her nowhere.
      const both = yamlHoverAt(registryOnly, REGISTRY, at, [bridge, ferry, bridge]);
      assert.match(both?.markdown ?? '', /^1 mention · source of 1 claim in 2 articles$/m);
      const none = yamlHoverAt(registryOnly, REGISTRY, at, []);
      assert.match(none?.markdown ?? '', /^No mentions · source of no claims \(in no article analysed now: open one that uses it\)$/m);
    });

    it('says an unknown id names no entity, and suggests one', () => {
      const ferryYaml = fixture('registry', 'annotations', 'ferry.yaml');
      const hover = yamlHoverAt(ferry, ferryYaml, offsetOf(ferry.annotations.text, 'harbor-board'));
      assert.equal(hover?.markdown, "No entity has the id `harbor-board`. Did you mean `harbour-board`?");
    });

    it('shows where a `text:` anchored: the line and its sentence with the span in bold', () => {
      const hover = yamlHoverAt(sample, SAMPLE_ANNOTATIONS, offsetOf(yaml(), 'text: Kyiv has not commented', 8));
      assert.ok(hover);
      const line = sample.draft!.text.slice(0, sample.draft!.text.indexOf('Kyiv has not commented')).split('\n').length;
      assert.ok(hover.markdown.startsWith(`**Anchored** in ${escapeMarkdown('putin-witkoff-talks.txt')}, line ${line}\n`), hover.markdown);
      assert.match(hover.markdown, /^> .*\*\*Kyiv has not commented\*\*/m);
    });

    it('says why a `text:` did not anchor, and that an ambiguous one took the first match', () => {
      const ferryYaml = fixture('registry', 'annotations', 'ferry.yaml');
      const text = ferry.annotations.text.replace('The ferry will stop in June', 'Trams run at midnight on Sundays');
      const missing = analyze({ draft: ferry.draft, annotations: parseAnnotationFile(ferryYaml, text), registry: ferry.registry });
      assert.match(yamlHoverAt(missing, ferryYaml, offsetOf(text, 'midnight'))?.markdown ?? '', /^\*\*Not found\*\* in ferry\\\.txt: the text is not in the draft\.$/);
      const draft = { path: '/project/articles/a.txt', text: 'He said no. Then he said no again.' };
      const yamlText = 'version: 1\nclaims:\n  - text: said no\n    type: fact\n    basis: observed\n';
      const ambiguous = analyze({ draft, annotations: parseAnnotationFile(FILE, yamlText) });
      const hover = yamlHoverAt(ambiguous, FILE, offsetOf(yamlText, 'said no'));
      assert.match(hover?.markdown ?? '', /matches 2 places; the first is used/);
      assert.match(hover?.markdown ?? '', /> He \*\*said no\*\*\\\./);
    });

    it('says when a `text:` anchored only approximately', () => {
      const draft = { path: '/project/articles/a.txt', text: 'The council said on Monday that the ferry to Northport will stop running in October.' };
      const yamlText = 'version: 1\nclaims:\n  - text: the ferry to Northport will stop sailing in October\n    type: fact\n    basis: observed\n';
      const drifted = analyze({ draft, annotations: parseAnnotationFile(FILE, yamlText) });
      const hover = yamlHoverAt(drifted, FILE, offsetOf(yamlText, 'Northport'));
      // The same figure, in the same words, as the finding on it.
      const figure = /\((\d+)% alike\)/.exec(drifted.findings.find((finding) => finding.code === 'span-drifted')?.message ?? '')?.[1];
      assert.ok(figure, 'the finding gives a figure');
      assert.match(hover?.markdown ?? '', new RegExp(`^⚠ Only approximately \\(${figure}% alike\\)`, 'm'));
      assert.match(hover?.markdown ?? '', /\*\*the ferry to Northport will stop running in October\*\*/);
    });

    it('says a registry mention is looked for in each article when no draft is known', () => {
      const hover = yamlHoverAt(registryOnly, REGISTRY, offsetOf(registryOnly.annotations.text, 'the board'));
      assert.match(hover?.markdown ?? '', /shared registry/);
    });
  });
});
