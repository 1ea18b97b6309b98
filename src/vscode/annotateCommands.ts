// Annotating from the draft: a selection becomes a claim or an entity (or a mention of one) without
// typing YAML; "Go to Annotation" jumps from the words to their entry. A draft without an annotation
// file gets one on its first annotation, where discovery will find it.
import * as path from 'path';
import * as vscode from 'vscode';
import { overlaps, parsedFileOf, type Analysis, type Orphan } from '../core/analysis';
import { BASIS_LABELS } from '../core/claimTypes';
import { isDraftPath, newAnnotationFilePath } from '../core/discovery';
import { addMention, mapStartingAt, newAnnotationFileText, setFields } from '../core/edits';
import { entitiesNear } from '../core/findings/attribution';
import { isQuotationMarkAt } from '../core/findings/quotes';
import { likelySources, likelySpeakers, newClaimEdits, quotedWords, reanchorFields } from '../core/fixes';
import type { OffsetRange, YamlLocation } from '../core/model';
import { excerpt, type OutlineNode } from '../core/outline';
import { describeSpan } from '../core/selectors';
import { isWholeWords } from '../core/wordBoundaries';
import type { AnalysisStore } from './analysisStore';
import { applyTextEdits } from './applyEdits';
import { workspaceFileHost } from './fileHost';
import { revealOffsets } from './ranges';
import { pickEntity, type OtherChoice } from './entityPicker';

export const ANNOTATE_CLAIM_COMMAND = 'editorialAnnotations.annotateClaim';
export const ANNOTATE_ENTITY_COMMAND = 'editorialAnnotations.annotateEntity';
export const GO_TO_ANNOTATION_COMMAND = 'editorialAnnotations.goToAnnotation';
export const REANCHOR_COMMAND = 'editorialAnnotations.reanchor';

/** When no selector finds exactly the selected words (they have no letters, say): what to do. */
const UNDESCRIBABLE = 'These words cannot be told apart from the other places they occur: select a few more words around them.';

interface DraftSelection {
  readonly editor: vscode.TextEditor;
  readonly range: OffsetRange;
  readonly text: string;
}

/** The selected words of the active draft, trimmed of surrounding spaces; undefined (and a message) when there are none, or they cut a word. */
function draftSelection(): DraftSelection | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== 'file' || !isDraftPath(editor.document.uri.fsPath)) {
    void vscode.window.showInformationMessage('Open a draft (.txt or .md) and select the words to annotate.');
    return undefined;
  }
  const selection = selectedWords(editor);
  if (!selection) {
    void vscode.window.showInformationMessage('Select the words of the draft to annotate first.');
    return undefined;
  }
  return wholeWordsOnly(selection);
}

/**
 * The selection when it begins and ends between words; undefined (and a message) when it cuts one:
 * no selector anchors to part of a word, so one written for it would be reported not found at once.
 */
function wholeWordsOnly(selection: DraftSelection): DraftSelection | undefined {
  if (isWholeWords(selection.editor.document.getText(), selection.range.start, selection.range.end)) return selection;
  void vscode.window.showInformationMessage('Select whole words: an annotation begins and ends between words, never inside one.');
  return undefined;
}

/** An editor's selection trimmed of surrounding spaces; undefined when that leaves nothing. */
function selectedWords(editor: vscode.TextEditor): DraftSelection | undefined {
  const document = editor.document;
  let start = document.offsetAt(editor.selection.start);
  let end = document.offsetAt(editor.selection.end);
  const text = document.getText();
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start === end ? undefined : { editor, range: { start, end }, text: text.slice(start, end) };
}

/**
 * The draft's analysis, creating its annotation file in the annotations folder when it has none: under
 * a name no file has (another draft's annotation file, or the registry, can have the draft's name),
 * with a file operation that fails rather than replace a file made meanwhile, and that Undo takes back.
 */
async function analysisCreatingFile(store: AnalysisStore, document: vscode.TextDocument): Promise<Analysis | undefined> {
  const existing = await store.current(document);
  if (existing) return existing;
  const draft = document.uri.fsPath;
  const { project, settings } = store.projectFor(draft);
  const root = await project.discovery.root(draft);
  const folder = path.join(root, settings.project.annotationsFolder);
  const file = await newAnnotationFilePath(workspaceFileHost, folder, draft);
  const article = path.relative(path.dirname(file), draft).split(path.sep).join('/');
  await vscode.workspace.fs.createDirectory(vscode.Uri.file(folder));
  const creation = new vscode.WorkspaceEdit();
  creation.createFile(vscode.Uri.file(file), { contents: new TextEncoder().encode(newAnnotationFileText(article)) });
  if (!(await vscode.workspace.applyEdit(creation))) {
    void vscode.window.showWarningMessage(`Could not create ${vscode.workspace.asRelativePath(file)} for the annotations of this draft: nothing was written.`);
    return undefined;
  }
  await store.annotationFileChanged(file);
  const created = await store.current(document);
  if (created) void vscode.window.showInformationMessage(`Created ${vscode.workspace.asRelativePath(file)} for the annotations of this draft.`);
  return created;
}

