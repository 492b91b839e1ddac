import type { WasmSource } from './kernels';

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
