// Which way up a page is: a page that reads well is upright; one that does not is probed on a small
// band through its middle turned each quarter, and the turn that scores clearly best is taken.
import { crop, enlargeBicubic, rotateQuarter, scale, type GreyImage } from './image.js';
import { OcrAbortedError, type OcrRunner, type RawResult } from './pool.js';
import type { OrientationSettings } from './settings.js';
import type { OcrPage } from './types.js';

/** OCR score of a candidate orientation: confident characters that are CJK or digits. */
function score(r: RawResult, s: OrientationSettings): number {
  let sum = 0;
  for (const w of r.words) {
    if (w.confidence < s.probeWordConfidence) continue;
    const good = (w.text.match(/[\u4e00-\u9fff0-9]/g) ?? []).length;
    sum += good * w.confidence;
  }
  return sum;
}

/** A band through the middle of the page at ~150 dpi: enough text to tell up from down; a page of
 *  small print `enlarge` times that (print-size.ts), enlarged bicubic where that is more than the
 *  page's own resolution. */
function probe(img: GreyImage, dpi: number, s: OrientationSettings, enlarge: number): { image: GreyImage; dpi: number } {
  const band = crop(img, 0, img.height * s.probeTop, img.width, img.height * s.probeHeight);
  const f = enlarge > 1 ? (s.probeDpi * enlarge) / dpi : Math.min(1, s.probeDpi / dpi);
  return { image: f < 1 ? scale(band, f) : f > 1 ? enlargeBicubic(band, f) : band, dpi: dpi * f };
}

/** A page reads well: mostly confident words, and enough CJK or digits read confidently. */
export function readsWell(p: OcrPage, s: OrientationSettings): boolean {
  let good = 0;
  for (const w of p.words) if (w.confidence >= s.wellReadWordConfidence) good += (w.text.match(/[\u4e00-\u9fff0-9]/g) ?? []).length;
  return p.confidence >= s.wellReadMeanConfidence && good >= s.wellReadChars;
}

/** The quarter turn (of `ks`, which holds 0) whose probe band scores clearly best, or 0 when none
 *  beats the page as it is by `turnGain` × its score + `turnMargin`. A probe that cannot be read
 *  scores 0 (`failed` says why); the page's time running out is thrown. `enlarge`: the page's
 *  print is that much smaller than usual (print-size.ts): its probes are read that much finer. */
export async function bestTurn(ocr: OcrRunner, base: GreyImage, dpi: number, ks: readonly number[], s: OrientationSettings, enlarge = 1): Promise<{ k: number; failed?: string }> {
  let failed: string | undefined;
  const probes = await Promise.all(
    ks.map((k) => {
      const p = probe(rotateQuarter(base, k), dpi, s, enlarge);
      return ocr.run(p.image, { psm: '11', dpi: p.dpi }).then(
        (r) => ({ k, s: score(r, s) }),
        (e: unknown) => {
          if (e instanceof OcrAbortedError) throw e;
          failed ??= String((e as Error)?.message ?? e).split('\n')[0]!;
          return { k, s: 0 };
        },
      );
    }),
  );
  const s0 = probes.find((p) => p.k === 0)!.s;
  probes.sort((a, b) => b.s - a.s);
  const best = probes[0]!;
  const k = best.k === 0 || best.s < s0 * s.turnGain + s.turnMargin ? 0 : best.k;
  return failed ? { k, failed } : { k };
}