interface TypeItem extends vscode.QuickPickItem {
  readonly id: string;
}

async function annotateClaim(store: AnalysisStore): Promise<void> {
  const selection = draftSelection();
  if (!selection) return;
  const analysis = await analysisCreatingFile(store, selection.editor.document);
  if (!analysis?.draft) return;
  const { start, end } = selection.range;
  const quoted = isQuotationMarkAt(analysis.draft.text, start) || isQuotationMarkAt(analysis.draft.text, end - 1);
  const types: TypeItem[] = [...analysis.claimTypes.values()]
    .sort((a, b) => Number(b.id === 'direct-quote' && quoted) - Number(a.id === 'direct-quote' && quoted))
    .map((type) => ({ id: type.id, label: type.label, description: type.id, detail: type.requiresSource ? 'needs a source' : 'needs no source' }));
  const type = await vscode.window.showQuickPick(types, { title: `Annotate “${excerpt(selection.text)}” as a claim: what kind?` });
  if (!type) return;
  const claimType = analysis.claimTypes.get(type.id)!;
  const others: OtherChoice[] = [
    ...claimType.acceptedBases.map((basis) => ({ label: `No source: ${BASIS_LABELS[basis]}`, value: `basis:${basis}` })),
    { label: 'No source yet', value: 'none', description: 'it will show as unattributed' },
  ];
  const range = quoted ? quotedWords(analysis.draft.text, selection.range) : selection.range;
  // Who the sentence says spoke or made the claim first, as the quick fixes rank them.
  const likely = quoted ? likelySpeakers(analysis, selection.range) : likelySources(analysis, range);
  const picked = await pickEntity(analysis, likely, 'Who makes this claim?', '', others);
  if (!picked) return;
  const selector = describeSpan(analysis.draft.prepared, range);
  if (!selector) {
    void vscode.window.showInformationMessage(UNDESCRIBABLE);
    return;
  }
  const source = picked.kind === 'entity' ? picked.id : undefined;
  const basis = picked.kind === 'other' && picked.value.startsWith('basis:') ? picked.value.slice('basis:'.length) : undefined;
  const newEntity = picked.kind === 'entity' ? picked.edits : [];
  await applyTextEdits([...newEntity, ...newClaimEdits(analysis, range, { ...selector, type: type.id, source, basis })], { computedOn: analysis });
}

async function annotateEntity(store: AnalysisStore): Promise<void> {
  const selection = draftSelection();
  if (!selection) return;
  const analysis = await analysisCreatingFile(store, selection.editor.document);
  if (!analysis?.draft) return;
  const picked = await pickEntity(analysis, entitiesNear(analysis, selection.range), `Annotate “${excerpt(selection.text)}”: a new entity, or a mention of one`, selection.text);
  if (picked?.kind !== 'entity') return;
  // A new entity: adding it is the annotation (its name is the selected words).
  if (picked.edits.length > 0) {
    await applyTextEdits(picked.edits, { computedOn: analysis });
    return;
  }
  const entity = analysis.entities.get(picked.id)!;
  if (entity.fromRegistry) {
    void vscode.window.showInformationMessage(`${entity.name} is in the shared registry: add the mention there, or define the entity in this article's file.`);
    return;
  }
  const selector = describeSpan(analysis.draft.prepared, selection.range);
  if (!selector) {
    void vscode.window.showInformationMessage(UNDESCRIBABLE);
    return;
  }
  await applyTextEdits(addMention(analysis.annotations, entity.id, selector), { computedOn: analysis });
}

interface OrphanItem extends vscode.QuickPickItem {
  readonly orphan: Orphan;
}

/**
 * Gives an orphaned annotation (its words are gone from the draft) the words selected in the draft:
 * the orphan picked from the tree, the only one, or one the user picks.
 */
async function reanchor(store: AnalysisStore, node?: OutlineNode): Promise<void> {
  const selection = draftSelection();
  if (!selection) return;
  const picked = node?.kind === 'orphan' && node.target ? { file: node.target.file, start: node.range.start } : undefined;
  await reanchorToSelection(store, selection, picked);
}

/**
 * The quick fix of `span-not-found`, run from the annotation file: the orphan whose `text:` is at
 * `written` gets the words selected in `draft` where it is open. With none selected, the draft is
 * shown and a message says what to do: a guess at the words would be worse than the orphan.
 */
