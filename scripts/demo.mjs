#!/usr/bin/env node
// `npm run demo`: the extension as a user gets it, in a real VS Code, offline. Installs code-server if
// needed (scripts/install-code-server.sh), packages the extension as a .vsix, installs that into a
// demo profile in .cache/demo, serves a fresh copy of the sample workspace (articles/ and annotations/,
// copied into .cache/demo/workspace at each start: edits there never reach the repository's sample)
// on 127.0.0.1 with no password, and prints the URL that opens the sample draft. Runs until Ctrl+C,
// which stops code-server and everything it started.
//
//   npm run demo [-- --port N]    default port 8080 (or DEMO_PORT); a free one if that is taken
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import {
  BASE_USER_SETTINGS,
  claimPort,
  HarnessError,
  HOST,
  installVsix,
  makeProfile,
  remoteUri,
  repoRoot,
  SAMPLE_VIEW_SETTINGS,
  startCodeServer,
  tail,
  waitForHealth,
  workbenchUrl,
} from './lib/code-server.mjs';
import { copySampleWorkspace, demoWorkspace, SAMPLE_ANNOTATIONS, SAMPLE_DRAFT } from './lib/sample-workspace.mjs';

const DEFAULT_PORT = 8080;
const demoDir = path.join(repoRoot, '.cache/demo');

const log = (message) => console.log(`[demo] ${message}`);

function requestedPort() {
  const at = process.argv.indexOf('--port');
  const value = at === -1 ? (process.env.DEMO_PORT ?? DEFAULT_PORT) : process.argv[at + 1];
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new HarnessError(`not a port: ${value}`);
  return port;
}

/** Runs a command with this terminal, and fails the demo if it fails. */
async function step(description, command, args) {
  log(description);
  const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
  const [code, signal] = await once(child, 'exit');
  if (code !== 0) throw new HarnessError(`${description} failed (${signal ?? `exit code ${code}`})`);
}

/** Builds the .vsix with the project's own `npm run package` (scripts/package.mjs) and returns its path. */
async function packageExtension() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const vsix = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
  fs.rmSync(vsix, { force: true }); // so that an old package is never installed by mistake
  await step('packaging the extension (npm run package)', 'npm', ['run', 'package']);
  if (!fs.existsSync(vsix)) throw new HarnessError(`npm run package made no ${path.basename(vsix)}`);
  return vsix;
}

async function main() {
  const wantedPort = requestedPort();
  await step('installing code-server if needed (scripts/install-code-server.sh)', 'bash', ['scripts/install-code-server.sh']);
  const vsix = await packageExtension();

  // A new profile each time: the extension just packaged, and settings as this script writes them.
  const profileDir = path.join(demoDir, 'profile');
  fs.rmSync(profileDir, { recursive: true, force: true });
  const dirs = makeProfile(profileDir, { ...BASE_USER_SETTINGS, ...SAMPLE_VIEW_SETTINGS });
  log(`installing ${path.relative(repoRoot, vsix)} into code-server`);
  log(await installVsix(dirs, vsix));

  const workspace = copySampleWorkspace(demoWorkspace);
  log(`serving a fresh copy of the sample: ${path.relative(repoRoot, workspace)}`);

  let port = await claimPort(wantedPort);
  if (port === undefined) {
    port = await claimPort();
    log(`port ${wantedPort} is taken: using ${port}`);
  }
  const server = startCodeServer(dirs, port, { folder: workspace });
  let stopping = false;
  const stop = async (signal) => {
    stopping = true;
    log(`${signal}: stopping code-server`);
    await server.stop();
    log('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => void stop(signal));

  await waitForHealth(port, server);
  const url = workbenchUrl(port, workspace, [['openFile', remoteUri(port, path.join(workspace, SAMPLE_DRAFT))]]);
  console.log(`
Editorial Annotations is running in VS Code (code-server) at

  ${url}

Open it in a browser on this machine (the address works only as ${HOST}:${port}; plain
http://${HOST}:${port}/ opens the workspace without the draft). Then:
  - hover "Zelensky" for the entity card, or a quotation for the claim card;
  - open the Problems panel (Ctrl+Shift+M) for the sample's deliberate attribution warnings;
  - look at the Outline view and the "Editorial Annotations" view in the Explorer.
Edit ${SAMPLE_DRAFT} or ${SAMPLE_ANNOTATIONS} and watch them follow.

The workspace is a copy of the sample, made afresh at each start, so edit it freely:
  ${workspace}
The repository's own articles/ and annotations/ are never changed by the demo.

code-server's log: ${path.relative(repoRoot, server.logFile)}
Press Ctrl+C to stop.
`);

  const { code, signal } = await server.exited;
  if (stopping) return; // stop() exits once the whole process group is gone
  throw new HarnessError(`code-server stopped by itself (${signal ?? `exit code ${code}`}):\n${tail(server.logFile)}`);
}

main().catch((error) => {
  console.error(`[demo] FAILED: ${error instanceof HarnessError ? error.message : error.stack}`);
  process.exit(1);
});
