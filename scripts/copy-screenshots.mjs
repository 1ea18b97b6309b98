#!/usr/bin/env node
// The second half of `npm run screenshots`: after the UI checks have saved their PNGs in
// test-results/ui, copies the ones the README shows into docs/images.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(repoRoot, 'test-results/ui');
const to = path.join(repoRoot, 'docs/images');
// Taken by test/ui/sample.test.ts and test/ui/annotate.test.ts; the README refers to them by these names.
const README_SCREENSHOTS = ['hover-entity.png', 'problems.png', 'tree-view.png', 'outline.png', 'annotate-quote.png'];

const missing = README_SCREENSHOTS.filter((name) => !fs.existsSync(path.join(from, name)));
if (missing.length > 0) {
  console.error(`[screenshots] not in test-results/ui: ${missing.join(', ')}; did the UI checks run and pass?`);
  process.exit(1);
}
fs.mkdirSync(to, { recursive: true });
for (const name of README_SCREENSHOTS) {
  fs.copyFileSync(path.join(from, name), path.join(to, name));
  console.log(`[screenshots] docs/images/${name}`);
}
