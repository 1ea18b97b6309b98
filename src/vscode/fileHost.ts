// The core's view of the file system from inside VS Code: open buffers first, then the disk.
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import type { FileHost } from '../core/discovery';
import { listFilesBelow, type FolderReader } from '../core/listing';

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
  listFiles(dir, extensions) {
    return listFilesBelow(workspaceFolders, dir, extensions);
  },
  async entryNames(dir) {
    return (await workspaceFolders.entries(dir))?.map((entry) => entry.name);
  },
};

/** Folders as VS Code's file system gives them (a link's type is its target's, with the link bit). */
const workspaceFolders: FolderReader = {
  async entries(folder) {
    try {
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(folder));
      return entries.map(([name, type]) => ({
        name,
        kind: type & vscode.FileType.Directory ? 'directory' : type & vscode.FileType.File ? 'file' : 'other',
        isLink: (type & vscode.FileType.SymbolicLink) !== 0,
      }));
    } catch {
      return undefined;
    }
  },
  // Only for files (the listings are of file: URIs), where VS Code's file system is the disk.
  async realPath(file) {
    return fs.realpath(file).catch(() => undefined);
  },
};
