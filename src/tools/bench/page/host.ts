/// <reference types="vite/client" />
// Bench-only page built into the production bundle beside the app: it starts the app's real worker
// chunk (the same `shapes.worker` bundle the UI starts) behind the wasm memory probe. Comlink is
// injected by the bench, so this page shares no module with the app's own pages.
import workerUrl from '../../../worker/shapes.worker.ts?worker&url';
import { installWasmProbe } from '../wasm-probe';

const moduleUrl = (code: string) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));

function startWorker(): Worker {
  const probe = moduleUrl(`(${installWasmProbe.toString()})();`);
  // Static imports run in order, so the probe is installed before the worker chunk evaluates.
  const entry = moduleUrl(
    `import ${JSON.stringify(probe)};\nimport ${JSON.stringify(new URL(workerUrl, location.href).href)};\n`,
  );
  return new Worker(entry, { type: 'module', name: 'shapes' });
}

declare global {
  interface Window {
    benchStartWorker: typeof startWorker;
  }
}
window.benchStartWorker = startWorker;
