import { DATASET_ROOT, type DatasetIndex, type SplitName } from '../../shared/api';
import { loadDataset, type Dataset } from '../data/dataset';
import { DataError } from '../data/errors';
import { decodeImage } from './decode';

/**
 * Reads a bundled file from the service worker's precache first: a worker's own fetch may bypass the
 * service worker when offline (Firefox), while the Cache API works the same in every browser.
 */
async function read(url: URL): Promise<Response> {
  const cached = typeof caches === 'undefined' ? undefined : await caches.match(url.href, { ignoreSearch: true });
  const response = cached ?? (await fetch(url).catch(() => undefined));
  if (!response?.ok) throw new DataError(url.pathname, 'notCached');
  return response;
}

/** The bundled shapes dataset, decoded once per split and kept for the worker's lifetime. */
export class BundledDataset {
  /** Decoded splits by split and class list: labels depend on the classes they index into. */
  private readonly loaded = new Map<string, Promise<Dataset>>();

  private constructor(
    private readonly root: URL,
    readonly index: DatasetIndex,
  ) {}

  static async open(appUrl: string): Promise<BundledDataset> {
    const root = new URL(DATASET_ROOT, appUrl);
    const index = (await (await read(new URL('index.json', root))).json()) as DatasetIndex;
    return new BundledDataset(root, index);
  }

  /** A split's images of the given classes, labelled by their index in `classNames`. */
  split(name: SplitName, classNames = this.index.classes): Promise<Dataset> {
    const key = [name, ...classNames].join('\n');
    let dataset = this.loaded.get(key);
    if (!dataset) {
      const byClass = this.index.splits[name];
      const known = Object.keys(byClass)
        .filter((c) => classNames.includes(c))
        .sort();
      const entries = known.flatMap((className) => byClass[className]!.map((path) => ({ path, className })));
      const decode = async (path: string) =>
        decodeImage(new Uint8Array(await (await read(new URL(path, this.root))).arrayBuffer()), path);
      dataset = loadDataset({ root: name, classNames: known, entries }, decode, {
        classNames,
        size: this.index.imageSize,
      });
      this.loaded.set(key, dataset);
      dataset.catch(() => this.loaded.delete(key));
    }
    return dataset;
  }
}
