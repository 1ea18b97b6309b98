// The Editorial Annotations view's Claims grouped by source ("who said what"): switched by the view's
// buttons (their commands), kept in the `tree.groupClaimsBy` setting, still revealing claims, and
// with the sources collapsed on a long article.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditorialAnnotationsApi } from '../../src/extension';
import type { OutlineNode } from '../../src/core/outline';
import { extensionApi, open, treeShowing, treeWhen, workspaceFile } from './util';

const DRAFT = workspaceFile('articles', 'summit.txt');
// Five sources and twenty claims: a list too long to open every source of.
const LONG_DRAFT = workspaceFile('articles', 'budget-briefing.txt');
const SETTING = 'tree.groupClaimsBy';
const BY_SOURCE = 'editorialAnnotations.tree.groupClaimsBySource';
const BY_TYPE = 'editorialAnnotations.tree.groupClaimsByType';

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('editorialAnnotations');
}

function claimsGroup(api: EditorialAnnotationsApi): OutlineNode {
  const claims = api.tree.getChildren().find((node) => node.key === 'claims');
  assert.ok(claims, 'the view has a Claims group');
  return claims;
}

/** `label | description` of the Claims group's children, as the view shows them. */
function claimGroupRows(api: EditorialAnnotationsApi): string[] {
  return api.tree.getChildren(claimsGroup(api)).map((node) => `${node.label} | ${api.tree.getTreeItem(node).description}`);
}

function claimsUnder(api: EditorialAnnotationsApi, groupLabel: string): OutlineNode[] {
  const found = api.tree.getChildren(claimsGroup(api)).find((node) => node.label === groupLabel);
  assert.ok(found, `a "${groupLabel}" group; the groups are:\n${claimGroupRows(api).join('\n')}`);
  return api.tree.getChildren(found);
}

