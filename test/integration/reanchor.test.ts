// An orphaned annotation gets new words from a selection in the draft.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codes, diagnosticsWhen, extensionApi, open, positionOf, restoring, treeShowing, workspaceFile } from './util';

const DRAFT = workspaceFile('articles', 'redraft.txt');
const ANNOTATIONS = workspaceFile('annotations', 'redraft.yaml');

describe('re-anchoring an orphan', () => {
  it('is listed among the orphans, and takes the selected words', async () => {
    // The command saves the annotation file: put it back for the next run on the same workspace.
    await restoring(ANNOTATIONS, async () => {
      const api = await extensionApi();
      const editor = await open(DRAFT);
      await treeShowing(api, DRAFT);
      const orphans = api.tree.getChildren().find((node) => node.label === 'Orphans');
      assert.deepEqual(orphans && api.tree.getChildren(orphans).map((node) => node.detail), ["claim 'vote-date'"]);
      await diagnosticsWhen(ANNOTATIONS, (list) => codes(list).includes('span-not-found'));

      const words = 'The council will vote on the harbour plan next week';
      const start = positionOf(editor.document, words);
      editor.selection = new vscode.Selection(start, start.translate(0, words.length));
      await vscode.commands.executeCommand('editorialAnnotations.reanchor', api.tree.getChildren(orphans)[0]);

      await diagnosticsWhen(ANNOTATIONS, (list) => !codes(list).includes('span-not-found'));
      const yaml = await vscode.workspace.openTextDocument(ANNOTATIONS);
      assert.match(yaml.getText(), /text: The council will vote on the harbour plan next week\n/);
      const analysis = await api.analysisOf(editor.document);
      const claim = analysis?.claims.find((anchored) => anchored.claim.id === 'vote-date');
      assert.equal(claim?.range && editor.document.getText().slice(claim.range.start, claim.range.end), words);
    });
  });
});
