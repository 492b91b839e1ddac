import { wrap } from 'comlink';
import type { ExposedShapesApi, ShapesApi } from '../shared/api';
import type { ShapesWorker } from './bridge';

/** Every call still waiting when the worker stops fails with this: Comlink alone would wait forever. */
export class WorkerStopped extends Error {
  override readonly name = 'WorkerStopped';
}

interface Running {
  name: string;
  worker: Worker;
  remote: ShapesWorker;
  /** Rejects (with WorkerStopped) when this worker stops. */
  stopped: Promise<never>;
  /** True once it answered: one that stops before is not started again (it would fail the same way). */
  ready: boolean;
}

type Callable = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** The services' names, so the page can wrap each one (e.g. to fail its calls when the worker stops). */
const SERVICES = [
  'app',
  'backend',
  'training',
  'inference',
  'samples',
  'imports',
  'models',
  'projects',
] as const satisfies readonly (keyof ShapesApi)[];

/** A service left out of SERVICES could not be reached from the page: this fails to compile then. */
type Unlisted = Exclude<keyof ShapesApi, (typeof SERVICES)[number]>;
const ALL_SERVICES: [Unlisted] extends [never] ? typeof SERVICES : never = SERVICES;

/**
 * The training worker as the page holds it. When the worker stops on its own (it crashed, ran out
 * of memory, or failed to load), the calls still waiting fail, a fresh worker starts, and
 * `onStop` hears why (then the app opens the new worker again); stored data is the worker's
 * IndexedDB, which outlives it. A stop is noticed through the Web Lock the worker holds for its
 * life, and through the worker's error events.
 */
export class WorkerBridge {
  readonly api: ShapesWorker;
  private running?: Running;

  /** The running worker's name, which it signs the changes it announces to other tabs with. */
  get name(): string | undefined {
    return this.running?.name;
  }

  constructor(private readonly onStop: (detail: string, restarted: boolean) => void) {
    this.start();
    const service = (name: keyof ShapesApi) =>
      new Proxy({} as Callable, {
        get:
          (_, method: string) =>
          (...args: unknown[]) => {
            const { remote, stopped } = this.current();
            const call = (remote[name] as unknown as Callable)[method]!(...args);
            return Promise.race([call, stopped]);
          },
      });
    this.api = Object.fromEntries(ALL_SERVICES.map((name) => [name, service(name)])) as unknown as ShapesWorker;
  }

  /** Stops the worker for good (the page is going away): this is not reported as a stop. */
  terminate(): void {
    const running = this.running;
    this.running = undefined;
    running?.worker.terminate();
  }

  private current(): Running {
    if (!this.running) this.start();
    return this.running!;
  }

  private start(): void {
    const name = `shapes-${crypto.randomUUID()}`;
    // Written inline so Vite bundles the worker as its own chunk; the page sees only the API's type.
    const worker = new Worker(new URL('../worker/shapes.worker.ts', import.meta.url), { type: 'module', name });
    let reject!: (error: WorkerStopped) => void;
    const stopped = new Promise<never>((_, fail) => {
      reject = fail;
    });
    // Nobody may be waiting when it stops; the rejection must not count as unhandled then.
    stopped.catch(() => undefined);
    const running: Running = { name, worker, remote: wrap<ExposedShapesApi>(worker), stopped, ready: false };
    this.running = running;
    const stop = (detail: string) => {
      if (this.running !== running) return;
      this.running = undefined;
      worker.terminate();
      reject(new WorkerStopped(detail));
      if (running.ready) this.start();
      this.onStop(detail, running.ready);
    };
    // A script that fails to load fires a plain Event (no message); an uncaught error an ErrorEvent.
    worker.addEventListener('error', (event) => stop(event instanceof ErrorEvent ? event.message : ''));
    worker.addEventListener('messageerror', () => stop(''));
    void running.remote.app.ready().then(() => {
      running.ready = true;
      return navigator.locks?.request(name, () => stop(''));
    });
  }
}
