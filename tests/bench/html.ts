// The HTML extractor's speed (tests/bench/html-page.ts): a synthetic 20-table disclosure page.
import { benchHtml } from './html-page.js';

export async function benchHtmlSection(): Promise<void> {
  const r = await benchHtml();
  console.log(`  ${r.tables} tables in ${r.ms} ms: ${r.tablesPerSecond} tables/s`);
}
