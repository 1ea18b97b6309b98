// The outlines (Outline view, breadcrumbs, Go to Symbol): a draft's claims in reading order and entities with
// their mentions; an annotation file's entities and claims, each covering its entry.
import * as vscode from 'vscode';
import { draftOutline, type OutlineNode } from '../core/outline';
import { annotationFileOutline } from '../core/yamlOutline';
import { annotationAnalysis, YAML_SELECTOR } from './annotationDocuments';
import type { AnalysisStore } from './analysisStore';
import { documentRange } from './ranges';
import { DRAFT_SELECTOR } from './selectors';

const ENTITY_KINDS: Record<string, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Namespace,
  event: vscode.SymbolKind.Event,
  work: vscode.SymbolKind.File,
  group: vscode.SymbolKind.Struct,
  other: vscode.SymbolKind.Variable,
};

function symbolKind(node: OutlineNode): vscode.SymbolKind {
  switch (node.kind) {
    case 'group':
      return vscode.SymbolKind.Package;
    case 'claim':
      return vscode.SymbolKind.String;
    case 'entity':
      return ENTITY_KINDS[node.entityType ?? 'other'] ?? vscode.SymbolKind.Variable;
    default:
      return vscode.SymbolKind.Key;
  }
}

function toSymbol(document: vscode.TextDocument, node: OutlineNode): vscode.DocumentSymbol {
  const range = documentRange(document, node.range);
  const selection = node.target ? documentRange(document, node.target.range) : new vscode.Range(range.start, range.start);
  const symbol = new vscode.DocumentSymbol(node.label, node.detail ?? '', symbolKind(node), range, range.contains(selection) ? selection : range);
  symbol.children = node.children.map((child) => toSymbol(document, child));
  return symbol;
}

export function registerDocumentSymbols(store: AnalysisStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(
      DRAFT_SELECTOR,
      {
        async provideDocumentSymbols(document) {
          const analysis = await store.current(document);
          if (!analysis?.draft || analysis.draft.text !== document.getText()) return [];
          return draftOutline(analysis).map((node) => toSymbol(document, node));
        },
      },
      { label: 'Editorial Annotations' },
    ),
    // Only annotation files: another YAML file's outline is left to the YAML extensions.
    vscode.languages.registerDocumentSymbolProvider(
      YAML_SELECTOR,
      {
        async provideDocumentSymbols(document) {
          const analysis = await annotationAnalysis(store, document);
          return analysis ? annotationFileOutline(analysis, document.uri.fsPath).map((node) => toSymbol(document, node)) : [];
        },
      },
      { label: 'Editorial Annotations' },
    ),
  );
}
