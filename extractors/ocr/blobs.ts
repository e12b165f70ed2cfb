// The connected blobs of ink of a 0/1 mask (8-neighbour flood fill): what the speck remover and the
// digit-ink measure both walk.

export interface Blob { x0: number; y0: number; x1: number; y1: number }

/** Calls `visit` for each 8-neighbour connected blob of `mask` (w × h, 1 = ink), in scan order of
 *  its first pixel, with its box and the indices of its first `keepPixels` pixels (an array reused
 *  from blob to blob). `mask` is left as it is. */
export function forEachBlob(mask: Uint8Array, w: number, h: number, visit: (box: Blob, pixels: readonly number[]) => void, keepPixels = 0): void {
  const seen = new Uint8Array(w * h);
  const stack: number[] = [];
  const pixels: number[] = [];
  const take = (q: number): void => {
    if (mask[q] && !seen[q]) {
      seen[q] = 1;
      stack.push(q);
    }
  };
  for (let start = 0, n = mask.length; start < n; start++) {
    if (!mask[start] || seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
    let x0 = w, y0 = h, x1 = -1, y1 = -1;
    pixels.length = 0;
    while (stack.length) {
      const p = stack.pop()!;
      if (pixels.length < keepPixels) pixels.push(p);
      const x = p % w;
      const y = (p - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      // the 8 neighbours, row above, own row, row below, left to right
      const left = x > 0;
      const right = x + 1 < w;
      if (y > 0) {
        if (left) take(p - w - 1);
        take(p - w);
        if (right) take(p - w + 1);
      }
      if (left) take(p - 1);
      if (right) take(p + 1);
      if (y + 1 < h) {
        if (left) take(p + w - 1);
        take(p + w);
        if (right) take(p + w + 1);
      }
    }
    visit({ x0, y0, x1, y1 }, pixels);
  }
}
