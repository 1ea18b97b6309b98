// Discovery told of a changed annotation file (AnnotationDiscovery.articleChanged): it answers from
// then on as a discovery started afresh would, and says which drafts the change concerns, so that the
// editor analyses those again rather than every draft. On a project in memory, changed between calls.
import { strict as assert } from 'assert';
import * as path from 'path';
import { AnnotationDiscovery, isListedIn, type DraftFilter, type FileHost } from '../../src/core/discovery';

const ROOT = path.resolve('/newsroom');
const SETTINGS = { annotationsFolder: 'annotations' };

function inProject(relative: string): string {
  return path.join(ROOT, relative);
}

/** A project in memory: file paths relative to ROOT, and their texts. Lists files as the real hosts do (not in `.backup/`, say). */
function memoryHost(files: Map<string, string>): FileHost {
  const isFolder = (dir: string): boolean => [...files.keys()].some((file) => file.startsWith(dir + path.sep));
  return {
    readText: async (file) => files.get(file),
    stat: async (file) => (files.has(file) ? 'file' : isFolder(file) ? 'directory' : undefined),
    listFiles: async (dir, extensions) => [...files.keys()].filter((file) => isListedIn(dir, file) && extensions.includes(path.extname(file))).sort(),
    entryNames: async (dir) => {
      const names = [...files.keys()].filter((file) => file.startsWith(dir + path.sep)).map((file) => file.slice(dir.length + 1).split(path.sep)[0]);
      return names.length > 0 ? [...new Set(names)] : undefined;
    },
  };
}

const DRAFTS = ['articles/harbour.txt', 'articles/quay.txt', 'articles/ferry.txt', 'articles/entities.txt', 'desk/harbour.txt'];

function annotationFile(article?: string, rest = 'claims: []\n'): string {
  return `version: 1\n${article === undefined ? '' : `article: ${article}\n`}${rest}`;
}

