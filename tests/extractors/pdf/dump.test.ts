import { describe, expect, it } from 'vitest';
import { dumpBlocks } from '../../../extractors/pdf/dump.js';
import { readableFontName } from '../../../extractors/pdf/text.js';
import { corpusPath, cutPdf } from './corpus.js';

describe('dumpBlocks', () => {
  it('prints lines and grids of the chosen pages as text', async () => {
    // p. 8 of the original; the fixture is cut, so the dump names the page by the fixture's number
    const cut = cutPdf('sh-putuo-caizhengju-2024-dept-final.pdf');
    const p = cut.page(8);
    const text = await dumpBlocks(cut.file, [p]);
    expect(text).toContain(`[p${p}] # 收入决算表`);
    expect(text).toContain(`[p${p}] grid ruled`);
    expect(text).not.toContain('支出决算表'); // p. 10 of the original, the fixture's next page: not chosen
    expect(text).toContain('| 201 | 06 | 01 | 行政运行 | 1,511.90 | 1,511.89 |');
    expect(text).toContain('{1x4}项目 | < | < | <');
  });

  it('says which pages need OCR', async () => {
    const text = await dumpBlocks(corpusPath('cs-caizhengju-2025-wenlv-fund-notice-SCANNED.pdf'));
    expect(text.split('\n')).toEqual(['[p1] (no text layer: OCR needed)', '[p2] (no text layer: OCR needed)']);
  });
});

describe('font names', () => {
  it('drops the subset prefix and decodes GBK-encoded Chinese names', () => {
    expect(readableFontName('ABCDEE+SimSun,Bold')).toBe('SimSun,Bold');
    expect(readableFontName('ABCDEE+ËÎÌå')).toBe('宋体');
    expect(readableFontName('FangSong_GB2312')).toBe('FangSong_GB2312');
  });
});
