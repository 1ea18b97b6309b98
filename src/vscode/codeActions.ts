// Quick fixes on the findings, in the draft and in the YAML, plus "Fix all" (also as source.fixAll).
import * as vscode from 'vscode';
import { claimAt, type Analysis } from '../core/analysis';
import { setClaimField, type TextEdit } from '../core/edits';
import { fixAllFor, fixesFor, likelySources, likelySpeakers, quoteClaimEdits, sourceFixAllFor, type Fix, type Interaction } from '../core/fixes';
import type { Finding } from '../core/model';
import type { AnalysisStore } from './analysisStore';
import { reanchorFromProblem } from './annotateCommands';
import { applyTextEdits, stillAsComputed } from './applyEdits';
import { DIAGNOSTIC_SOURCE, diagnosticFor } from './diagnostics';
import { pickEntity } from './entityPicker';
import { revealOffsets } from './ranges';
import { DRAFT_SELECTOR } from './selectors';

export const APPLY_FIX_COMMAND = 'editorialAnnotations.applyFix';
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('editorialAnnotations');

const SELECTOR: vscode.DocumentSelector = [...(DRAFT_SELECTOR as vscode.DocumentFilter[]), { language: 'yaml', scheme: 'file' }];

function codeValue(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

/** The finding a diagnostic was made from: same file, code and range. */
function findingOf(analysis: Analysis, document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Finding | undefined {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const code = codeValue(diagnostic);
  return analysis.findings.find((f) => f.file === document.uri.fsPath && f.code === code && f.range.start === start && f.range.end === end);
}

/** The findings of this file whose ranges touch `range`, as VS Code picks the diagnostics it passes. */
function findingsAt(analysis: Analysis, document: vscode.TextDocument, range: vscode.Range): Finding[] {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const file = document.uri.fsPath;
  return analysis.findings.filter((finding) => finding.file === file && finding.range.start <= end && finding.range.end >= start);
}

function toAction(fix: Fix, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = diagnostics;
  action.isPreferred = fix.isPreferred;
  action.command = { command: APPLY_FIX_COMMAND, title: fix.title, arguments: [fix] };
  return action;
}

function fixAllAction(title: string, kind: vscode.CodeActionKind, fixes: readonly Fix[]): vscode.CodeAction {
  const action = new vscode.CodeAction(title, kind);
  action.command = { command: APPLY_FIX_COMMAND, title, arguments: [...fixes] };
  return action;
}

class AnnotationCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly store: AnalysisStore) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const only = context.only;
    if (only && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only))) {
      const analysis = await this.analysisFor(document);
      const fixes = analysis ? sourceFixAllFor(analysis, document.uri.fsPath) : [];
      return fixes.length > 0 ? [fixAllAction('Fix all editorial annotation problems', FIX_ALL_KIND, fixes)] : [];
    }
    if (only && !only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    // VS Code asks on every cursor move, typing included: without a problem of ours under the cursor
    // that is not worth an analysis (current() would run a pending one at once, past the debounce).
    // Ctrl+. is worth one: right after a draft opens, its analysis can be ready before VS Code has its
    // diagnostics ("No code actions"), and the findings under the cursor are what they will be.
    if (ours.length === 0 && context.triggerKind !== vscode.CodeActionTriggerKind.Invoke) return [];
    const analysis = await this.analysisFor(document);
    if (!analysis) return [];
    const problems = ours.length > 0
      ? ours.map((diagnostic) => ({ diagnostic, finding: findingOf(analysis, document, diagnostic) }))
      : findingsAt(analysis, document, range).map((finding) => ({ finding, diagnostic: diagnosticFor(analysis, finding) }));
    const actions: vscode.CodeAction[] = [];
    const fixAllCodes = new Set<string>();
    for (const { diagnostic, finding } of problems) {
      if (!finding || !diagnostic) continue;
      const fixes = fixesFor(analysis, finding);
      actions.push(...fixes.map((fix) => toAction(fix, [diagnostic])));
      if (fixes.some((fix) => fix.fixAll)) fixAllCodes.add(finding.code);
    }
    for (const code of fixAllCodes) {
      const all = fixAllFor(analysis, document.uri.fsPath, code);
      if (all.length > 1) actions.push(fixAllAction(`Fix all ${code} problems in this file`, vscode.CodeActionKind.QuickFix, all));
    }
    return actions;
  }

  /** A draft's analysis, or for an annotation file the analysis whose findings it shows. */
  private async analysisFor(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const own = await this.store.current(document);
    if (own) return own;
    return this.store.all().find((analysis) => analysis.annotations.file === document.uri.fsPath || analysis.registry?.file === document.uri.fsPath);
  }
}

