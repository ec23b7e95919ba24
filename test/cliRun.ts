// Running the built CLI (bin/planwright.js) as a user would, for the CLI tests.
import { spawnSync } from 'child_process';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/planwright.js');

/**
 * `planwright ARGS...` run in `cwd`, its exit code and output. A CLI that hangs is killed after
 * `timeoutMs`: its status is null, which fails the test that expected a code.
 */
export function cliIn(cwd: string, timeoutMs = 20_000): (...args: string[]) => { code: number | null; out: string; err: string } {
  return (...args) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}
