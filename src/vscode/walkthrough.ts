// The Getting Started walkthrough's one command: open the sample article. The sample ships inside the
// extension; it is copied to the extension's storage first, so that trying quick fixes on it never
// edits the installed extension, and opened from there with its annotations folder beside its
// articles folder. The copy is a project of its own (AnalysisStore.addOwnProject): the storage can lie
// inside the workspace folder opened, whose annotations folder would otherwise be the one searched.
import * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore';

export const OPEN_SAMPLE_COMMAND = 'editorialAnnotations.openSample';
export const SAMPLE_FILES = ['articles/putin-witkoff-talks.txt', 'annotations/putin-witkoff-talks.yaml'] as const;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Copies the sample into `target` unless a copy is already there (the user's edits to it stay). */
export async function copySample(extensionUri: vscode.Uri, target: vscode.Uri): Promise<vscode.Uri> {
  for (const file of SAMPLE_FILES) {
    const destination = vscode.Uri.joinPath(target, file);
    if (!(await exists(destination))) await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, file), destination);
  }
  return vscode.Uri.joinPath(target, SAMPLE_FILES[0]);
}

export function registerWalkthrough(context: vscode.ExtensionContext, store: AnalysisStore): vscode.Disposable {
  const ownProjects: vscode.Disposable[] = [];
  const defaultFolder = vscode.Uri.joinPath(context.globalStorageUri, 'sample');
  /** The copy is analysed as its own project: from activation for the usual folder, so a copy reopened later works too. */
  const ownProject = (folder: vscode.Uri): void => {
    if (folder.scheme === 'file') ownProjects.push(store.addOwnProject(folder.fsPath));
  };
  ownProject(defaultFolder);
  // `folder`: where to copy the sample, for the tests (a folder inside the workspace, as the demo's storage was).
  const command = vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, async (folder?: vscode.Uri) => {
    try {
      const target = folder instanceof vscode.Uri ? folder : defaultFolder;
      ownProject(target);
      const draft = await copySample(context.extensionUri, target);
      await vscode.window.showTextDocument(draft, { preview: false });
      return draft;
    } catch (error) {
      void vscode.window.showErrorMessage(`Editorial Annotations: could not open the sample (${error instanceof Error ? error.message : String(error)}).`);
      return undefined;
    }
  });
  return vscode.Disposable.from(command, { dispose: () => ownProjects.forEach((project) => project.dispose()) });
}
