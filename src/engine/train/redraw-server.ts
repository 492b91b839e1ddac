// The redraw worker's program, the same in a browser worker and a Node worker thread (each entry
// passes its own way of replying): redraws each batch it is sent, in order, from one seeded stream.
import { createRng, type Rng } from '../data/random';
import { type GreyImage, type RedrawOptions, redrawBatch } from '../data/redraw';
import type { RedrawReply, RedrawRequest } from './redraw-ahead';

export function redrawServer(
  reply: (message: RedrawReply, transfer: ArrayBuffer[]) => void,
): (request: RedrawRequest) => void {
  let job: { sources: readonly GreyImage[]; size: readonly [number, number]; options: RedrawOptions; rng: Rng };
  return (request) => {
    try {
      if (request.kind === 'start') {
        job = { ...request, rng: createRng(request.seed) };
        return;
      }
      if (!job) throw new Error('batches before the drawings');
      for (const rows of request.batches) {
        const pixels = redrawBatch(job.sources, rows, job.size, job.options, job.rng);
        reply({ pixels }, [pixels.buffer as ArrayBuffer]);
      }
    } catch (error) {
      reply({ error: error instanceof Error ? error.message : String(error) }, []);
    }
  };
}
