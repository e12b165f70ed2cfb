// The tool's version, from package.json (one source of truth).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

function read(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'fiscal-extract') return pkg.version ?? '0.0.0';
    }
    dir = resolve(dir, '..');
  }
  return '0.0.0';
}

export const VERSION = read();
