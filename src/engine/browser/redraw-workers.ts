// The browser's redraw workers (../train/redraw-ahead.ts): nested dedicated workers, started by the
// training worker for each run that redraws its drawings.
import { provideRedrawWorker, type RedrawWorker } from '../train/redraw-ahead';

export function spawnRedrawWorker(): RedrawWorker {
  return new Worker(new URL('./redraw.worker.ts', import.meta.url), { type: 'module', name: 'redraw' }) as RedrawWorker;
}

provideRedrawWorker(spawnRedrawWorker);