describe('discovery told of a changed annotation file', () => {
  let files: Map<string, string>;
  let discovery: AnnotationDiscovery;

  beforeEach(() => {
    files = new Map([
      ...DRAFTS.map((draft) => [inProject(draft), 'Words.\n'] as const),
      [inProject('annotations/harbour.yaml'), annotationFile()],
      [inProject('annotations/desk/quay-notes.yaml'), annotationFile('../../articles/quay.txt')],
    ]);
    discovery = new AnnotationDiscovery(memoryHost(files), SETTINGS, () => ROOT);
  });

  /** Each draft's annotation files as the discovery under test finds them, relative to the project. */
  async function claimants(of: AnnotationDiscovery = discovery): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    for (const draft of DRAFTS) found[draft] = (await of.forDraft(inProject(draft))).claimants.map((file) => path.relative(ROOT, file));
    return found;
  }

  /** Changes a file (undefined: deletes it) and tells discovery; the drafts the change concerns, relative and sorted. */
  async function change(file: string, text: string | undefined): Promise<string[]> {
    if (text === undefined) files.delete(inProject(file));
    else files.set(inProject(file), text);
    const concerned: DraftFilter | undefined = await discovery.articleChanged(inProject(file));
    return concerned ? DRAFTS.filter((draft) => concerned(inProject(draft))).sort() : [];
  }

  /** Discovery told of the changes answers as a new one, which reads everything afresh, does. */
  async function assertCurrent(): Promise<void> {
    assert.deepEqual(await claimants(), await claimants(new AnnotationDiscovery(memoryHost(files), SETTINGS, () => ROOT)));
  }

  it('an edit that leaves `article:` alone concerns no draft', async () => {
    await claimants();
    assert.deepEqual(await change('annotations/desk/quay-notes.yaml', annotationFile('../../articles/quay.txt', 'claims:\n  - text: Words\n')), []);
    assert.deepEqual(await change('annotations/harbour.yaml', annotationFile(undefined, 'entities: {}\n')), []);
  });

  it('a changed `article:` concerns the draft it named and the one it names now', async () => {
    assert.deepEqual((await claimants())['articles/ferry.txt'], []);
    assert.deepEqual(await change('annotations/desk/quay-notes.yaml', annotationFile('../../articles/ferry.txt')), ['articles/ferry.txt', 'articles/quay.txt']);
    const found = await claimants();
    assert.deepEqual(found['articles/ferry.txt'], ['annotations/desk/quay-notes.yaml']);
    assert.deepEqual(found['articles/quay.txt'], []);
    await assertCurrent();
  });

  it('a file of a draft\'s name that comes to name another draft concerns both; back again, both again', async () => {
    await claimants();
    assert.deepEqual(await change('annotations/harbour.yaml', annotationFile('../articles/ferry.txt')), ['articles/ferry.txt', 'articles/harbour.txt', 'desk/harbour.txt']);
    await assertCurrent();
    assert.deepEqual(await change('annotations/harbour.yaml', annotationFile()), ['articles/ferry.txt', 'articles/harbour.txt', 'desk/harbour.txt']);
    await assertCurrent();
  });

  it('a file created or deleted concerns the drafts it claims; a draft claimed twice keeps its files in path order', async () => {
    await claimants();
    assert.deepEqual(await change('annotations/a-quay.yaml', annotationFile('../articles/quay.txt')), ['articles/quay.txt']);
    assert.deepEqual((await claimants())['articles/quay.txt'], ['annotations/a-quay.yaml', 'annotations/desk/quay-notes.yaml'], 'the first in path order is used');
    await assertCurrent();
    assert.deepEqual(await change('annotations/desk/quay-notes.yaml', undefined), ['articles/quay.txt']);
    await assertCurrent();
    assert.deepEqual(await change('annotations/a-quay.yaml', undefined), ['articles/quay.txt']);
    assert.deepEqual((await claimants())['articles/quay.txt'], []);
  });

  it('the registry created or deleted is found or lost, and names no draft (its readers record it)', async () => {
    await claimants();
    const registry = annotationFile(undefined, 'entities: {}\n');
    assert.deepEqual(await change('annotations/entities.yaml', registry), []);
    assert.equal((await discovery.forDraft(inProject('articles/harbour.txt'))).registry, inProject('annotations/entities.yaml'));
    await assertCurrent();
    assert.deepEqual(await change('annotations/entities.yaml', undefined), []);
    assert.equal((await discovery.forDraft(inProject('articles/harbour.txt'))).registry, undefined);
    await assertCurrent();
  });

  it('a sidecar concerns the drafts of its name; a YAML file that is no annotation file, none', async () => {
    await claimants();
    assert.deepEqual(await change('articles/ferry.annotations.yaml', annotationFile()), ['articles/ferry.txt']);
    assert.deepEqual((await claimants())['articles/ferry.txt'], ['articles/ferry.annotations.yaml']);
    assert.deepEqual(await change('desk/rota.yaml', annotationFile('../articles/harbour.txt')), []);
  });

  it('a file in a folder that listings skip (a backup in annotations/.backup/) claims nothing, as when the index was built', async () => {
    await claimants();
    assert.deepEqual(await change('annotations/.backup/quay.yaml', annotationFile('../../articles/quay.txt')), []);
    assert.deepEqual((await claimants())['articles/quay.txt'], ['annotations/desk/quay-notes.yaml']);
    await assertCurrent();
  });

  it('reads an annotations folder again once told of a folder in it deleted (of whose files nothing was said)', async () => {
    await claimants();
    files.delete(inProject('annotations/desk/quay-notes.yaml'));
    assert.deepEqual((await claimants())['articles/quay.txt'], ['annotations/desk/quay-notes.yaml'], 'untold, the index still has it');
    assert.equal(discovery.forgetFolder(inProject('articles/old')), false, 'a folder beside the annotations folder touches nothing read');
    assert.deepEqual((await claimants())['articles/quay.txt'], ['annotations/desk/quay-notes.yaml']);
    assert.equal(discovery.forgetFolder(inProject('annotations/desk')), true);
    await assertCurrent();
    await claimants();
    assert.equal(discovery.forgetFolder(ROOT), true, 'a folder holding the annotations folder');
  });

  it('a file discovery has not read yet: the drafts of its name and the one it names now', async () => {
    assert.deepEqual(await change('annotations/harbour.yaml', annotationFile('../articles/quay.txt')), ['articles/harbour.txt', 'articles/quay.txt', 'desk/harbour.txt']);
    await assertCurrent();
  });
  it('takes changes in the order it was told of them, however long reading one takes', async () => {
    // The first change's read is slow, and the file changes again meanwhile: taken out of order, the
    // older text (ferry) would be what discovery keeps.
    const base = memoryHost(files);
    /** Set once discovery has read the project: the next read is the slow one. */
    let slowRead: (() => void) | undefined;
    const host: FileHost = {
      ...base,
      readText: async (file) => {
        const text = await base.readText(file);
        if (slowRead) {
          slowRead();
          slowRead = undefined;
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        return text;
      },
    };
    const told = new AnnotationDiscovery(host, SETTINGS, () => ROOT);
    await claimants(told);
    const readStarted = new Promise<void>((started) => (slowRead = started));
    const file = inProject('annotations/harbour.yaml');
    files.set(file, annotationFile('../articles/ferry.txt'));
    const first = told.articleChanged(file);
    await readStarted;
    files.set(file, annotationFile('../articles/quay.txt'));
    await Promise.all([first, told.articleChanged(file)]);
    assert.deepEqual(await claimants(told), await claimants(new AnnotationDiscovery(memoryHost(files), SETTINGS, () => ROOT)));
  });
});

