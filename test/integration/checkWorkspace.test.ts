// "Check All Drafts in the Workspace", and the project config as the editor reads it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import { analysedBetween, analysisCounts, changeOnDisk, codeOf, codes, diagnosticsWhen, EXTENSION_ID, extensionApi, open, putBack, workspaceFile } from './util';

const UNOPENED = workspaceFile('articles', 'harbour-budget.txt');
const PROJECT_CONFIG = workspaceFile('.editorial-annotations.yaml');
/** Never opened as a document by a test; its annotation file is. */
const QUAY = workspaceFile('articles', 'quay.txt');
const QUAY_ANNOTATIONS = workspaceFile('annotations', 'quay.yaml');
const COUNCIL_VOTE = workspaceFile('articles', 'council-vote.txt');
/** Written and deleted by a test. */
const SCRATCH = workspaceFile('articles', 'scratch.txt');
const CLEAR_COMMAND = 'editorialAnnotations.clearWorkspaceCheck';

function isShown(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.fsPath === uri.fsPath));
}

function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
}

function severityOf(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.DiagnosticSeverity | undefined {
  return diagnostics.find((diagnostic) => codeOf(diagnostic) === code)?.severity;
}

describe('checking every draft in the workspace', () => {
  before(async () => {
    await extensionApi();
  });

  after(async () => {
    // The check keeps every draft current for the rest of the session: the suites after this one
    // expect a closed draft's problems to go, as they do for a user who never ran it.
    await vscode.commands.executeCommand(CLEAR_COMMAND);
    await analysisCounts();
  });

  it('is a command of the Editorial Annotations category', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const declared = manifest.contributes.commands.find((command: { command: string }) => command.command === 'editorialAnnotations.checkWorkspace');
    assert.equal(declared?.category, 'Editorial Annotations');
    assert.ok((await vscode.commands.getCommands(true)).includes('editorialAnnotations.checkWorkspace'));
  });

  it('fills the Problems panel for a draft that no editor has open', async () => {
    assert.ok(!isOpen(UNOPENED), 'the draft must not be open for this test to mean anything');
    assert.deepEqual(vscode.languages.getDiagnostics(UNOPENED), []);
    const result = await vscode.commands.executeCommand<{ drafts: number; cancelled: boolean }>('editorialAnnotations.checkWorkspace');
    assert.equal(result.cancelled, false);
    // Every article of the workspace with a file in annotations/ (notes.txt has none).
    const annotated = fs.readdirSync(workspaceFile('annotations').fsPath).filter((name) => name.endsWith('.yaml')).length;
    assert.equal(result.drafts, annotated);
    const diagnostics = await diagnosticsWhen(UNOPENED, (list) => list.length === 2);
    assert.deepEqual(codes(diagnostics), ['unattributed-claim', 'vague-attribution']);
    assert.ok(!isOpen(UNOPENED), 'checking does not open the draft');
  });

  it('lists each draft once when a link in the workspace leads back up the tree', async () => {
    // articles/all -> .. : followed, the listing would find every draft again about 40 times over.
    const loop = workspaceFile('articles', 'all');
    try {
      await changeOnDisk(loop, async () => fs.symlinkSync('..', loop.fsPath));
      const result = await vscode.commands.executeCommand<{ drafts: number; cancelled: boolean }>('editorialAnnotations.checkWorkspace');
      const annotated = fs.readdirSync(workspaceFile('annotations').fsPath).filter((name) => name.endsWith('.yaml')).length;
      assert.equal(result.drafts, annotated);
    } finally {
      if (fs.lstatSync(loop.fsPath, { throwIfNoEntry: false })) await changeOnDisk(loop, async () => fs.unlinkSync(loop.fsPath));
      await analysisCounts();
    }
  });

  describe('with a project config', () => {
    after(async () => {
      await vscode.workspace.getConfiguration('editorialAnnotations').update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(PROJECT_CONFIG).then(undefined, () => undefined);
      await diagnosticsWhen(UNOPENED, (list) => severityOf(list, 'vague-attribution') === vscode.DiagnosticSeverity.Information);
    });

    it('follows .editorial-annotations.yaml, and a setting the user set explicitly wins over it', async () => {
      await vscode.commands.executeCommand('editorialAnnotations.checkWorkspace');
      await diagnosticsWhen(UNOPENED, (list) => severityOf(list, 'vague-attribution') === vscode.DiagnosticSeverity.Information);
      await vscode.workspace.fs.writeFile(PROJECT_CONFIG, new TextEncoder().encode('severity:\n  vague-attribution: error\n  unattributed-claim: off\n'));
      const fromConfig = await diagnosticsWhen(UNOPENED, (list) => severityOf(list, 'vague-attribution') === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(codes(fromConfig), ['vague-attribution']);
      await vscode.workspace
        .getConfiguration('editorialAnnotations')
        .update('severity', { 'vague-attribution': 'hint' }, vscode.ConfigurationTarget.Workspace);
      const local = await diagnosticsWhen(UNOPENED, (list) => severityOf(list, 'vague-attribution') === vscode.DiagnosticSeverity.Hint);
      assert.deepEqual(codes(local), ['vague-attribution'], 'the config still turns the unattributed claim off');
    });
  });

  describe('keeps the checked drafts current', () => {
    let original: string;

    before(async () => {
      original = new TextDecoder().decode(await vscode.workspace.fs.readFile(QUAY_ANNOTATIONS));
      await vscode.commands.executeCommand('editorialAnnotations.checkWorkspace');
      await analysisCounts();
    });

    afterEach(async () => {
      await putBack(QUAY_ANNOTATIONS, original);
      await analysisCounts();
    });

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('follows an edit of a checked draft\'s annotation file before it is saved, and checks no other draft again', async () => {
      assert.ok(!isOpen(QUAY), 'the draft must not be open for this test to mean anything');
      assert.deepEqual(codes(await diagnosticsWhen(QUAY, (list) => list.length > 0)), ['vague-attribution']);
      const document = (await open(QUAY_ANNOTATIONS)).document;
      const before = await analysisCounts();
      const edit = new vscode.WorkspaceEdit();
      const source = document.getText().indexOf('    source: harbour-master\n');
      edit.delete(QUAY_ANNOTATIONS, new vscode.Range(document.positionAt(source), document.positionAt(source + '    source: harbour-master\n'.length)));
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = await diagnosticsWhen(QUAY, (list) => list.length === 2);
      assert.deepEqual(codes(after), ['unattributed-claim', 'vague-attribution']);
      assert.deepEqual(analysedBetween(before, await analysisCounts()), ['annotations/quay.yaml', 'articles/quay.txt']);
      assert.ok(!isOpen(QUAY), 'following the edit does not open the draft');
    });

    it('checks a draft again when another program changes it on disk', async () => {
      assert.ok(!isOpen(QUAY), 'the draft must not be open for this test to mean anything');
      await diagnosticsWhen(QUAY, (list) => codes(list).includes('vague-attribution'));
      const original = await vscode.workspace.fs.readFile(QUAY);
      try {
        const before = await analysisCounts();
        const redrafted = new TextDecoder().decode(original).replace('Reportedly, the', 'The');
        await changeOnDisk(QUAY, () => vscode.workspace.fs.writeFile(QUAY, new TextEncoder().encode(redrafted)));
        await diagnosticsWhen(QUAY, (list) => list.length === 0);
        // Analysed again, not merely dropped (which would empty its problems too).
        assert.ok(analysedBetween(before, await analysisCounts()).includes('articles/quay.txt'), 'the draft was checked again');
      } finally {
        await changeOnDisk(QUAY, () => vscode.workspace.fs.writeFile(QUAY, original));
      }
      await diagnosticsWhen(QUAY, (list) => codes(list).includes('vague-attribution'));
    });

    it('keeps a checked draft\'s problems listed while its editor closes, and analyses it again', async () => {
      await open(COUNCIL_VOTE);
      const problems = (await diagnosticsWhen(COUNCIL_VOTE, (list) => list.length > 0)).length;
      await analysisCounts();
      // Every count of its problems the Problems panel is given from now on.
      const counts: number[] = [];
      const listening = vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => uri.fsPath === COUNCIL_VOTE.fsPath)) counts.push(vscode.languages.getDiagnostics(COUNCIL_VOTE).length);
      });
      try {
        const before = await analysisCounts();
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        assert.ok(!isShown(COUNCIL_VOTE), 'the editor is closed');
        const analysed = analysedBetween(before, await analysisCounts());
        assert.ok(analysed.includes('articles/council-vote.txt'), `the draft is analysed again once its editor is gone: ${analysed.join(', ')}`);
        assert.ok(!counts.includes(0), `its problems never left the panel (counts: ${counts.join(', ')})`);
        assert.equal(vscode.languages.getDiagnostics(COUNCIL_VOTE).length, problems);
      } finally {
        listening.dispose();
      }
    });

    it('lists the problems of a checked draft\'s text on disk as soon as its unsaved edits are discarded', async () => {
      const editor = await open(COUNCIL_VOTE);
      const onDisk = codes(await diagnosticsWhen(COUNCIL_VOTE, (list) => list.length > 0));
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Critics say the ferry is reportedly late. '));
      await diagnosticsWhen(COUNCIL_VOTE, (list) => codes(list).length > onDisk.length);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      // Within the background run's wait (a second, and the analysis after it), which it no longer
      // waits for; as close to it as the test can go, for a busy machine.
      assert.deepEqual(codes(await diagnosticsWhen(COUNCIL_VOTE, (list) => codes(list).length === onDisk.length, 950)), onDisk);
      await analysisCounts();
    });

    it('keeps a checked draft deleted from disk no longer', async () => {
      await changeOnDisk(SCRATCH, () => vscode.workspace.fs.writeFile(SCRATCH, new TextEncoder().encode('A draft for a moment.\n')));
      try {
        const before = await analysisCounts();
        await vscode.commands.executeCommand('editorialAnnotations.checkWorkspace');
        assert.ok(analysedBetween(before, await analysisCounts()).includes('articles/scratch.txt'), 'the check analysed the new draft');
      } finally {
        await changeOnDisk(SCRATCH, () => vscode.workspace.fs.delete(SCRATCH));
      }
      const before = await analysisCounts();
      await vscode.commands.executeCommand('editorialAnnotations.refresh');
      const analysed = analysedBetween(before, await analysisCounts());
      assert.ok(analysed.includes('articles/quay.txt'), `re-analysing analyses the checked drafts: ${analysed.join(', ')}`);
      assert.ok(!analysed.includes('articles/scratch.txt'), 'the deleted draft is not analysed again');
    });
  });
  describe('clearing the check', () => {
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('takes the closed drafts\' problems out of the panel, keeps the open ones\', and follows those drafts no more', async () => {
      const declared = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands.find((command: { command: string }) => command.command === CLEAR_COMMAND);
      assert.equal(declared?.category, 'Editorial Annotations');
      await vscode.commands.executeCommand('editorialAnnotations.checkWorkspace');
      await open(COUNCIL_VOTE);
      const openProblems = (await diagnosticsWhen(COUNCIL_VOTE, (list) => list.length > 0)).length;
      await diagnosticsWhen(QUAY, (list) => list.length > 0);
      assert.ok(!isShown(QUAY), 'the draft must not be shown for this test to mean anything');

      const cleared = await vscode.commands.executeCommand<number>(CLEAR_COMMAND);
      assert.ok(cleared > 1, `the closed drafts' problems went: ${cleared}`);
      await analysisCounts();
      assert.deepEqual(vscode.languages.getDiagnostics(QUAY), [], 'a closed draft has no problems listed');
      assert.deepEqual(vscode.languages.getDiagnostics(UNOPENED), [], 'nor has another');
      assert.equal(vscode.languages.getDiagnostics(COUNCIL_VOTE).length, openProblems, 'the open draft keeps its problems');

      // Re-analysing analyses what is kept current: the open draft, not the closed ones any more.
      const before = await analysisCounts();
      await vscode.commands.executeCommand('editorialAnnotations.refresh');
      const analysed = analysedBetween(before, await analysisCounts());
      assert.ok(analysed.includes('articles/council-vote.txt'), `the open draft is analysed again: ${analysed.join(', ')}`);
      assert.ok(!analysed.includes('articles/quay.txt'), `a closed draft is no longer kept current: ${analysed.join(', ')}`);
      assert.deepEqual(vscode.languages.getDiagnostics(QUAY), []);
    });

    it('stops a check under way: no closed draft is listed or followed after it', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await analysisCounts();
      assert.deepEqual(vscode.languages.getDiagnostics(QUAY), [], 'no check is in place for this test to mean anything');
      // Cleared while the check is still listing the drafts, as a user clicking Clear right after Check.
      const checking = vscode.commands.executeCommand<{ drafts: number; cancelled: boolean }>('editorialAnnotations.checkWorkspace');
      await vscode.commands.executeCommand(CLEAR_COMMAND);
      const result = await checking;
      assert.deepEqual(result, { drafts: 0, cancelled: true });
      await analysisCounts();
      assert.deepEqual(vscode.languages.getDiagnostics(QUAY), [], 'a closed draft has no problems listed');
      assert.deepEqual(vscode.languages.getDiagnostics(UNOPENED), [], 'nor has another');

      const before = await analysisCounts();
      await vscode.commands.executeCommand('editorialAnnotations.refresh');
      const analysed = analysedBetween(before, await analysisCounts());
      assert.ok(!analysed.includes('articles/quay.txt'), `a closed draft is not kept current: ${analysed.join(', ')}`);
    });
  });
});
