// Annotating a draft that has no annotation file yet: the first annotation creates one in the
// annotations folder, and never in place of a file that is there already.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analysisCounts, changeOnDisk, deleteMade, extensionApi, open, positionOf, replacing, workspaceFile } from './util';

describe('annotating a draft that has no annotation file', () => {
  it("creates one under a name no file has, leaving another draft's file of the draft's name as it was", async () => {
    // annotations/ferry.yaml annotates articles/ferry.txt (by `article:`): desk/ferry.txt has no file,
    // and the name ferry.yaml is taken.
    const draft = workspaceFile('desk', 'ferry.txt');
    const taken = workspaceFile('annotations', 'ferry.yaml');
    const created = workspaceFile('annotations', 'ferry-2.yaml');
    const before = await vscode.workspace.fs.readFile(taken);
    try {
      await changeOnDisk(draft, () => vscode.workspace.fs.writeFile(draft, new TextEncoder().encode('The harbour master said the ferry will run on Sundays.\n')));
      const api = await extensionApi();
      const editor = await open(draft);
      assert.equal(await api.analysisOf(editor.document), undefined, 'desk/ferry.txt has no annotation file yet');
      const words = 'The harbour master';
      const start = positionOf(editor.document, words);
      editor.selection = new vscode.Selection(start, start.translate(0, words.length));
      // The entity picker that follows the creation is cancelled: the file is what this test is about.
      const cancel = (async () => undefined) as typeof vscode.window.showQuickPick;
      await replacing(vscode.window, 'showQuickPick', cancel, async () => {
        await vscode.commands.executeCommand('editorialAnnotations.annotateEntity');
      });

      assert.deepEqual(await vscode.workspace.fs.readFile(taken), before, 'annotations/ferry.yaml is untouched');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      assert.match(text, /^article: \.\.\/desk\/ferry\.txt$/m);
      assert.equal((await api.analysisOf(editor.document))?.annotations.file, created.fsPath);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteMade([created, draft]);
      await analysisCounts();
    }
  });
});
