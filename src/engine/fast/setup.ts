// Where a FastCnn's kernels, memory plan and team of threads come from: one instance with its own
// memory (one thread), or a shared memory with one instance per thread (threads.ts has the team).

import { instantiateFastKernels, type FastKernels, type WasmSource } from './kernels';
import { cnnDims, planMemory, type MemoryPlan } from './layout';
import { profileKernels } from './profile';
import { CONTROL_BYTES, soloTeam, ThreadTeam, type HelperInit, type Team } from './team';

/** The threaded build (shared imported memory) and the platform's way of starting a helper. */
export interface ThreadedKernels {
  module: WebAssembly.Module;
  /** Starts a helper thread with `init`; resolves once its kernels are instantiated. */
  spawn(init: HelperInit): Promise<{ terminate(): void }>;
}

export interface SetupOptions {
  wasm: WasmSource;
  inputShape: readonly [number, number, number];
  classes: number;
  maxBatch: number;
  threads: number;
  threaded?: ThreadedKernels;
  profile?: Map<string, number>;
}

export interface Setup {
  k: FastKernels;
  plan: MemoryPlan;
  team: Team;
}

const PAGE = 65536;
/** 2 GiB: a shared memory cannot move, so its largest size is reserved (as address space) up front. */
const MAX_SHARED_PAGES = 32768;

/** Grows wasm memory (never shrinks) so that `bytes` bytes are addressable. */
export function reserve(memory: WebAssembly.Memory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / PAGE));
}

export async function setUp(options: SetupOptions): Promise<Setup> {
  const dims = cnnDims(options.inputShape, options.classes);
  const { maxBatch, threads } = options;
  if (!Number.isInteger(threads) || threads < 1) throw new Error('FastCnn: threads must be a positive integer');
  if (threads === 1) {
    const raw = await instantiateFastKernels(options.wasm);
    const k = options.profile ? profileKernels(raw, options.profile) : raw;
    const plan = planMemory(dims, maxBatch, k.heapBase());
    reserve(k.memory, plan.end);
    return { k, plan, team: soloTeam(k, plan) };
  }
  const threaded = options.threaded;
  if (!threaded) throw new Error('FastCnn: more than one thread needs the threaded kernels');
  const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_SHARED_PAGES, shared: true });
  const k = await instantiateFastKernels(threaded.module, memory);
  const plan = planMemory(dims, maxBatch, k.heapBase(), threads);
  reserve(memory, plan.end);
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  const started = await Promise.allSettled(
    Array.from({ length: threads - 1 }, (_, i) =>
      threaded.spawn({ module: threaded.module, memory, control, plan, part: i + 1, parts: threads }),
    ),
  );
  const helpers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    for (const helper of helpers) helper.terminate();
    throw new Error(`FastCnn: could not start a helper thread (${(failure.reason as Error).message})`);
  }
  return { k, plan, team: new ThreadTeam(k, plan, control, helpers) };
}
