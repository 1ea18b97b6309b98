// Findings -> the Problems panel, for every file an open analysis involves.
import * as vscode from 'vscode';
import { docsPath } from '../core/codes';
import type { Analysis } from '../core/analysis';
import type { Finding } from '../core/model';
import type { AnalysisStore } from './analysisStore';
import { lineIndexFor, toVsRange } from './ranges';

export const DIAGNOSTIC_SOURCE = 'Editorial Annotations';

const SEVERITIES: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The diagnostic shown for a finding; `extensionUri` links its code to the finding's page. */
export function diagnosticFor(analysis: Analysis, finding: Finding, extensionUri?: vscode.Uri): vscode.Diagnostic | undefined {
  const index = lineIndexFor(analysis, finding.file);
  if (!index) return undefined;
  const diagnostic = new vscode.Diagnostic(toVsRange(index, finding.range), finding.message, SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = extensionUri ? { value: finding.code, target: vscode.Uri.joinPath(extensionUri, docsPath(finding.code)) } : finding.code;
  if (finding.code === 'unused-entity') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function registerDiagnostics(store: AnalysisStore, extensionUri: vscode.Uri): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('editorial-annotations');
  const publish = (): void => {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const seen = new Set<string>();
    for (const analysis of store.all()) {
      const ownDraft = analysis.draft ? store.draftAnalysis(analysis.draft.path) === analysis : false;
      for (const finding of analysis.findings) {
        // A draft's problems come from its own analysis; an open annotation file's copy may be older.
        if (finding.file === analysis.draft?.path && !ownDraft) continue;
        const key = `${finding.file}\0${finding.range.start}\0${finding.range.end}\0${finding.code}\0${finding.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const diagnostic = diagnosticFor(analysis, finding, extensionUri);
        if (!diagnostic) continue;
        const list = byFile.get(finding.file) ?? [];
        list.push(diagnostic);
        byFile.set(finding.file, list);
      }
    }
    collection.forEach((uri) => {
      if (!byFile.has(uri.fsPath)) collection.delete(uri);
    });
    for (const [file, diagnostics] of byFile) collection.set(vscode.Uri.file(file), diagnostics);
  };
  return vscode.Disposable.from(collection, store.onDidChange(publish));
}
