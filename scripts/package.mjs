#!/usr/bin/env node
// `npm run package`: the production .vsix, editorial-annotations-<version>.vsix in the repository root.
//
// package.json's `files` says what the npm package (the CLI) carries, and .vscodeignore what the
// .vsix carries. vsce refuses a folder that has both, so the files .vscodeignore lets through are
// copied into a staging folder, with a manifest that has no `files` and no scripts, and packaged there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createVSIX, listFiles, PackageManager } = require('@vscode/vsce');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio: 'inherit' });

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const files = await listFiles({ cwd: root, packageManager: PackageManager.None });
const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-annotations-vsix-'));
try {
  for (const file of files) {
    const target = path.join(staging, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, file), target);
  }
  const { files: _npmFiles, scripts: _scripts, devDependencies: _devDependencies, ...staged } = manifest;
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify(staged, null, 2) + '\n');
  fs.writeFileSync(path.join(staging, '.vscodeignore'), '# Staged by scripts/package.mjs: everything here belongs in the package.\n');
  const out = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
  await createVSIX({
    cwd: staging,
    packagePath: out,
    dependencies: false,
    // No public repository yet: links in the README stay relative (they work in the repository).
    allowMissingRepository: true,
    rewriteRelativeLinks: false,
  });
  const bytes = fs.statSync(out).size;
  console.log(`${path.relative(root, out)}: ${(bytes / 1024).toFixed(1)} KiB, ${files.length} files`);
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
