// Runs the `*.test.js` files of one folder with mocha and returns the counts. Shared by the runner
// inside the extension host (test/integration) and the Playwright checks (test/ui).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

/** What scripts/run-vscode-tests.mjs prints its closing line from. */
export interface TestResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; message: string }[];
  /** The extension's own account of its activation (integration runs): see EditorialAnnotationsApi. */
  activation?: { loading: number; activating: number };
}

function findTestFiles(directory: string): string[] {
  return fs
    .readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(directory, name));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * `print` receives each line of the spec reporter, already formatted: where console.log is
 * forwarded elsewhere (the extension host), printf arguments would otherwise arrive unformatted.
 */
export async function runMocha(directory: string, timeoutMs: number, print: (line: string) => void, grep?: string): Promise<TestResults> {
  const files = findTestFiles(directory);
  if (files.length === 0) {
    return { passed: 0, failed: 1, pending: 0, failures: [{ title: 'loading the tests', message: `no *.test.js in ${directory}` }] };
  }

  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => print(util.format(...args));
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: timeoutMs, ...(grep ? { grep } : {}) });
  files.forEach((file) => mocha.addFile(file));

  const failures: TestResults['failures'] = [];
  let stats: Mocha.Stats | undefined;
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      stats = runner.stats;
      runner.on('fail', (test, error) => failures.push({ title: test.fullTitle(), message: errorMessage(error) }));
    });
  } catch (error) {
    // A test file that throws while loading stops mocha before any test runs.
    print(`Loading the tests failed: ${errorMessage(error)}`);
    failures.push({ title: 'loading the tests', message: errorMessage(error) });
  }
  return {
    passed: stats?.passes ?? 0,
    failed: Math.max(stats?.failures ?? 0, failures.length),
    pending: stats?.pending ?? 0,
    failures,
  };
}
