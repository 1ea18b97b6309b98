#!/usr/bin/env node
// `npm run test:desktop`: the same integration suites as `npm test` (out/test/integration, on the
// fixture workspace test/integration/workspace), in desktop VS Code through @vscode/test-electron.
// It downloads VS Code into .vscode-test on first use, so it needs internet; offline, `npm test` runs
// these suites in code-server instead. On Linux without a display, run it under `xvfb-run -a`.
//
// Environment:
//   VSCODE_VERSION    the VS Code to test in: `stable` (default), `insiders` or a version such as 1.100.3
//   VSCODE_EXECUTABLE an installed VS Code to use instead of downloading one
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = process.env.VSCODE_VERSION ?? 'stable';
// test-electron gives up when the download server sends nothing for this long.
const DOWNLOAD_IDLE_TIMEOUT_MS = 15_000;
// The in-host runner (test/integration/index.ts) writes its counts to the file this names.
const RESULTS_ENV = 'EDITORIAL_TEST_RESULTS';

const log = (message) => console.log(`[run-desktop-tests] ${message}`);
const fail = (message) => {
  console.error(`[run-desktop-tests] FAILED: ${message}`);
  process.exit(1);
};

async function vscodeExecutable() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  try {
    return await downloadAndUnzipVSCode({ version, timeout: DOWNLOAD_IDLE_TIMEOUT_MS });
  } catch (error) {
    fail(
      `could not download VS Code ${version} (${error.message}).\n` +
        '  This runner needs internet on its first run (VS Code is then cached in .vscode-test).\n' +
        '  Offline, `npm test` runs the same integration suites in code-server; or point\n' +
        '  VSCODE_EXECUTABLE at an installed VS Code.',
    );
  }
}

const extensionTestsPath = path.join(repoRoot, 'out/test/integration/index.js');
if (!fs.existsSync(extensionTestsPath)) fail(`${extensionTestsPath} is missing: run \`npx tsc -p .\` first`);
if (!fs.existsSync(path.join(repoRoot, 'dist/extension.js'))) fail('dist/extension.js is missing: run `node esbuild.js` first');
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  log('no display: if VS Code fails to start, run this under `xvfb-run -a`');
}

const vscodeExecutablePath = await vscodeExecutable();
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-desktop-'));
const resultsFile = path.join(resultsDir, 'results.json');
// A copy, as scripts/run-vscode-tests.mjs makes: some tests save fixture files.
const workspace = path.join(resultsDir, 'workspace');
fs.cpSync(path.join(repoRoot, 'test/integration/workspace'), workspace, { recursive: true });
let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: { [RESULTS_ENV]: resultsFile },
    // test-electron adds --disable-workspace-trust, --skip-welcome and the other quiet-start flags.
    launchArgs: [workspace, '--disable-extensions'],
  });
} catch (error) {
  // runTests rejects when VS Code exits non-zero: the tests failed, or VS Code could not start.
  console.error(`[run-desktop-tests] ${error.message}`);
}
let results;
try {
  results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
} catch {
  results = undefined;
} finally {
  fs.rmSync(resultsDir, { recursive: true, force: true });
}
if (!results) fail('the tests wrote no results: did VS Code start, and did out/test/integration/index.js load?');
console.log(`desktop: ${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
process.exit(exitCode === 0 && results.failed === 0 && results.passed > 0 ? 0 : 1);
