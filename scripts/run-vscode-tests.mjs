#!/usr/bin/env node
// Runs the extension in a real VS Code without internet: code-server (installed by
// scripts/install-code-server.sh) serves the workbench on loopback and a headless Chromium opens it,
// which starts the extension host. Why each flag is there: shared/notes/real-vscode-offline.md.
//
//   node scripts/run-vscode-tests.mjs        the mocha suites in out/test/integration, inside the host
//   node scripts/run-vscode-tests.mjs --ui   the Playwright checks in out/test/ui, against the sample
//
// Exits with the tests' status and closes with `<mode>: N passed, N failed`. Environment:
//   VSCODE_TESTS_TIMEOUT_MS  the whole run's limit (default 180000)
//   VSCODE_TESTS_VERBOSE=1   also print the workbench's console and code-server's start-up time
//   CHROMIUM_PATH            the browser (default /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const codeServerEntry = path.join(repoRoot, '.cache/code-server/node_modules/code-server/out/node/entry.js');
// Written last by scripts/install-code-server.sh; the version moves with the one pinned there.
const installMarker = path.join(repoRoot, '.cache/code-server/.installed-4.100.3');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const mode = process.argv.includes('--ui') ? 'ui' : 'integration';
const overallTimeoutMs = Number(process.env.VSCODE_TESTS_TIMEOUT_MS ?? 180_000);
const verbose = process.env.VSCODE_TESTS_VERBOSE === '1';
// The in-host runner (test/integration/index.ts) writes its counts to this file.
const RESULTS_ENV = 'EDITORIAL_TEST_RESULTS';
const TEST_OUTPUT_MARKER = '[mocha] ';

const HOST = '127.0.0.1';
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
const USER_SETTINGS = {
  'workbench.startupEditor': 'none', // the welcome page steals focus
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false, // the repo root is the UI workspace; no SCM scanning while tests run
  'git.autoRepositoryDetection': false,
  'npm.autoDetect': 'off',
  'chat.commandCenter.enabled': false,
  'window.dialogStyle': 'custom',
};

class TestRunError extends Error {}

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

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function freePort() {
  const server = net.createServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

function makeTempDirs() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `vscode-${mode}-`));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    tmp: path.join(root, 'tmp'),
    xdg: path.join(root, 'xdg'),
    browser: path.join(root, 'browser'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  fs.writeFileSync(path.join(root, 'config.yaml'), 'auth: none\ncert: false\n');
  cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  return dirs;
}

