// A helper thread's whole program, for each platform's worker entry to call with its first message.

import { instantiateFastKernels } from './kernels';
import { helperLoop, type HelperInit } from './team';

/** Instantiates the threaded kernels on the shared memory, says so, then serves phases until stopped. */
export async function startHelper(init: HelperInit, ready: () => void): Promise<void> {
  const k = await instantiateFastKernels(init.module, init.memory);
  ready();
  helperLoop(k, init);
}
