// Listing drafts below a folder on a real disk, symbolic links included (src/core/listing.ts through
// the CLI's file host): each folder listed once, however the links loop.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nodeFileHost } from '../../src/cli/nodeFileHost';

describe('listing the drafts below a folder', () => {
  let outside: string;
  let root: string;

  const write = (relative: string): void => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'The mayor said the ferry will run.\n');
  };
  const link = (relative: string, target: string): void => fs.symlinkSync(target, path.join(root, relative));
  const listed = async (): Promise<string[]> => (await nodeFileHost.listFiles(root, ['.txt', '.md'])).map((file) => path.relative(root, file));

  beforeEach(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-listing-'));
    root = path.join(outside, 'newsroom');
    write('articles/ferry.txt');
    write('articles/2025/budget.md');
    write('articles/notes.yaml');
    write('articles/.drafts/hidden.txt');
    write('node_modules/pkg/readme.md');
  });

  afterEach(() => {
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('lists the drafts of the folders a listing goes into, in any letter case of the extension', async () => {
    write('articles/LOUD.TXT');
    assert.deepEqual(await listed(), [path.join('articles', '2025', 'budget.md'), path.join('articles', 'LOUD.TXT'), path.join('articles', 'ferry.txt')]);
  });

  it('ends, with each draft once, when links lead back up the tree', async () => {
    link('articles/all', '..');
    link('articles/2025/up', '../..');
    link('articles/2025/self', '.');
    assert.deepEqual(await listed(), [path.join('articles', '2025', 'budget.md'), path.join('articles', 'ferry.txt')]);
  });

  it('follows a link to a folder outside, once, and keeps the path without a link for a folder reached both ways', async () => {
    fs.mkdirSync(path.join(outside, 'shared'));
    fs.writeFileSync(path.join(outside, 'shared', 'wire.txt'), 'Words.\n');
    link('wire', path.join(outside, 'shared'));
    link('wire-again', path.join(outside, 'shared'));
    // Sorted before "articles": found first, still not the path kept.
    link('aaa-current', path.join(root, 'articles', '2025'));
    assert.deepEqual(await listed(), [path.join('articles', '2025', 'budget.md'), path.join('articles', 'ferry.txt'), path.join('wire', 'wire.txt')]);
  });

  it('lists a linked draft unless it is one listed already, and skips broken links and links around the root', async () => {
    fs.writeFileSync(path.join(outside, 'elsewhere.md'), 'Words.\n');
    link('articles/linked.md', path.join(outside, 'elsewhere.md'));
    link('articles/same.txt', 'ferry.txt');
    link('articles/broken.txt', 'missing.txt');
    link('articles/broken-folder', 'missing');
    link('everything', '/');
    assert.deepEqual(await listed(), [path.join('articles', '2025', 'budget.md'), path.join('articles', 'ferry.txt'), path.join('articles', 'linked.md')]);
  });
});