/** Applies fixes (one, or all those of a "Fix all") after checking nothing changed under them. */
async function applyFixes(store: AnalysisStore, ...fixes: Fix[]): Promise<void> {
  if (!(await stillAsComputed(fixes.flatMap((fix) => fix.expect), 'offered'))) return;
  if (fixes.length === 1 && fixes[0].interaction) {
    await interact(store, fixes[0].interaction);
    return;
  }
  const edits: TextEdit[] = fixes.flatMap((fix) => fix.edits);
  const placeholder = fixes.length === 1 ? fixes[0].placeholder : undefined;
  if (!(await applyTextEdits(edits, { select: placeholder }))) {
    void vscode.window.showErrorMessage('The fix could not be applied: the file may be read-only.');
  }
}

/** The current analysis of a draft, by its path (opened as a document if need be). */
export async function currentDraftAnalysis(store: AnalysisStore, draft: string): Promise<Analysis | undefined> {
  return store.current(await vscode.workspace.openTextDocument(vscode.Uri.file(draft)));
}

/**
 * Asks whom claim `claimIndex` of the analysis's annotation file is to be attributed to (the entities
 * its sentence says made it first, then those named near it) and makes that entity its source, adding the entity when the user makes a new
 * one: the "Attribute to…" quick fix and the view's "Attribute to…" action. Nothing is written if the
 * annotation file changed since `analysis` (the claim at that place could be another one by then).
 */
export async function attributeClaim(analysis: Analysis, claimIndex: number): Promise<void> {
  if (!analysis.draft) return;
  const anchored = claimAt(analysis, claimIndex);
  const likely = anchored?.range ? likelySources(analysis, anchored.range) : [];
  const picked = await pickEntity(analysis, likely, 'Attribute the claim to…');
  if (picked?.kind !== 'entity') return;
  await applyTextEdits([...picked.edits, ...setClaimField(analysis.annotations, claimIndex, 'source', picked.id)], { computedOn: analysis });
}

async function interact(store: AnalysisStore, interaction: Interaction): Promise<void> {
  if (interaction.kind === 'reveal') {
    await revealOffsets(interaction.file, interaction.range, true);
    return;
  }
  if (interaction.kind === 'reanchor') {
    await reanchorFromProblem(store, interaction.draft, { file: interaction.file, range: interaction.range });
    return;
  }
  // The fix's expectations held a moment ago: this analysis is of the files as they were offered.
  const analysis = await currentDraftAnalysis(store, interaction.draft);
  if (!analysis?.draft) return;
  if (interaction.kind === 'attribute-claim') {
    await attributeClaim(analysis, interaction.claimIndex);
    return;
  }
  const picked = await pickEntity(analysis, likelySpeakers(analysis, interaction.range), 'Who said it?');
  if (picked?.kind !== 'entity') return;
  await applyTextEdits([...picked.edits, ...quoteClaimEdits(analysis, interaction.range, picked.id)], { computedOn: analysis });
}

export function registerCodeActions(store: AnalysisStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(SELECTOR, new AnnotationCodeActions(store), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
    }),
    vscode.commands.registerCommand(APPLY_FIX_COMMAND, (...fixes: Fix[]) => applyFixes(store, ...fixes)),
  );
}
