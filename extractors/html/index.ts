// HTML pages (government sites, Word "save as web page" exports): every data <table> a grid, the
// text around it as lines, in document order.
import { InputError, type Extractor, type ExtractContext, type ExtractResult } from '../../model/stages.js';
import type { Message } from '../../model/types.js';
import { decodeHtml } from './decode.js';
import { parseHtml } from './dom.js';
import { blocksOfDom } from './blocks.js';
import { MAX_NESTING, maxNesting } from './depth.js';
import { DEFAULT_INPUT_LIMITS, mbToBytes, megabytes, type HtmlLimits } from '../input-limits.js';

interface HtmlExtractContext extends ExtractContext {
  /** the charset from the HTTP Content-Type header, when the caller fetched the page */
  charset?: string;
}

export function extractHtml(bytes: Uint8Array, charset?: string, limits: HtmlLimits = DEFAULT_INPUT_LIMITS.html): ExtractResult {
  // the DOM of a page costs some 50 times its bytes, outside any check later stages could make
  if (bytes.length > mbToBytes(limits.maxMb)) {
    throw new InputError(`the page is ${megabytes(bytes.length)}, over the limit of ${limits.maxMb} MB for HTML (limits.html.maxMb): not read; save the tables of the page apart or raise the limit`);
  }
  const decoded = decodeHtml(bytes, charset);
  const depth = maxNesting(decoded.text);
  if (depth > MAX_NESTING) throw new InputError(`the page nests its elements ${depth} levels deep (a malformed or hostile page): save the table part of the page and ingest that`);
  const blocks = blocksOfDom(parseHtml(decoded.text));
  const tables = blocks.filter((b) => b.kind === 'grid').length;
  const messages: Message[] = [{ stage: 'extract', severity: 'info', text: `html: ${tables} table(s), encoding ${decoded.encoding} (${decoded.from})` }];
  if (decoded.note) messages.push({ stage: 'extract', severity: 'warning', text: `html encoding: ${decoded.note}; read as ${decoded.encoding}` });
  return { blocks, messages };
}

export const htmlExtractor: Extractor = {
  name: 'html',
  formats: ['html'],
  async extract(bytes: Uint8Array, ctx: HtmlExtractContext): Promise<ExtractResult> {
    try {
      return extractHtml(bytes, ctx.charset, ctx.settings?.limits.html);
    } catch (e) {
      // a page nested tens of thousands of levels deep (a tag bomb) exhausts the stack
      if (e instanceof RangeError) throw new InputError('the page nests its elements too deeply to read (a malformed or hostile page): save the table part of the page and ingest that');
      throw e;
    }
  },
};
