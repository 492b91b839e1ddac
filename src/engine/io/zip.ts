import { unzipSync, zipSync, type Zippable } from 'fflate';
import { DataError } from '../data/errors';
import { MAX_IMAGE_BYTES } from '../data/image-header';
import type { ImportFile } from '../data/import-plan';

/** Refuse archives that would expand beyond what a browser tab can hold (zip bombs included). */
export const MAX_ZIP_FILES = 20_000;
export const MAX_ZIP_BYTES = 512 * 1024 * 1024;

/** The files of a .zip, checked against size limits before anything is inflated. */
export function readZip(bytes: Uint8Array, origin: string): ImportFile[] {
  const seen = new Set<string>();
  let total = 0;
  let entries: ReturnType<typeof unzipSync>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false;
        if (seen.has(file.name)) throw new DataError(`${origin}/${file.name}`, 'zipDuplicate');
        seen.add(file.name);
        if (seen.size > MAX_ZIP_FILES) throw new DataError(origin, 'zipTooManyFiles', { limit: MAX_ZIP_FILES });
        if (file.originalSize > MAX_IMAGE_BYTES) {
          throw new DataError(`${origin}/${file.name}`, 'fileTooLarge', {
            bytes: file.originalSize,
            limit: MAX_IMAGE_BYTES,
          });
        }
        total += file.originalSize;
        if (total > MAX_ZIP_BYTES) throw new DataError(origin, 'zipTooLarge', { mib: MAX_ZIP_BYTES / 2 ** 20 });
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(origin, 'notZip', { detail: (error as Error).message });
  }
  return Object.entries(entries).map(([name, data]) => ({ path: entryName(name, origin), bytes: data }));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const eucKr = new TextDecoder('euc-kr', { fatal: true });

/**
 * fflate reads a name without the archive's UTF-8 flag byte for byte (as Latin-1). Many tools write
 * UTF-8 without the flag (macOS), and Korean Windows writes EUC-KR (CP949): such names are read
 * again in those encodings, so `원/1.png` stays `원/1.png`; a name that is neither is refused.
 */
function entryName(name: string, origin: string): string {
  const codes = Array.from(name, (c) => c.charCodeAt(0));
  // Only a name read byte for byte can be read again: plain ASCII, or already decoded, stays.
  if (codes.every((c) => c < 0x80) || codes.some((c) => c > 0xff)) return name;
  const bytes = Uint8Array.from(codes);
  for (const decoder of [utf8, eucKr]) {
    try {
      return decoder.decode(bytes);
    } catch {
      // Not this encoding: try the next.
    }
  }
  throw new DataError(`${origin}/${name}`, 'zipNameEncoding');
}

/** A .zip of the given files; images are stored as they are (already compressed), the rest deflated. */
export function writeZip(files: Iterable<[path: string, bytes: Uint8Array]>): Uint8Array {
  const tree: Zippable = {};
  for (const [path, bytes] of files) {
    tree[path] = [bytes, { level: /\.(png|jpe?g)$/i.test(path) ? 0 : 6, mtime: new Date('2000-01-01T00:00:00Z') }];
  }
  return zipSync(tree);
}
