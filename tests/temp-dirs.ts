// vitest globalSetup: the temporary folders the tests make (fx-corpus-…, fx-hostile-…: corpora,
// outputs, state files) are removed when the run ends, so that runs do not fill the temp folder.
// Only folders of the tests' own prefixes made during this run are touched.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** the prefixes the test files give mkdtemp (not the benches', tests/bench: a bench may run beside
 *  the tests and keep its folders) */
const TEST_PREFIX = /^fx-(chromium|corpus|corr|diff|empty|good|hostile|html|lstm-whole|mod|no-ocr|profile-test|query|review-app|runner|xlsx)-/;

export default function setup(): () => void {
  const start = Date.now() - 1000;
  return () => {
    for (const name of readdirSync(tmpdir())) {
      if (!TEST_PREFIX.test(name)) continue;
      const path = join(tmpdir(), name);
      try {
        if (statSync(path).birthtimeMs >= start) rmSync(path, { recursive: true, force: true });
      } catch {
        // gone already, or not ours to remove
      }
    }
  };
}
