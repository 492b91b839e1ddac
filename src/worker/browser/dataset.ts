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
  if (!response?.ok) throw new DataError(url.pathname, 'cannot be read (offline and not cached?)');
  return response;
}

/** The bundled shapes dataset, decoded once per split and kept for the worker's lifetime. */
export class BundledDataset {
  private readonly loaded = new Map<SplitName, Promise<Dataset>>();

  private constructor(
    private readonly root: URL,
    readonly index: DatasetIndex,
  ) {}

  static async open(appUrl: string): Promise<BundledDataset> {
    const root = new URL(DATASET_ROOT, appUrl);
    const index = (await (await read(new URL('index.json', root))).json()) as DatasetIndex;
    return new BundledDataset(root, index);
  }

  split(name: SplitName, classNames = this.index.classes): Promise<Dataset> {
    let dataset = this.loaded.get(name);
    if (!dataset) {
      const byClass = this.index.splits[name];
      const entries = Object.keys(byClass)
        .sort()
        .flatMap((className) => byClass[className]!.map((path) => ({ path, className })));
      const listing = { root: name, classNames: Object.keys(byClass).sort(), entries };
      dataset = loadDataset(listing, async (path) => decodeImage(new Uint8Array(await (await read(new URL(path, this.root))).arrayBuffer()), path), {
        classNames,
        size: this.index.imageSize,
      });
      this.loaded.set(name, dataset);
      dataset.catch(() => this.loaded.delete(name));
    }
    return dataset;
  }
}
