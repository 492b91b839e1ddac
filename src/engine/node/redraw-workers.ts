// Node's redraw workers (../train/redraw-ahead.ts): worker_threads, adapted to the Worker-like
// shape the pipeline talks to.
import { Worker } from 'node:worker_threads';
import type { RedrawWorker } from '../train/redraw-ahead';

const ENTRY = new URL('./redraw-worker.mjs', import.meta.url);

export function spawnNodeRedrawWorker(): RedrawWorker {
  const worker = new Worker(ENTRY);
  // A run that never disposes its pipeline must not keep the process alive.
  worker.unref();
  const adapted: RedrawWorker = {
    postMessage: (message) => worker.postMessage(message),
    onmessage: null,
    onerror: null,
    terminate: () => void worker.terminate(),
  };
  worker.on('message', (data) => adapted.onmessage?.({ data }));
  worker.on('error', (error) => adapted.onerror?.({ message: error.message }));
  return adapted;
}
