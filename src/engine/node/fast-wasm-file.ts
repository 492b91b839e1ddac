// Node-only: reads the fast-training kernels' .wasm file next to the FastCnn sources.

import { readFileSync } from 'node:fs';

export const FAST_KERNELS_WASM = new URL('../fast/fast-kernels.wasm', import.meta.url);

export function readFastKernelsWasm(): Uint8Array {
  return readFileSync(FAST_KERNELS_WASM);
}
