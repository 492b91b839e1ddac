import type { WasmSource } from './kernels';
import type { ThreadedKernels } from './setup';

/**
 * Each platform gets the kernels' file its own way (the worker fetches its bundled URL, Node reads
 * it from disk) and registers that here once at start-up, so the engine never imports either side.
 */
let provider: (() => Promise<WasmSource>) | undefined;
let compiled: Promise<WebAssembly.Module> | undefined;

export function provideFastKernels(load: () => Promise<WasmSource>): void {
  provider = load;
  compiled = undefined;
}

/** The compiled SIMD kernels, loaded once; compiling fails where WebAssembly has no SIMD. */
export function loadFastKernels(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    if (!provider) throw new Error('no source for the kernels was registered (provideFastKernels)');
    const source = await provider();
    return source instanceof WebAssembly.Module ? source : WebAssembly.compile(source);
  })().catch((error: unknown) => {
    compiled = undefined;
    throw new Error(`WebAssembly SIMD is not available here (${(error as Error).message})`);
  });
  return compiled;
}

/** How a platform runs the kernels on several threads (registered on import of its kernels file). */
export interface ThreadPlatform {
  /** Logical processors: navigator.hardwareConcurrency, os.availableParallelism(). */
  cores: number;
  /** Whether memory can be shared between threads here: always in Node, only cross-origin isolated in a page. */
  isolated: boolean;
  /** The threaded kernels' bytes or module. */
  load(): Promise<WasmSource>;
  spawn: ThreadedKernels['spawn'];
}

let platform: ThreadPlatform | undefined;
let threaded: Promise<ThreadedKernels> | undefined;

export function provideFastThreads(threads: ThreadPlatform): void {
  platform = threads;
  threaded = undefined;
}

/** How many threads the fast path uses here: all cores (or `limit`) when isolated, else one. */
export function fastThreadCount(limit?: number): { threads: number; isolated: boolean } {
  const isolated = platform?.isolated ?? false;
  const cores = isolated ? Math.max(1, Math.floor(platform!.cores)) : 1;
  const wanted = limit !== undefined && limit >= 1 ? Math.floor(limit) : cores;
  return { threads: Math.min(cores, wanted), isolated };
}

/** The threaded kernels, compiled once; undefined where threads cannot run. */
export async function loadThreadedKernels(): Promise<ThreadedKernels | undefined> {
  const here = platform;
  if (!here?.isolated) return undefined;
  threaded ??= (async () => {
    const source = await here.load();
    const module = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source);
    return { module, spawn: here.spawn };
  })().catch((error: unknown) => {
    threaded = undefined;
    throw error;
  });
  return threaded;
}