describe('discovery told of drafts created or deleted', () => {
  let files: Map<string, string>;
  let listings: number;
  let discovery: AnnotationDiscovery;

  /** A discovery of the project that counts its listings of drafts; `rootFor` as the editor gives it for its workspace folders. */
  function counted(rootFor?: (file: string) => string | undefined): AnnotationDiscovery {
    const host = memoryHost(files);
    // Listings of drafts, not of an annotations folder's YAML files (read once, for the index).
    const listFiles: FileHost['listFiles'] = (dir, extensions) => {
      if (extensions.includes('.txt')) listings++;
      return host.listFiles(dir, extensions);
    };
    return new AnnotationDiscovery({ ...host, listFiles }, SETTINGS, rootFor);
  }

  beforeEach(() => {
    files = new Map([
      ...DRAFTS.map((draft) => [inProject(draft), 'Words.\n'] as const),
      // Names no draft: it annotates every draft called harbour that no other file claims.
      [inProject('annotations/harbour.yaml'), annotationFile()],
    ]);
    listings = 0;
    discovery = counted(() => ROOT);
  });

  /** The drafts annotations/harbour.yaml annotates, relative to the project. */
  async function harbourDrafts(): Promise<string[]> {
    return (await discovery.draftsFor(inProject('annotations/harbour.yaml'))).map((draft) => path.relative(ROOT, draft));
  }

  it('lists the drafts once for every edit of a file that names none, until told', async () => {
    assert.deepEqual(await harbourDrafts(), ['articles/harbour.txt', 'desk/harbour.txt']);
    assert.deepEqual(await harbourDrafts(), ['articles/harbour.txt', 'desk/harbour.txt']);
    assert.equal(listings, 1);
    // Not told: the listing it has is what it answers from.
    files.set(inProject('archive/harbour.md'), 'Words.\n');
    assert.deepEqual(await harbourDrafts(), ['articles/harbour.txt', 'desk/harbour.txt']);
  });

  it('finds a draft created, and loses one deleted, once told of it', async () => {
    await harbourDrafts();
    files.set(inProject('archive/harbour.md'), 'Words.\n');
    discovery.draftsChanged(inProject('archive/harbour.md'), 'created');
    assert.deepEqual(await harbourDrafts(), ['archive/harbour.md', 'articles/harbour.txt', 'desk/harbour.txt']);
    files.delete(inProject('articles/harbour.txt'));
    discovery.draftsChanged(inProject('articles/harbour.txt'), 'deleted');
    assert.deepEqual(await harbourDrafts(), ['archive/harbour.md', 'desk/harbour.txt']);
    assert.equal(listings, 3);
  });

  it('loses the drafts of a folder deleted, and finds those of a folder created, once told of the folder', async () => {
    await harbourDrafts();
    files.delete(inProject('desk/harbour.txt'));
    discovery.draftsChanged(inProject('desk'), 'deleted');
    assert.deepEqual(await harbourDrafts(), ['articles/harbour.txt']);
    files.set(inProject('desk/2026/harbour.txt'), 'Words.\n');
    discovery.draftsChanged(inProject('desk/2026'), 'created');
    assert.deepEqual(await harbourDrafts(), ['articles/harbour.txt', 'desk/2026/harbour.txt']);
    // A change elsewhere (another project beside this one) leaves the listing alone.
    discovery.draftsChanged(path.resolve('/elsewhere/harbour.txt'), 'created');
    await harbourDrafts();
    assert.equal(listings, 3);
  });

  it('keeps its listing when a draft is created where listings don\'t go (node_modules, a dot folder)', async () => {
    await harbourDrafts();
    for (const made of ['node_modules/pkg/harbour.md', '.trash/harbour.txt']) {
      files.set(inProject(made), 'Words.\n');
      discovery.draftsChanged(inProject(made), 'created');
    }
    assert.deepEqual(await harbourDrafts(), ['articles/harbour.txt', 'desk/harbour.txt']);
    assert.equal(listings, 1);
  });

  it('lists the drafts at every call for a root it found by walking up, which no watcher may follow (a file opened loose)', async () => {
    discovery = counted();
    assert.deepEqual(await harbourDrafts(), ['articles/harbour.txt', 'desk/harbour.txt']);
    files.set(inProject('archive/harbour.md'), 'Words.\n');
    assert.deepEqual(await harbourDrafts(), ['archive/harbour.md', 'articles/harbour.txt', 'desk/harbour.txt']);
    assert.equal(listings, 2);
  });

  it('keeps its listing when a path deleted held no draft it listed: an image, a temporary file, a folder of neither', async () => {
    await harbourDrafts();
    // A path that begins like a listed draft's (desk/harbour, beside desk/harbour.txt) is not above it.
    for (const gone of ['articles/photo.jpg', 'desk/tmp', 'desk/harbour', 'articles/harbour.txt.bak']) discovery.draftsChanged(inProject(gone), 'deleted');
    await harbourDrafts();
    assert.equal(listings, 1);
    discovery.draftsChanged(inProject('desk'), 'deleted');
    await harbourDrafts();
    assert.equal(listings, 2);
  });
});
