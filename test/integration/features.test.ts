// The extension's features in a real VS Code, through the same API the workbench uses.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analysedBetween, analysisCounts, changeOnDisk, codeOf, codes, deleteMade, diagnosticsWhen, extensionApi, hoverText, open, positionOf, restoring, revert, treeShowing, workspaceFile } from './util';

const DRAFT = workspaceFile('articles', 'council-vote.txt');
const ANNOTATIONS = workspaceFile('annotations', 'council-vote.yaml');
const FERRY_ANNOTATIONS = workspaceFile('annotations', 'ferry.yaml');
const NOTES = workspaceFile('articles', 'notes.txt');

const DRAFT_CODES = [
  'loaded-attribution-verb',
  'unannotated-quote',
  'unattributed-claim',
  'unattributed-claim',
  'vague-attribution',
  'vague-attribution',
];

describe('in a draft', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await extensionApi();
    document = (await open(DRAFT)).document;
  });

  afterEach(async () => {
    await revert(document);
    const yaml = vscode.workspace.textDocuments.find((candidate) => candidate.uri.fsPath === ANNOTATIONS.fsPath);
    if (yaml) await revert(yaml);
    await vscode.workspace.getConfiguration('editorialAnnotations').update('severity', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('shows every draft warning with its code, source, severity and the words it is about', async () => {
    const diagnostics = await diagnosticsWhen(DRAFT, (list) => list.length === DRAFT_CODES.length);
    assert.deepEqual(codes(diagnostics), DRAFT_CODES);
    const textOf = (code: string): string[] =>
      diagnostics.filter((d) => codeOf(d) === code).map((d) => document.getText(d.range)).sort();
    assert.deepEqual(textOf('unattributed-claim'), ['faces a shortage of steel', 'the bridge will be late']);
    assert.deepEqual(textOf('vague-attribution'), ['Critics say', 'reportedly']);
    assert.deepEqual(textOf('loaded-attribution-verb'), ['insisted']);
    assert.deepEqual(textOf('unannotated-quote'), ['"We are ready to build this summer,"']);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'Editorial Annotations');
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.match(code.target.path, new RegExp(`/docs/findings/${code.value}\\.md$`));
    }
    const unattributed = diagnostics.find((d) => codeOf(d) === 'unattributed-claim');
    assert.equal(unattributed?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostics.find((d) => codeOf(d) === 'vague-attribution')?.severity, vscode.DiagnosticSeverity.Information);
  });

  it('shows the entity card when hovering a name', async () => {
    const [card] = await hoverText(DRAFT, positionOf(document, 'Raj Patel', 2));
    assert.match(card, /\*\*Raj Patel\*\* · Person/);
    assert.match(card, /Riverton city council member/);
    assert.match(card, /1 mention · source of 1 claim/);
  });

  it('shows the entity card and the claim card where a name sits inside a claim', async () => {
    const rally = workspaceFile('articles', 'rally.txt');
    const document = (await open(rally)).document;
    const sections = await hoverText(rally, positionOf(document, 'Riverton will', 2));
    assert.equal(sections.length, 2, sections.join('\n---\n'));
    assert.match(sections[0], /^\*\*Riverton\*\* · Place/);
    assert.match(sections[1], /^\*\*Direct quote\*\* · Unverified/);
    assert.match(sections[1], /Source: \*\*Ana Lopez\*\* — Mayor of Riverton/);
    await open(DRAFT);
  });

  it('shows only the claim card inside a claim where no name is', async () => {
    const quote = await hoverText(DRAFT, positionOf(document, 'every commuter', 2));
    assert.equal(quote.length, 1);
    assert.match(quote[0], /\*\*Direct quote\*\* · Unverified/);
    assert.match(quote[0], /Source: \*\*Raj Patel\*\*/);
  });

  it('links the entity card to its web page', async () => {
    const [card] = await hoverText(DRAFT, positionOf(document, 'Lopez', 1));
    assert.match(card, /\[example\\?\.org\]\(https:\/\/example\.org\/riverton\/mayor\)/);
  });

  it('outlines claims in reading order and entities with their mentions', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', DRAFT);
    const ours = symbols.filter((symbol) => symbol.name === 'Claims' || symbol.name === 'Entities');
    assert.deepEqual(ours.map((symbol) => symbol.name), ['Claims', 'Entities']);
    const claims = ours[0].children;
    assert.equal(claims.length, 5);
    assert.equal(document.getText(claims[0].selectionRange), 'approved a $12 million budget for the new bridge');
    assert.match(claims[0].detail, /^Fact · Ana Lopez$/);
    const starts = claims.map((claim) => document.offsetAt(claim.range.start));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const lopez = ours[1].children.find((symbol) => symbol.name === 'Ana Lopez');
    assert.deepEqual(lopez?.children.map((mention) => document.getText(mention.range)), ['Mayor Ana Lopez']);
  });

  it('updates the warnings as the draft is edited, before it is saved', async () => {
    await diagnosticsWhen(DRAFT, (list) => list.length === DRAFT_CODES.length);
    const editor = await open(DRAFT);
    const start = positionOf(document, 'Critics say the bridge will be late.');
    const sentence = new vscode.Range(start, start.translate(0, 'Critics say the bridge will be late.'.length));
    await editor.edit((edit) => edit.replace(sentence, 'Patel said the bridge will be late.'));
    assert.ok(document.isDirty);
    const after = await diagnosticsWhen(DRAFT, (list) => codes(list).filter((code) => code === 'vague-attribution').length === 1);
    assert.deepEqual(
      after.filter((d) => codeOf(d) === 'vague-attribution').map((d) => document.getText(d.range)),
      ['reportedly'],
    );
  });

  it('updates the draft warnings as the annotation file is edited, before it is saved', async () => {
    await diagnosticsWhen(DRAFT, (list) => list.length === DRAFT_CODES.length);
    await restoring(ANNOTATIONS, async () => {
      const yaml = (await open(ANNOTATIONS)).document;
      const claim = positionOf(yaml, '    type: prediction');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(ANNOTATIONS, claim, '    basis: common-knowledge\n    source: patel\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = await diagnosticsWhen(DRAFT, (list) => codes(list).filter((code) => code === 'unattributed-claim').length === 1);
      assert.deepEqual(
        after.filter((d) => codeOf(d) === 'unattributed-claim').map((d) => document.getText(d.range)),
        ['faces a shortage of steel'],
      );
    });
    await diagnosticsWhen(DRAFT, (list) => list.length === DRAFT_CODES.length);
  });

  it('switches highlighting where it is set, even when the workspace sets it', async () => {
    await open(DRAFT);
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('editorialAnnotations', DRAFT);
    try {
      await config().update('decorations.enabled', true, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('editorialAnnotations.toggleDecorations');
      // Saved for the user, the workspace's value would still win and nothing would change.
      assert.equal(config().get('decorations.enabled'), false, 'switched off');
      assert.equal(config().inspect('decorations.enabled')?.workspaceValue, false);
      await vscode.commands.executeCommand('editorialAnnotations.toggleDecorations');
      assert.equal(config().get('decorations.enabled'), true, 'switched on again');
    } finally {
      await config().update('decorations.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('decorations.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('follows a severity set in the settings', async () => {
    await diagnosticsWhen(DRAFT, (list) => list.length === DRAFT_CODES.length);
    await vscode.workspace
      .getConfiguration('editorialAnnotations')
      .update('severity', { 'vague-attribution': 'off', 'unattributed-claim': 'error' }, vscode.ConfigurationTarget.Workspace);
    const unattributedAreErrors = (list: readonly vscode.Diagnostic[]): boolean => {
      const unattributed = list.filter((d) => codeOf(d) === 'unattributed-claim');
      return unattributed.length === 2 && unattributed.every((d) => d.severity === vscode.DiagnosticSeverity.Error);
    };
    const after = await diagnosticsWhen(DRAFT, (list) => !codes(list).includes('vague-attribution') && unattributedAreErrors(list));
    assert.deepEqual(codes(after), ['loaded-attribution-verb', 'unannotated-quote', 'unattributed-claim', 'unattributed-claim']);
  });

  it('lists entities, claims by type and problems in the Editorial Annotations view', async () => {
    const api = await extensionApi();
    await open(DRAFT);
    await diagnosticsWhen(DRAFT, (list) => list.length === DRAFT_CODES.length);
    await treeShowing(api, DRAFT);
    const roots = api.tree.getChildren();
    assert.deepEqual(roots.map((node) => node.label), ['Entities', 'Claims', 'Problems']);
    const entities = api.tree.getChildren(roots[0]).map((node) => node.label);
    assert.deepEqual(entities, ['Riverton', 'city council', 'Ana Lopez', 'Raj Patel', 'transport authority']);
    const types = api.tree.getChildren(roots[1]).map((node) => `${node.label} ${node.detail}`);
    assert.deepEqual(types, ['Fact 2', 'Direct quote 1', 'Prediction 1', 'Paraphrase 1']);
    assert.equal(api.tree.getChildren(roots[2]).length, DRAFT_CODES.length);
    const item = api.tree.getTreeItem(api.tree.getChildren(roots[0])[2]);
    assert.equal(item.command?.command, 'editorialAnnotations.reveal');
  });

  it('filters the view to problems only, and back', async () => {
    const api = await extensionApi();
    await open(DRAFT);
    await treeShowing(api, DRAFT);
    await vscode.commands.executeCommand('editorialAnnotations.tree.showProblemsOnly');
    try {
      assert.deepEqual(api.tree.getChildren().map((node) => node.label), ['Problems']);
    } finally {
      await vscode.commands.executeCommand('editorialAnnotations.tree.showAll');
    }
    assert.deepEqual(api.tree.getChildren().map((node) => node.label), ['Entities', 'Claims', 'Problems']);
    const [, claimsGroup] = api.tree.getChildren();
    const prediction = api.tree.getChildren(claimsGroup).find((node) => node.label === 'Prediction')!;
    const item = api.tree.getTreeItem(api.tree.getChildren(prediction)[0]);
    assert.match(String(item.contextValue), /\bunattributed\b/, 'the unattributed claim offers "Attribute to…"');
  });

  it('shows what the filter buttons say, however often each runs', async () => {
    const api = await extensionApi();
    await open(DRAFT);
    await treeShowing(api, DRAFT);
    const roots = (): string[] => api.tree.getChildren().map((node) => node.label);
    try {
      await vscode.commands.executeCommand('editorialAnnotations.tree.showProblemsOnly');
      await vscode.commands.executeCommand('editorialAnnotations.tree.showProblemsOnly');
      assert.deepEqual(roots(), ['Problems'], 'Show Problems Only twice still shows the problems only');
    } finally {
      await vscode.commands.executeCommand('editorialAnnotations.tree.showAll');
    }
    await vscode.commands.executeCommand('editorialAnnotations.tree.showAll');
    assert.deepEqual(roots(), ['Entities', 'Claims', 'Problems'], 'Show All twice still shows all');
  });

  it('reveals and selects a span from the tree', async () => {
    const api = await extensionApi();
    await open(DRAFT);
    await treeShowing(api, DRAFT);
    const [, claimsGroup] = api.tree.getChildren();
    const prediction = api.tree.getChildren(claimsGroup).find((node) => node.label === 'Prediction');
    assert.ok(prediction);
    const item = api.tree.getTreeItem(api.tree.getChildren(prediction)[0]);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, DRAFT.fsPath);
    assert.equal(editor?.document.getText(editor.selection), 'the bridge will be late');
  });
});

describe('in an annotation file', () => {
  it('shows its mistakes at the right place', async () => {
    const yaml = (await open(FERRY_ANNOTATIONS)).document;
    const diagnostics = await diagnosticsWhen(FERRY_ANNOTATIONS, (list) => list.length >= 2);
    const byCode = new Map(diagnostics.map((d) => [codeOf(d), yaml.getText(d.range)]));
    assert.equal(byCode.get('unknown-entity'), 'harbor-master');
    assert.equal(byCode.get('span-not-found'), 'the ferry will run all winter');
    const unknown = diagnostics.find((d) => codeOf(d) === 'unknown-entity');
    assert.match(unknown?.message ?? '', /Did you mean 'harbour-master'\?/);
    assert.equal(unknown?.severity, vscode.DiagnosticSeverity.Error);
  });

  it('reports broken YAML where it breaks and still checks the rest', async () => {
    const editor = await open(FERRY_ANNOTATIONS);
    const yaml = editor.document;
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(FERRY_ANNOTATIONS, positionOf(yaml, 'claims:'), 'broken: [unclosed\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const diagnostics = await diagnosticsWhen(FERRY_ANNOTATIONS, (list) => codes(list).includes('yaml-syntax'));
      assert.ok(codes(diagnostics).includes('unknown-entity') || codes(diagnostics).includes('invalid-annotation'));
    } finally {
      await revert(yaml);
    }
  });
});

describe('a draft without an annotation file', () => {
  it('gets no diagnostics, hovers or outline from this extension', async () => {
    const document = (await open(NOTES)).document;
    const api = await extensionApi();
    assert.equal(await api.analysisOf(document), undefined);
    assert.deepEqual(vscode.languages.getDiagnostics(NOTES), []);
    assert.deepEqual(await hoverText(NOTES, positionOf(document, 'mayor', 1)), []);
  });

  it('is not analysed again for each hover, outline or code action asked of the same text', async () => {
    const document = (await open(NOTES)).document;
    const before = await analysisCounts();
    for (let round = 0; round < 3; round++) {
      await hoverText(NOTES, positionOf(document, 'mayor', 1));
      await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', NOTES);
      await vscode.commands.executeCommand('vscode.executeCodeActionProvider', NOTES, new vscode.Range(0, 0, 0, 5));
    }
    assert.deepEqual(analysedBetween(before, await analysisCounts()), []);
  });
});

describe('files changing on disk', () => {
  const SMOKE = workspaceFile('articles', 'smoke.txt');
  const SMOKE_ANNOTATIONS = workspaceFile('annotations', 'smoke.yaml');

  it('picks up an annotation file changed by another program', async () => {
    await open(SMOKE);
    await diagnosticsWhen(SMOKE, (list) => list.length === 0);
    const original = await vscode.workspace.fs.readFile(SMOKE_ANNOTATIONS);
    try {
      const withoutSource = new TextDecoder().decode(original).replace(/\n\s*source: lopez\n?/, '\n');
      await vscode.workspace.fs.writeFile(SMOKE_ANNOTATIONS, new TextEncoder().encode(withoutSource));
      const after = await diagnosticsWhen(SMOKE, (list) => list.length > 0);
      assert.deepEqual(codes(after), ['unattributed-claim']);
    } finally {
      await vscode.workspace.fs.writeFile(SMOKE_ANNOTATIONS, original);
    }
    await diagnosticsWhen(SMOKE, (list) => list.length === 0);
  });

  it('follows a draft whose extension is in mixed case (Mixed.Md) changed by another program', async () => {
    const draft = workspaceFile('articles', 'Mixed.Md');
    const annotations = workspaceFile('annotations', 'mixed-case.yaml');
    const notFound = (list: readonly vscode.Diagnostic[]) => codes(list).includes('span-not-found');
    try {
      await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode('The mayor said the ferry will run.\n'));
      const yaml = 'version: 1\narticle: ../articles/Mixed.Md\nclaims:\n  - text: the ferry will run\n    type: fact\n    basis: observed\n';
      await changeOnDisk(annotations, () => vscode.workspace.fs.writeFile(annotations, new TextEncoder().encode(yaml)));
      await open(annotations);
      await diagnosticsWhen(annotations, (list) => !notFound(list) && !codes(list).includes('article-not-found'));
      await changeOnDisk(draft, () => vscode.workspace.fs.writeFile(draft, new TextEncoder().encode('The mayor said nothing.\n')));
      await diagnosticsWhen(annotations, notFound);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteMade([annotations, draft]);
      await analysisCounts();
    }
  });

  // A folder's name can have a dot in it: only the files' extensions are watched as files.
  for (const name of ['old', 'old.v1']) {
    it(`follows an annotations subfolder (${name}) deleted with its files, of which VS Code says nothing`, async () => {
      const folder = workspaceFile('annotations', name);
      const inFolder = workspaceFile('annotations', name, 'notes.yaml');
      const probe = workspaceFile('annotations', 'probe.yaml');
      const claiming = (text: string) => new TextEncoder().encode(`version: 1\narticle: ${text}\nclaims:\n  - text: call the mayor back\n    type: fact\n`);
      try {
        // The folder first: a file written with its new folder can come before the watcher watches the
        // folder, and then its own event never comes (the product lists the folder on its event instead).
        await changeOnDisk(folder, () => vscode.workspace.fs.createDirectory(folder));
        await changeOnDisk(inFolder, () => vscode.workspace.fs.writeFile(inFolder, claiming('../../articles/notes.txt')));
        await open(NOTES);
        await diagnosticsWhen(NOTES, (list) => codes(list).includes('unattributed-claim'));
        await changeOnDisk(folder, () => vscode.workspace.fs.delete(folder, { recursive: true }));
        await analysisCounts();
        // Another file claims the draft now: it must be the one used, not the deleted one.
        await changeOnDisk(probe, () => vscode.workspace.fs.writeFile(probe, claiming('../articles/notes.txt')));
        await diagnosticsWhen(NOTES, (list) => codes(list).includes('unattributed-claim'));
        const analysis = await (await extensionApi()).analysisOf((await vscode.workspace.openTextDocument(NOTES)));
        assert.equal(analysis?.annotations.file, probe.fsPath);
      } finally {
        await deleteMade([folder, probe]);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await analysisCounts();
      }
    });
  }

  it('follows a folder of drafts deleted, and moved back in, by another program', async () => {
    // One event for the folder each time, none for the draft in it; no workspace check holds the draft.
    const folder = workspaceFile('articles', 'moving');
    const draft = workspaceFile('articles', 'moving', 'piece.txt');
    const staging = workspaceFile('staging');
    const annotations = workspaceFile('annotations', 'moving.yaml');
    const articleGone = (list: readonly vscode.Diagnostic[]) => codes(list).includes('article-not-found');
    try {
      await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode('The mayor said the ferry will run.\n'));
      const yaml = 'version: 1\narticle: ../articles/moving/piece.txt\nclaims:\n  - text: the ferry will run\n    type: fact\n    source: mayor\n';
      await changeOnDisk(annotations, () => vscode.workspace.fs.writeFile(annotations, new TextEncoder().encode(yaml)));
      await open(annotations);
      await diagnosticsWhen(annotations, (list) => list.length > 0 && !articleGone(list));
      await changeOnDisk(folder, () => vscode.workspace.fs.rename(folder, staging));
      await diagnosticsWhen(annotations, articleGone);
      await changeOnDisk(folder, () => vscode.workspace.fs.rename(staging, folder));
      await diagnosticsWhen(annotations, (list) => list.length > 0 && !articleGone(list));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteMade([folder, staging, annotations]);
      await analysisCounts();
    }
  });

  it('finds the draft of an annotation file\'s name created (late.txt, late.MD) or moved in with its folder, and loses it deleted or moved out', async () => {
    // annotations/late.yaml names no draft: it annotates a draft called late anywhere in the workspace.
    const annotations = workspaceFile('annotations', 'late.yaml');
    const draft = workspaceFile('articles', 'late.txt');
    // Listings skip a folder whose name starts with a dot: the draft is found only once moved out of it.
    const hidden = workspaceFile('.staging');
    const movedIn = workspaceFile('desk', 'later');
    const shouted = workspaceFile('desk', 'late.MD');
    const noDraft = (list: readonly vscode.Diagnostic[]) => codes(list).includes('article-not-found');
    const words = new TextEncoder().encode('The mayor said the ferry will run.\n');
    try {
      // Written first: once the extension has listed the drafts, only the folder's event tells it of this one.
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(hidden, 'late.txt'), words);
      const yaml = 'version: 1\nclaims:\n  - text: the ferry will run\n    type: fact\n    source: mayor\n';
      await changeOnDisk(annotations, () => vscode.workspace.fs.writeFile(annotations, new TextEncoder().encode(yaml)));
      await open(annotations);
      await diagnosticsWhen(annotations, noDraft);
      await changeOnDisk(draft, () => vscode.workspace.fs.writeFile(draft, words));
      await diagnosticsWhen(annotations, (list) => list.length > 0 && !noDraft(list));
      await changeOnDisk(draft, () => vscode.workspace.fs.delete(draft));
      await diagnosticsWhen(annotations, noDraft);
      await changeOnDisk(movedIn, () => vscode.workspace.fs.rename(hidden, movedIn));
      await diagnosticsWhen(annotations, (list) => list.length > 0 && !noDraft(list));
      await changeOnDisk(movedIn, () => vscode.workspace.fs.rename(movedIn, hidden));
      await diagnosticsWhen(annotations, noDraft);
      // An extension in capitals is a draft's too.
      await changeOnDisk(shouted, () => vscode.workspace.fs.writeFile(shouted, words));
      await diagnosticsWhen(annotations, (list) => list.length > 0 && !noDraft(list));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteMade([annotations, draft, hidden, movedIn, shouted]);
      await analysisCounts();
    }
  });

  it('analyses again, for a draft created or deleted, only what claims it', async () => {
    const unclaimed = workspaceFile('articles', 'unclaimed.txt');
    try {
      await open(SMOKE);
      const before = await analysisCounts();
      await changeOnDisk(unclaimed, () => vscode.workspace.fs.writeFile(unclaimed, new TextEncoder().encode('Words.\n')));
      const between = await analysisCounts();
      await changeOnDisk(unclaimed, () => vscode.workspace.fs.delete(unclaimed));
      assert.deepEqual(analysedBetween(before, between), [], 'created');
      assert.deepEqual(analysedBetween(between, await analysisCounts()), [], 'deleted');
    } finally {
      await deleteMade([unclaimed]);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await analysisCounts();
    }
  });

  it('tells the file that lost a conflict over a draft when the draft is deleted, though it read no draft', async () => {
    const draft = workspaceFile('articles', 'contested.txt');
    // Both claim the draft: the one that names it by `article:` wins over the one of its name.
    const byName = workspaceFile('annotations', 'contested.yaml');
    const byArticle = workspaceFile('annotations', 'contested-too.yaml');
    const claim = 'claims:\n  - text: the ferry will run\n    type: fact\n    source: mayor\n';
    const made = [draft, byName, byArticle];
    try {
      await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode('The mayor said the ferry will run.\n'));
      await vscode.workspace.fs.writeFile(byArticle, new TextEncoder().encode(`version: 1\narticle: ../articles/contested.txt\n${claim}`));
      await changeOnDisk(byName, () => vscode.workspace.fs.writeFile(byName, new TextEncoder().encode(`version: 1\n${claim}`)));
      await open(byName);
      await diagnosticsWhen(byName, (list) => codes(list).includes('invalid-annotation'));
      await changeOnDisk(draft, () => vscode.workspace.fs.delete(draft));
      await diagnosticsWhen(byName, (list) => codes(list).includes('article-not-found') && !codes(list).includes('invalid-annotation'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteMade(made);
      await analysisCounts();
    }
  });

  it('analyses nothing again for a folder created empty, as a build or a cache makes them', async () => {
    const empty = workspaceFile('articles', 'cache');
    try {
      await open(NOTES);
      const before = await analysisCounts();
      await changeOnDisk(empty, () => vscode.workspace.fs.createDirectory(empty));
      assert.deepEqual(analysedBetween(before, await analysisCounts()), []);
    } finally {
      await deleteMade([empty]);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await analysisCounts();
    }
  });

  it('follows the entity registry created and deleted by another program', async () => {
    const registry = workspaceFile('annotations', 'entities.yaml');
    await open(FERRY_ANNOTATIONS);
    await diagnosticsWhen(FERRY_ANNOTATIONS, (list) => codes(list).includes('unknown-entity'));
    const defined = 'version: 1\nentities:\n  harbor-master:\n    name: Harbor master\n    type: person\n';
    try {
      await changeOnDisk(registry, () => vscode.workspace.fs.writeFile(registry, new TextEncoder().encode(defined)));
      await diagnosticsWhen(FERRY_ANNOTATIONS, (list) => !codes(list).includes('unknown-entity'));
    } finally {
      await changeOnDisk(registry, () => vscode.workspace.fs.delete(registry));
    }
    await diagnosticsWhen(FERRY_ANNOTATIONS, (list) => codes(list).includes('unknown-entity'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('clears a draft\'s diagnostics when it is closed', async () => {
    await open(DRAFT);
    await diagnosticsWhen(DRAFT, (list) => list.length > 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await diagnosticsWhen(DRAFT, (list) => list.length === 0);
  });

  it('gives an annotation file its diagnostics back when a tab shows it again before VS Code drops its document', async () => {
    // An annotation file: a draft shown again gets its analysis anyway, when VS Code asks for its outline.
    await open(FERRY_ANNOTATIONS);
    // Once what the tests before left (a reverted edit) is analysed.
    await analysisCounts();
    const problems = codes(await diagnosticsWhen(FERRY_ANNOTATIONS, (list) => list.length > 0)).join(', ');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await diagnosticsWhen(FERRY_ANNOTATIONS, (list) => list.length === 0);
    // The case under test: the tab is gone, the document not yet, so showing it opens no document.
    assert.ok(vscode.workspace.textDocuments.some((document) => document.uri.fsPath === FERRY_ANNOTATIONS.fsPath), 'VS Code still holds the document');
    await open(FERRY_ANNOTATIONS);
    await diagnosticsWhen(FERRY_ANNOTATIONS, (list) => codes(list).join(', ') === problems);
  });
});
