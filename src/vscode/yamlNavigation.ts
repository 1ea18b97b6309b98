// Navigation in annotation files: go to definition (an id to its entity, a `text:` to the draft),
// find all references of an entity (YAML and drafts), and rename an entity id everywhere.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import { textHash } from '../core/fixes';
import { entityAt, entityReferences, prepareEntityRename, renameEntity, yamlDefinition } from '../core/yamlNavigation';
import type { AnalysisStore } from './analysisStore';
import { annotationAnalysis, locationConverter, workspaceAnalyses, YAML_SELECTOR } from './annotationDocuments';
import { documentRange } from './ranges';

/**
 * The other analyses an entity may be used in: for a registry entity every annotation file of the
 * workspace folder, analysed now; an article's own entity is used only in its file and its draft.
 */
async function whereUsed(store: AnalysisStore, analysis: Analysis, document: vscode.TextDocument, offset: number): Promise<Analysis[]> {
  const file = document.uri.fsPath;
  return entityAt(analysis, file, offset)?.entity?.fromRegistry ? workspaceAnalyses(store, file) : [];
}

function definitionProvider(store: AnalysisStore): vscode.DefinitionProvider {
  return {
    async provideDefinition(document, position) {
      const analysis = await annotationAnalysis(store, document);
      if (!analysis) return undefined;
      const definition = yamlDefinition(analysis, document.uri.fsPath, document.offsetAt(position), store.all());
      if (!definition || definition.targets.length === 0) return undefined;
      const origin = documentRange(document, definition.origin);
      const toLocation = locationConverter();
      return definition.targets.map((target): vscode.LocationLink => {
        const location = toLocation(target);
        return { originSelectionRange: origin, targetUri: location.uri, targetRange: location.range };
      });
    },
  };
}

function referenceProvider(store: AnalysisStore): vscode.ReferenceProvider {
  return {
    async provideReferences(document, position, context) {
      const analysis = await annotationAnalysis(store, document);
      if (!analysis) return undefined;
      const offset = document.offsetAt(position);
      const world = await whereUsed(store, analysis, document, offset);
      const references = entityReferences(analysis, document.uri.fsPath, offset, world, context.includeDeclaration);
      return references?.map(locationConverter());
    },
  };
}

function renameProvider(store: AnalysisStore): vscode.RenameProvider {
  return {
    async prepareRename(document, position) {
      const analysis = await annotationAnalysis(store, document);
      if (!analysis) return undefined;
      const prepared = prepareEntityRename(analysis, document.uri.fsPath, document.offsetAt(position));
      // VS Code shows a thrown error's message where the rename box would be.
      if ('error' in prepared) throw new Error(prepared.error);
      return { range: documentRange(document, prepared.range), placeholder: prepared.id };
    },

    async provideRenameEdits(document, position, newName) {
      const analysis = await annotationAnalysis(store, document);
      if (!analysis) return undefined;
      const offset = document.offsetAt(position);
      const world = await whereUsed(store, analysis, document, offset);
      const result = renameEntity(analysis, document.uri.fsPath, offset, newName, world);
      if ('error' in result) throw new Error(result.error);
      const documents = new Map<string, vscode.TextDocument>();
      for (const expected of result.expect) {
        const edited = await vscode.workspace.openTextDocument(vscode.Uri.file(expected.file));
        if (textHash(edited.getText()) !== expected.text) {
          throw new Error(`${path.basename(expected.file)} changed while the rename was being prepared. Try again.`);
        }
        documents.set(expected.file, edited);
      }
      const edit = new vscode.WorkspaceEdit();
      for (const change of result.edits) {
        const edited = documents.get(change.file)!;
        edit.replace(edited.uri, documentRange(edited, change.range), change.newText);
      }
      return edit;
    },
  };
}

export function registerYamlNavigation(store: AnalysisStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(YAML_SELECTOR, definitionProvider(store)),
    vscode.languages.registerReferenceProvider(YAML_SELECTOR, referenceProvider(store)),
    vscode.languages.registerRenameProvider(YAML_SELECTOR, renameProvider(store)),
  );
}