describe('the Editorial Annotations view, claims by source', () => {
  let api: EditorialAnnotationsApi;

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(async () => {
    await open(DRAFT);
    await treeShowing(api, DRAFT);
  });

  afterEach(async () => {
    await settings().update(SETTING, undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    // Through the command too, so that the next tests find claims by type even when this one failed.
    await vscode.commands.executeCommand(BY_TYPE);
    assert.equal(settings().inspect(SETTING)?.globalValue, undefined);
  });

  it('switches between claims by type and by source with the view\'s buttons', async () => {
    assert.deepEqual(claimGroupRows(api), ['Direct quote | 2', 'Paraphrase | 3', 'Fact | 2', 'Prediction | 1']);
    await vscode.commands.executeCommand(BY_SOURCE);
    assert.deepEqual(claimGroupRows(api), [
      'Eva Lind | person · 3 claims',
      'Omar Haddad | person · 2 claims',
      'Sudrian foreign ministry | organization · 1 claim',
      'norland-spokesman | unknown entity · 1 claim',
      'No source | 2 claims',
    ]);
    assert.equal(api.tree.getTreeItem(claimsGroup(api)).description, '8', 'the Claims group counts each claim once');
    await vscode.commands.executeCommand(BY_TYPE);
    assert.deepEqual(claimGroupRows(api), ['Direct quote | 2', 'Paraphrase | 3', 'Fact | 2', 'Prediction | 1']);
  });

  it('lists each source\'s claims in reading order, a shared claim under both sources, and the unsourced ones with their basis', async () => {
    await vscode.commands.executeCommand(BY_SOURCE);
    const rows = (group: string): string[] => claimsUnder(api, group).map((node) => `${node.label} | ${api.tree.getTreeItem(node).description}`);
    assert.deepEqual(rows('Eva Lind'), [
      '“frank and useful.” | Direct quote',
      '“the border crossings would reopen next month” | Paraphrase · with Omar Haddad',
      '“will not give up an inch” | Direct quote',
    ]);
    assert.deepEqual(rows('Omar Haddad'), [
      '“both sides want a ceasefire by June” | Paraphrase',
      '“the border crossings would reopen next month” | Paraphrase · with Eva Lind',
    ]);
    assert.deepEqual(rows('norland-spokesman'), ['“the meeting had been kept secret until Sunday” | Paraphrase']);
    assert.deepEqual(rows('No source'), ['“Geneva is the seat of many international bodies” | Fact · common knowledge', '“The talks lasted six hours” | Fact']);
    // One id per row across the whole tree, or VS Code refuses to show it.
    const ids = api.tree.getChildren().flatMap(function ids(node: OutlineNode): string[] {
      return [String(api.tree.getTreeItem(node).id), ...api.tree.getChildren(node).flatMap(ids)];
    });
    assert.equal(new Set(ids).size, ids.length);
  });

  it('keeps the choice in the setting, and follows the setting when it changes elsewhere', async () => {
    await vscode.commands.executeCommand(BY_SOURCE);
    assert.equal(settings().inspect(SETTING)?.globalValue, 'source', 'saved for the user, so the next window groups by source too');
    await vscode.commands.executeCommand(BY_TYPE);
    assert.equal(settings().inspect(SETTING)?.globalValue, 'type');

    await settings().update(SETTING, 'source', vscode.ConfigurationTarget.Workspace);
    await treeWhen(api, () => api.tree.groupClaimsBy === 'source', () => 'the view never followed the setting to claims by source');
    assert.equal(claimGroupRows(api)[0], 'Eva Lind | person · 3 claims');
    // A workspace value would hide a user one: the button saves where the choice was made.
    await vscode.commands.executeCommand(BY_TYPE);
    assert.equal(settings().inspect(SETTING)?.workspaceValue, 'type');
    assert.equal(api.tree.groupClaimsBy, 'type');
  });

  it('opens every source expanded on a short article, and collapsed, with its count, on a long one', async () => {
    const { Expanded, Collapsed } = vscode.TreeItemCollapsibleState;
    const states = (): string[] => api.tree.getChildren(claimsGroup(api)).map((node) => `${node.label} ${api.tree.getTreeItem(node).collapsibleState}`);
    await vscode.commands.executeCommand(BY_SOURCE);
    // 5 sources and 9 claims under them: 14 rows.
    assert.deepEqual(states(), [
      `Eva Lind ${Expanded}`,
      `Omar Haddad ${Expanded}`,
      `Sudrian foreign ministry ${Expanded}`,
      `norland-spokesman ${Expanded}`,
      `No source ${Expanded}`,
    ]);

    await open(LONG_DRAFT);
    await treeShowing(api, LONG_DRAFT);
    // 6 groups and 20 claims: 26 rows.
    assert.deepEqual(states(), [
      `Ruth Okafor ${Collapsed}`,
      `Tomas Berg ${Collapsed}`,
      `Mara Quinn ${Collapsed}`,
      `Dev Singh ${Collapsed}`,
      `City hall ${Collapsed}`,
      `No source ${Collapsed}`,
    ]);
    assert.equal(api.tree.getTreeItem(api.tree.getChildren(claimsGroup(api))[0]).description, 'person · 5 claims');
    assert.equal(api.tree.getTreeItem(claimsGroup(api)).collapsibleState, Expanded, 'the Claims group itself stays open');

    await vscode.commands.executeCommand(BY_TYPE);
    assert.deepEqual(states(), [`Fact ${Expanded}`, `Direct quote ${Expanded}`, `Paraphrase ${Expanded}`], 'claims by type open as before');
  });

  it('reveals a claim from the by-source tree, and offers the same actions on it', async () => {
    await vscode.commands.executeCommand(BY_SOURCE);
    const shared = claimsUnder(api, 'Omar Haddad')[1];
    const item = api.tree.getTreeItem(shared);
    assert.ok(item.command, 'a click on the claim reveals it');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, DRAFT.fsPath);
    assert.equal(editor?.document.getText(editor.selection), 'the border crossings would reopen next month');
    assert.match(String(item.contextValue), /^claim\b.*\bannotated\b/, 'Reveal in Draft and Go to Annotation');
    const unattributed = api.tree.getTreeItem(claimsUnder(api, 'No source')[1]);
    assert.match(String(unattributed.contextValue), /\bunattributed\b/, 'the claim with no source or basis offers "Attribute to…"');
    const withBasis = api.tree.getTreeItem(claimsUnder(api, 'No source')[0]);
    assert.doesNotMatch(String(withBasis.contextValue), /\bunattributed\b/, 'a claim with a basis needs no source');
  });
});
