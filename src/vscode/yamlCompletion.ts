// Completion in annotation files: entity ids after `source:`, claim types, bases, statuses, entity
// types and field names, from the core's items.
import * as vscode from 'vscode';
import { yamlCompletions, type YamlCompletionItem, type YamlCompletionKind } from '../core/yamlCompletion';
import type { AnalysisStore } from './analysisStore';
import { isAnnotationDocument, YAML_SELECTOR } from './annotationDocuments';
import { documentRange } from './ranges';

const KINDS: Readonly<Record<YamlCompletionKind, vscode.CompletionItemKind>> = {
  entity: vscode.CompletionItemKind.Reference,
  'claim-type': vscode.CompletionItemKind.Enum,
  value: vscode.CompletionItemKind.EnumMember,
  field: vscode.CompletionItemKind.Property,
};

/**
 * The Red Hat YAML extension completes field names and enum values from the schema this extension
 * contributes (`yamlValidation`); where it is installed those items are left to it, not offered twice.
 */
const RED_HAT_YAML = 'redhat.vscode-yaml';
const SCHEMA_KINDS: readonly YamlCompletionKind[] = ['field', 'value'];

/** After `source: `, `- ` in a source list, `type: `..., and after `[` or `,` in a flow list. */
const TRIGGER_CHARACTERS = [' ', '[', ','];

function toCompletionItem(item: YamlCompletionItem, range: vscode.Range): vscode.CompletionItem {
  const label: vscode.CompletionItemLabel = { label: item.label, detail: item.detail ? ` ${item.detail}` : undefined, description: item.description };
  const completion = new vscode.CompletionItem(label, KINDS[item.kind]);
  completion.insertText = item.insertText;
  completion.range = range;
  completion.sortText = item.sortText;
  completion.filterText = item.label;
  completion.detail = item.detail;
  if (item.documentation) {
    // Descriptions come from a YAML file: no commands, no HTML.
    const documentation = new vscode.MarkdownString(item.documentation);
    documentation.isTrusted = false;
    documentation.supportHtml = false;
    completion.documentation = documentation;
  }
  if (item.suggestAgain) completion.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
  return completion;
}

export function registerYamlCompletion(store: AnalysisStore): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    YAML_SELECTOR,
    {
      async provideCompletionItems(document, position) {
        if (!(await isAnnotationDocument(store, document))) return undefined;
        // The entities and claim types to offer; the place is read from the text as it is now.
        const analysis = await store.current(document);
        const completions = yamlCompletions(document.getText(), document.offsetAt(position), analysis);
        if (!completions) return undefined;
        const range = documentRange(document, completions.range);
        const schemaCompleted = vscode.extensions.getExtension(RED_HAT_YAML) !== undefined;
        return completions.items.filter((item) => !(schemaCompleted && SCHEMA_KINDS.includes(item.kind))).map((item) => toCompletionItem(item, range));
      },
    },
    ...TRIGGER_CHARACTERS,
  );
}
