// The file system as the CLI (and the unit tests) see it: the disk.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { FileHost } from '../core/discovery';
import { listFilesBelow, type FolderEntry, type FolderReader } from '../core/listing';

export const nodeFileHost: FileHost = {
  async readText(file) {
    try {
      // As VS Code does, a byte order mark is not part of the text (columns would be off by one).
      const text = await fs.readFile(file, 'utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      return undefined;
    }
  },
  async stat(file) {
    try {
      const stats = await fs.stat(file);
      return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  },
  listFiles(dir, extensions) {
    return listFilesBelow(diskFolders, dir, extensions);
  },
};

/** Folders on disk, a symbolic link described by what it points to. */
const diskFolders: FolderReader = {
  async entries(folder) {
    let dirents;
    try {
      dirents = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const entries: FolderEntry[] = [];
    for (const dirent of dirents) {
      if (!dirent.isSymbolicLink()) {
        entries.push({ name: dirent.name, kind: dirent.isDirectory() ? 'directory' : dirent.isFile() ? 'file' : 'other', isLink: false });
        continue;
      }
      const target = await fs.stat(path.join(folder, dirent.name)).catch(() => undefined);
      entries.push({ name: dirent.name, kind: target?.isDirectory() ? 'directory' : target?.isFile() ? 'file' : 'other', isLink: true });
    }
    return entries;
  },
  async realPath(file) {
    return fs.realpath(file).catch(() => undefined);
  },
};
