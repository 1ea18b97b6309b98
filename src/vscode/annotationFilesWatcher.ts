// One watcher for the files analyses read on disk (annotation files and drafts: created, changed or
// deleted), wrapped in one event.
import * as vscode from 'vscode';

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
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
      this.watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,txt,md}');
      const fire = (kind: FileChangeKind) => (uri: vscode.Uri) => this.emitter.fire({ uri, kind });
      this.subscriptions.push(this.watcher, this.watcher.onDidCreate(fire('created')), this.watcher.onDidChange(fire('changed')), this.watcher.onDidDelete(fire('deleted')));
    }
    return this.emitter.event;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.emitter.dispose();
  }
}
