// Layout and OCR settings (extractors/layout/settings.ts, extractors/ocr/settings.ts): the resolvers
// check overrides and say in one line which key is wrong, the defaults are frozen, and an override
// reaches the extractors: through the extractor's context, the library API and worker threads.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXTRACT_SETTINGS,
  DEFAULT_LAYOUT_SETTINGS,
  DEFAULT_OCR_SETTINGS,
  ingest,
  processDocument,
  resolveExtractSettings,
  resolveLayoutSettings,
  resolveOcrSettings,
  SettingsError,
} from '../../index.js';
import { pdfExtractor } from '../../extractors/pdf/index.js';
import { settingsTag } from '../../extractors/settings.js';
import { repairNumberText } from '../../extractors/ocr/repair.js';
import type { Block } from '../../model/types.js';
import { fixture, fixtureBytes } from '../fixture.js';

/** js-rendachangweihui-2019 p2: 收入预算总表, one ruled table */
const PAGE = ['pdf', 'js-rendachangweihui-2019-dept-budget-tables.p2.pdf'] as const;
/** no ruled region can be this narrow or narrower: every table is read from its text */
const NO_RULED = { layout: { regions: { minRegionWidth: 10_000 } } };

function grids(blocks: readonly Block[]): { method: string; rows: number }[] {
  return blocks.flatMap((b) => (b.kind === 'grid' ? [{ method: b.grid.method, rows: b.grid.rows.length }] : []));
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('resolving settings', () => {
  it('gives the defaults without overrides and changes only what an override names', () => {
    expect(resolveLayoutSettings()).toBe(DEFAULT_LAYOUT_SETTINGS);
    expect(resolveOcrSettings(undefined)).toBe(DEFAULT_OCR_SETTINGS);
    expect(resolveExtractSettings()).toBe(DEFAULT_EXTRACT_SETTINGS);
    const s = resolveLayoutSettings({ unruled: { cellGap: 2 } });
    expect(s.unruled.cellGap).toBe(2);
    expect(s.unruled.figureGap).toBe(DEFAULT_LAYOUT_SETTINGS.unruled.figureGap);
    expect({ ...s, unruled: { ...s.unruled, cellGap: DEFAULT_LAYOUT_SETTINGS.unruled.cellGap } }).toEqual(DEFAULT_LAYOUT_SETTINGS);
    expect(DEFAULT_LAYOUT_SETTINGS.unruled.cellGap).toBe(1.5);
    const o = resolveOcrSettings({ rereadText: { maxCells: 10 }, crops: { enlarge: 2 } });
    expect([o.rereadText.maxCells, o.crops.enlarge, o.rereadText.doubt]).toEqual([10, 2, 95]);
    // the same values as the defaults: the same results, no separate state
    expect(settingsTag(resolveExtractSettings({ layout: { unruled: { cellGap: 1.5 } } }))).toBe('');
    expect(settingsTag(resolveExtractSettings(NO_RULED))).toMatch(/^\+s[0-9a-f]{12}$/);
  });

  it('rejects unknown keys and bad values in one line naming the key', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => resolveLayoutSettings({ unruled: { celGap: 2 } } as never), /unknown key "unruled\.celGap"/],
      [() => resolveLayoutSettings({ unrulled: {} } as never), /unknown key "unrulled"/],
      [() => resolveLayoutSettings({ rows: { pitchReach: Number.NaN } }), /"rows\.pitchReach" must be a finite number, got NaN/],
      [() => resolveLayoutSettings({ rows: { pitchReach: Infinity } }), /"rows\.pitchReach" must be a finite number/],
      [() => resolveLayoutSettings({ ruled: { edgeCover: '0.6' as unknown as number } }), /"ruled\.edgeCover" must be a finite number, got "0\.6"/],
      [() => resolveLayoutSettings({ ruled: { edgeCover: 1.5 } }), /"ruled\.edgeCover" must be between 0 and 1, got 1\.5/],
      [() => resolveLayoutSettings({ unruled: { cellGap: -1 } }), /"unruled\.cellGap" must be between 0 and 100, got -1/],
      [() => resolveLayoutSettings({ lines: { openLines: 2.5 } }), /"lines\.openLines" must be a whole number, got 2\.5/],
      [() => resolveLayoutSettings({ regions: 3 } as never), /layout settings "regions": expected an object of settings, got 3/],
      [() => resolveOcrSettings({ rereadText: { doubt: 101 } }), /ocr setting "rereadText\.doubt" must be between 0 and 100, got 101/],
      [() => resolveOcrSettings({ crops: { padPerInch: 0 } }), /ocr setting "crops\.padPerInch" must be between/],
      [() => resolveOcrSettings({ gapFill: { maxCrops: 1e3, minConfidence: null as unknown as number } }), /"gapFill\.minConfidence" must be a finite number, got null/],
      [() => resolveExtractSettings({ layuot: {} } as never), /settings: unknown key "layuot" \(known: layout, ocr, limits\)/],
      [() => resolveExtractSettings({ ocr: { words: { lowConfidnce: 50 } } } as never), /unknown key "words\.lowConfidnce" \(known in "words": .*lowConfidence/],
    ];
    for (const [fn, message] of cases) {
      const e = thrown(fn);
      expect(e).toBeInstanceOf(SettingsError);
      expect(e.message).toMatch(message);
      expect(e.message).not.toMatch(/\n/);
    }
  });

  it('keeps the defaults frozen, and resolved settings too', () => {
    for (const s of [DEFAULT_LAYOUT_SETTINGS, DEFAULT_OCR_SETTINGS, DEFAULT_EXTRACT_SETTINGS]) {
      expect(Object.isFrozen(s)).toBe(true);
      for (const group of Object.values(s)) expect(Object.isFrozen(group)).toBe(true);
    }
    expect(Object.isFrozen(DEFAULT_EXTRACT_SETTINGS.layout.unruled)).toBe(true);
    expect(() => {
      (DEFAULT_LAYOUT_SETTINGS.unruled as { cellGap: number }).cellGap = 3;
    }).toThrow(TypeError);
    const r = resolveLayoutSettings({ unruled: { cellGap: 3 } });
    expect(Object.isFrozen(r.unruled) && Object.isFrozen(r.rows)).toBe(true);
    expect(r.rows).not.toBe(DEFAULT_LAYOUT_SETTINGS.rows);
    expect(DEFAULT_LAYOUT_SETTINGS.unruled.cellGap).toBe(1.5);
  });
});

