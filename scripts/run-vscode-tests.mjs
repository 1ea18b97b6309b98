#!/usr/bin/env node
// Runs the extension in a real VS Code without internet: code-server (installed by
// scripts/install-code-server.sh) serves the workbench on loopback and a headless Chromium opens it,
// which starts the extension host. Why each flag is there: shared/notes/real-vscode-offline.md.
//
//   node scripts/run-vscode-tests.mjs        the mocha suites in out/test/integration, inside the host
//   node scripts/run-vscode-tests.mjs --ui   the Playwright checks in out/test/ui, against a copy of the sample
//
// Exits with the tests' status and closes with `<mode>: N passed, N failed`. Environment:
//   VSCODE_TESTS_TIMEOUT_MS  the whole run's limit (default 180000)
//   VSCODE_TESTS_VERBOSE=1   also print the workbench's console and code-server's start-up time
//   CHROMIUM_PATH            the browser (default /usr/bin/chromium)
//   EDITORIAL_TEST_GREP      run only the integration tests whose titles match (the bench uses it)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  BASE_USER_SETTINGS,
  claimPort,
  delay,
  HarnessError,
  HOST,
  isInstalled,
  makeProfile,
  remoteUri,
  repoRoot,
  SAMPLE_VIEW_SETTINGS,
  startCodeServer,
  tail,
  waitForHealth,
  workbenchUrl,
} from './lib/code-server.mjs';
import { copySampleWorkspace } from './lib/sample-workspace.mjs';

const require = createRequire(import.meta.url);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const mode = process.argv.includes('--ui') ? 'ui' : 'integration';
const overallTimeoutMs = Number(process.env.VSCODE_TESTS_TIMEOUT_MS ?? 180_000);
const verbose = process.env.VSCODE_TESTS_VERBOSE === '1';
// The in-host runner (test/integration/index.ts) writes its counts to this file.
const RESULTS_ENV = 'EDITORIAL_TEST_RESULTS';
const TEST_OUTPUT_MARKER = '[mocha] ';
// The UI checks' screenshots go into the README: a common laptop size keeps them readable.
const VIEWPORT = { width: 1280, height: 800 };

const CHROMIUM_ARGS = [
  '--no-sandbox', // root in a container has no user namespaces for the sandbox
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const USER_SETTINGS = mode === 'ui' ? { ...BASE_USER_SETTINGS, ...SAMPLE_VIEW_SETTINGS } : BASE_USER_SETTINGS;

class TestRunError extends HarnessError {}

const log = (message) => console.log(`[run-vscode-tests] ${message}`);

// Cleanup steps run once, newest first, whatever ends the run: success, failure, timeout or signal.
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`[run-vscode-tests] cleanup: ${error.message}`);
      }
    }
  })();
  return cleaning;
}

function makeTempDirs() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `vscode-${mode}-`));
  cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const dirs = { ...makeProfile(root, USER_SETTINGS), browser: path.join(root, 'browser') };
  fs.mkdirSync(dirs.browser);
  return dirs;
}

/** The mocha output among the page's console messages: test/integration/index.ts marks its lines. */
function testOutput(message) {
  const text = message.text();
  const at = text.indexOf(TEST_OUTPUT_MARKER);
  return at === -1 ? undefined : text.slice(at + TEST_OUTPUT_MARKER.length);
}

async function openBrowser(dirs) {
  const context = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    // This script handles signals itself, so that code-server goes down with the browser.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => Promise.race([context.close(), delay(5000)]));
  return context;
}

function readResults(resultsFile) {
  try {
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined;
  }
}

