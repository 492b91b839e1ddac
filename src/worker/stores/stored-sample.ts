import { readImageHeader } from '../../engine/data/image-header';
import type { SampleSplit } from '../../shared/api';
import { ownBuffer } from '../buffers';
import { checkClassName, type StoredSample } from './sample-store';

/** What a new sample is made of; `hash` is its pixels' fingerprint (`pixelHash`). */
export interface NewSampleFile {
  bytes: Uint8Array;
  name: string;
  className: string;
  split: SampleSplit;
  hash: string;
}

/**
 * A new sample as stored, whether drawn, uploaded or imported: its MIME type is read from the file's
 * header (never from its name), its class name checked. The caller has decoded it already.
 */
export function storedSample({ bytes, name, className, split, hash }: NewSampleFile, addedAt: string): StoredSample {
  const { format } = readImageHeader(bytes, name);
  return {
    info: { id: crypto.randomUUID(), className: checkClassName(className), split, name, addedAt, hash },
    image: { bytes: ownBuffer(bytes), type: `image/${format}` },
  };
}
