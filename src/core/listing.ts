// Listing the drafts or annotation files below a folder, the same way for the CLI (the disk) and the
// editor (VS Code's file system): the folders a listing goes into, and symbolic links followed once.
import * as path from 'path';
import { isInside, isListedFolder } from './discovery';

/** One entry of a folder, a symbolic link described by what it points to. */
export interface FolderEntry {
  readonly name: string;
  /** What the entry is, or what the link points to: 'other' for a broken link, a socket... */
  readonly kind: 'file' | 'directory' | 'other';
  readonly isLink: boolean;
}

/** What a listing needs of a file system. */
export interface FolderReader {
  /** The folder's entries; undefined when it can't be read. */
  entries(folder: string): Promise<readonly FolderEntry[] | undefined>;
  /** The path with every symbolic link resolved; undefined when it can't be resolved. */
  realPath(file: string): Promise<string | undefined>;
}

/**
 * The files below `dir` whose extension (in any case) is one of `extensions`, sorted, looking only into
 * folders a listing goes into (isListedFolder). A folder reached through a symbolic link is listed
 * unless it was listed already: a link back up (`articles/all -> ..`) ends at once, instead of listing
 * the tree again and again until the system's limit on links (about 40 times, or without end with two
 * such links); a link to a folder already listed adds no second path for its files; a link to a folder
 * that holds `dir` (`../..`) is not followed. The folders are listed as they are first, then the ones
 * links lead to, so that a file reached both ways keeps its path without a link; a link to a file
 * already listed is left out the same way.
 */
export async function listFilesBelow(reader: FolderReader, dir: string, extensions: readonly string[]): Promise<string[]> {
  const root = await reader.realPath(dir);
  if (root === undefined) return [];
  const listed = new Set<string>([root]);
  const found: string[] = [];
  /** The real folder of each file found, for the rare linked file (a real path per file costs a join). */
  const foundIn: string[] = [];
  const linkedFolders: string[] = [];
  const linkedFiles: string[] = [];
  const wanted = (name: string): boolean => extensions.includes(path.extname(name).toLowerCase());

  const walk = async (folder: string, real: string): Promise<void> => {
    const entries = await reader.entries(folder);
    if (!entries) return;
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.kind === 'directory') {
        if (!isListedFolder(entry.name)) continue;
        if (entry.isLink) {
          linkedFolders.push(full);
          continue;
        }
        const inside = path.join(real, entry.name);
        if (listed.has(inside)) continue;
        listed.add(inside);
        await walk(full, inside);
      } else if (entry.kind === 'file' && wanted(entry.name)) {
        if (entry.isLink) {
          linkedFiles.push(full);
          continue;
        }
        found.push(full);
        foundIn.push(real);
      }
    }
  };

  await walk(dir, root);
  // The links in rounds, each in path order (the first of two links to one folder names its files):
  // the links found in the folders of one round make the next.
  for (let round = linkedFolders.splice(0).sort(); round.length > 0; round = linkedFolders.splice(0).sort()) {
    for (const link of round) {
      const real = await reader.realPath(link);
      // A link to a folder holding the listed one (`../..`, `/`) would list everything around it.
      if (real === undefined || listed.has(real) || isInside(real, root)) continue;
      listed.add(real);
      await walk(link, real);
    }
  }
  const foundReal = new Set(linkedFiles.length > 0 ? found.map((file, index) => path.join(foundIn[index], path.basename(file))) : []);
  for (const file of linkedFiles.sort()) {
    const real = await reader.realPath(file);
    if (real === undefined || foundReal.has(real)) continue;
    foundReal.add(real);
    found.push(file);
  }
  return found.sort();
}