async function runIntegration(context, port, resultsFile, dirs) {
  const testsPath = path.join(repoRoot, 'out/test/integration/index.js');
  if (!fs.existsSync(testsPath)) throw new TestRunError(`${testsPath} is missing: run \`npx tsc -p .\` first`);
  // The tests edit and save fixture files: they get a copy, so the repository's fixtures never change
  // and two runs at once (two engineers, or a run and a demo) can't see each other's edits.
  const folder = path.join(dirs.root, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test/integration/workspace'), folder, { recursive: true });

  const page = context.pages()[0] ?? (await context.newPage());
  // VS Code calls this when run() settles: 0 if it resolved, 1 if it rejected or could not load.
  const exitCode = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  page.on('console', (message) => {
    const output = testOutput(message);
    if (output !== undefined) console.log(output);
    else if (verbose) console.log(`[workbench ${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[workbench pageerror] ${error.message}`));
  await page.goto(workbenchUrl(port, folder, [
    ['extensionDevelopmentPath', remoteUri(port, repoRoot)],
    ['extensionTestsPath', remoteUri(port, testsPath)],
  ]));

  const code = await exitCode;
  const results = readResults(resultsFile);
  if (!results) {
    throw new TestRunError(`the test run ended with code ${code} but wrote no results to ${resultsFile}; ` +
      'did out/test/integration/index.js load? (rerun with VSCODE_TESTS_VERBOSE=1)');
  }
  return { code, results };
}

async function runUi(context, port, dirs) {
  const suitePath = path.join(repoRoot, 'out/test/ui/index.js');
  if (!fs.existsSync(suitePath)) throw new TestRunError(`${suitePath} is missing: run \`npx tsc -p .\` first`);
  const page = context.pages()[0] ?? (await context.newPage());
  if (verbose) page.on('console', (message) => console.log(`[workbench ${message.type()}] ${message.text()}`));
  // A copy of the sample, as for the integration tests: the checks edit and save it, and two runs at
  // once (or a person editing the sample meanwhile) must not see each other's changes.
  const sampleRoot = copySampleWorkspace(path.join(dirs.root, 'editorial-annotations'));
  await page.goto(workbenchUrl(port, sampleRoot, [['extensionDevelopmentPath', remoteUri(port, repoRoot)]]));
  // test/ui/index.ts runs its mocha suites here, in Node, driving the page.
  const { run } = require(suitePath);
  const results = await run({ page, sampleRoot, screenshotsDir: path.join(repoRoot, 'test-results/ui') });
  return { code: results.failed > 0 ? 1 : 0, results };
}

async function main() {
  if (!isInstalled()) {
    throw new TestRunError('code-server is not installed: run `bash scripts/install-code-server.sh`');
  }
  if (!fs.existsSync(chromiumPath)) throw new TestRunError(`no browser at ${chromiumPath}: run \`bash scripts/install-code-server.sh\``);
  if (!fs.existsSync(path.join(repoRoot, 'dist/extension.js'))) {
    throw new TestRunError('dist/extension.js is missing: run `node esbuild.js` first');
  }

  const startedAt = Date.now();
  const dirs = makeTempDirs();
  const resultsFile = path.join(dirs.root, 'results.json');
  const port = await claimPort();
  // The extension host inherits code-server's environment; this is how the runner finds the file.
  const server = startCodeServer(dirs, port, { env: { [RESULTS_ENV]: resultsFile } });
  cleanups.push(server.stop);
  await waitForHealth(port, server);
  if (verbose) log(`code-server ready on ${HOST}:${port} after ${Date.now() - startedAt} ms`);

  const context = await openBrowser(dirs);
  const serverDied = server.exited.then((result) => {
    throw new TestRunError(`code-server exited during the run (${JSON.stringify(result)}):\n${tail(server.logFile)}`);
  });
  const run = mode === 'ui' ? runUi(context, port, dirs) : runIntegration(context, port, resultsFile, dirs);
  const { code, results } = await Promise.race([run, serverDied]);
  log(`${mode} run took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return { code, results };
}

function summary(results) {
  const skipped = results.pending ? `, ${results.pending} skipped` : '';
  return `${mode}: ${results.passed} passed, ${results.failed} failed${skipped}`;
}

let stoppedBySignal;
async function stopOnSignal(signal) {
  stoppedBySignal = signal;
  console.error(`[run-vscode-tests] ${signal}: stopping code-server and the browser`);
  await cleanup();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

let timer;
const timeout = new Promise((_, reject) => {
  timer = setTimeout(
    () => reject(new TestRunError(`timed out after ${overallTimeoutMs / 1000} s (set VSCODE_TESTS_TIMEOUT_MS to change)`)),
    overallTimeoutMs,
  );
});

let exitCode;
try {
  const { code, results } = await Promise.race([main(), timeout]);
  // The run's own code and the counts must agree; either one failing fails the run.
  exitCode = code === 0 && results.failed === 0 && results.passed > 0 ? 0 : 1;
  console.log(summary(results));
  // Read by `npm run bench`: the extension's own account of its first activation in this editor.
  if (results.activation) console.log(`activation: ${JSON.stringify(results.activation)}`);
} catch (error) {
  // After a signal, the run fails because its processes were stopped: not worth a message.
  if (!stoppedBySignal) console.error(`[run-vscode-tests] ${mode} run FAILED: ${error instanceof HarnessError ? error.message : error.stack}`);
  exitCode = 1;
} finally {
  clearTimeout(timer);
  await cleanup();
}
process.exit(exitCode);
