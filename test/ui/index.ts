// Entry point of the UI checks: scripts/run-vscode-tests.mjs --ui opens a copy of the sample workspace
// in code-server, then calls run() here, in Node, to drive the page with Playwright.
import type { Page } from 'playwright-core';
import { runMocha, type TestResults } from '../support/runMocha';
import { setWorkbench, Workbench } from './workbench';

export interface UiRunOptions {
  page: Page;
  /** The workspace the page has open: a copy of the sample's articles/ and annotations/. */
  sampleRoot: string;
  /** Where the suites save PNGs: test-results/ui, ignored by git. */
  screenshotsDir: string;
}

export async function run({ page, sampleRoot, screenshotsDir }: UiRunOptions): Promise<TestResults> {
  const workbench = new Workbench(page, sampleRoot, screenshotsDir);
  setWorkbench(workbench);
  try {
    await workbench.ready();
    // A hover or a diagnostic appears after the extension has read the YAML: give each step time.
    return await runMocha(__dirname, 30_000, (line) => console.log(line));
  } finally {
    setWorkbench(undefined);
  }
}
