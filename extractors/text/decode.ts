// Bytes of a text dump → string, in the encoding its bytes show (extractors/text/encoding.ts):
// UTF-8 (with or without BOM), GB18030, UTF-16 LE/BE (with or without BOM); stray NUL bytes are
// dropped. A text that fails to decode gets a reason naming the encoding it seemed to be in.
import { InputError } from '../../model/stages.js';
import { encodingName, sniffText } from './encoding.js';

interface DecodedText {
  text: string;
  /** the encoding, as named in messages (`UTF-16LE with a byte-order mark`) */
  encoding: string;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const sniff = sniffText(bytes);
  if (!sniff) throw new InputError('text file is neither valid UTF-8, GB18030 nor UTF-16: re-save it as UTF-8');
  const name = encodingName(sniff);
  let body = bytes.subarray(sniff.bomLength);
  if (sniff.nuls) body = body.filter((x) => x !== 0);
  try {
    return { text: new TextDecoder(sniff.encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding: name };
  } catch {
    if (sniff.encoding === 'utf-8') {
      // the first 64 KiB were UTF-8, a later part is not: GB18030 as a whole, else a reason
      try { return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'GB18030' }; } catch { /* reason below */ }
    }
    throw new InputError(`text in ${name} that is not valid ${sniff.encoding.toUpperCase()} further on: re-save it as UTF-8`);
  }
}
