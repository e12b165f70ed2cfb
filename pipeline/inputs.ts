// Command-line inputs → document paths: files, folders (walked, sorted) and globs (* ? **). Never
// throws on what it finds: a named file that is not there, a dangling symbolic link, an entry
// that cannot be read each become an entry with a reason (a failed documents.csv row); folders
// that cannot be listed and patterns that match nothing are `missing`; what is deliberately not
// read (a folder reached again through a symbolic link, a FIFO) is `skipped`.
import { existsSync, lstatSync, readlinkSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { walkFolder, type WalkedFile, type WalkResult } from './walk.js';

const SKIP = /(^|\/)(\.|node_modules$)|\.(md|json|csv|tsv|ts|js|mjs)$/i;
const keepDocument = (name: string): boolean => !SKIP.test(name);
const keepAny = (name: string): boolean => !name.startsWith('.') && name !== 'node_modules';

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

/** Nothing to read: every input named is missing or matched nothing (a usage error; nothing is written). */
export class NoInputsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoInputsError';
  }
}

/** A document to read, or a named input that cannot be read (`error`: its failed row's reason). */
export interface InputFile extends WalkedFile {
  /** a named input that does not exist (a run where every input is one is a usage error) */
  notFound?: boolean;
}

interface ExpandedInputs {
  files: InputFile[];
  /** inputs that matched nothing and folders that could not be listed, with a one-line reason */
  missing: string[];
  /** entries deliberately not read, with a one-line reason */
  skipped: string[];
}

/** What one named path (not a pattern) stands for. */
function expandPath(input: string, add: (w: WalkResult) => void, missing: string[]): void {
  if (!existsSync(input)) {
    let target: string | undefined;
    try { if (lstatSync(input).isSymbolicLink()) target = readlinkSync(input); } catch { /* not there at all */ }
    const file: InputFile = target !== undefined
      ? { source: input, error: `broken symbolic link: its target ${target} does not exist` }
      : { source: input, error: `file not found: ${input} (no such file or folder)`, notFound: true };
    add({ files: [file], unlisted: [], skipped: [] });
    return;
  }
  let st;
  try { st = statSync(input); } catch (e) {
    add({ files: [{ source: input, error: `cannot read ${input}: ${(e as Error).message.split('\n')[0]}` }], unlisted: [], skipped: [] });
    return;
  }
  if (st.isDirectory()) {
    const w = walkFolder(input, keepDocument);
    if (w.files.length === 0 && w.unlisted.length === 0) missing.push(`${input}: the folder holds no documents`);
    add(w);
  } else if (st.isFile()) add({ files: [{ source: input }], unlisted: [], skipped: [] });
  else add({ files: [{ source: input, error: `${input} is not a regular file (a FIFO, socket or device): name a document` }], unlisted: [], skipped: [] });
}

export function expandInputs(inputs: string[]): ExpandedInputs {
  const files: InputFile[] = [];
  const missing: string[] = [];
  const skipped: string[] = [];
  const add = (w: WalkResult): void => { files.push(...w.files); missing.push(...w.unlisted); skipped.push(...w.skipped); };
  for (const input of inputs) {
    if (!/[*?]/.test(input)) { expandPath(input, add, missing); continue; }
    const firstGlob = input.search(/[*?]/);
    const base = input.slice(0, input.lastIndexOf('/', firstGlob) + 1) || '.';
    const re = globToRegExp(resolve(input).split(sep).join('/'));
    if (!existsSync(base)) { missing.push(`${input}: no file matches this pattern`); continue; }
    const w = walkFolder(base, keepAny);
    const found = w.files.filter((f) => re.test(resolve(f.source).split(sep).join('/')));
    if (found.length === 0 && w.unlisted.length === 0) missing.push(`${input}: no file matches this pattern`);
    add({ files: found.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)), unlisted: w.unlisted, skipped: w.skipped });
  }
  // the same file named twice is read once
  const seen = new Set<string>();
  return { files: files.filter((f) => (seen.has(resolve(f.source)) ? false : (seen.add(resolve(f.source)), true))), missing, skipped };
}

export function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
}
