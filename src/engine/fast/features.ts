// Which kernel build this WebAssembly engine runs best: relaxed SIMD where it validates (Chromium
// 114+, Node 22+; f32x4.relaxed_madd becomes one fused multiply-add where the CPU has FMA), else
// plain SIMD. Each build comes as a one-thread and a threaded file.

/** A module whose one function is f32x4.relaxed_madd: it validates exactly where relaxed SIMD runs. */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 123, 123, 123, 1, 123, 3, 2, 1, 0, 10, 13, 1, 11, 0, 32, 0, 32, 1, 32, 2,
  253, 133, 2, 11,
]);

export type SimdFlavour = 'relaxed' | 'plain';

let detected: SimdFlavour | undefined;

export function simdFlavour(): SimdFlavour {
  detected ??= WebAssembly.validate(RELAXED_PROBE) ? 'relaxed' : 'plain';
  return detected;
}

/** The asconfig target (and file) of the best build here, for one thread or for several. */
export type KernelBuild = 'release' | 'threads' | 'relaxed' | 'relaxed-threads';

export function bestBuild(threaded: boolean): KernelBuild {
  if (simdFlavour() === 'relaxed') return threaded ? 'relaxed-threads' : 'relaxed';
  return threaded ? 'threads' : 'release';
}
