// The "Editorial Annotations" view in the Explorer: entities, claims by type or by source, and problems
// of the active draft (or of the draft an active annotation file annotates); a click reveals the span.
import * as path from 'path';
import * as vscode from 'vscode';
import { claimAt, type Analysis, type Orphan } from '../core/analysis';
import { removeOrphanEdits } from '../core/fixes';
import type { YamlLocation } from '../core/model';
import { annotationTree, CLAIM_GROUPINGS, type ClaimGrouping, type OutlineNode } from '../core/outline';
import type { AnalysisStore } from './analysisStore';
import { applyTextEdits } from './applyEdits';
import { attributeClaim, currentDraftAnalysis } from './codeActions';
import { REVEAL_COMMAND } from './commands';
import { saveSwitchedSetting, SECTION } from './config';
import { revealOffsets } from './ranges';

export const TREE_VIEW_ID = 'editorialAnnotations.outline';
export const HAS_ANNOTATIONS_CONTEXT = 'editorialAnnotations.activeEditorHasAnnotations';
export const PROBLEMS_ONLY_CONTEXT = 'editorialAnnotations.tree.problemsOnly';
const CLAIMS_BY_SOURCE_CONTEXT = 'editorialAnnotations.tree.claimsBySource';
/**
 * The setting under SECTION that keeps the Claims group's grouping from one session to the next. Its
 * scope is `window`, not `resource`: it is how the one view shows whichever draft is active, switched by
 * one button; a value per folder would regroup the view as the editor moves between folders' drafts.
 */
export const GROUP_CLAIMS_BY_SETTING = 'tree.groupClaimsBy';
/**
 * Claims grouped by source open with every source expanded while that makes a short list: up to this
 * many rows, sources and their claims together (a short story's who-said-what, at a glance). A longer
 * article opens with the sources collapsed, each with its count of claims: one screen to choose a
 * voice from, rather than a long scroll to find it. The user's own expanding or collapsing of a
 * source then stays, as VS Code keeps it for a row it already shows.
 */
const SOURCES_OPEN_UP_TO_ROWS = 20;
export const TREE_COMMANDS = {
  problemsOnly: 'editorialAnnotations.tree.showProblemsOnly',
  showAll: 'editorialAnnotations.tree.showAll',
  groupClaimsBySource: 'editorialAnnotations.tree.groupClaimsBySource',
  groupClaimsByType: 'editorialAnnotations.tree.groupClaimsByType',
  reveal: 'editorialAnnotations.tree.reveal',
  goToAnnotation: 'editorialAnnotations.tree.goToAnnotation',
  attribute: 'editorialAnnotations.tree.attribute',
  removeOrphan: 'editorialAnnotations.tree.removeOrphan',
} as const;

const ENTITY_ICONS: Record<string, string> = {
  person: 'person',
  organization: 'organization',
  place: 'location',
  event: 'calendar',
  work: 'book',
  group: 'people',
  other: 'symbol-misc',
};

const SEVERITY_ICONS: Record<string, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