export async function reanchorFromProblem(store: AnalysisStore, draft: string, written: YamlLocation): Promise<void> {
  const editors = vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.scheme === 'file' && editor.document.uri.fsPath === draft);
  const active = vscode.window.activeTextEditor;
  const ordered = active && editors.includes(active) ? [active, ...editors.filter((editor) => editor !== active)] : editors;
  const selection = ordered.map(selectedWords).find((words) => words !== undefined);
  if (selection) {
    if (wholeWordsOnly(selection)) await reanchorToSelection(store, selection, { file: written.file, start: written.range.start }, true);
    return;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(draft));
  const showing = editors[0];
  await vscode.window.showTextDocument(document, showing ? showing.viewColumn : vscode.ViewColumn.Beside);
  void vscode.window.showInformationMessage(
    'Select the words of the draft this annotation should now mark, then choose “Re-anchor Annotation to Selection…” from their context menu (or this quick fix again).',
  );
}

/**
 * Re-anchors the orphan whose `text:` starts at `wanted` (when given and still an orphan; else the
 * only one, or one the user picks) to `selection`. `strict`: the wanted one or none, as a quick fix
 * named it.
 */
async function reanchorToSelection(store: AnalysisStore, selection: DraftSelection, wanted?: { file: string; start: number }, strict = false): Promise<void> {
  const analysis = await store.current(selection.editor.document);
  const orphans = analysis?.orphans ?? [];
  const written = (orphan: Orphan): YamlLocation => orphan.selector.textLocation;
  let orphan = wanted ? orphans.find((candidate) => written(candidate).file === wanted.file && written(candidate).range.start === wanted.start) : undefined;
  if (!analysis?.draft || orphans.length === 0 || (strict && !orphan)) {
    void vscode.window.showInformationMessage(
      strict ? 'This annotation is no longer an orphan: its words were found.' : 'This draft has no orphaned annotation: every span was found.',
    );
    return;
  }
  if (!orphan && orphans.length === 1) orphan = orphans[0];
  if (!orphan) {
    const items: OrphanItem[] = orphans.map((candidate) => ({ orphan: candidate, label: excerpt(candidate.selector.text), description: candidate.claim?.id ?? candidate.entityId }));
    orphan = (await vscode.window.showQuickPick(items, { title: `Re-anchor which annotation to “${excerpt(selection.text)}”?` }))?.orphan;
  }
  const selector = orphan?.selector;
  const parsed = selector ? parsedFileOf(analysis, selector.location.file) : undefined;
  const map = parsed && selector ? mapStartingAt(parsed, selector.location.range.start) : undefined;
  if (!selector || !parsed || !map) return;
  const fields = reanchorFields(analysis, selection.range, selector);
  if (!fields) {
    void vscode.window.showInformationMessage(UNDESCRIBABLE);
    return;
  }
  await applyTextEdits(setFields(parsed, map, fields), { computedOn: analysis });
}

/** The YAML entry of what is at the cursor: the innermost claim, else the entity mentioned there. */
async function goToAnnotation(store: AnalysisStore): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const analysis = editor ? await store.current(editor.document) : undefined;
  if (!editor || !analysis?.draft) {
    void vscode.window.showInformationMessage('Put the cursor on annotated words of a draft.');
    return;
  }
  const offset = editor.document.offsetAt(editor.selection.active);
  const at: OffsetRange = { start: offset, end: offset + 1 };
  const claim = analysis.claims
    .filter((anchored) => anchored.range && overlaps(anchored.range, at))
    .sort((a, b) => a.range!.end - a.range!.start - (b.range!.end - b.range!.start))[0];
  const mention = analysis.mentions.find((candidate) => overlaps(candidate.range, at));
  const target = claim?.claim.selector?.textLocation ?? claim?.claim.location ?? (mention ? entityLocation(analysis, mention.entityId, mention.range) : undefined);
  if (!target) {
    void vscode.window.showInformationMessage('No claim or entity mention here.');
    return;
  }
  await revealOffsets(target.file, target.range, true);
}

function entityLocation(analysis: Analysis, entityId: string, range: OffsetRange) {
  const entity = analysis.entities.get(entityId);
  const explicit = entity?.mentions.find((selector) => {
    const anchor = analysis.draft!.prepared.anchor(selector);
    return anchor.kind === 'found' && anchor.range.start === range.start;
  });
  return explicit?.textLocation ?? entity?.keyLocation;
}

export function registerAnnotateCommands(store: AnalysisStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(ANNOTATE_CLAIM_COMMAND, () => annotateClaim(store)),
    vscode.commands.registerCommand(ANNOTATE_ENTITY_COMMAND, () => annotateEntity(store)),
    vscode.commands.registerCommand(GO_TO_ANNOTATION_COMMAND, () => goToAnnotation(store)),
    vscode.commands.registerCommand(REANCHOR_COMMAND, (node?: OutlineNode) => reanchor(store, node)),
  );
}
