// The redraw worker's whole program (see ../train/redraw-ahead.ts): redraws each batch it is sent,
// in order, from one seeded stream, and sends the pixels back.
import { createRng, type Rng } from '../data/random';
import { type GreyImage, type RedrawOptions, redrawBatch } from '../data/redraw';
import type { RedrawReply, RedrawRequest } from '../train/redraw-ahead';

let job:
  | { sources: readonly GreyImage[]; size: readonly [number, number]; options: RedrawOptions; rng: Rng }
  | undefined;

const reply = (message: RedrawReply, transfer: Transferable[] = []) => postMessage(message, { transfer });

addEventListener('message', ({ data }: MessageEvent<RedrawRequest>) => {
  try {
    if (data.kind === 'start') {
      job = { sources: data.sources, size: data.size, options: data.options, rng: createRng(data.seed) };
      return;
    }
    if (!job) throw new Error('batches before the drawings');
    for (const rows of data.batches) {
      const pixels = redrawBatch(job.sources, rows, job.size, job.options, job.rng);
      reply({ pixels }, [pixels.buffer]);
    }
  } catch (error) {
    reply({ error: error instanceof Error ? error.message : String(error) });
  }
});
