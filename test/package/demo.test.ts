// `npm run demo` as a person runs it: it serves a copy of the sample, and what is saved in the
// workspace it serves (quick fixes save the YAML, web VS Code saves as you type) leaves the
// repository's sample as it was, byte for byte. Needs code-server (scripts/install-code-server.sh).
import { strict as assert } from 'assert';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { once } from 'events';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { REPO_ROOT, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT } from '../unit/helpers';

const CODE_SERVER = path.join(REPO_ROOT, '.cache/code-server/node_modules/code-server/out/node/entry.js');

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves with the demo's output up to the first line that `wanted` matches; rejects if it exits first. */
function outputUntil(child: ChildProcess, wanted: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (wanted.test(output)) {
        child.stdout!.off('data', onData);
        resolve(output);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the demo exited (${code}) before it was ready:\n${output}`)));
  });
}

describe('npm run demo', function () {
  this.timeout(180_000);
  let demo: ChildProcess | undefined;

  before(function () {
    if (!fs.existsSync(CODE_SERVER)) this.skip();
  });

  after(async () => {
    if (!demo || demo.exitCode !== null) return;
    const exited = once(demo, 'exit');
    demo.kill('SIGINT'); // the demo stops code-server's process group, then exits
    await exited;
  });

  it('serves a fresh copy of the sample, and what is saved there leaves the repository\'s sample unchanged', async () => {
    const sample = [SAMPLE_DRAFT, SAMPLE_ANNOTATIONS];
    const before = new Map(sample.map((file) => [file, fs.readFileSync(file)]));
    const port = await freePort();
    demo = spawn(process.execPath, ['scripts/demo.mjs', '--port', String(port)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const output = await outputUntil(demo, /Press Ctrl\+C to stop/);

    const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/\?\S+/.exec(output)![0]);
    const served = url.searchParams.get('folder')!;
    assert.notEqual(path.resolve(served), path.resolve(REPO_ROOT));
    assert.ok(output.includes(served), 'the demo prints where the workspace it serves is');
    const tracked = spawnSync('git', ['ls-files', '--', served], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(tracked.stdout, '', 'git tracks nothing in the served workspace');
    for (const [file, bytes] of before) {
      assert.ok(fs.readFileSync(path.join(served, path.relative(REPO_ROOT, file))).equals(bytes), `the served ${path.basename(file)} is the sample's`);
    }
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).ok, true);

    // What a quick fix or auto-save does to the workspace served.
    for (const file of sample) fs.appendFileSync(path.join(served, path.relative(REPO_ROOT, file)), '\n# saved in the demo\n');
    for (const [file, bytes] of before) assert.ok(fs.readFileSync(file).equals(bytes), `${path.relative(REPO_ROOT, file)} in the repository is unchanged`);
  });
});
