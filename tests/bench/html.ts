// The HTML extractor's speed (extractors/html/bench.ts): a synthetic 20-table disclosure page.
import { benchHtml } from '../../extractors/html/bench.js';

export async function benchHtmlSection(): Promise<void> {
  const r = await benchHtml();
  console.log(`  ${r.tables} tables in ${r.ms} ms: ${r.tablesPerSecond} tables/s`);
}
