// One watcher for the files discovery depends on (annotation files, and drafts appearing or going),
// wrapped in one event.
import * as vscode from 'vscode';

export class AnnotationFilesWatcher implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Created on first use, so nothing watches until someone listens. */
  get onDidChange(): vscode.Event<vscode.Uri> {
    if (!this.watcher) {
      this.watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,txt,md}');
      const fire = (uri: vscode.Uri): void => this.emitter.fire(uri);
      const fireForYaml = (uri: vscode.Uri): void => {
        if (/\.ya?ml$/i.test(uri.fsPath)) fire(uri);
      };
      this.subscriptions.push(this.watcher, this.watcher.onDidCreate(fire), this.watcher.onDidDelete(fire), this.watcher.onDidChange(fireForYaml));
    }
    return this.emitter.event;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.emitter.dispose();
  }
}
