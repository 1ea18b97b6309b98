// What the YAML features share: which documents are annotation files, the analysis of one as its
// text is now, the analyses of every annotation file of its workspace folder (where a registry
// entity is used), and the core's locations as VS Code's.
import * as vscode from 'vscode';
import { parsedFileOf, type Analysis } from '../core/analysis';
import { YAML_EXTENSIONS } from '../core/discovery';
import { LineIndex } from '../core/textIndex';
import type { TextLocation } from '../core/yamlNavigation';
import type { AnalysisStore } from './analysisStore';
import { workspaceFileHost } from './fileHost';
import { toVsRange } from './ranges';

/** YAML files on disk; the providers keep to annotation files (annotations folder, sidecars). */
export const YAML_SELECTOR: vscode.DocumentSelector = { language: 'yaml', scheme: 'file' };

export async function isAnnotationDocument(store: AnalysisStore, document: vscode.TextDocument): Promise<boolean> {
  if (document.uri.scheme !== 'file') return false;
  const file = document.uri.fsPath;
  return store.projectFor(file).project.discovery.isAnnotationFile(file);
}

/** The analysis an open annotation file takes part in, computed on the text it has now. */
export async function annotationAnalysis(store: AnalysisStore, document: vscode.TextDocument): Promise<Analysis | undefined> {
  if (!(await isAnnotationDocument(store, document))) return undefined;
  const analysis = await store.current(document);
  if (!analysis || parsedFileOf(analysis, document.uri.fsPath)?.text !== document.getText()) return undefined;
  return analysis;
}

/** Every annotation file of the file's workspace folder analysed now, from the open buffers and the disk. */
export async function workspaceAnalyses(store: AnalysisStore, file: string): Promise<Analysis[]> {
  const { project } = store.projectFor(file);
  const root = await project.discovery.root(file);
  const analyses: Analysis[] = [];
  for (const candidate of await workspaceFileHost.listFiles(root, YAML_EXTENSIONS)) {
    analyses.push(...(await project.analyzeAnnotationFile(candidate)));
  }
  return analyses;
}

/** Converts the core's locations, each through the text its offsets were computed on. */
export function locationConverter(): (location: TextLocation) => vscode.Location {
  const indexes = new Map<string, LineIndex>();
  return (location) => {
    let index = indexes.get(location.file);
    if (!index) {
      index = new LineIndex(location.text);
      indexes.set(location.file, index);
    }
    return new vscode.Location(vscode.Uri.file(location.file), toVsRange(index, location.range));
  };
}