export class AnnotationTreeProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: OutlineNode[] = [];
  private problemsOnly = false;
  private claimGrouping = configuredClaimGrouping();
  private sourcesOpen = true;
  private analysis: Analysis | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly store: AnalysisStore) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.${GROUP_CLAIMS_BY_SETTING}`)) this.showClaimsBy(configuredClaimGrouping());
      }),
    );
    this.setClaimGroupingContext();
    this.update();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** The analysis the view shows: the active draft's, or the first draft of the active annotation file. */
  get shownAnalysis(): Analysis | undefined {
    return this.analysis;
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    // Keep showing the last draft while focus is somewhere without an editor (the view itself, a panel).
    if (editor && editor.document.uri.scheme === 'file') {
      const file = editor.document.uri.fsPath;
      this.analysis =
        this.store.draftAnalysis(file) ??
        this.store.all().find((analysis) => analysis.draft && (analysis.annotations.file === file || analysis.registry?.file === file));
    } else if (this.analysis) {
      const draft = this.analysis.draft?.path;
      this.analysis = draft === undefined ? undefined : this.store.draftAnalysis(draft);
    }
    const groups = this.analysis ? annotationTree(this.analysis, this.claimGrouping) : [];
    const sources = groups.find((group) => group.key === 'claims')?.children.filter((group) => group.sourceGroup !== undefined) ?? [];
    this.sourcesOpen = sources.reduce((rows, source) => rows + 1 + source.children.length, 0) <= SOURCES_OPEN_UP_TO_ROWS;
    this.roots = this.problemsOnly ? groups.filter((group) => group.key === 'problems') : groups;
    void vscode.commands.executeCommand('setContext', HAS_ANNOTATIONS_CONTEXT, this.analysis !== undefined);
    this.changed.fire(undefined);
  }

  /**
   * Shows only the Problems group, or every group: what the button says, whatever the view shows now
   * (a command run twice, or from a keybinding, must not flip the view back).
   */
  showProblemsOnly(problemsOnly: boolean): void {
    if (problemsOnly === this.problemsOnly) return;
    this.problemsOnly = problemsOnly;
    void vscode.commands.executeCommand('setContext', PROBLEMS_ONLY_CONTEXT, this.problemsOnly);
    this.update();
  }

  /** How the Claims group is divided now. */
  get groupClaimsBy(): ClaimGrouping {
    return this.claimGrouping;
  }

  /**
   * Switches the Claims group at once, then saves the choice in the settings, where the user set it
   * (workspace) or else for the user, so that it outlives the window.
   */
  async groupClaims(grouping: ClaimGrouping): Promise<void> {
    this.showClaimsBy(grouping);
    if (vscode.workspace.getConfiguration(SECTION).get(GROUP_CLAIMS_BY_SETTING) === grouping) return;
    try {
      await saveSwitchedSetting(GROUP_CLAIMS_BY_SETTING, grouping);
    } catch (error) {
      void vscode.window.showWarningMessage(
        `Claims are grouped by ${grouping} for now, but the choice could not be saved in the settings (${error instanceof Error ? error.message : String(error)}). Check that settings.json is valid.`,
      );
    }
  }

  private showClaimsBy(grouping: ClaimGrouping): void {
    if (grouping === this.claimGrouping) return;
    this.claimGrouping = grouping;
    this.setClaimGroupingContext();
    this.update();
  }

  private setClaimGroupingContext(): void {
    void vscode.commands.executeCommand('setContext', CLAIMS_BY_SOURCE_CONTEXT, this.claimGrouping === 'source');
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    return node ? [...node.children] : this.roots;
  }

  /** How a row first opens: groups expanded (the sources of claims only in a short list), the rest collapsed. */
  private collapsibleState(node: OutlineNode): vscode.TreeItemCollapsibleState {
    if (node.children.length === 0) return vscode.TreeItemCollapsibleState.None;
    const open = node.kind === 'group' && (node.sourceGroup === undefined || this.sourcesOpen);
    return open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, this.collapsibleState(node));
    item.id = node.key;
    item.description = node.detail;
    // e.g. "claim unattributed": menus in package.json match on these words.
    item.contextValue = [node.kind, node.annotation ? 'annotated' : '', node.kind === 'claim' && !node.attributed ? 'unattributed' : ''].filter(Boolean).join(' ');
    item.iconPath = iconFor(node);
    item.tooltip = tooltipFor(node);
    if (node.target) {
      item.command = { command: REVEAL_COMMAND, title: 'Reveal', arguments: [node.target.file, node.target.range.start, node.target.range.end] };
    }
    return item;
  }
}

function iconFor(node: OutlineNode): vscode.ThemeIcon | undefined {
  switch (node.kind) {
    case 'entity':
      return new vscode.ThemeIcon(ENTITY_ICONS[node.entityType ?? 'other'] ?? 'symbol-misc');
    case 'claim':
      return new vscode.ThemeIcon('quote');
    case 'problem':
      return SEVERITY_ICONS[node.severity ?? 'information'];
    case 'orphan':
      return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'group':
      if (node.sourceGroup === 'entity') return new vscode.ThemeIcon(ENTITY_ICONS[node.entityType ?? 'other'] ?? 'symbol-misc');
      if (node.sourceGroup === 'unknown-entity') return new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      if (node.sourceGroup === 'none') return new vscode.ThemeIcon('circle-slash');
      return node.key === 'problems' ? new vscode.ThemeIcon('checklist') : undefined;
    default:
      return undefined;
  }
}

function configuredClaimGrouping(): ClaimGrouping {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>(GROUP_CLAIMS_BY_SETTING);
  return CLAIM_GROUPINGS.find((grouping) => grouping === value) ?? 'type';
}

function tooltipFor(node: OutlineNode): string | undefined {
  if (node.kind === 'problem' && node.target) return `${node.label}\n${node.code} · ${path.basename(node.target.file)}`;
  return node.detail ? `${node.label} — ${node.detail}` : node.label;
}

export function registerTreeView(store: AnalysisStore): { provider: AnnotationTreeProvider; disposable: vscode.Disposable } {
  const provider = new AnnotationTreeProvider(store);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const commands = vscode.Disposable.from(
    vscode.commands.registerCommand(TREE_COMMANDS.problemsOnly, () => provider.showProblemsOnly(true)),
    vscode.commands.registerCommand(TREE_COMMANDS.showAll, () => provider.showProblemsOnly(false)),
    vscode.commands.registerCommand(TREE_COMMANDS.groupClaimsBySource, () => provider.groupClaims('source')),
    vscode.commands.registerCommand(TREE_COMMANDS.groupClaimsByType, () => provider.groupClaims('type')),
    vscode.commands.registerCommand(TREE_COMMANDS.reveal, (node: OutlineNode) => (node.target ? revealOffsets(node.target.file, node.target.range) : undefined)),
    vscode.commands.registerCommand(TREE_COMMANDS.goToAnnotation, (node: OutlineNode) => (node.annotation ? revealOffsets(node.annotation.file, node.annotation.range, true) : undefined)),
    vscode.commands.registerCommand(TREE_COMMANDS.attribute, (node: OutlineNode) => {
      const shown = provider.shownAnalysis;
      return shown?.draft && node.claimIndex !== undefined ? attributeShownClaim(store, shown, node.claimIndex) : undefined;
    }),
    vscode.commands.registerCommand(TREE_COMMANDS.removeOrphan, (node: OutlineNode) => {
      const shown = provider.shownAnalysis;
      return shown?.draft && node.kind === 'orphan' && node.target ? removeShownOrphan(store, shown, node.target) : undefined;
    }),
  );
  return { provider, disposable: vscode.Disposable.from(provider, view, commands) };
}

/**
 * The view's "Attribute to…": the view may be a step behind the files (a re-analysis pending), so the
 * claim is attributed in their current analysis, if the row's claim is still the one at that place in
 * the list; otherwise a message asks to try again from the view as it is now.
 */
async function attributeShownClaim(store: AnalysisStore, shown: Analysis, claimIndex: number): Promise<void> {
  const current = await currentDraftAnalysis(store, shown.draft!.path);
  const was = claimAt(shown, claimIndex)?.claim;
  const is = current ? claimAt(current, claimIndex)?.claim : undefined;
  if (!current || !was || !is || is.id !== was.id || is.selector?.text !== was.selector?.text) {
    void vscode.window.showWarningMessage('The annotation file changed since the view showed this claim: nothing was written. Try again from the view.');
    return;
  }
  await attributeClaim(current, claimIndex);
}

/**
 * The view's "Remove from Annotation File" on an orphan: taken out of the files as they are now, if
 * the orphan written at that place is still the one the view showed (the same words, still not found).
 */
async function removeShownOrphan(store: AnalysisStore, shown: Analysis, written: YamlLocation): Promise<void> {
  const current = await currentDraftAnalysis(store, shown.draft!.path);
  const at = (analysis: Analysis): Orphan | undefined =>
    analysis.orphans.find(({ selector }) => selector.textLocation.file === written.file && selector.textLocation.range.start === written.range.start);
  const was = at(shown);
  const is = current ? at(current) : undefined;
  if (!current || !was || !is || is.selector.text !== was.selector.text || is.claim?.id !== was.claim?.id) {
    void vscode.window.showWarningMessage('The annotation file changed since the view showed this orphan: nothing was written. Try again from the view.');
    return;
  }
  await applyTextEdits(removeOrphanEdits(current, is), { computedOn: current });
}
