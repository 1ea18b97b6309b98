// Intelligence in the annotation files, in a real VS Code through the commands the workbench uses:
// completion, go to definition, find all references, rename and hovers.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, hoverText, open, positionOf, revert, workspaceFile } from './util';

const DRAFT = workspaceFile('articles', 'council-vote.txt');
const ANNOTATIONS = workspaceFile('annotations', 'council-vote.yaml');
const NOT_ANNOTATIONS = workspaceFile('desk', 'rota.yaml');

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Our items at a position (the editor may add words of the document; those are left out). */
async function completionsAt(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text);
}

/** Replaces the first `from` of the document by `to`, where `|` marks the cursor; returns the cursor. */
async function typeInto(document: vscode.TextDocument, from: string, to: string): Promise<vscode.Position> {
  const start = positionOf(document, from);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(start, start.translate(0, from.length)), to.replace('|', ''));
  assert.ok(await vscode.workspace.applyEdit(edit));
  return document.positionAt(document.offsetAt(start) + to.indexOf('|'));
}

function describeLocation(location: vscode.Location | vscode.LocationLink): string {
  const uri = 'uri' in location ? location.uri : location.targetUri;
  const range = 'range' in location ? location.range : location.targetRange;
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.fsPath === uri.fsPath);
  return `${path.basename(uri.fsPath)}:${document?.getText(range) ?? `${range.start.line}:${range.start.character}`}`;
}

/** The message a command failed with. */
async function rejection(run: Thenable<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  assert.fail('the command did not fail');
}

