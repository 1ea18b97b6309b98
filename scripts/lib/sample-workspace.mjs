// The sample workspace the demo and the UI checks open: a fresh copy of the repository's sample, never
// the repository itself. Quick fixes save the annotation file and web VS Code saves as you type, so a
// served repository would change its own sample, which the tests read and the walkthrough promises
// can be edited freely.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './code-server.mjs';

/** What the sample workspace holds: the draft's folder and the annotations folder at its root. */
export const SAMPLE_FOLDERS = ['articles', 'annotations'];
export const SAMPLE_DRAFT = 'articles/putin-witkoff-talks.txt';
export const SAMPLE_ANNOTATIONS = 'annotations/putin-witkoff-talks.yaml';

/** Where `npm run demo` serves the sample: in .cache/, which git ignores, beside the demo's profile. */
export const demoWorkspace = path.join(repoRoot, '.cache/demo/workspace');

/**
 * Makes `target` a fresh copy of the sample workspace, whatever was there before (the last demo's
 * edits go), and returns it. `target` must not be the repository or a folder above it.
 */
export function copySampleWorkspace(target, from = repoRoot) {
  const resolved = path.resolve(target);
  const relative = path.relative(resolved, from);
  if (relative === '' || !relative.startsWith('..')) throw new Error(`${target} holds the repository: the sample is copied into a folder of its own`);
  fs.rmSync(resolved, { recursive: true, force: true });
  for (const folder of SAMPLE_FOLDERS) fs.cpSync(path.join(from, folder), path.join(resolved, folder), { recursive: true });
  return resolved;
}
