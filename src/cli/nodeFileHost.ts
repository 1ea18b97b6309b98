// The file system as the CLI (and the unit tests) see it: the disk. A file that is not there is
// undefined; one that is there but can't be read (no permission, an I/O error) stops the check with
// UnreadableError: a gate must not pass on copy it could not read.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { FileHost } from '../core/discovery';
import { listFilesBelow, type FolderEntry, type FolderReader } from '../core/listing';

/** A file or folder that is there but could not be read. */
export class UnreadableError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    super(`cannot read ${file} (${code})`);
  }
}

/** Errors that mean there is nothing there to read: a missing file, a path through a file, a loop of links. */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENAMETOOLONG']);

/** Undefined for a path with nothing there; any other error stops the check. */
function absentOrThrow(file: string, error: unknown): undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
  if (ABSENT.has(code)) return undefined;
  throw new UnreadableError(file, code);
}

export const nodeFileHost: FileHost = {
  async readText(file) {
    try {
      // As VS Code does, a byte order mark is not part of the text (columns would be off by one).
      const text = await fs.readFile(file, 'utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch (error) {
      return absentOrThrow(file, error);
    }
  },
  async stat(file) {
    try {
      const stats = await fs.stat(file);
      return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : undefined;
    } catch (error) {
      return absentOrThrow(file, error);
    }
  },
  listFiles(dir, extensions) {
    return listFilesBelow(diskFolders, dir, extensions);
  },
  async entryNames(dir) {
    // Read to check a path's letter case: a folder that can't be listed leaves the path as written.
    return fs.readdir(dir).catch(() => undefined);
  },
};

/** Folders on disk, a symbolic link described by what it points to. */
const diskFolders: FolderReader = {
  async entries(folder) {
    let dirents;
    try {
      dirents = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      return absentOrThrow(folder, error);
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
