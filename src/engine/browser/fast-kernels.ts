// The worker side of loading the kernels: Vite bundles the .wasm and gives its URL.

import wasmUrl from '../fast/fast-kernels.wasm?url';

/** Fetches and compiles the fast-training kernels; registered with provideFastKernels at start-up. */
export async function fetchFastKernels(url: string = wasmUrl): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fast kernels: HTTP ${response.status} for ${url}`);
  return WebAssembly.compile(await response.arrayBuffer());
}
