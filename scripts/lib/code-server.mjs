// Starting and stopping the cached code-server (scripts/install-code-server.sh), shared by the test
// runner and the demo. Why each flag and setting is there: shared/notes/real-vscode-offline.md.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const codeServerEntry = path.join(repoRoot, '.cache/code-server/node_modules/code-server/out/node/entry.js');
// Written last by scripts/install-code-server.sh; the version moves with the one pinned there.
export const installMarker = path.join(repoRoot, '.cache/code-server/.installed-4.100.3');
export const HOST = '127.0.0.1';

/** What code-server and the workbench need to start quietly, offline, on any profile. */
export const BASE_USER_SETTINGS = {
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
  'git.enabled': false, // no SCM scanning of the sample's copy (in .cache/ of a git checkout)
  'git.autoRepositoryDetection': false,
  'npm.autoDetect': 'off',
  'chat.commandCenter.enabled': false,
  'window.dialogStyle': 'custom',
};

/**
 * How the sample workspace (a copy of the repo's sample: scripts/lib/sample-workspace.mjs) is shown to
 * a person, in the demo and the UI checks' screenshots: the draft is one paragraph per line, and the
 * folders the tools generate are noise.
 */
export const SAMPLE_VIEW_SETTINGS = {
  'editor.wordWrap': 'on',
  'files.exclude': {
    '**/.git': true,
    '.cache': true,
    'node_modules': true,
    'out': true,
    'dist': true,
    'test-results': true,
    '*.vsix': true,
  },
};

/** An error whose message says it all: printed without a stack. */
export class HarnessError extends Error {}

export function isInstalled() {
  return fs.existsSync(installMarker) && fs.existsSync(codeServerEntry);
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Signals a whole process group; a group that is already gone is not an error. */
export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** Listens on `port` (0: any) on the loopback address and returns the port it got, or undefined if taken. */
export async function claimPort(port = 0) {
  const server = net.createServer();
  server.listen(port, HOST);
  const outcome = await Promise.race([once(server, 'listening').then(() => 'ok'), once(server, 'error').then(() => 'taken')]);
  if (outcome === 'taken') return undefined;
  const claimed = server.address().port;
  server.close();
  await once(server, 'close');
  return claimed;
}

/**
 * Creates a code-server profile in `root`: user data with `settings`, an extensions folder, and the
 * temporary and XDG folders it is pointed at so that it writes nowhere else.
 */
export function makeProfile(root, settings) {
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    tmp: path.join(root, 'tmp'),
    xdg: path.join(root, 'xdg'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify(settings, null, 2));
  fs.writeFileSync(path.join(root, 'config.yaml'), 'auth: none\ncert: false\n');
  return dirs;
}

function profileArgs(dirs) {
  return ['--config', path.join(dirs.root, 'config.yaml'), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function profileEnv(dirs, extraEnv) {
  return {
    ...process.env,
    EXTENSIONS_GALLERY: '{}', // no marketplace: an offline lookup costs seconds
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    ...extraEnv,
  };
}

/**
 * Starts code-server on HOST:port in a process group of its own, so that one kill ends it and its
 * extension host. Its output goes to `<profile>/code-server.log`. `folder`, when given, is what a
 * bare URL opens. The caller stops it with stop(); a process exit kills the group as a last resort.
 */
export function startCodeServer(dirs, port, { folder, env = {} } = {}) {
  const logFile = path.join(dirs.root, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    ...profileArgs(dirs),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(folder ? ['--ignore-last-opened', folder] : []),
  ];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', logFd, logFd], env: profileEnv(dirs, env) });
  fs.closeSync(logFd);
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  const lastResort = () => killGroup(child.pid, 'SIGKILL');
  process.on('exit', lastResort);
  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      killGroup(child.pid, 'SIGTERM');
      await Promise.race([exited, delay(3000)]);
      // Whatever ignored SIGTERM, and children left behind by a leader that did exit.
      killGroup(child.pid, 'SIGKILL');
      process.off('exit', lastResort);
    })();
    return stopping;
  };
  return { child, exited, logFile, stop };
}

/** Installs a .vsix into the profile's extensions folder with code-server's own CLI. */
export async function installVsix(dirs, vsix) {
  const child = spawn(process.execPath, [codeServerEntry, ...profileArgs(dirs), '--force', '--install-extension', vsix], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: profileEnv(dirs, {}),
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new HarnessError(`installing ${path.basename(vsix)} into code-server failed (exit ${code}):\n${output}`);
  return output.trim();
}

export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function waitForHealth(port, server, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let serverExit;
  void server.exited.then((result) => (serverExit = result));
  while (Date.now() < deadline) {
    if (serverExit) {
      throw new HarnessError(`code-server exited (${JSON.stringify(serverExit)}) before it was ready:\n${tail(server.logFile)}`);
    }
    try {
      const response = await fetch(`http://${HOST}:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet; there is no event to wait for from outside the process.
    }
    await delay(100);
  }
  throw new HarnessError(`code-server did not answer /healthz within ${timeoutMs / 1000} s:\n${tail(server.logFile)}`);
}

/** A path on the server as the workbench must see it: plain paths load nothing and a test run hangs. */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://${HOST}:${port}${encodeURI(absolutePath)}`;
}

/**
 * The workbench URL that opens `folder`, with development options as `payload` pairs
 * (e.g. ['openFile', remoteUri(...)], ['extensionDevelopmentPath', remoteUri(...)]).
 */
export function workbenchUrl(port, folder, payload = []) {
  const query = new URLSearchParams({ folder });
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `http://${HOST}:${port}/?${query}`;
}
