// One watcher for the files analyses read on disk (annotation files and drafts: created, changed or
// deleted), and for folders created or deleted, wrapped in one event. VS Code reports a folder deleted
// (or renamed) as one event for the folder, none for the files in it, and only to a watcher whose
// pattern matches the folder itself (microsoft/vscode#109754): the files' pattern never hears of it.
import * as path from 'path';
import * as vscode from 'vscode';
import { DRAFT_EXTENSIONS, isListedFolder, isListedIn, YAML_EXTENSIONS } from '../core/discovery';

export type FileChangeKind = 'created' | 'changed' | 'deleted';

/**
 * The files' pattern: drafts and YAML files, their extensions in lower or upper case. Globs match
 * case-sensitively: a draft `notes.Md` is not matched, and comes to the store through the folders'
 * pattern when created or deleted (not when changed).
 */
// The drafts' and YAML files' extensions, in lower case and in capitals (`NOTES.MD`).
const WATCHED_EXTENSIONS = [...DRAFT_EXTENSIONS, ...YAML_EXTENSIONS].map((extension) => extension.slice(1)).flatMap((name) => [name, name.toUpperCase()]);
const FILES_GLOB = `**/*.{${WATCHED_EXTENSIONS.join(',')}}`;
const MATCHED_BY_FILES_GLOB = new RegExp(`\\.(?:${WATCHED_EXTENSIONS.join('|')})$`);

/** Whether a folder is one a listing of its workspace folder goes into, as are all the folders above it. */
function isListedInWorkspace(folder: vscode.Uri): boolean {
  const root = vscode.workspace.getWorkspaceFolder(folder)?.uri.fsPath;
  return root !== undefined && isListedIn(root, folder.fsPath) && isListedFolder(path.basename(folder.fsPath));
}

interface FileChange {
  readonly uri: vscode.Uri;
  readonly kind: FileChangeKind;
}

export class AnnotationFilesWatcher implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<FileChange>();
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Created on first use, so nothing watches until someone listens. */
  get onDidChange(): vscode.Event<FileChange> {
    if (!this.watcher) {
      this.watcher = vscode.workspace.createFileSystemWatcher(FILES_GLOB);
      const fire = (kind: FileChangeKind) => (uri: vscode.Uri) => this.emitter.fire({ uri, kind });
      this.subscriptions.push(this.watcher, this.watcher.onDidCreate(fire('created')), this.watcher.onDidChange(fire('changed')), this.watcher.onDidDelete(fire('deleted')));
      // Folders: every path the files' pattern does not match (a draft `notes.Md` too), in folders the
      // listings of drafts and annotation files go into (not .git, node_modules, a build's output). A
      // deleted path can't be asked whether it was a folder, and a name can have a dot (`drafts.v2`)
      // or none (`Makefile`): the store finds what was in it, and a file that held nothing costs little.
      const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
      const fireFolder = (kind: FileChangeKind) => (uri: vscode.Uri) => {
        if (!MATCHED_BY_FILES_GLOB.test(uri.fsPath) && isListedInWorkspace(uri)) this.emitter.fire({ uri, kind });
      };
      this.subscriptions.push(folders, folders.onDidCreate(fireFolder('created')), folders.onDidDelete(fireFolder('deleted')));
    }
    return this.emitter.event;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.emitter.dispose();
  }
}
