import { DataError } from '../../engine/data/errors';
import { pixelHash } from '../../engine/data/pixel-hash';
import type { Problem } from '../../shared/problems';
import { decodeImage } from '../../engine/browser/decode';
import type { SampleStore } from './sample-store';

export type Judged = { ok: true; bytes: Uint8Array; hash: string } | { ok: false; problem: Problem };

/**
 * Judges a batch of new images one by one: each is decoded (one that cannot be is refused with its
 * reason), and one whose pixels match a stored sample's or an earlier one's in the batch is skipped
 * as a duplicate. The rest of the batch goes ahead.
 */
export class NewImages {
  private constructor(private readonly known: Map<string, string>) {}

  /** Knows the stored samples' fingerprints (computing those of samples stored before there were any). */
  static async against(store: SampleStore): Promise<NewImages> {
    const known = new Map<string, string>();
    for (const sample of (await store.list()).samples) {
      const hash =
        sample.hash ??
        (await pixelHash(await decodeImage(new Uint8Array((await store.image(sample.id)).bytes), sample.name)));
      known.set(hash, `${sample.className}/${sample.name}`);
    }
    return new NewImages(known);
  }

  /** Judges one image, given as its file or as the step that makes its file (encoding a drawing). */
  async judge(path: string, file: Uint8Array | (() => Promise<Uint8Array>)): Promise<Judged> {
    try {
      const bytes = file instanceof Uint8Array ? file : await file();
      const hash = await pixelHash(await decodeImage(bytes, path));
      const earlier = this.known.get(hash);
      if (earlier !== undefined) {
        return { ok: false, problem: new DataError(path, 'duplicateImage', { of: earlier }).problem };
      }
      this.known.set(hash, path);
      return { ok: true, bytes, hash };
    } catch (error) {
      if (error instanceof DataError) return { ok: false, problem: error.problem };
      throw error;
    }
  }
}
