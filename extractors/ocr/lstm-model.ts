// A traineddata file cut down to what the LSTM engine reads. The tessdata 4.0.0 models hold the
// legacy engine's classifier too (chi_sim: 44 MB, of which the LSTM part is 2.7 MB); with
// OEM.LSTM_ONLY tesseract never reads those parts, but every worker would still unpack and load
// the whole file. The parts kept are read exactly as before, so the recognition is the same.
// Format (tesseract's TessdataManager): int32 entry count, then one int64 offset per entry (-1:
// absent), then the parts in offset order; all little-endian.

/** the parts the LSTM engine reads: config, unicharset, unicharambigs, lstm, its dawgs, its
 *  unicharset and recoder, version (tesseract's TessdataType numbers) */
const LSTM_PARTS = new Set([0, 1, 2, 17, 18, 19, 20, 21, 22, 23]);

/** `model` (an uncompressed traineddata file) without the legacy engine's parts; a file that is
 *  not in the format, or has nothing to cut, is returned as it is. */
export function lstmOnlyModel(model: Uint8Array): Uint8Array {
  const view = new DataView(model.buffer, model.byteOffset, model.byteLength);
  if (model.byteLength < 4) return model;
  const n = view.getInt32(0, true);
  if (n < 1 || n > 64 || model.byteLength < 4 + 8 * n) return model;
  const offsets: number[] = [];
  for (let i = 0; i < n; i++) offsets.push(Number(view.getBigInt64(4 + 8 * i, true)));
  const present = offsets.map((o, i) => ({ i, o })).filter((p) => p.o >= 0).sort((a, b) => a.o - b.o);
  if (present.some((p) => p.o < 4 + 8 * n || p.o > model.byteLength)) return model;
  if (present.every((p) => LSTM_PARTS.has(p.i))) return model;
  const parts = present.map((p, k) => ({ i: p.i, start: p.o, end: k + 1 < present.length ? present[k + 1]!.o : model.byteLength }));
  const kept = parts.filter((p) => LSTM_PARTS.has(p.i));
  const size = 4 + 8 * n + kept.reduce((s, p) => s + p.end - p.start, 0);
  const out = new Uint8Array(size);
  const ov = new DataView(out.buffer);
  ov.setInt32(0, n, true);
  for (let i = 0; i < n; i++) ov.setBigInt64(4 + 8 * i, -1n, true);
  let at = 4 + 8 * n;
  for (const p of kept.sort((a, b) => a.i - b.i)) {
    ov.setBigInt64(4 + 8 * p.i, BigInt(at), true);
    out.set(model.subarray(p.start, p.end), at);
    at += p.end - p.start;
  }
  return out;
}
