// The test runner VS Code loads inside the extension host (`extensionTestsPath`). It runs every
// `*.test.js` compiled next to it and writes the counts to the file named by EDITORIAL_TEST_RESULTS,
// which scripts/run-vscode-tests.mjs sets in code-server's environment (the host inherits it) and
// reads back: the page only tells the script pass or fail, and the counts are what CI reads.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { EditorialAnnotationsApi } from '../../src/extension';
import { runMocha } from '../support/runMocha';
import { EXTENSION_ID } from './util';

const RESULTS_ENV = 'EDITORIAL_TEST_RESULTS';
/** Runs only the tests whose titles match (`npm run bench` uses it to time activation alone). */
const GREP_ENV = 'EDITORIAL_TEST_GREP';
// The host forwards console.log to the page among the workbench's own log lines; the script prints
// the lines that carry this mark, and only those.
const OUTPUT_MARKER = '[mocha] ';

export async function run(): Promise<void> {
  // Starting the extension and waiting for its first results can take seconds on 2 cores.
  const results = await runMocha(__dirname, 20_000, (line) => console.log(OUTPUT_MARKER + line), process.env[GREP_ENV]);
  const extension = vscode.extensions.getExtension<EditorialAnnotationsApi>(EXTENSION_ID);
  if (extension?.isActive) results.activation = extension.exports.activation;
  const resultsFile = process.env[RESULTS_ENV];
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
  if (results.passed === 0) throw new Error('No integration test ran');
}
