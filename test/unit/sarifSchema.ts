// The official SARIF 2.1.0 JSON Schema, taken from a package on the npm registry that ships it
// (@datadog/datadog-ci validates uploads with it). Only that one file is wanted, so the tarball is
// fetched with `npm pack` (npm checks its integrity; its cache makes later runs offline) rather than
// installed with its 400 dependencies, and the file is kept in .cache/ after its hash is checked.
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './helpers';

const PACKAGE = '@datadog/datadog-ci@2.48.0';
const PATH_IN_PACKAGE = 'package/dist/commands/sarif/json-schema/sarif-schema-2.1.0.json';
const SHA256 = '10666d46649b52e262001e70d43e6c52f7c0279ca3dbdfe9a7dc2e4071556454';
const CACHED = path.join(REPO_ROOT, '.cache', 'sarif-schema-2.1.0.json');

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The schema's path on disk, fetched the first time. */
export function sarifSchemaFile(): string {
  if (fs.existsSync(CACHED) && sha256(CACHED) === SHA256) return CACHED;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-schema-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const tarball = execFileSync(npm, ['pack', PACKAGE, '--silent', '--pack-destination', work], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work, PATH_IN_PACKAGE]);
    const extracted = path.join(work, PATH_IN_PACKAGE);
    const actual = sha256(extracted);
    if (actual !== SHA256) throw new Error(`${PACKAGE} ships a different SARIF schema (sha256 ${actual}); check it and update the pin`);
    fs.mkdirSync(path.dirname(CACHED), { recursive: true });
    fs.copyFileSync(extracted, CACHED);
    return CACHED;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
