// Optional per-kernel timing: wraps every exported function to add its wall time (ms) to a map.
// Used by the benchmark; training without a profile map calls the exports directly.

import type { FastKernels } from './kernels';

export function profileKernels(kernels: FastKernels, totals: Map<string, number>): FastKernels {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(kernels)) {
    if (typeof value !== 'function') {
      wrapped[name] = value;
      continue;
    }
    const fn = value as (...args: number[]) => number | undefined;
    wrapped[name] = (...args: number[]) => {
      const start = performance.now();
      const result = fn(...args);
      totals.set(name, (totals.get(name) ?? 0) + performance.now() - start);
      return result;
    };
  }
  return wrapped as unknown as FastKernels;
}
