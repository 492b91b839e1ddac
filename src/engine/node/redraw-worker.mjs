// Entry of a redraw worker thread in Node (see ../train/redraw-ahead.ts): runs the TypeScript
// server through tsx, as the CLI's bin does.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { redrawServer } = await import('../train/redraw-server.ts');
const serve = redrawServer((message, transfer) => parentPort.postMessage(message, transfer));
parentPort.on('message', serve);
