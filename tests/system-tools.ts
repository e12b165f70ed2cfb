// Tests that need a program of the system (not an npm package): pdftoppm, chromium, redis-server.
// Missing, such a test is skipped with one line saying what and how to install it; in CI (CI set,
// as .ci/run installs them) a missing program is an error instead.
import { spawnSync } from 'node:child_process';

/** Whether `cmd args…` runs and exits 0. */
export function runs(cmd: string, ...args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/**
 * true (= skip) when the tool is missing, after one line on stderr: `skipped <what>: <tool> not
 * installed (apt-get install -y <pkg>)`. Use as `it.skipIf(skipWithout(ok, …))`.
 */
export function skipWithout(ok: boolean, tool: string, pkg: string, what: string, orElse?: string): boolean {
  if (ok) return false;
  const line = `${tool} not installed (apt-get install -y ${pkg}${orElse ? `, or ${orElse}` : ''})`;
  if (process.env.CI) throw new Error(`CI needs ${line} for ${what}: .ci/run installs it`);
  console.warn(`skipped ${what}: ${line}`);
  return true;
}
