// The extractors' settings in one object: the layout stage with the PDF text layer
// (extractors/layout/settings.ts) and OCR (extractors/ocr/settings.ts). A run takes overrides
// (IngestOptions.settings, ProcessOptions.settings: plain JSON, any subset at any depth), resolves
// them once per document and hands the result to the extractor (ExtractContext.settings).
import { createHash } from 'node:crypto';
import { DEFAULT_LAYOUT_SETTINGS, resolveLayoutSettings, type LayoutSettings, type LayoutSettingsOverrides } from './layout/settings.js';
import { DEFAULT_OCR_SETTINGS, resolveOcrSettings, type OcrSettings, type OcrSettingsOverrides } from './ocr/settings.js';
import { DEFAULT_INPUT_LIMITS, resolveInputLimits, type InputLimits, type InputLimitsOverrides } from './input-limits.js';
import { deepFreeze, SettingsError } from './settings-check.js';

export interface ExtractSettings {
  readonly layout: LayoutSettings;
  readonly ocr: OcrSettings;
  /** what an input may cost before it is read (extractors/input-limits.ts) */
  readonly limits: InputLimits;
}

export interface ExtractSettingsOverrides {
  layout?: LayoutSettingsOverrides;
  ocr?: OcrSettingsOverrides;
  limits?: InputLimitsOverrides;
}

export const DEFAULT_EXTRACT_SETTINGS: ExtractSettings = deepFreeze({ layout: DEFAULT_LAYOUT_SETTINGS, ocr: DEFAULT_OCR_SETTINGS, limits: DEFAULT_INPUT_LIMITS });

/** Layout and OCR settings with the overrides applied, checked and frozen (throws SettingsError,
 *  one line naming the key). Without overrides: DEFAULT_EXTRACT_SETTINGS. */
export function resolveExtractSettings(overrides?: ExtractSettingsOverrides): ExtractSettings {
  if (overrides === undefined || overrides === null) return DEFAULT_EXTRACT_SETTINGS;
  if (typeof overrides !== 'object' || Array.isArray(overrides)) throw new SettingsError(`settings: expected an object with "layout", "ocr" and/or "limits", got ${Array.isArray(overrides) ? 'an array' : typeof overrides}`);
  for (const k of Object.keys(overrides)) {
    if (k !== 'layout' && k !== 'ocr' && k !== 'limits') throw new SettingsError(`settings: unknown key "${k}" (known: layout, ocr, limits)`);
  }
  const layout = resolveLayoutSettings(overrides.layout);
  const ocr = resolveOcrSettings(overrides.ocr);
  const limits = resolveInputLimits(overrides.limits);
  if (layout === DEFAULT_LAYOUT_SETTINGS && ocr === DEFAULT_OCR_SETTINGS && limits === DEFAULT_INPUT_LIMITS) return DEFAULT_EXTRACT_SETTINGS;
  return Object.freeze({ layout, ocr, limits });
}

/** '' for the default settings, else `+s` and a hash of the resolved settings: results read with
 *  other settings are other results (the state keys and extractor versions tell them apart). */
export function settingsTag(settings: ExtractSettings): string {
  const json = JSON.stringify(settings);
  if (json === JSON.stringify(DEFAULT_EXTRACT_SETTINGS)) return '';
  return `+s${createHash('sha256').update(json).digest('hex').slice(0, 12)}`;
}
