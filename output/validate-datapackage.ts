// A small offline validator for Frictionless Tabular Data Packages (v1): the descriptor's required
// properties, and each CSV resource against its table schema (header, types, missing values,
// enum constraints, primary and foreign keys). Enough to keep our own output honest; not a full
// implementation of the specification.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv.js';

const NAME = /^[a-z0-9._-]+$/;
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any']);

interface Field { name?: unknown; type?: unknown; constraints?: { enum?: unknown[]; required?: boolean } }
interface Schema { fields?: Field[]; primaryKey?: string | string[]; foreignKeys?: { fields: string | string[]; reference: { resource: string; fields: string | string[] } }[]; missingValues?: string[] }
interface Resource { name?: unknown; path?: unknown; data?: unknown; profile?: unknown; format?: unknown; schema?: Schema }
interface Descriptor { profile?: unknown; name?: unknown; resources?: Resource[] }

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function validateDescriptor(d: Descriptor): string[] {
  const errors: string[] = [];
  if (!d || typeof d !== 'object') return ['the descriptor is not an object'];
  if (d.profile !== undefined && d.profile !== 'tabular-data-package') errors.push(`profile is ${String(d.profile)}, expected tabular-data-package`);
  if (d.name !== undefined && (typeof d.name !== 'string' || !NAME.test(d.name))) errors.push('name must be lower-case letters, digits, ".", "_" or "-"');
  if (!Array.isArray(d.resources) || d.resources.length === 0) return [...errors, 'resources: required, a non-empty array'];
  const names = new Set<string>();
  for (const [i, r] of d.resources.entries()) {
    const at = `resources[${i}]`;
    if (typeof r.name !== 'string' || !NAME.test(r.name)) errors.push(`${at}.name: required, lower-case letters, digits, ".", "_" or "-"`);
    else if (names.has(r.name)) errors.push(`${at}.name ${r.name} is not unique`);
    else names.add(r.name);
    if (r.path === undefined && r.data === undefined) errors.push(`${at}: path or data is required`);
    if (typeof r.path === 'string' && (r.path.startsWith('/') || r.path.split('/').includes('..'))) errors.push(`${at}.path must be a relative path inside the package`);
    if (r.profile !== 'tabular-data-resource') errors.push(`${at}.profile must be tabular-data-resource in a tabular data package`);
    const s = r.schema;
    if (!s || !Array.isArray(s.fields) || s.fields.length === 0) { errors.push(`${at}.schema.fields: required`); continue; }
    const fieldNames = new Set<string>();
    for (const [j, f] of s.fields.entries()) {
      if (typeof f.name !== 'string' || !f.name) errors.push(`${at}.schema.fields[${j}].name: required`);
      else if (fieldNames.has(f.name)) errors.push(`${at}.schema.fields[${j}].name ${f.name} is not unique`);
      else fieldNames.add(f.name);
      if (f.type !== undefined && (typeof f.type !== 'string' || !TYPES.has(f.type))) errors.push(`${at}.schema.fields[${j}].type ${String(f.type)} is not a table schema type`);
    }
    for (const k of list(s.primaryKey)) if (!fieldNames.has(k)) errors.push(`${at}.schema.primaryKey names ${k}, not a field`);
    for (const fk of s.foreignKeys ?? []) {
      for (const k of list(fk.fields)) if (!fieldNames.has(k)) errors.push(`${at}.schema.foreignKeys names ${k}, not a field`);
      const target = d.resources.find((x) => x.name === fk.reference?.resource);
      if (!target) errors.push(`${at}.schema.foreignKeys references resource ${fk.reference?.resource}, which is not in the package`);
      else for (const k of list(fk.reference.fields)) if (!target.schema?.fields?.some((f) => f.name === k)) errors.push(`${at}.schema.foreignKeys references ${fk.reference.resource}.${k}, not a field`);
      if (list(fk.fields).length !== list(fk.reference?.fields).length) errors.push(`${at}.schema.foreignKeys: fields and reference.fields differ in length`);
    }
  }
  return errors;
}

