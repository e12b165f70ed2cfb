// Bytes of a text dump → string. UTF-8 (with or without BOM) first; GB18030 when UTF-8 fails.
import { InputError } from '../../model/stages.js';

export function decodeText(bytes: Uint8Array): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw new InputError('text file is neither valid UTF-8 nor GB18030: re-save it as UTF-8');
    }
  }
}
