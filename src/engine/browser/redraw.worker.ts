// Entry of a redraw worker in the browser (see ../train/redraw-ahead.ts), started by the training worker.
import { redrawServer } from '../train/redraw-server';

const serve = redrawServer((message, transfer) => postMessage(message, { transfer }));
addEventListener('message', ({ data }: MessageEvent) => serve(data));
