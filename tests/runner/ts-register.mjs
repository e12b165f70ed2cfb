// Dev/test only: lets worker threads and child processes run the TypeScript sources directly
// (`node --import ./tests/runner/ts-register.mjs pipeline/cli.ts ...`). Production runs dist/.
import { register } from 'node:module';
register('./ts-hooks.mjs', import.meta.url);
