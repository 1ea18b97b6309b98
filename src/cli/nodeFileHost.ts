// The file system as the CLI (and the unit tests) see it: the disk.
import { promises as fs } from 'fs';
import * as path from 'path';
import { isListedFolder, type FileHost } from '../core/discovery';

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
  async listFiles(dir, extensions) {
    const found: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          if (isListedFolder(entry.name)) await walk(full);
        } else if (entry.isFile() && extensions.includes(path.extname(entry.name).toLowerCase())) {
          found.push(full);
        }
      }
    };
    await walk(dir);
    return found.sort();
  },
};
