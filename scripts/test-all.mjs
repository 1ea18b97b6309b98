#!/usr/bin/env node
// `npm test`: installs code-server if needed, builds once, then runs the unit tests (mocha on the core and the CLI), the packaging tests, the integration
// suites inside a real VS Code and the UI checks against the sample, each whatever the others did, and
// closes with a summary. Exits non-zero if the build or any test failed. The last line is the whole
// run's `total: N passed, N failed`, which CI reads.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (relativePath) => path.join(repoRoot, 'node_modules', relativePath);

/** A step's counts from its output: mocha's closing lines, or the VS Code runner's `mode: N passed, N failed`. */
const parsers = {
  mocha(output) {
    const count = (word) => Number(output.match(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm'))?.[1] ?? 0);
    return output.match(/^\s*\d+ passing\b/m) ? { passed: count('passing'), failed: count('failing'), skipped: count('pending') } : undefined;
  },
  runner(mode) {
    return (output) => {
      const lines = [...output.matchAll(new RegExp(`^${mode}: (\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?$`, 'gm'))];
      const last = lines.at(-1);
      return last ? { passed: Number(last[1]), failed: Number(last[2]), skipped: Number(last[3] ?? 0) } : undefined;
    };
  },
};

const node = (...args) => [process.execPath, ...args];
const STEPS = [
  // A no-op once installed; on a fresh machine it makes `npm ci && npm test` enough.
  { name: 'setup', title: 'install code-server and Chromium if needed (scripts/install-code-server.sh)', commands: [['bash', 'scripts/install-code-server.sh']] },
  { name: 'build', title: 'type-check and compile the tests (tsc), bundle the extension (esbuild)', commands: [node(bin('typescript/bin/tsc'), '-p', '.'), node('esbuild.js')] },
  // The lint rules guard the architecture (src/core never imports vscode) and floating promises.
  { name: 'lint', title: 'lint (eslint src test)', commands: [node(bin('eslint/bin/eslint.js'), 'src', 'test')] },
  { name: 'unit', title: 'unit tests (mocha, out/test/unit)', commands: [node(bin('mocha/bin/mocha.js'), ...(process.stdout.isTTY ? ['--color'] : []))], parse: parsers.mocha },
  // Slower: packs the extension and the npm package and installs them, so it stays out of test:unit.
  { name: 'package', title: 'the packaged .vsix and the npm-packed CLI (mocha, out/test/package)', commands: [node(bin('mocha/bin/mocha.js'), '--config', 'test/package/.mocharc.json', ...(process.stdout.isTTY ? ['--color'] : []))], parse: parsers.mocha },
  { name: 'integration', title: 'integration tests in VS Code (code-server, out/test/integration)', commands: [node('scripts/run-vscode-tests.mjs')], parse: parsers.runner('integration') },
  { name: 'ui', title: 'UI checks in the workbench (Playwright, out/test/ui)', commands: [node('scripts/run-vscode-tests.mjs', '--ui')], parse: parsers.runner('ui') },
];

let current; // the child running now
let interrupted;

/**
 * Runs one command in a process group of its own, echoing its output and returning it. Its own group:
 * a Ctrl+C reaches this script only, which passes it on once, so the child's cleanup runs undisturbed.
 */
async function run([program, ...args]) {
  const child = spawn(program, args, { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  current = child;
  let output = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    output += chunk;
  });
  const [code, signal] = await once(child, 'close');
  current = undefined;
  return { code: code ?? (signal ? 128 : 1), output };
}

function stripColours(text) {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

async function runStep(step) {
  console.log(`\n=== ${step.name}: ${step.title}`);
  const startedAt = Date.now();
  let code = 0;
  let output = '';
  // Every command runs: tsc emits the tests even when it reports type errors, and esbuild should still bundle.
  for (const args of step.commands) {
    if (interrupted) break;
    const result = await run(args);
    output += result.output;
    if (code === 0) code = result.code;
  }
  const seconds = (Date.now() - startedAt) / 1000;
  if (!step.parse) return { ...step, ok: code === 0 && !interrupted, seconds };
  const counts = step.parse(stripColours(output));
  // A step that failed without saying how many tests failed (it crashed, or never started) is one failure.
  const failed = code !== 0 || interrupted ? Math.max(counts?.failed ?? 0, 1) : (counts?.failed ?? 0);
  return { ...step, counts: { passed: counts?.passed ?? 0, skipped: counts?.skipped ?? 0, failed }, exitCode: code, complete: Boolean(counts), seconds };
}

function describeStep(result) {
  const time = `(${result.seconds.toFixed(1)} s)`;
  if (!result.counts) return `${result.ok ? 'ok' : 'FAILED'} ${time}`;
  const { passed, failed, skipped } = result.counts;
  const extra = [skipped ? `${skipped} skipped` : '', result.complete ? '' : `did not finish: exit code ${result.exitCode}`].filter(Boolean);
  return `${passed} passed, ${failed} failed${extra.length ? `, ${extra.join(', ')}` : ''} ${time}`;
}

function stop(signal) {
  if (interrupted) return;
  interrupted = signal;
  console.error(`\n[test-all] ${signal}: stopping the current step; the rest are skipped`);
  if (current) process.kill(-current.pid, signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
// If this script dies unexpectedly, its children must not live on.
process.on('exit', () => {
  if (current) {
    try {
      process.kill(-current.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

const startedAt = Date.now();
const results = [];
for (const step of STEPS) {
  if (interrupted) break;
  results.push(await runStep(step));
}

const width = Math.max(...STEPS.map((step) => step.name.length)) + 2;
console.log('\n=== summary');
for (const result of results) console.log(`${`${result.name}:`.padEnd(width)}${describeStep(result)}`);
for (const step of STEPS.slice(results.length)) console.log(`${`${step.name}:`.padEnd(width)}not run (interrupted)`);
const total = { passed: 0, failed: 0 };
for (const result of results) {
  if (result.counts) {
    total.passed += result.counts.passed;
    total.failed += result.counts.failed;
  } else if (!result.ok) {
    total.failed += 1; // the setup and the build count as one check each
  }
}
if (interrupted) total.failed = Math.max(total.failed, 1);
console.log(`time: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
console.log(`total: ${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
