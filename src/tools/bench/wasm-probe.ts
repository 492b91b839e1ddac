// Runs first in a training thread (the app's worker, or a Node child): keeps weak references to
// every WebAssembly memory instantiated there, so the bench can read the fast kernels' memory size,
// which no API exposes. Self-contained, because the host page injects its source into the worker.

export function installWasmProbe(): void {
  const memories: WeakRef<WebAssembly.Memory>[] = [];
  const instantiate = WebAssembly.instantiate;
  const g = globalThis as unknown as { __benchWasmBytes: () => number };
  g.__benchWasmBytes = () => memories.reduce((total, ref) => total + (ref.deref()?.buffer.byteLength ?? 0), 0);
  WebAssembly.instantiate = (async (source: WebAssembly.Module | BufferSource, imports?: WebAssembly.Imports) => {
    const result = await instantiate(source as BufferSource, imports);
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const memory = instance.exports.memory;
    if (memory instanceof WebAssembly.Memory) memories.push(new WeakRef(memory));
    return result;
  }) as typeof WebAssembly.instantiate;
}

/** The probe's reading in this thread (0 before any module was instantiated). */
export const wasmBytes = (): number =>
  (globalThis as unknown as { __benchWasmBytes?: () => number }).__benchWasmBytes?.() ?? 0;
