// The sample workspace `npm run demo` and the UI checks serve (scripts/lib/sample-workspace.mjs): a
// fresh copy of the sample, so that what VS Code saves there never changes the repository's sample.
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { REPO_ROOT, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT } from './helpers';

interface SampleWorkspace {
  readonly SAMPLE_FOLDERS: readonly string[];
  readonly demoWorkspace: string;
  copySampleWorkspace(target: string, from?: string): string;
}

function loadScript(): Promise<SampleWorkspace> {
  return import(pathToFileURL(path.join(REPO_ROOT, 'scripts/lib/sample-workspace.mjs')).href) as Promise<SampleWorkspace>;
}

const SAMPLE = [SAMPLE_DRAFT, SAMPLE_ANNOTATIONS].map((file) => path.relative(REPO_ROOT, file));

describe('the sample workspace the demo serves', () => {
  let script: SampleWorkspace;
  let target: string;
  let original: Map<string, Buffer>;
  before(async () => {
    script = await loadScript();
    original = new Map(SAMPLE.map((file) => [file, fs.readFileSync(path.join(REPO_ROOT, file))]));
  });
  beforeEach(() => {
    target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-demo-')), 'workspace');
  });
  afterEach(() => {
    fs.rmSync(path.dirname(target), { recursive: true, force: true });
  });

  it('is a folder of its own that git ignores, not the repository', () => {
    const relative = path.relative(REPO_ROOT, script.demoWorkspace);
    assert.ok(relative !== '' && !relative.startsWith('..'), script.demoWorkspace);
    assert.notEqual(path.resolve(script.demoWorkspace), path.resolve(REPO_ROOT));
    // check-ignore exits 0 when the path is ignored, 1 when it is not.
    execFileSync('git', ['check-ignore', '--quiet', '--no-index', relative], { cwd: REPO_ROOT });
  });

  it('holds the sample as the repository has it, and what is written there stays there', () => {
    const served = script.copySampleWorkspace(target);
    assert.deepEqual(fs.readdirSync(served).sort(), [...script.SAMPLE_FOLDERS].sort());
    for (const [file, bytes] of original) assert.ok(fs.readFileSync(path.join(served, file)).equals(bytes), file);
    // What a quick fix and auto-save do: the files served change, the repository's don't.
    for (const file of SAMPLE) fs.appendFileSync(path.join(served, file), '\n# edited in the demo\n');
    fs.writeFileSync(path.join(served, 'articles', 'new-draft.txt'), 'A new draft.\n');
    for (const [file, bytes] of original) assert.ok(fs.readFileSync(path.join(REPO_ROOT, file)).equals(bytes), `${file} in the repository is unchanged`);
    assert.equal(fs.existsSync(path.join(REPO_ROOT, 'articles', 'new-draft.txt')), false);
  });

  it('is copied afresh at each start: the last demo\'s edits and files are gone', () => {
    const served = script.copySampleWorkspace(target);
    fs.appendFileSync(path.join(served, SAMPLE[1]), '\n# edited in the demo\n');
    fs.writeFileSync(path.join(served, 'articles', 'new-draft.txt'), 'A new draft.\n');
    script.copySampleWorkspace(target);
    for (const [file, bytes] of original) assert.ok(fs.readFileSync(path.join(served, file)).equals(bytes), file);
    assert.equal(fs.existsSync(path.join(served, 'articles', 'new-draft.txt')), false);
  });

  it('refuses to copy over the repository or a folder that holds it', () => {
    // On a stand-in repository in a temporary folder: were the guard ever broken, the copy's clean-up
    // would empty that folder, not the real repository or its parent.
    const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-guard-'));
    const repository = path.join(outer, 'repo');
    try {
      for (const file of SAMPLE) {
        fs.mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
        fs.writeFileSync(path.join(repository, file), original.get(file)!);
      }
      assert.throws(() => script.copySampleWorkspace(repository, repository), /holds the repository/);
      assert.throws(() => script.copySampleWorkspace(outer, repository), /holds the repository/);
      for (const file of SAMPLE) assert.ok(fs.readFileSync(path.join(repository, file)).equals(original.get(file)!), file);
    } finally {
      fs.rmSync(outer, { recursive: true, force: true });
    }
  });
});
