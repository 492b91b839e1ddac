// Gzipped sizes of the built app by thread: what index.html makes the page load (its scripts and
// their static and dynamic imports) and what the training worker loads (its chunk, its imports, the
// lazily imported backends and the wasm kernels). Read from the bench's production build.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** Page-thread JS the app actually loaded while it was driven through a training run (English UI). */
  mainLoadedJs?: Sizes;
  /** JS the page thread loads at start (index.html's scripts and their static imports). */
  mainInitialJs: Sizes;
  /** All page-thread JS, with chunks it imports lazily (e.g. the service worker registration). */
  mainAllJs: Sizes;
  mainCss: Sizes;
  /** The worker chunk and its static imports: what starts before any backend is chosen. */
  workerInitial: Sizes;
  /** Everything the worker can load: all backends' chunks and the wasm kernels. */
  workerAll: Sizes;
  workerChunk: string;
}

export interface Sizes {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

const STATIC = [/\bfrom\s*["'`]\.\/([^"'`]+)["'`]/g, /\bimport\s*["'`]\.\/([^"'`]+)["'`]/g];
const DYNAMIC = [/\bimport\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g];
/** `new URL('x', import.meta.url)`: the worker chunk from the page, the wasm from the worker. */
const URL_REF = /new URL\(\s*["'`]\.?\/?([^"'`]+)["'`]\s*,\s*import\.meta\.url\s*\)/g;

const refs = (code: string, patterns: RegExp[]) => patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[1]!));

/** Files reachable from `entries` (names in assets/) through the given kinds of reference. */
function closure(assets: string, entries: string[], patterns: RegExp[], skip = (_: string) => false): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || skip(file)) return;
    seen.add(file);
    if (file.endsWith('.js')) for (const next of refs(readFileSync(join(assets, file), 'utf8'), patterns)) visit(next);
  };
  entries.forEach(visit);
  return [...seen].sort();
}

function measure(assets: string, files: string[]): Sizes {
  const data = files.map((f) => readFileSync(join(assets, f)));
  return {
    files,
    bytes: data.reduce((n, d) => n + d.length, 0),
    gzipBytes: data.reduce((n, d) => n + gzipSync(d, { level: 9 }).length, 0),
  };
}

/** Sizes of built files named by their basename in assets/ (e.g. from the page's resource timing). */
export const assetSizes = (outDir: string, files: string[]): Sizes =>
  measure(join(outDir, 'assets'), [...files].sort());

export function bundleSizes(outDir: string): BundleSizes {
  const assets = join(outDir, 'assets');
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const linked = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => basename(m[1]!));
  const scripts = linked(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/assets\/([^"]+\.js)"/g);
  const css = linked(/<link[^>]*rel="stylesheet"[^>]*\shref="\.\/assets\/([^"]+\.css)"/g);
  const isWorker = (f: string) => /^shapes\.worker-.*\.js$/.test(f);
  const mainInitial = closure(assets, scripts, STATIC, isWorker);
  const mainAll = closure(assets, scripts, [...STATIC, ...DYNAMIC], isWorker);
  const workerChunk = mainAll.flatMap((f) => refs(readFileSync(join(assets, f), 'utf8'), [URL_REF])).find(isWorker);
  if (!workerChunk) throw new Error('index.html loads no script that starts the shapes worker');
  return {
    mainInitialJs: measure(assets, mainInitial),
    mainAllJs: measure(assets, mainAll),
    mainCss: measure(assets, css),
    workerInitial: measure(assets, closure(assets, [workerChunk], STATIC)),
    workerAll: measure(assets, closure(assets, [workerChunk], [...STATIC, ...DYNAMIC, URL_REF])),
    workerChunk,
  };
}
