// An orphaned annotation gets new words from a selection in the draft.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, codes, diagnosticsWhen, extensionApi, open, positionOf, replacing, restoring, treeShowing, workspaceFile } from './util';

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

  it('is offered on the orphan\'s problem in the annotation file: the words selected in the draft, or what to do', async () => {
    await restoring(ANNOTATIONS, async () => {
      await extensionApi();
      let editor = await open(DRAFT);
      const diagnostics = await diagnosticsWhen(ANNOTATIONS, (list) => codes(list).includes('span-not-found'));
      const orphan = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'span-not-found')!;
      const offered = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', ANNOTATIONS, orphan.range)) ?? [];
      const action = offered.find((candidate) => candidate.title === 'Re-anchor to the words selected in the draft…');
      assert.ok(action?.command, offered.map((candidate) => candidate.title).join(' | '));
      const remove = offered.find((candidate) => candidate.title === "Remove claim 'vote-date' from the annotation file");
      assert.ok(remove && !remove.isPreferred, 'offered, never what Ctrl+. applies');
      const run = () => vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
      const yaml = await vscode.workspace.openTextDocument(ANNOTATIONS);
      const before = yaml.getText();

      // Nothing selected: the draft is shown, a message says what to do, and nothing is written.
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const told: string[] = [];
      const record = ((message: string) => {
        told.push(message);
        return Promise.resolve(undefined);
      }) as typeof vscode.window.showInformationMessage;
      await replacing(vscode.window, 'showInformationMessage', record, async () => {
        await run();
      });
      assert.match(told.join('\n'), /Select the words of the draft this annotation should now mark/);
      assert.equal(yaml.getText(), before);

      // Words that end inside a word ("next we" of "next week"): a message, and nothing written.
      editor = await open(DRAFT);
      const cut = 'The council will vote on the harbour plan next we';
      const cutStart = positionOf(editor.document, cut);
      editor.selection = new vscode.Selection(cutStart, cutStart.translate(0, cut.length));
      told.length = 0;
      await replacing(vscode.window, 'showInformationMessage', record, async () => {
        await run();
      });
      assert.match(told.join('\n'), /Select whole words/);
      assert.equal(yaml.getText(), before);

      // Words selected in the draft (the annotation file's problem is where the fix was chosen).
      editor = await open(DRAFT);
      const words = 'The council will vote on the harbour plan next week';
      const start = positionOf(editor.document, words);
      editor.selection = new vscode.Selection(start, start.translate(0, words.length));
      await run();
      await diagnosticsWhen(ANNOTATIONS, (list) => !codes(list).includes('span-not-found'));
      assert.match(yaml.getText(), /text: The council will vote on the harbour plan next week\n/);
    });
  });

  it('is removed from the annotation file from the Orphans group\'s context menu, in one step to undo', async () => {
    await restoring(ANNOTATIONS, async () => {
      const api = await extensionApi();
      await open(DRAFT);
      await treeShowing(api, DRAFT);
      await diagnosticsWhen(ANNOTATIONS, (list) => codes(list).includes('span-not-found'));
      const orphans = api.tree.getChildren().find((node) => node.label === 'Orphans');
      const [orphan] = orphans ? api.tree.getChildren(orphans) : [];
      assert.equal(orphan?.detail, "claim 'vote-date'");
      const yaml = await vscode.workspace.openTextDocument(ANNOTATIONS);
      const before = yaml.getText();

      await vscode.commands.executeCommand('editorialAnnotations.tree.removeOrphan', orphan);
      await diagnosticsWhen(ANNOTATIONS, (list) => !codes(list).includes('span-not-found'));
      // The only claim: the list is left empty, the rest of the file as it was.
      assert.equal(yaml.getText(), before.replace(/claims:\n[^]*$/, 'claims: []\n'));
      assert.equal(api.tree.getChildren().find((node) => node.label === 'Orphans'), undefined);

      await vscode.window.showTextDocument(yaml);
      await vscode.commands.executeCommand('undo');
      assert.equal(yaml.getText(), before);
    });
  });
});
