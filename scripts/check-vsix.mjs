#!/usr/bin/env node
// Checks the packaged extension as a user installs it, offline: `npm run package`, install the .vsix
// into a fresh code-server profile, list it, open a copy of the sample in headless Chromium and wait
// for the sample's findings in the status bar and the walkthrough on the Welcome page.
//
//   node scripts/check-vsix.mjs [path/to.vsix]     (default: package the working tree first)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  BASE_USER_SETTINGS,
  claimPort,
  codeServerEntry,
  HarnessError,
  installVsix,
  makeProfile,
  remoteUri,
  repoRoot,
  startCodeServer,
  waitForHealth,
  workbenchUrl,
} from './lib/code-server.mjs';

const SAMPLE = ['articles/putin-witkoff-talks.txt', 'annotations/putin-witkoff-talks.yaml'];
const log = (message) => console.log(`[check-vsix] ${message}`);

function packaged() {
  if (process.argv[2]) return path.resolve(process.argv[2]);
  execFileSync('npm', ['run', 'package', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
  const { name, version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return path.join(repoRoot, `${name}-${version}.vsix`);
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-vsix-'));
let server;
let browser;
try {
  const vsix = packaged();
  const dirs = makeProfile(path.join(root, 'profile'), { ...BASE_USER_SETTINGS, 'workbench.startupEditor': 'none' });
  await installVsix(dirs, vsix);
  const listed = execFileSync(process.execPath, [codeServerEntry, '--extensions-dir', dirs.extensions, '--list-extensions', '--show-versions'], { encoding: 'utf8' });
  if (!/^editorial-annotations\.editorial-annotations@/m.test(listed)) throw new HarnessError(`not listed after install:\n${listed}`);
  log(`installed and listed: ${listed.trim()}`);

  const workspace = path.join(root, 'newsroom');
  for (const file of SAMPLE) {
    fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, file), path.join(workspace, file));
  }
  const port = await claimPort();
  server = startCodeServer(dirs, port, { folder: workspace });
  await waitForHealth(port, server);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(workbenchUrl(port, workspace, [['openFile', remoteUri(port, path.join(workspace, SAMPLE[0]))]]));

  // The sample has 6 warnings and no error: the status bar's problems item says so once analysed.
  const problems = page.locator('#status\\.problems');
  await problems.filter({ hasText: '6' }).waitFor({ timeout: 60_000 });
  log(`status bar: ${(await problems.getAttribute('aria-label')) ?? (await problems.innerText())}`);

  await page.keyboard.press('F1');
  await page.keyboard.type('Welcome: Open Walkthrough');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Get Started with Editorial Annotations');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Editorial Annotations' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator('.getting-started-step', { hasText: 'Open the sample article' }).first().waitFor({ timeout: 20_000 });
  log('walkthrough: "Get Started with Editorial Annotations" opens with its steps');
  // Its first step copies the sample from the extension into the extension's storage and opens it:
  // a second copy of the draft, so twice the warnings.
  await page.locator('.getting-started-step', { hasText: 'Open the sample article' }).locator('a', { hasText: 'Open the Sample' }).first().click();
  await problems.filter({ hasText: '12' }).waitFor({ timeout: 60_000 });
  log(`walkthrough's sample opened from the extension's storage; status bar: ${await problems.getAttribute('aria-label')}`);
  log(`OK (${path.basename(vsix)}, ${(fs.statSync(vsix).size / 1024).toFixed(1)} KiB)`);
} catch (error) {
  console.error(`[check-vsix] FAILED: ${error instanceof HarnessError ? error.message : error.stack}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
}
