// What an edit has analysed again: the draft edited and what reads it, never every open draft. Each
// test reads how many times the extension analysed each file (analysisCounts) before and after one
// edit, and checks that what read the edited file is current.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditorialAnnotationsApi } from '../../src/extension';
import { analysedBetween, analysisCounts, changeOnDisk, codes, diagnosticsWhen, extensionApi, open, putBack, restoring, revert, workspaceFile } from './util';

const SMOKE = workspaceFile('articles', 'smoke.txt');
const SMOKE_ANNOTATIONS = workspaceFile('annotations', 'smoke.yaml');
const RALLY = workspaceFile('articles', 'rally.txt');
/** Never opened as a document by any test (its draft is), so the extension reads it from disk. */
const RALLY_ANNOTATIONS = workspaceFile('annotations', 'rally.yaml');
const NOTES = workspaceFile('articles', 'notes.txt');
const REGISTRY = workspaceFile('annotations', 'entities.yaml');
/** Never opened as a document by any test (its annotation file is), so the extension reads it from disk. */
const QUAY = workspaceFile('articles', 'quay.txt');
const QUAY_ANNOTATIONS = workspaceFile('annotations', 'quay.yaml');

describe('what an edit analyses again', () => {
  let api: EditorialAnnotationsApi;
  let smoke: vscode.TextDocument;
  let smokeAnnotations: vscode.TextDocument;
  let rally: vscode.TextDocument;
  const originals = new Map<vscode.Uri, string>();

  before(async () => {
    api = await extensionApi();
    for (const uri of [SMOKE, SMOKE_ANNOTATIONS]) originals.set(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Two annotated drafts, the annotation file of one, and a draft without one, each in a tab.
    rally = (await open(RALLY)).document;
    await open(NOTES);
    smokeAnnotations = (await open(SMOKE_ANNOTATIONS)).document;
    smoke = (await open(SMOKE)).document;
  });

  afterEach(async () => {
    for (const [uri, original] of originals) await putBack(uri, original);
    await analysisCounts();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a draft: that draft and its open annotation file, not the other open drafts', async () => {
    const before = await analysisCounts();
    const editor = await open(SMOKE);
    await editor.edit((edit) => edit.insert(smoke.positionAt(smoke.getText().length), ' Work starts soon.'));
    assert.equal((await api.analysisOf(smoke))?.draft?.text, smoke.getText());
    const analysed = analysedBetween(before, await analysisCounts());
    assert.deepEqual(analysed, ['annotations/smoke.yaml', 'articles/smoke.txt']);
    // The annotation file's analysis anchors its spans in the draft: it read the edited text.
    assert.equal((await api.analysisOf(smokeAnnotations))?.draft?.text, smoke.getText());
  });

  it('an annotation file, before it is saved: its draft and itself, not the other open drafts', async () => {
    await diagnosticsWhen(SMOKE, (list) => list.length === 0);
    const before = await analysisCounts();
    const edit = new vscode.WorkspaceEdit();
    const source = smokeAnnotations.getText().indexOf('    source: lopez\n');
    edit.delete(SMOKE_ANNOTATIONS, new vscode.Range(smokeAnnotations.positionAt(source), smokeAnnotations.positionAt(source + '    source: lopez\n'.length)));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.deepEqual(codes(await diagnosticsWhen(SMOKE, (list) => list.length > 0)), ['unattributed-claim']);
    const analysed = analysedBetween(before, await analysisCounts());
    assert.deepEqual(analysed, ['annotations/smoke.yaml', 'articles/smoke.txt']);
  });

  it("an annotation file's `article:`, before it is saved: the draft it annotated and the one it annotates now", async () => {
    const before = await analysisCounts();
    const edit = new vscode.WorkspaceEdit();
    const article = smokeAnnotations.getText().indexOf('smoke.txt');
    edit.replace(SMOKE_ANNOTATIONS, new vscode.Range(smokeAnnotations.positionAt(article), smokeAnnotations.positionAt(article + 'smoke.txt'.length)), 'rally.txt');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.deepEqual(analysedBetween(before, await analysisCounts()), ['annotations/smoke.yaml', 'articles/rally.txt', 'articles/smoke.txt'], 'not the other open or checked drafts');
    assert.equal(await api.analysisOf(smoke), undefined, 'smoke.txt has no annotation file now');
    const conflict = (await api.analysisOf(rally))?.findings.filter((finding) => finding.message.startsWith('Two annotation files claim'));
    assert.deepEqual(
      conflict?.map((finding) => vscode.workspace.asRelativePath(finding.file)).sort(),
      ['annotations/rally.yaml', 'annotations/smoke.yaml'],
      'rally.txt, which never read smoke.yaml, now has two annotation files',
    );
  });

  it('an annotation file, saved: nothing more than its edit had analysed', async () => {
    await restoring(SMOKE_ANNOTATIONS, async () => {
      const before = await analysisCounts();
      const edit = new vscode.WorkspaceEdit();
      const description = smokeAnnotations.getText().indexOf('Mayor of Riverton');
      edit.insert(SMOKE_ANNOTATIONS, smokeAnnotations.positionAt(description), 'Elected ');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const edited = await analysisCounts();
      assert.deepEqual(analysedBetween(before, edited), ['annotations/smoke.yaml', 'articles/smoke.txt'], 'the edit');
      await changeOnDisk(SMOKE_ANNOTATIONS, () => smokeAnnotations.save().then(assert.ok));
      // Counted apart from the edit's: a second analysis of the same two files would hide among them.
      assert.deepEqual(analysedBetween(edited, await analysisCounts()), [], 'saving changed nothing any analysis reads');
    });
  });

  it('an annotation file closed with nothing unsaved: what read it, not every open draft', async () => {
    const before = await analysisCounts();
    // Changing a document's language closes it and opens it again, as VS Code does when it releases
    // a document a quick fix opened, minutes later.
    const closedOnce = await vscode.languages.setTextDocumentLanguage(smokeAnnotations, 'plaintext');
    smokeAnnotations = await vscode.languages.setTextDocumentLanguage(closedOnce, 'yaml');
    const analysed = analysedBetween(before, await analysisCounts());
    assert.deepEqual(analysed, ['annotations/smoke.yaml', 'articles/smoke.txt'], 'its `article:` on disk is the one it had: which draft it annotates did not change');
  });

  it('a draft no editor has open, changed on disk by another program: the open annotation file that reads it', async () => {
    const quayAnnotations = (await open(QUAY_ANNOTATIONS)).document;
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.fsPath === QUAY.fsPath), 'the draft must not be open for this test to mean anything');
    const original = await vscode.workspace.fs.readFile(QUAY);
    try {
      await analysisCounts();
      const redrafted = new TextDecoder().decode(original).replace('Reportedly, the', 'The');
      await changeOnDisk(QUAY, () => vscode.workspace.fs.writeFile(QUAY, new TextEncoder().encode(redrafted)));
      await analysisCounts();
      assert.equal((await api.analysisOf(quayAnnotations))?.draft?.text, redrafted);
    } finally {
      await changeOnDisk(QUAY, () => vscode.workspace.fs.writeFile(QUAY, original));
    }
    await analysisCounts();
    assert.equal((await api.analysisOf(quayAnnotations))?.draft?.text, new TextDecoder().decode(original));
  });

  describe('an annotation file no editor has open, changed on disk by another program', () => {
    let original: string;

    before(async () => {
      assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.fsPath === RALLY_ANNOTATIONS.fsPath), 'the file must not be open for these tests to mean anything');
      original = new TextDecoder().decode(await vscode.workspace.fs.readFile(RALLY_ANNOTATIONS));
    });

    afterEach(async () => {
      await changeOnDisk(RALLY_ANNOTATIONS, () => vscode.workspace.fs.writeFile(RALLY_ANNOTATIONS, new TextEncoder().encode(original)));
      await analysisCounts();
    });

    it('what read it, not every open or checked draft', async () => {
      const before = await analysisCounts();
      const redescribed = original.replace('A city in the valley', 'A city on the river');
      await changeOnDisk(RALLY_ANNOTATIONS, () => vscode.workspace.fs.writeFile(RALLY_ANNOTATIONS, new TextEncoder().encode(redescribed)));
      assert.deepEqual(analysedBetween(before, await analysisCounts()), ['articles/rally.txt']);
      assert.equal((await api.analysisOf(rally))?.annotations.text, redescribed);
    });

    it("its `article:`: the draft it annotated, the one it annotates now, and what reads them; not the other drafts", async () => {
      const before = await analysisCounts();
      const moved = original.replace('article: ../articles/rally.txt', 'article: ../articles/smoke.txt');
      await changeOnDisk(RALLY_ANNOTATIONS, () => vscode.workspace.fs.writeFile(RALLY_ANNOTATIONS, new TextEncoder().encode(moved)));
      assert.deepEqual(analysedBetween(before, await analysisCounts()), ['annotations/smoke.yaml', 'articles/rally.txt', 'articles/smoke.txt']);
      assert.equal(await api.analysisOf(rally), undefined, 'rally.txt has no annotation file now');
      const conflict = (await api.analysisOf(smokeAnnotations))?.findings.filter((finding) => finding.message.startsWith('Two annotation files claim'));
      assert.deepEqual(conflict?.map((finding) => vscode.workspace.asRelativePath(finding.file)).sort(), ['annotations/rally.yaml', 'annotations/smoke.yaml']);
    });
  });

  describe('with an entity registry', () => {
    let registry: vscode.TextDocument | undefined;

    before(async () => {
      const text = 'version: 1\nentities:\n  harbour-board:\n    name: harbour board\n    type: organization\n';
      await changeOnDisk(REGISTRY, () => vscode.workspace.fs.writeFile(REGISTRY, new TextEncoder().encode(text)));
      await analysisCounts();
      assert.equal((await api.analysisOf(smoke))?.registry?.file, REGISTRY.fsPath, 'the drafts read the new registry');
    });

    after(async () => {
      if (registry) await revert(registry);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // Deleted as the Explorer deletes it, which lets VS Code drop the document the test opened: the
      // extension reads an open document rather than the disk, so an open one would stay a registry.
      const closed = registry && new Promise<void>((resolve) => {
        const subscription = vscode.workspace.onDidCloseTextDocument((document) => {
          if (document.uri.fsPath !== REGISTRY.fsPath) return;
          subscription.dispose();
          resolve();
        });
      });
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(REGISTRY);
      await changeOnDisk(REGISTRY, () => vscode.workspace.applyEdit(edit).then(assert.ok));
      await closed;
      await analysisCounts();
      assert.equal((await api.analysisOf(smoke))?.registry, undefined, 'the registry is gone for the next tests');
    });

    it('the registry, before it is saved: every open draft and annotation file that reads it, not a draft without annotations', async () => {
      const document = (await open(REGISTRY)).document;
      registry = document;
      const before = await analysisCounts();
      const edit = new vscode.WorkspaceEdit();
      edit.insert(REGISTRY, document.positionAt(document.getText().length), '    description: Runs the harbour\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const analysed = analysedBetween(before, await analysisCounts());
      for (const reader of ['annotations/entities.yaml', 'annotations/smoke.yaml', 'articles/rally.txt', 'articles/smoke.txt']) {
        assert.ok(analysed.includes(reader), `${reader} reads the registry but was not analysed again: ${analysed.join(', ')}`);
      }
      assert.ok(!analysed.includes('articles/notes.txt'), 'notes.txt has no annotation file: nothing it shows reads the registry');
      for (const reader of [smoke, rally, smokeAnnotations]) {
        assert.equal((await api.analysisOf(reader))?.registry?.text, document.getText(), `${vscode.workspace.asRelativePath(reader.uri)} shows the registry as it is now`);
      }
    });
  });
});
