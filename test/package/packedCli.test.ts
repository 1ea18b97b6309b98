// The CLI as npm users get it: `npm pack` the project, install the tarball into an empty folder (no
// VS Code, no repository around it) and run `npx editorial-annotations` there on a copy of the sample.
// The CLI's libraries (yaml, ajv) are bundled into dist/cli.js, so the package declares no
// dependencies and installing it fetches nothing: this works offline.
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from '../unit/builtCli';
import { REPO_ROOT, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT } from '../unit/helpers';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

interface PackResult {
  readonly filename: string;
  readonly files: ReadonlyArray<{ path: string }>;
}

describe('the npm package of the CLI', function () {
  // Packing builds the production bundle; installing unpacks the tarball.
  this.timeout(300_000);
  let work: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-annotations-npm-'));
  });

  after(() => {
    fs.rmSync(work, { recursive: true, force: true });
    // `npm pack` ran prepack, which left dist/ as the minified production build: the editor tests
    // that follow in `npm test`, and F5, expect the development build.
    execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'ignore' });
  });

  it('installs from the packed tarball into a clean folder and checks a copy of the sample with npx', () => {
    const packed = execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [result] = JSON.parse(packed.slice(packed.indexOf('['))) as PackResult[];
    const contents = result.files.map((file) => file.path).sort();
    assert.ok(contents.includes('dist/cli.js') && contents.includes('LICENSE') && contents.includes('README.md'), contents.join(', '));
    assert.ok(contents.includes('docs/findings/unattributed-claim.md') && contents.includes('schemas/annotation-file.schema.json'));
    assert.deepEqual(contents.filter((file) => /^(src|test|out|scripts|node_modules|media)\/|\.map$|^dist\/extension\.js$/.test(file)), []);

    const newsroom = path.join(work, 'newsroom');
    for (const file of [SAMPLE_DRAFT, SAMPLE_ANNOTATIONS]) {
      const target = path.join(newsroom, path.relative(REPO_ROOT, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
    }
    fs.writeFileSync(path.join(newsroom, 'package.json'), JSON.stringify({ name: 'newsroom', private: true }, null, 2));
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(work, result.filename)], {
      cwd: newsroom,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    const installedPackages = fs.readdirSync(path.join(newsroom, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(installedPackages, ['editorial-annotations'], 'nothing but the package itself: its libraries are in dist/cli.js');

    const installed = spawnSync(npx, ['--no', 'editorial-annotations', 'check', 'articles'], { cwd: newsroom, encoding: 'utf8' });
    assert.equal(installed.status, 1, installed.stderr);
    assert.equal(installed.stdout, cli(['check', 'articles']).stdout, 'the same findings as the CLI built in the repository');
    assert.match(installed.stderr, /10 findings \(0 errors, 6 warnings, 4 information, 0 hints\) in 1 annotated draft/);

    const sarif = spawnSync(npx, ['--no', 'editorial-annotations', 'check', '--format', 'sarif'], { cwd: newsroom, encoding: 'utf8' });
    assert.equal(JSON.parse(sarif.stdout).runs[0].results.length, 10);
    const report = spawnSync(npx, ['--no', 'editorial-annotations', 'report'], { cwd: newsroom, encoding: 'utf8' });
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /^# Sourcing report: 1 annotated draft/);
  });
});
