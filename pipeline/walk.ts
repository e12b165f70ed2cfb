// A folder → the files under it, sorted, without ever aborting: an entry that cannot be read
// (a dangling symbolic link, a link loop, no permission) is handed back with a one-line reason;
// a folder reached again through a symbolic link (a cycle such as `ln -s .. sub/up`, or two links
// to one folder) is walked once, detected by its real path; a name that is not valid UTF-8 (a
// GBK-named file) is read through its bytes and shown with those bytes escaped (\xB2).
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';

/** A file found by a walk, or an entry that could not be read. */
export interface WalkedFile {
  /** the path as written in documents.csv: UTF-8, bytes of a name that is not valid UTF-8 as \xHH */
  source: string;
  /** the path's bytes, when `source` does not name the file (a name that is not valid UTF-8) */
  path?: Buffer;
  /** why the entry cannot be read (it becomes a failed documents.csv row) */
  error?: string;
}

export interface WalkResult {
  files: WalkedFile[];
  /** folders that could not be listed, one line each (documents may be missing) */
  unlisted: string[];
  /** entries deliberately not read, one line each: folders walked already, FIFOs, sockets */
  skipped: string[];
}

const SLASH = Buffer.from('/');

/** The bytes of a path as text: valid UTF-8 as is, any other byte as `\xHH`. */
export function displayBytes(b: Buffer): string {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  try {
    return fatal.decode(b);
  } catch { /* escaped below, sequence by sequence */ }
  let s = '';
  for (let i = 0; i < b.length;) {
    const lead = b[i]!;
    const n = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let text: string | undefined;
    if (n > 0 && i + n <= b.length) {
      try { text = fatal.decode(b.subarray(i, i + n)); } catch { text = undefined; }
    }
    if (text !== undefined) { s += text; i += n; } else { s += `\\x${lead.toString(16).toUpperCase().padStart(2, '0')}`; i++; }
  }
  return s;
}

const errCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? '';

/** One line for an fs error: what it means for the reader, the code in brackets. */
function why(e: unknown): string {
  switch (errCode(e)) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOENT': return 'it no longer exists';
    case 'ELOOP': return 'a symbolic link that loops back on itself';
    case 'ENAMETOOLONG': return 'the path is too long';
    default: return (e as Error).message.split('\n')[0]!;
  }
}

function kindOf(st: Stats): string {
  return st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file';
}

/** The files under `dir` (a path as given), in byte order of their names; `keep` decides by a
 *  name (as text) whether an entry is looked at at all. */
export function walkFolder(dir: string, keep: (name: string) => boolean): WalkResult {
  const res: WalkResult = { files: [], unlisted: [], skipped: [] };
  const seen = new Set<string>();
  const root = Buffer.from(dir);
  try {
    seen.add(realpathSync(root, { encoding: 'buffer' }).toString('latin1'));
  } catch (e) {
    res.unlisted.push(`${dir}: cannot walk the folder: ${why(e)}`);
    return res;
  }
  walkInto(root, dir, keep, seen, res);
  return res;
}

function walkInto(dir: Buffer, shown: string, keep: (name: string) => boolean, seen: Set<string>, res: WalkResult): void {
  let names: Buffer[];
  try {
    names = readdirSync(dir, { encoding: 'buffer' });
  } catch (e) {
    res.unlisted.push(`${shown}: cannot list the folder: ${why(e)}`);
    return;
  }
  names.sort(Buffer.compare);
  for (const name of names) {
    const nameText = displayBytes(name);
    if (!keep(nameText)) continue;
    const p = Buffer.concat([dir, dir[dir.length - 1] === 0x2f ? Buffer.alloc(0) : SLASH, name]);
    const source = displayBytes(p);
    const exact = source === p.toString('utf8');
    const entry = (error?: string): WalkedFile => ({ source, ...(exact ? {} : { path: p }), ...(error ? { error } : {}) });
    let st: Stats;
    let link = false;
    try {
      st = lstatSync(p);
      if (st.isSymbolicLink()) { link = true; st = statSync(p); }
    } catch (e) {
      if (link && errCode(e) === 'ENOENT') {
        let target = '';
        try { target = displayBytes(readlinkSync(p, { encoding: 'buffer' })); } catch { target = '?'; }
        res.files.push(entry(`broken symbolic link: its target ${target} does not exist`));
      } else res.files.push(entry(`cannot read ${link ? 'the symbolic link' : 'the entry'}: ${why(e)}`));
      continue;
    }
    if (st.isDirectory()) {
      let real: string;
      try { real = realpathSync(p, { encoding: 'buffer' }).toString('latin1'); } catch (e) {
        res.unlisted.push(`${source}: cannot walk the folder: ${why(e)}`);
        continue;
      }
      if (seen.has(real)) {
        res.skipped.push(`${source}: ${link ? 'a symbolic link to' : 'the same folder as'} ${displayBytes(Buffer.from(real, 'latin1'))}, walked already: skipped`);
        continue;
      }
      seen.add(real);
      walkInto(p, source, keep, seen, res);
    } else if (st.isFile()) res.files.push(entry());
    else res.skipped.push(`${source}: ${kindOf(st)}, not a document: skipped`);
  }
}
