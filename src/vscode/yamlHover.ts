// Hovers in annotation files: the entity card of an id, and where a span's `text:` anchored in the draft.
import * as vscode from 'vscode';
import { yamlHoverAt } from '../core/yamlHover';
import type { AnalysisStore } from './analysisStore';
import { annotationAnalysis, YAML_SELECTOR } from './annotationDocuments';
import { documentRange } from './ranges';

export function registerYamlHover(store: AnalysisStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(YAML_SELECTOR, {
    async provideHover(document, position) {
      const analysis = await annotationAnalysis(store, document);
      if (!analysis) return undefined;
      const content = yamlHoverAt(analysis, document.uri.fsPath, document.offsetAt(position), store.all());
      if (!content) return undefined;
      // The text comes from the YAML and the draft: no commands, no HTML.
      const markdown = new vscode.MarkdownString(content.markdown);
      markdown.isTrusted = false;
      markdown.supportHtml = false;
      return new vscode.Hover(markdown, documentRange(document, content.range));
    },
  });
}
