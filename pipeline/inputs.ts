// Command-line inputs → document paths: files, folders (walked, sorted) and globs (* ? **).
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const SKIP = /(^|\/)(\.|node_modules$)|\.(md|json|csv|tsv|ts|js|mjs)$/i;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (SKIP.test(name)) continue;
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile()) out.push(p);
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
    else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

interface ExpandedInputs {
  files: string[];
  /** inputs that matched nothing, with a one-line reason */
  missing: string[];
}

export function expandInputs(inputs: string[]): ExpandedInputs {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const firstGlob = input.search(/[*?]/);
      const base = input.slice(0, input.lastIndexOf('/', firstGlob) + 1) || '.';
      const re = globToRegExp(resolve(input).split(sep).join('/'));
      const found: string[] = [];
      if (existsSync(base)) {
        const all: string[] = [];
        walkAll(base, all);
        for (const f of all) if (re.test(resolve(f).split(sep).join('/'))) found.push(f);
      }
      if (found.length === 0) missing.push(`${input}: no file matches this pattern`);
      files.push(...found.sort());
      continue;
    }
    if (!existsSync(input)) { missing.push(`${input}: no such file or folder`); continue; }
    const st = statSync(input);
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(input, found);
      if (found.length === 0) missing.push(`${input}: the folder holds no documents`);
      files.push(...found);
    } else files.push(input);
  }
  // the same file named twice is read once
  const seen = new Set<string>();
  return { files: files.filter((f) => (seen.has(resolve(f)) ? false : (seen.add(resolve(f)), true))), missing };
}

function walkAll(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walkAll(p, out);
    else out.push(p);
  }
}

export function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
}