describe('settings reach the extractors', () => {
  it('the PDF extractor lays a page out with the context settings', async () => {
    const bytes = fixtureBytes(...PAGE);
    const plain = await pdfExtractor.extract(bytes, { source: 'p2.pdf' });
    expect(grids(plain.blocks)).toEqual([{ method: 'ruled', rows: 15 }]);
    // with the defaults given explicitly: the same blocks
    const same = await pdfExtractor.extract(bytes, { source: 'p2.pdf', settings: resolveExtractSettings({ layout: { regions: { minRegionWidth: 20 } } }) });
    expect(same.blocks).toEqual(plain.blocks);
    const unruled = await pdfExtractor.extract(bytes, { source: 'p2.pdf', settings: resolveExtractSettings(NO_RULED) });
    expect(grids(unruled.blocks).map((g) => g.method)).toEqual(['unruled']);
  });

  it('the library API takes overrides (processDocument, ingest in this thread and in worker threads)', async () => {
    const bytes = fixtureBytes(...PAGE);
    const ruled = await processDocument('p2.pdf', bytes);
    const unruled = await processDocument('p2.pdf', bytes, { settings: NO_RULED });
    expect(ruled.tables.map((t) => t.method)).toEqual(['ruled']);
    expect(unruled.tables.map((t) => t.method)).toEqual(['unruled']);
    await expect(processDocument('p2.pdf', bytes, { settings: { layout: { ruled: { edgeCover: 2 } } } })).rejects.toThrow(/"ruled\.edgeCover" must be between 0 and 1/);

    const file = fixture(...PAGE);
    for (const workers of [0, 1]) {
      const r = await ingest([file], { workers, settings: NO_RULED });
      expect(r.tables.map((t) => t.method)).toEqual(['unruled']);
      expect(r.run.options.settings).toEqual(NO_RULED);
      expect(r.run.incremental.extractor_version).toMatch(/\+s[0-9a-f]{12}$/);
    }
    const plain = await ingest([file], { workers: 0 });
    expect(plain.tables.map((t) => t.method)).toEqual(['ruled']);
    expect(plain.run.options).not.toHaveProperty('settings');
    await expect(ingest([file], { settings: { ocr: { skew: { range: 'wide' as unknown as number } } } })).rejects.toThrow(SettingsError);
  });

  it('OCR helpers take the OCR settings', () => {
    expect(repairNumberText('1O5.00')).toEqual({ text: '105.00', rules: ['letter-digit'] });
    // letters read as digits only where the token has at least `repair.minDigits` digits
    expect(repairNumberText('1O5.00', resolveOcrSettings({ repair: { minDigits: 5 } }))).toBeUndefined();
  });
});