describe('in an annotation file, as it is typed and read', () => {
  let yaml: vscode.TextDocument;

  before(async () => {
    await extensionApi();
    // The draft open too, for its mentions and anchors.
    await open(DRAFT);
    yaml = (await open(ANNOTATIONS)).document;
  });

  afterEach(async () => {
    await revert(yaml);
  });

  describe('completion', () => {
    it('offers the entity ids after `source: `, with name, type and description', async () => {
      const position = await typeInto(yaml, '    source: patel\n', '    source: |\n');
      const items = await completionsAt(ANNOTATIONS, position, ' ');
      const patel = items.find((item) => labelOf(item) === 'patel');
      assert.ok(patel, items.map(labelOf).join(', '));
      assert.deepEqual(patel.label, { label: 'patel', detail: ' Raj Patel', description: 'person · named near the claim' });
      assert.equal(patel.kind, vscode.CompletionItemKind.Reference);
      assert.match((patel.documentation as vscode.MarkdownString).value, /Riverton city council member/);
      assert.deepEqual(items.map(labelOf).sort(), ['authority', 'council', 'lopez', 'patel', 'riverton']);
    });

    it('offers ids in a new item of a source list, without those already listed', async () => {
      const position = await typeInto(yaml, '    source: lopez\n', '    source:\n      - lopez\n      - |\n');
      const labels = (await completionsAt(ANNOTATIONS, position, ' ')).map(labelOf).sort();
      assert.deepEqual(labels, ['authority', 'council', 'patel', 'riverton']);
    });

    it('offers the claim types with their labels, and the entity types', async () => {
      const position = await typeInto(yaml, '    type: prediction\n', '    type: |\n');
      const items = await completionsAt(ANNOTATIONS, position, ' ');
      const quote = items.find((item) => labelOf(item) === 'direct-quote');
      assert.equal(quote?.detail, 'Direct quote');
      assert.equal(quote?.kind, vscode.CompletionItemKind.Enum);
      assert.ok(items.some((item) => labelOf(item) === 'prediction'));
      const entityType = await typeInto(yaml, '    type: organization\n', '    type: pl|\n');
      const types = (await completionsAt(ANNOTATIONS, entityType)).map(labelOf);
      assert.deepEqual(types, ['person', 'organization', 'place', 'event', 'work', 'group', 'other']);
    });

    it('offers the statuses and the field names of a claim, replacing what was typed', async () => {
      const position = await typeInto(yaml, '    source: authority\n', '    source: authority\n    st|\n');
      const items = await completionsAt(ANNOTATIONS, position);
      const status = items.find((item) => labelOf(item) === 'status');
      assert.ok(status, items.map(labelOf).join(', '));
      assert.equal(status.insertText, 'status: ');
      assert.equal(yaml.getText(status.range as vscode.Range), 'st');
      assert.equal(status.command?.command, 'editor.action.triggerSuggest');
      assert.ok(!items.some((item) => labelOf(item) === 'source'), 'the claim has a source already');
      const value = await typeInto(yaml, '    st\n', '    status: |\n');
      const statuses = (await completionsAt(ANNOTATIONS, value, ' ')).map(labelOf);
      assert.deepEqual(statuses, ['unverified', 'verified', 'disputed', 'false', 'misleading']);
    });
  });

  describe('go to definition', () => {
    it('goes from a source id to its entity', async () => {
      const targets = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', ANNOTATIONS, positionOf(yaml, 'source: patel', 10));
      assert.deepEqual(targets.map(describeLocation), ['council-vote.yaml:patel']);
      assert.equal(yaml.getText(targets[0].originSelectionRange), 'patel');
      assert.equal(targets[0].targetRange.start.line, positionOf(yaml, '  patel:').line);
    });

    it("goes from a claim's `text:` to the words in the draft", async () => {
      const targets = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', ANNOTATIONS, positionOf(yaml, 'text: the bridge will be late', 10));
      assert.deepEqual(targets.map(describeLocation), ['council-vote.txt:the bridge will be late']);
      assert.equal(yaml.getText(targets[0].originSelectionRange), 'the bridge will be late');
    });
  });

  it('finds every reference of an entity: its key, the sources, and its mentions in the draft', async () => {
    const fromSource = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', ANNOTATIONS, positionOf(yaml, 'source: lopez', 9));
    assert.deepEqual(fromSource.map(describeLocation).sort(), ['council-vote.txt:Mayor Ana Lopez', 'council-vote.yaml:lopez', 'council-vote.yaml:lopez']);
    const fromKey = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', ANNOTATIONS, positionOf(yaml, '  lopez:', 3));
    assert.deepEqual(fromKey.map(describeLocation).sort(), fromSource.map(describeLocation).sort());
  });

  describe('rename', () => {
    it('renames the key and every source in one undoable edit', async () => {
      const original = yaml.getText();
      const position = positionOf(yaml, 'source: patel', 9);
      const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', ANNOTATIONS, position);
      assert.equal(yaml.getText(prepared.range), 'patel');
      assert.equal(prepared.placeholder, 'patel');
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', ANNOTATIONS, position, 'raj-patel');
      const sources = original.match(/^ {4}source: patel$/gm)?.length ?? 0;
      assert.deepEqual(edit.entries().map(([uri, edits]) => [path.basename(uri.fsPath), edits.length]), [['council-vote.yaml', 1 + sources]]);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.match(yaml.getText(), /^ {2}raj-patel:$/m);
      assert.match(yaml.getText(), /^ {4}source: raj-patel$/m);
      assert.doesNotMatch(yaml.getText(), /^ {2}patel:$/m);
      const analysis = await (await extensionApi()).analysisOf(yaml);
      assert.equal(analysis?.entities.get('raj-patel')?.name, 'Raj Patel');
      assert.deepEqual(analysis?.findings.filter((finding) => finding.code === 'unknown-entity'), []);
      await vscode.window.showTextDocument(yaml);
      await vscode.commands.executeCommand('undo');
      assert.equal(yaml.getText(), original);
    });

    it('refuses where there is no id, an invalid id and an id already taken, saying why', async () => {
      const away = await rejection(vscode.commands.executeCommand('vscode.prepareRename', ANNOTATIONS, positionOf(yaml, 'name: Raj Patel', 8)));
      assert.match(away, /Only entity ids can be renamed/);
      const position = positionOf(yaml, '  patel:', 3);
      const invalid = await rejection(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', ANNOTATIONS, position, 'Raj Patel'));
      assert.match(invalid, /'Raj Patel' is not a valid entity id/);
      const taken = await rejection(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', ANNOTATIONS, position, 'lopez'));
      assert.match(taken, /already an entity 'lopez' in council-vote\.yaml/);
      assert.equal(yaml.isDirty, false);
    });
  });

  describe('outline', () => {
    it('lists the entities, then the claims as written, each revealing its entry', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', ANNOTATIONS);
      const ours = symbols.filter((symbol) => symbol.name === 'Entities' || symbol.name === 'Claims');
      assert.deepEqual(ours.map((symbol) => symbol.name), ['Entities', 'Claims']);
      assert.deepEqual(ours[0].children.slice(0, 2).map((symbol) => [symbol.name, symbol.detail]), [
        ['Ana Lopez', 'person · lopez'],
        ['Raj Patel', 'person · patel'],
      ]);
      assert.equal(yaml.getText(ours[0].children[0].selectionRange), 'lopez');
      const budget = ours[1].children[0];
      assert.match(yaml.getText(budget.range), /^id: budget-approved\n/);
      assert.match(budget.detail, /^Fact · Ana Lopez/);
      assert.ok(budget.range.contains(budget.selectionRange));
      assert.match(yaml.getText(budget.selectionRange), /^approved a \$12 million budget/);
    });
  });

  describe('hovers', () => {
    it('shows the entity card on an id', async () => {
      const [card] = await hoverText(ANNOTATIONS, positionOf(yaml, 'source: authority', 10));
      assert.match(card, /^\*\*transport authority\*\* · Organization/);
      assert.match(card, /Riverton transport authority/);
      assert.match(card, /1 mention · source of 1 claim/);
    });

    it('shows where a `text:` anchored, or why it did not', async () => {
      const [anchored] = await hoverText(ANNOTATIONS, positionOf(yaml, 'text: faces a shortage', 8));
      assert.match(anchored, /^\*\*Anchored\*\* in council\\-vote\\\.txt, line 2/);
      assert.match(anchored, /> The project reportedly \*\*faces a shortage of steel\*\*\\\./);
      const position = await typeInto(yaml, 'text: faces a shortage of steel', 'text: |ferries sail to the moon on Sundays');
      const [missing] = await hoverText(ANNOTATIONS, position);
      assert.match(missing, /^\*\*Not found\*\* in council\\-vote\\\.txt: /);
    });
  });
});

describe('in a YAML file that is not an annotation file', () => {
  it('offers no entity ids, definitions or hovers', async () => {
    const document = (await open(NOT_ANNOTATIONS)).document;
    const position = positionOf(document, 'source: lopez', 9);
    const items = await completionsAt(NOT_ANNOTATIONS, position);
    assert.deepEqual(items.filter((item) => item.kind === vscode.CompletionItemKind.Reference).map(labelOf), []);
    const targets = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', NOT_ANNOTATIONS, position);
    assert.deepEqual(targets, []);
    assert.deepEqual(await hoverText(NOT_ANNOTATIONS, position), []);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', NOT_ANNOTATIONS);
    assert.deepEqual((symbols ?? []).filter((symbol) => symbol.name === 'Entities' || symbol.name === 'Claims'), []);
  });
});
