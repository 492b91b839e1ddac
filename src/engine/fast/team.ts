// The threads that train one FastCnn together. Thread 0 is the caller's; helpers are workers with
// their own instance of the threaded kernels on the same shared memory. Every phase of a step ends
// in a barrier on a small shared control block (Atomics, no messages: a postMessage round trip
// costs 25-450 µs here, an Atomics.wait/notify one about 5 µs).

import type { FastKernels } from './kernels';
import type { MemoryPlan } from './layout';
import { PHASE_NAMES, runPhase, type PhaseName, type PhaseRunner } from './passes';

/** Slots of the control block (Int32Array over a SharedArrayBuffer). */
const GENERATION = 0;
const PHASE = 1;
const BATCH = 2;
const DONE = 3;
const FAILED = 4;
export const CONTROL_BYTES = 64;
const STOP = -1;
/** Atomics.load polls before sleeping: enough to catch a phase that ends within a few µs. */
const SPINS = 2000;
/** A helper that has not finished a phase (milliseconds of work) after this long has died. */
const TIMEOUT_MS = 30_000;

export interface Team extends PhaseRunner {
  readonly threads: number;
  dispose(): void;
}

/** One thread: every phase runs in full, right here. */
export function soloTeam(k: FastKernels, plan: MemoryPlan): Team {
  return { threads: 1, run: (phase, B) => runPhase(phase, k, plan, B, 0, 1), dispose: () => undefined };
}

/** Waits until control[index] differs from `value`, spinning first; returns the new value. */
function waitWhile(control: Int32Array, index: number, value: number): number {
  for (let i = 0; i < SPINS; i++) {
    const now = Atomics.load(control, index);
    if (now !== value) return now;
  }
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    const now = Atomics.load(control, index);
    if (now !== value) return now;
    if (performance.now() > deadline) throw new Error('FastCnn: a helper thread stopped responding');
    Atomics.wait(control, index, value, TIMEOUT_MS);
  }
}

/** The caller's side of a team of `helpers.length + 1` threads. */
export class ThreadTeam implements Team {
  readonly threads: number;
  private readonly control: Int32Array;

  constructor(
    private readonly k: FastKernels,
    private readonly plan: MemoryPlan,
    control: SharedArrayBuffer,
    private readonly helpers: { terminate(): void }[],
  ) {
    this.control = new Int32Array(control);
    this.threads = helpers.length + 1;
  }

  run(phase: PhaseName, B: number): void {
    const c = this.control;
    c[PHASE] = PHASE_NAMES.indexOf(phase);
    c[BATCH] = B;
    Atomics.store(c, DONE, 0);
    Atomics.add(c, GENERATION, 1);
    Atomics.notify(c, GENERATION);
    runPhase(phase, this.k, this.plan, B, 0, this.threads);
    for (let done = Atomics.load(c, DONE); done < this.threads - 1; ) done = waitWhile(c, DONE, done);
    if (Atomics.load(c, FAILED)) throw new Error('FastCnn: a helper thread failed (see its error)');
  }

  dispose(): void {
    Atomics.store(this.control, PHASE, STOP);
    Atomics.add(this.control, GENERATION, 1);
    Atomics.notify(this.control, GENERATION);
    for (const helper of this.helpers) helper.terminate();
  }
}

/** What a helper thread is started with. */
export interface HelperInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  plan: MemoryPlan;
  part: number;
  parts: number;
}

/** A helper's life: run its share of each phase it is told to, until told to stop. Blocks its thread. */
export function helperLoop(k: FastKernels, init: HelperInit): void {
  const c = new Int32Array(init.control);
  let seen = 0;
  for (;;) {
    seen = waitForever(c, GENERATION, seen);
    const phase = Atomics.load(c, PHASE);
    if (phase === STOP) return;
    try {
      runPhase(PHASE_NAMES[phase]!, k, init.plan, Atomics.load(c, BATCH), init.part, init.parts);
    } catch (error) {
      Atomics.store(c, FAILED, 1);
      console.error(error);
    }
    if (Atomics.add(c, DONE, 1) === init.parts - 2) Atomics.notify(c, DONE);
  }
}

/** Like waitWhile, without a deadline: a helper idles between training runs for as long as it likes. */
function waitForever(control: Int32Array, index: number, value: number): number {
  for (let i = 0; i < SPINS; i++) {
    const now = Atomics.load(control, index);
    if (now !== value) return now;
  }
  for (;;) {
    const now = Atomics.load(control, index);
    if (now !== value) return now;
    Atomics.wait(control, index, value);
  }
}
