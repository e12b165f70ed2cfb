// What the settings resolvers share (extractors/layout/settings.ts, extractors/ocr/settings.ts):
// every setting is a finite number with a documented range, grouped in plain nested objects, so a
// whole settings object is JSON and crosses to worker threads and queue workers as it is.
// Overrides are checked against the defaults' shape: an unknown key, a value that is not a finite
// number, or one outside its range throws one line naming the key.

/** [min, max], both inclusive; 'int': a count */
export type Range = readonly [min: number, max: number] | readonly [min: number, max: number, kind: 'int'];

/** the range of every setting, in the shape of the settings themselves */
export type Limits<T> = { readonly [K in keyof T]: T[K] extends number ? Range : Limits<T[K]> };

/** overrides: any subset of the settings, at any depth */
export type DeepPartial<T> = { -readonly [K in keyof T]?: T[K] extends number ? number : DeepPartial<T[K]> };

/** A settings error: its message is one line naming the key. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;
}

/** Freeze an object and every object inside it. */
export function deepFreeze<T>(o: T): T {
  if (isObject(o)) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

function merge(label: string, path: string, defaults: Record<string, unknown>, limits: Record<string, unknown>, over: unknown): Record<string, unknown> {
  if (!isObject(over)) throw new SettingsError(`${label} settings${path ? ` "${path}"` : ''}: expected an object of settings, got ${describe(over)}`);
  for (const k of Object.keys(over)) {
    if (!Object.hasOwn(defaults, k)) {
      throw new SettingsError(`${label} settings: unknown key "${path ? path + '.' : ''}${k}" (known${path ? ` in "${path}"` : ''}: ${Object.keys(defaults).join(', ')})`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, def] of Object.entries(defaults)) {
    const key = path ? `${path}.${k}` : k;
    const v = over[k];
    if (isObject(def)) {
      out[k] = v === undefined ? structuredClone(def) : merge(label, key, def, limits[k] as Record<string, unknown>, v);
      continue;
    }
    if (v === undefined) {
      out[k] = def;
      continue;
    }
    const [min, max, kind] = limits[k] as Range;
    const where = `${label} setting "${key}"`;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new SettingsError(`${where} must be a finite number, got ${describe(v)}`);
    if (kind === 'int' && !Number.isInteger(v)) throw new SettingsError(`${where} must be a whole number, got ${v}`);
    if (v < min || v > max) throw new SettingsError(`${where} must be between ${min} and ${max}, got ${v}`);
    out[k] = v;
  }
  return out;
}

/** The defaults with the overrides applied, checked and frozen (a new object; nothing is shared
 *  with the defaults). Throws SettingsError, one line naming the key, on an unknown key or a bad
 *  value. */
export function resolveSettings<T extends object>(label: string, defaults: T, limits: Limits<T>, overrides?: DeepPartial<T>): T {
  if (overrides === undefined || overrides === null) return defaults;
  return deepFreeze(merge(label, '', defaults as Record<string, unknown>, limits as Record<string, unknown>, overrides)) as T;
}

/** Check that limits cover the defaults and the defaults lie inside them (run once per module). */
export function checkDefaults<T extends object>(label: string, defaults: T, limits: Limits<T>): T {
  merge(label, '', defaults as Record<string, unknown>, limits as Record<string, unknown>, defaults);
  return defaults;
}
