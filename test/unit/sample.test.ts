// The sample that ships with the extension, analysed as the editor and the CLI analyse it.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Analysis } from '../../src/core/analysis';
import { hoverAt } from '../../src/core/hover';
import { annotationTree, draftOutline, type OutlineNode } from '../../src/core/outline';
import { annotationFileOutline } from '../../src/core/yamlOutline';
import { analyzeDraftFile, findingsOf, REPO_ROOT, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT, textAt } from './helpers';

describe('the sample article', () => {
  let analysis: Analysis;
  before(async () => {
    analysis = await analyzeDraftFile(SAMPLE_DRAFT);
  });

  it('is the seed article, byte for byte', function () {
    const seed = path.resolve(REPO_ROOT, '..', 'shared', 'seed', '000_ccd343ec137f987b.txt');
    if (!fs.existsSync(seed)) this.skip();
    assert.ok(fs.readFileSync(SAMPLE_DRAFT).equals(fs.readFileSync(seed)));
  });

  it('finds its annotation file by the article field', () => {
    assert.equal(analysis.annotations.file, SAMPLE_ANNOTATIONS);
    assert.equal(analysis.draft?.path, SAMPLE_DRAFT);
  });

  it('anchors every claim and every explicit mention, with no YAML problem', () => {
    const unanchored = analysis.claims.filter((anchored) => !anchored.range).map((anchored) => anchored.claim.id);
    assert.deepEqual(unanchored, []);
    const yamlProblems = analysis.findings.filter((f) => f.file === SAMPLE_ANNOTATIONS && f.code !== 'anonymous-source-without-reason');
    assert.deepEqual(yamlProblems.map((f) => `${f.code}: ${f.message}`), []);
  });

  it('shows each deliberate draft warning where the YAML comments say', () => {
    const claimIds = (code: string): Array<string | undefined> => findingsOf(analysis, code).filter((f) => f.file === SAMPLE_DRAFT).map((f) => f.data?.claimId);
    assert.deepEqual(claimIds('unattributed-claim'), ['moskalik-killed', 'witkoff-angered-kyiv']);
    assert.deepEqual(claimIds('attribution-not-in-text'), ['ukraine-allies-concern']);
    assert.deepEqual(claimIds('anonymous-source-without-reason'), ['reported-us-proposal']);
    assert.deepEqual(
      findingsOf(analysis, 'unannotated-quote').map((f) => textAt(analysis, f)),
      ['"most of the major points are agreed to"'],
    );
    assert.deepEqual(findingsOf(analysis, 'vague-attribution').map((f) => textAt(analysis, f)), ['reports suggest', 'reportedly']);
    assert.deepEqual(findingsOf(analysis, 'loaded-attribution-verb').map((f) => textAt(analysis, f)), ['admitted', 'claimed']);
  });

  it('reports the anonymous source in the YAML at its `anonymous: true`', () => {
    const inYaml = findingsOf(analysis, 'anonymous-source-without-reason').filter((f) => f.file === SAMPLE_ANNOTATIONS);
    assert.equal(inYaml.length, 1);
    assert.equal(textAt(analysis, inYaml[0]), 'true');
    assert.equal(inYaml[0].data?.entityId, 'unnamed-reports');
  });

  it('suggests the sources named near an unattributed claim: its own sentence first, people before places, nearest first', () => {
    const angered = findingsOf(analysis, 'unattributed-claim').find((f) => f.data?.claimId === 'witkoff-angered-kyiv');
    // "Witkoff, a billionaire and close Trump confidant, ... has made statements that have angered Kyiv."
    // Lavrov is nearer in characters than Witkoff, but in the next sentence; Kyiv is a place, and in
    // the claim's words ("angered Kyiv"): what it is about, after the United States.
    assert.deepEqual(angered?.data?.candidateEntityIds?.slice(0, 4), ['trump', 'witkoff', 'united-states', 'kyiv']);
    assert.ok(angered?.data?.candidateEntityIds?.includes('lavrov'));
  });

  it('finds every mention of Putin, including the possessive and the first name in a quotation', () => {
    const texts = analysis.mentions.filter((m) => m.entityId === 'putin').map((m) => analysis.draft!.text.slice(m.range.start, m.range.end));
    assert.deepEqual(texts, ['Vladimir Putin', 'Putin', 'Putin', 'Putin', 'Putin', 'Putin', 'Vladimir']);
  });

  it('shows the entity card when hovering a name', () => {
    const text = analysis.draft!.text;
    const hover = hoverAt(analysis, text.indexOf('Witkoff took place') + 2);
    assert.ok(hover);
    assert.equal(text.slice(hover.range.start, hover.range.end), 'Witkoff');
    assert.equal(hover.sections.length, 1);
    assert.match(hover.sections[0], /^\*\*Steve Witkoff\*\* · Person/);
    // Witkoff speaks in no claim of the sample: "no claims", not "0 claims".
    assert.match(hover.sections[0], /^\d+ mentions · source of no claims$/m);
  });

  it('shows the entity card and the claim card where a name lies inside a claim', () => {
    const text = analysis.draft!.text;
    const offset = text.indexOf('Zelensky understands') + 1;
    const hover = hoverAt(analysis, offset);
    assert.ok(hover);
    assert.equal(hover.sections.length, 2);
    assert.match(hover.sections[0], /^\*\*Volodymyr Zelensky\*\*/);
    assert.match(hover.sections[0], /\[Wikidata Q3874799\]\(https:\/\/www\.wikidata\.org\/wiki\/Q3874799\)/);
    assert.match(hover.sections[1], /^\*\*Direct quote\*\*/);
    assert.match(hover.sections[1], /Source: \*\*Donald Trump\*\*/);
  });

  it('never shows an anonymous source\'s identity', () => {
    const identities = fs.readFileSync(SAMPLE_ANNOTATIONS, 'utf8').match(/^\s+identity:\s*(.+)$/gm) ?? [];
    const everything = analysis.mentions
      .map((m) => hoverAt(analysis, m.range.start)?.sections.join('\n') ?? '')
      .concat(analysis.claims.map((c) => (c.range ? (hoverAt(analysis, c.range.start)?.sections.join('\n') ?? '') : '')))
      .join('\n');
    for (const line of identities) assert.ok(!everything.includes(line.replace(/^\s+identity:\s*/, '')));
    assert.equal(JSON.stringify(analysis.entities.get('unnamed-reports')).includes('identity"'), false);
  });

  it('outlines the claims in reading order, then the entities with their mentions', () => {
    const outline = draftOutline(analysis);
    assert.deepEqual(outline.map((node) => node.label), ['Claims', 'Entities']);
    const claimStarts = outline[0].children.map((node) => node.range.start);
    assert.deepEqual(claimStarts, [...claimStarts].sort((a, b) => a - b));
    assert.equal(outline[0].children.length, analysis.claims.length);
    assert.equal(outline[0].children[0].label, '“Russian President Vladimir Putin on Friday discussed the po…”');
    assert.match(outline[0].children[0].detail ?? '', /^Paraphrase · Kremlin/);
    const putin = outline[1].children.find((node) => node.label === 'Vladimir Putin');
    assert.equal(putin?.children.length, 7);
    assert.equal(putin?.detail, 'person · 7 mentions');
    assert.equal(outline[1].children.find((node) => node.label === 'Rome')?.detail, 'place · 1 mention');
    for (const node of outline[1].children) {
      for (const child of node.children) assert.ok(child.range.start >= node.range.start && child.range.end <= node.range.end);
    }
  });

  it('outlines its annotation file: the entities, then the claims as written, each covering its entry', () => {
    const outline = annotationFileOutline(analysis, SAMPLE_ANNOTATIONS);
    const yaml = analysis.annotations.text;
    assert.deepEqual(outline.map((node) => [node.label, node.children.length]), [
      ['Entities', analysis.annotations.entities.length],
      ['Claims', analysis.annotations.claims.length],
    ]);
    const zelensky = outline[0].children.find((node) => node.label === 'Volodymyr Zelensky');
    assert.equal(zelensky?.detail, 'person · zelensky');
    assert.match(yaml.slice(zelensky!.range.start, zelensky!.range.end), /^zelensky:\n\s+name: Volodymyr Zelensky\n[\s\S]*\S$/);
    assert.equal(yaml.slice(zelensky!.target!.range.start, zelensky!.target!.range.end), 'zelensky');
    const quote = outline[1].children.find((node) => node.label.startsWith('“Crimea will stay'));
    assert.equal(quote?.detail, 'Direct quote · Donald Trump');
    const entry = yaml.slice(quote!.range.start, quote!.range.end);
    assert.ok(entry.startsWith('id: trump-crimea-stays\n') && entry.endsWith('source: trump'), entry);
    assert.equal(yaml.slice(quote!.target!.range.start, quote!.target!.range.end), 'Crimea will stay with Russia. And Zelensky understands that.');
    // In the order written, each inside its group and none overlapping the next.
    for (const group of outline) {
      group.children.forEach((node, index) => {
        assert.ok(node.range.start >= group.range.start && node.range.end <= group.range.end, node.label);
        const next = group.children[index + 1];
        if (next) assert.ok(node.range.end <= next.range.start, node.label);
      });
    }
  });

  it('groups the tree into entities, claims by type and problems', () => {
    const tree = annotationTree(analysis);
    assert.deepEqual(tree.map((node) => node.label), ['Entities', 'Claims', 'Problems']);
    const types = tree[1].children.map((node) => node.claimType);
    assert.ok(types.includes('direct-quote') && types.includes('paraphrase'));
    assert.equal(tree[1].detail, String(analysis.claims.length));
    assert.equal(tree[1].children.reduce((sum, type) => sum + type.children.length, 0), analysis.claims.length, 'every claim under its type');
    assert.equal(tree[2].children.length, analysis.findings.length);
    assert.equal(tree[2].children[0].target?.file, SAMPLE_DRAFT);
  });

  it('puts claims listed out of draft order in reading order: the outline, each type and each source', () => {
    // The sample's YAML lists its claims in draft order: listed backwards, only the sorting keeps them in order.
    const backwards: Analysis = { ...analysis, claims: [...analysis.claims].reverse() };
    const inOrder = (nodes: readonly OutlineNode[], what: string): void => {
      const starts = nodes.map((node) => node.range.start);
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b), what);
    };
    inOrder(draftOutline(backwards)[0].children, 'outline');
    const byType = annotationTree(backwards)[1];
    assert.ok(byType.children.some((type) => type.children.length > 1));
    for (const type of byType.children) inOrder(type.children, type.label);
    for (const source of annotationTree(backwards, 'source')[1].children) inOrder(source.children, source.label);
    assert.deepEqual(
      annotationTree(backwards, 'source')[1].children.map((node) => node.label),
      annotationTree(analysis, 'source')[1].children.map((node) => node.label),
      'sources in the order the draft first cites them',
    );
  });

  it('groups the claims by source when asked: who said what, a shared claim under each of its sources', () => {
    const tree = annotationTree(analysis, 'source');
    assert.deepEqual(tree.map((node) => node.label), ['Entities', 'Claims', 'Problems']);
    const sources = tree[1].children;
    assert.equal(tree[1].detail, String(analysis.claims.length));
    const trumpClaims = analysis.claims.filter((anchored) => anchored.claim.sources.some((source) => source.id === 'trump')).length;
    assert.ok(trumpClaims > 1);
    assert.deepEqual(sources.slice(0, 2).map((node) => `${node.label} | ${node.detail}`), ['Kremlin | organization · 1 claim', `Donald Trump | person · ${trumpClaims} claims`]);
    const firstClaimStarts = sources.filter((node) => node.sourceGroup !== 'none').map((node) => node.children[0].range.start);
    assert.deepEqual(firstClaimStarts, [...firstClaimStarts].sort((a, b) => a - b), 'sources in the order the draft first cites them');
    for (const source of sources) {
      const starts = source.children.map((claim) => claim.range.start);
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b), `${source.label}: claims in reading order`);
      assert.equal(source.detail?.endsWith(`${source.children.length} claim${source.children.length === 1 ? '' : 's'}`), true, source.label);
    }
    const shared = (name: string): OutlineNode | undefined =>
      sources.find((node) => node.label === name)?.children.find((claim) => claim.label.startsWith('“Ukraine currently lacks'));
    assert.equal(shared('Volodymyr Zelensky')?.detail, 'Paraphrase · with Donald Trump');
    assert.equal(shared('Donald Trump')?.detail, 'Paraphrase · with Volodymyr Zelensky');
    const unsourced = sources[sources.length - 1];
    assert.equal(unsourced.label, 'No source');
    const expectedUnsourced = analysis.claims.filter((anchored) => anchored.claim.sources.length === 0).length;
    assert.equal(unsourced.children.length, expectedUnsourced);
    assert.ok(unsourced.children.some((claim) => claim.detail === 'Fact · common knowledge'), unsourced.children.map((claim) => claim.detail).join('\n'));
    const keys = tree.flatMap(function all(node: OutlineNode): string[] {
      return [node.key, ...node.children.flatMap(all)];
    });
    assert.equal(new Set(keys).size, keys.length, 'every node has its own key, as the view needs');
  });

  it('groups an id that names no entity under that id, marked unknown', async () => {
    const summit = await analyzeDraftFile(path.join(REPO_ROOT, 'test', 'integration', 'workspace', 'articles', 'summit.txt'));
    const unknown = annotationTree(summit, 'source')[1].children.find((node) => node.sourceGroup === 'unknown-entity');
    assert.equal(`${unknown?.label} | ${unknown?.detail}`, 'norland-spokesman | unknown entity · 1 claim');
    assert.deepEqual(unknown?.children.map((claim) => claim.label), ['“the meeting had been kept secret until Sunday”']);
  });
});
