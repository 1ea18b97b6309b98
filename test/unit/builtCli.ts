// Runs the bundled command-line tool (dist/cli.js) as a user does: a child process in a folder.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { REPO_ROOT } from './helpers';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(args: readonly string[], cwd = REPO_ROOT): Run {
  const { status, stdout, stderr } = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status, stdout, stderr };
}
