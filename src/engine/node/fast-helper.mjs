// Entry of one helper thread of the fast kernels (worker_threads): runs the TypeScript helper
// through tsx, as the CLI's bin does, with the init it was started with.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { startHelper } = await import('../fast/helper.ts');
await startHelper(workerData, () => parentPort.postMessage('ready'));
