// Hovers in drafts: the entity card of a mention and the card of a claim, both where they overlap.
import * as vscode from 'vscode';
import { hoverAt } from '../core/hover';
import type { AnalysisStore } from './analysisStore';
import { DRAFT_SELECTOR } from './selectors';
import { documentRange } from './ranges';

export function registerHover(store: AnalysisStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(DRAFT_SELECTOR, {
    async provideHover(document, position) {
      const analysis = await store.current(document);
      if (!analysis?.draft || analysis.draft.text !== document.getText()) return undefined;
      const content = hoverAt(analysis, document.offsetAt(position));
      if (!content) return undefined;
      const sections = content.sections.map((section) => {
        const markdown = new vscode.MarkdownString(section);
        // The text comes from a YAML file: no commands, no HTML.
        markdown.isTrusted = false;
        markdown.supportHtml = false;
        return markdown;
      });
      return new vscode.Hover(sections, documentRange(document, content.range));
    },
  });
}
