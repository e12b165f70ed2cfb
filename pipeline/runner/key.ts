// The store key of a result: same bytes, same extractor version, same declared charset.
import { createHash } from 'node:crypto';

export function resultKey(sha256: string, version: string, charset = ''): string {
  return `${sha256}-${createHash('sha256').update(`${version}\0${charset}`).digest('hex').slice(0, 16)}`;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
