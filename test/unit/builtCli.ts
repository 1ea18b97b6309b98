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

/** Runs the CLI in `cwd`; `runner` is the command that runs Node (another user's, through setpriv). */
export function cli(args: readonly string[], cwd = REPO_ROOT, runner: readonly string[] = [process.execPath]): Run {
  const { status, stdout, stderr } = spawnSync(runner[0], [...runner.slice(1), CLI, ...args], { cwd, encoding: 'utf8' });
  return { status, stdout, stderr };
}
