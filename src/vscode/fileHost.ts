// The core's view of the file system from inside VS Code: open buffers first, then the disk.
import * as path from 'path';
import * as vscode from 'vscode';
import { isListedFolder, type FileHost } from '../core/discovery';

const decoder = new TextDecoder('utf-8');

/** The open document of a file, shown or not: what the analyses read rather than the disk. */
export function openDocument(file: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === file);
}

export const workspaceFileHost: FileHost = {
  async readText(file) {
    const open = openDocument(file);
    if (open) return open.getText();
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
    } catch {
      return undefined;
    }
  },
  async stat(file) {
    if (openDocument(file)) return 'file';
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.file(file));
      if (stat.type & vscode.FileType.Directory) return 'directory';
      if (stat.type & vscode.FileType.File) return 'file';
      return undefined;
    } catch {
      return undefined;
    }
  },
  async listFiles(dir, extensions) {
    const found: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(folder));
      } catch {
        return;
      }
      for (const [name, type] of entries) {
        const full = path.join(folder, name);
        if (type & vscode.FileType.Directory) {
          if (isListedFolder(name)) await walk(full);
        } else if (extensions.includes(path.extname(name).toLowerCase())) {
          found.push(full);
        }
      }
    };
    await walk(dir);
    return found.sort();
  },
};
