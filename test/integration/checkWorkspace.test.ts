// "Check All Drafts in the Workspace", and the project config as the editor reads it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import { codeOf, codes, diagnosticsWhen, EXTENSION_ID, extensionApi, workspaceFile } from './util';

const UNOPENED = workspaceFile('articles', 'harbour-budget.txt');
const PROJECT_CONFIG = workspaceFile('.editorial-annotations.yaml');

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
});