const CAST: Record<string, RegExp> = {
  number: /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^(NaN|INF|-INF)$/,
  integer: /^[+-]?\d+$/,
  year: /^\d{4}$/,
  boolean: /^(true|false|True|False|TRUE|FALSE|1|0)$/,
  date: /^\d{4}-\d\d-\d\d$/,
};

/** descriptor + data: every resource file read and checked against its schema */
export function validatePackage(dir: string, maxErrors = 50): string[] {
  const descPath = join(dir, 'datapackage.json');
  if (!existsSync(descPath)) return ['datapackage.json is missing'];
  const d = JSON.parse(readFileSync(descPath, 'utf8')) as Descriptor;
  const errors = validateDescriptor(d);
  if (errors.length) return errors;
  const rows = new Map<string, Record<string, string>[]>();
  for (const r of d.resources!) {
    const p = join(dir, String(r.path));
    if (!existsSync(p)) { errors.push(`${String(r.name)}: ${String(r.path)} is missing`); continue; }
    if (r.format === 'parquet') continue; // a folder of partitioned Parquet files: its existence is checked, not its rows
    const text = readFileSync(p, 'utf8');
    const header = (text.split('\n', 1)[0] ?? '').split(',');
    const fields = r.schema!.fields!.map((f) => String(f.name));
    if (header.join(',') !== fields.join(',')) errors.push(`${String(r.name)}: the header (${header.join(',')}) is not the schema's fields (${fields.join(',')})`);
    const recs = parseCsv(text);
    rows.set(String(r.name), recs);
    if (!checkValues(r, recs, errors, maxErrors)) return errors;
    checkPrimaryKey(r, recs, errors);
  }
  checkForeignKeys(d.resources!, rows, errors);
  return errors.slice(0, maxErrors);
}

/** Each value against its field's type and enum (missing values pass); false once maxErrors are found. */
function checkValues(r: Resource, recs: Record<string, string>[], errors: string[], maxErrors: number): boolean {
  const missing = new Set(r.schema!.missingValues ?? ['']);
  for (const [n, rec] of recs.entries()) {
    for (const f of r.schema!.fields!) {
      const v = rec[String(f.name)] ?? '';
      if (missing.has(v)) continue;
      const re = CAST[String(f.type ?? 'string')];
      if (re && !re.test(v)) errors.push(`${String(r.name)} row ${n + 2}: ${String(f.name)} = ${JSON.stringify(v)} is not a ${String(f.type)}`);
      const en = f.constraints?.enum;
      if (en && !en.includes(v)) errors.push(`${String(r.name)} row ${n + 2}: ${String(f.name)} = ${JSON.stringify(v)} is not one of ${en.join('|')}`);
    }
    if (errors.length >= maxErrors) return false;
  }
  return true;
}

function checkPrimaryKey(r: Resource, recs: Record<string, string>[], errors: string[]): void {
  const pk = list(r.schema!.primaryKey);
  if (!pk.length) return;
  const seen = new Set<string>();
  for (const [n, rec] of recs.entries()) {
    const k = pk.map((c) => rec[c] ?? '').join('\u0000');
    if (seen.has(k)) errors.push(`${String(r.name)} row ${n + 2}: primary key ${pk.join(',')} = ${pk.map((c) => rec[c]).join(',')} is not unique`);
    seen.add(k);
  }
}

/** Every foreign key found in the resource it references (the first miss per key is reported). */
function checkForeignKeys(resources: Resource[], rows: Map<string, Record<string, string>[]>, errors: string[]): void {
  for (const r of resources) {
    for (const fk of r.schema!.foreignKeys ?? []) {
      const target = rows.get(fk.reference.resource);
      const mine = rows.get(String(r.name));
      if (!target || !mine) continue;
      const keys = new Set(target.map((t) => list(fk.reference.fields).map((c) => t[c] ?? '').join('\u0000')));
      for (const [n, rec] of mine.entries()) {
        const k = list(fk.fields).map((c) => rec[c] ?? '').join('\u0000');
        if (!keys.has(k)) { errors.push(`${String(r.name)} row ${n + 2}: ${list(fk.fields).join(',')} = ${k} not found in ${fk.reference.resource}`); break; }
      }
    }
  }
}
