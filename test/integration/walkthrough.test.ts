// The walkthrough's "Open the Sample": the draft it opens is analysed, with its problems, its hovers
// and the Editorial Annotations view, wherever the copy lies: in the extension's storage outside the
// workspace (an installed extension), or inside the workspace folder opened, whose own annotations
// folder is not the sample's (the demo's profile lay in the folder it served).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codes, deleteMade, diagnosticsWhen, extensionApi, hoverText, positionOf, treeShowing, workspaceFile } from './util';

const OPEN_SAMPLE = 'editorialAnnotations.openSample';

async function opensAWorkingSample(folder?: vscode.Uri): Promise<vscode.Uri> {
  const api = await extensionApi();
  const draft = await vscode.commands.executeCommand<vscode.Uri | undefined>(OPEN_SAMPLE, ...(folder ? [folder] : []));
  assert.ok(draft, 'the command opened a draft');
  assert.equal(path.basename(draft.fsPath), 'putin-witkoff-talks.txt');
  assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, draft.fsPath);
  const diagnostics = await diagnosticsWhen(draft, (found) => codes(found).includes('unattributed-claim'));
  assert.ok(codes(diagnostics).includes('vague-attribution'), codes(diagnostics).join(', '));
  const document = vscode.window.activeTextEditor!.document;
  const [card] = await hoverText(draft, positionOf(document, 'Zelensky', 2));
  assert.match(card ?? '', /source of 6 claims/);
  await treeShowing(api, draft);
  return draft;
}

describe('Open the Sample', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the sample copied into the extension\'s storage, with its problems, hovers and view', async () => {
    const draft = await opensAWorkingSample();
    assert.equal(vscode.workspace.getWorkspaceFolder(draft), undefined, 'the storage lies outside the workspace here');
  });

  it('opens a working sample when its copy lies inside the workspace folder, which has an annotations folder of its own', async () => {
    // A dot folder, as the demo's .cache was: the workspace's listings of drafts skip it.
    const folder = workspaceFile('.sample-copy');
    try {
      const draft = await opensAWorkingSample(folder);
      assert.ok(draft.fsPath.startsWith(folder.fsPath + path.sep), `the copy is in ${folder.fsPath}: ${draft.fsPath}`);
      assert.ok(vscode.workspace.getWorkspaceFolder(draft), 'the copy lies inside the workspace folder');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteMade([folder]);
    }
  });
});
