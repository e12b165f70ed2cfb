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
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
    const box = { x0: w, y0: h, x1: -1, y1: -1 };
    pixels.length = 0;
    while (stack.length) {
      const p = stack.pop()!;
      if (pixels.length < keepPixels) pixels.push(p);
      const x = p % w;
      const y = (p - x) / w;
      if (x < box.x0) box.x0 = x;
      if (x > box.x1) box.x1 = x;
      if (y < box.y0) box.y0 = y;
      if (y > box.y1) box.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const q = yy * w + xx;
          if (mask[q] && !seen[q]) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
    }
    visit(box, pixels);
  }
}
