import { datasetImageUrl } from '../dataset-url';
import { messageOf } from '../format';

/**
 * Distinct test images picked at random from the bundled dataset's paths, fetched (through the
 * service worker's cache) as files named by their path. Rejects naming the image that failed.
 */
export async function fetchTestImages(paths: string[], count: number): Promise<File[]> {
  const pool = [...paths];
  const picked = Array.from(
    { length: Math.min(count, pool.length) },
    () => pool.splice(Math.floor(Math.random() * pool.length), 1)[0]!,
  );
  return Promise.all(
    picked.map(async (path) => {
      try {
        const response = await fetch(datasetImageUrl(path));
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return new File([await response.blob()], path, { type: response.headers.get('content-type') ?? '' });
      } catch (error) {
        throw new Error(`${path}: ${messageOf(error)}`);
      }
    }),
  );
}

/** A dataset path's class: its folder (test/circle/x.png → circle), when the model has that class. */
export function classOfPath(path: string, classes: string[]): string | undefined {
  const folder = path.split('/').at(-2);
  return folder && classes.includes(folder) ? folder : undefined;
}
