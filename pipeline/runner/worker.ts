// Worker-thread entry: runs one document at a time for the pool (pool.ts) and answers with
// plain JSON records; while reading, it tells the pool when the document's time limit grows (pages
// read by OCR), so that the pool's hard limit follows.
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './task.js';

if (!parentPort) throw new Error('pipeline/runner/worker must run as a worker thread');
const port = parentPort;
port.on('message', (task: Task) => {
  runTask(task, undefined, true, (limitMs) => port.postMessage({ id: task.id, limitMs })).then(
    (r) => port.postMessage(r.serialized ? { ...r, dataset: undefined } : r), // the JSON travels, not the object graph
    (e: unknown) => port.postMessage({ id: task.id, fatal: (e as Error)?.message ?? String(e) }),
  );
});
