// A worker entry for the fault tests: behaves like pipeline/runner/worker.ts, except for sources
// whose name asks for a fault (crash, throw, hang, out of memory) or for a document whose time
// limit grows (`__slow__`: it reports a limit of 10 s, as a scan's pages read by OCR do, then
// takes 5 s). The pipeline is imported when a task first needs it, so that the listener is in place
// at once: on a busy machine loading the pipeline takes seconds, and `__slow__` must report its
// limit before the first one runs out.
import { parentPort } from 'node:worker_threads';
import type { Task } from '../../pipeline/runner/task.js';

const port = parentPort!;
const runTask = async (task: Task) => (await import('../../pipeline/runner/task.js')).runTask(task);
port.on('message', (task: Task) => {
  if (task.source.includes('__exit__')) process.exit(7);
  if (task.source.includes('__throw__')) setTimeout(() => { throw new Error('boom in the worker'); });
  else if (task.source.includes('__hang__')) { for (;;) { /* a parser stuck in a loop */ } }
  else if (task.source.includes('__oom__')) { const keep: number[][] = []; for (;;) keep.push(new Array(1e6).fill(1.5)); }
  else if (task.source.includes('__slow__')) {
    port.postMessage({ id: task.id, limitMs: 10_000 });
    setTimeout(() => void runTask(task).then((r) => port.postMessage(r)), 5000);
  } else runTask(task).then((r) => port.postMessage(r), (e: unknown) => port.postMessage({ id: task.id, fatal: String(e) }));
});
