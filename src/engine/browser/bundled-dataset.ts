import {
  DATASET_ROOT,
  type DatasetIndex,
  PLAIN_RESIZE,
  type Preprocess,
  type SampleSplit,
  type SplitName,
  STARTER_ROOT,
  type StarterIndex,
} from '../../shared/api';
import { loadDataset, type Dataset } from '../data/dataset';
import { DataError } from '../data/errors';
import type { GreyImage } from '../data/grey';
import { preprocessKey } from '../data/preprocess';
import { atlasTiles, starterDataset } from '../data/starter';
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

/** Keeps a promise until it fails, so a failed read is tried again next time. */
export function cached<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
    value.catch(() => map.delete(key));
  }
  return value;
}

/**
 * The bundled drawings: the tutorial-sized split (one PNG per image) and the real-drawing starter
 * set (one atlas per split), each decoded once per split and kept for the worker's lifetime.
 */
export class BundledDataset {
  /** Decoded splits by split, class list and preprocessing: labels depend on the classes they index into. */
  private readonly loaded = new Map<string, Promise<Dataset>>();
  private readonly tiles = new Map<string, Promise<GreyImage[]>>();

  private constructor(
    private readonly root: URL,
    private readonly starterRoot: URL,
    readonly index: DatasetIndex,
    readonly starter: StarterIndex,
  ) {}

  static async open(appUrl: string): Promise<BundledDataset> {
    const root = new URL(DATASET_ROOT, appUrl);
    const starterRoot = new URL(STARTER_ROOT, appUrl);
    const [index, starter] = await Promise.all(
      [root, starterRoot].map(async (at) => (await read(new URL('index.json', at))).json()),
    );
    return new BundledDataset(root, starterRoot, index as DatasetIndex, starter as StarterIndex);
  }

  /** A starter split's drawings of the given classes, as the model with this preprocessing sees them. */
  starterSplit(name: SampleSplit, classNames: string[], preprocess: Preprocess): Promise<Dataset> {
    const key = ['starter', name, preprocessKey(preprocess), ...classNames].join('\n');
    return cached(this.loaded, key, async () => {
      const tiles = await cached(this.tiles, name, async () => {
        const url = new URL(this.starter.splits[name].atlas, this.starterRoot);
        const atlas = await decodeImage(new Uint8Array(await (await read(url)).arrayBuffer()), url.pathname);
        return atlasTiles(atlas, this.starter, name);
      });
      return starterDataset(this.starter, name, tiles, classNames, this.index.imageSize, preprocess);
    });
  }

  /** A tutorial-sized split's images of the given classes, labelled by their index in `classNames`. */
  split(name: SplitName, classNames = this.index.classes, preprocess: Preprocess = PLAIN_RESIZE): Promise<Dataset> {
    const key = [name, preprocessKey(preprocess), ...classNames].join('\n');
    return cached(this.loaded, key, () => {
      // An index without this split (a generated set has no hard one) holds no images of it.
      const byClass = this.index.splits[name] ?? {};
      const known = Object.keys(byClass)
        .filter((c) => classNames.includes(c))
        .sort();
      const entries = known.flatMap((className) => byClass[className]!.map((path) => ({ path, className })));
      const decode = async (path: string) =>
        decodeImage(new Uint8Array(await (await read(new URL(path, this.root))).arrayBuffer()), path);
      const options = { classNames, size: this.index.imageSize, preprocess, keepSources: true };
      return loadDataset({ root: name, classNames: known, entries }, decode, options);
    });
  }
}
