// Headless Chromium (Debian package `chromium`) for the review tests (not a test file itself).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

function chromium(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const profile = mkdtempSync(join(tmpdir(), 'fx-chromium-'));
  try {
    const r = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The DOM of a local HTML file after Chromium has loaded it. */
export function dumpDom(file: string): string {
  const r = chromium(['--dump-dom', pathToFileURL(file).href]);
  if (r.status !== 0) throw new Error(`chromium exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return r.stdout;
}

/** A PNG screenshot of a local HTML file; returns the PNG path. */
export function screenshot(file: string, png: string): string {
  const r = chromium([`--screenshot=${png}`, '--window-size=1400,1000', pathToFileURL(file).href]);
  if (r.status !== 0 || !existsSync(png)) throw new Error(`chromium screenshot failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return png;
}
