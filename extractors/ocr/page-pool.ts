// The OcrPool the extractors use: a tesseract.js worker pool (pool.ts) behind `recognize`, which
// reads one page image (recognize.ts).
import { TesseractPool, type PoolOptions } from './pool.js';
import { recognizeWith } from './recognize.js';
import type { OcrPool } from './types.js';

export function makePool(opts: PoolOptions = {}): OcrPool {
  const pool = new TesseractPool(opts);
  return {
    size: pool.size,
    recognize: (image, o) => recognizeWith(pool, image, o),
    close: () => pool.close(),
    runner: (signal) => pool.runner(signal),
  };
}