/** Starts code-server in a process group of its own, so that one kill ends it and its extension host. */
function startCodeServer(dirs, port, resultsFile) {
  const logFile = path.join(dirs.root, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--config', path.join(dirs.root, 'config.yaml'),
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      EXTENSIONS_GALLERY: '{}', // no marketplace: an offline lookup costs seconds
      TMPDIR: dirs.tmp,
      XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
      XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
      XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
      // The extension host inherits code-server's environment; this is how the runner finds the file.
      [RESULTS_ENV]: resultsFile,
    },
  });
  fs.closeSync(logFd);
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  cleanups.push(async () => {
    killGroup(child.pid, 'SIGTERM');
    const result = await Promise.race([exited, delay(3000)]);
    // Whatever ignored SIGTERM, and children left behind by a leader that did exit.
    killGroup(child.pid, 'SIGKILL');
    return result;
  });
  // The last resort if this script dies between here and the cleanup: signals to a group are synchronous.
  process.on('exit', () => killGroup(child.pid, 'SIGKILL'));
  return { child, exited, logFile };
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForHealth(port, server) {
  const deadline = Date.now() + 60_000;
  let serverExit;
  server.exited.then((result) => (serverExit = result));
  while (Date.now() < deadline) {
    if (serverExit) {
      throw new TestRunError(`code-server exited (${JSON.stringify(serverExit)}) before it was ready:\n${tail(server.logFile)}`);
    }
    try {
      const response = await fetch(`http://${HOST}:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet; there is no event to wait for from outside the process.
    }
    await delay(100);
  }
  throw new TestRunError(`code-server did not answer /healthz within 60 s:\n${tail(server.logFile)}`);
}

/** The mocha output among the page's console messages: test/integration/index.ts marks its lines. */
function testOutput(message) {
  const text = message.text();
  const at = text.indexOf(TEST_OUTPUT_MARKER);
  return at === -1 ? undefined : text.slice(at + TEST_OUTPUT_MARKER.length);
}

function workbenchUrl(port, folder, testsPath) {
  // The host and port as the browser sees them; plain paths here load nothing and the run hangs.
  const remote = (absolutePath) => `vscode-remote://${HOST}:${port}${encodeURI(absolutePath)}`;
  const payload = [['extensionDevelopmentPath', remote(repoRoot)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `http://${HOST}:${port}/?${query}`;
}

async function openBrowser(dirs) {
  const context = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
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

async function runIntegration(context, port, resultsFile) {
  const testsPath = path.join(repoRoot, 'out/test/integration/index.js');
  if (!fs.existsSync(testsPath)) throw new TestRunError(`${testsPath} is missing: run \`npx tsc -p .\` first`);
  const folder = path.join(repoRoot, 'test/integration/workspace');

  const page = context.pages()[0] ?? (await context.newPage());
  // VS Code calls this when run() settles: 0 if it resolved, 1 if it rejected or could not load.
  const exitCode = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  page.on('console', (message) => {
    const output = testOutput(message);
    if (output !== undefined) console.log(output);
    else if (verbose) console.log(`[workbench ${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[workbench pageerror] ${error.message}`));
  await page.goto(workbenchUrl(port, folder, testsPath));

  const code = await exitCode;
  const results = readResults(resultsFile);
  if (!results) {
    throw new TestRunError(`the test run ended with code ${code} but wrote no results to ${resultsFile}; ` +
      'did out/test/integration/index.js load? (rerun with VSCODE_TESTS_VERBOSE=1)');
  }
  return { code, results };
}

async function runUi(context, port) {
  const suitePath = path.join(repoRoot, 'out/test/ui/index.js');
  if (!fs.existsSync(suitePath)) throw new TestRunError(`${suitePath} is missing: run \`npx tsc -p .\` first`);
  const page = context.pages()[0] ?? (await context.newPage());
  if (verbose) page.on('console', (message) => console.log(`[workbench ${message.type()}] ${message.text()}`));
  await page.goto(workbenchUrl(port, repoRoot));
  // test/ui/index.ts runs its mocha suites here, in Node, driving the page.
  const { run } = require(suitePath);
  const results = await run({ page, screenshotsDir: path.join(repoRoot, 'test-results/ui') });
  return { code: results.failed > 0 ? 1 : 0, results };
}

async function main() {
  if (!fs.existsSync(installMarker) || !fs.existsSync(codeServerEntry)) {
    throw new TestRunError('code-server is not installed: run `bash scripts/install-code-server.sh`');
  }
  if (!fs.existsSync(chromiumPath)) throw new TestRunError(`no browser at ${chromiumPath}: run \`bash scripts/install-code-server.sh\``);
  if (!fs.existsSync(path.join(repoRoot, 'dist/extension.js'))) {
    throw new TestRunError('dist/extension.js is missing: run `node esbuild.js` first');
  }

  const startedAt = Date.now();
  const dirs = makeTempDirs();
  const resultsFile = path.join(dirs.root, 'results.json');
  const port = await freePort();
  const server = startCodeServer(dirs, port, resultsFile);
  await waitForHealth(port, server);
  if (verbose) log(`code-server ready on ${HOST}:${port} after ${Date.now() - startedAt} ms`);

  const context = await openBrowser(dirs);
  const serverDied = server.exited.then((result) => {
    throw new TestRunError(`code-server exited during the run (${JSON.stringify(result)}):\n${tail(server.logFile)}`);
  });
  const run = mode === 'ui' ? runUi(context, port) : runIntegration(context, port, resultsFile);
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
} catch (error) {
  // After a signal, the run fails because its processes were stopped: not worth a message.
  if (!stoppedBySignal) console.error(`[run-vscode-tests] ${mode} run FAILED: ${error instanceof TestRunError ? error.message : error.stack}`);
  exitCode = 1;
} finally {
  clearTimeout(timer);
  await cleanup();
}
process.exit(exitCode);
