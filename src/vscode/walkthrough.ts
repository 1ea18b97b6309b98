// The Getting Started walkthrough's one command: open the sample article. The sample ships inside the
// extension; it is copied to the extension's storage first, so that trying quick fixes on it never
// edits the installed extension, and opened from there with its annotation file beside it.
import * as vscode from 'vscode';

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

export function registerWalkthrough(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, async () => {
    try {
      const draft = await copySample(context.extensionUri, vscode.Uri.joinPath(context.globalStorageUri, 'sample'));
      await vscode.window.showTextDocument(draft, { preview: false });
      return draft;
    } catch (error) {
      void vscode.window.showErrorMessage(`Editorial Annotations: could not open the sample (${error instanceof Error ? error.message : String(error)}).`);
      return undefined;
    }
  });
}
