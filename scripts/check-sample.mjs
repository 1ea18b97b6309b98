// Builds nothing: runs the bundled CLI on the sample drafts and shows what an editor would see.
// Exit 1 from the CLI means "warnings found", which is what the sample is for, so it counts as success here.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', 'articles', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status === 0 || result.status === 1) {
  console.error('\nThe sample has these findings on purpose: see the comments in annotations/putin-witkoff-talks.yaml.');
  process.exit(0);
}
process.exit(result.status ?? 2);
