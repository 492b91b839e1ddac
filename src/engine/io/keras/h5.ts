import type { Dataset, File as H5File, Group } from 'h5wasm';
import { DataError } from '../../data/errors';

type H5wasm = typeof import('h5wasm')['default'];
type H5Module = Awaited<H5wasm['ready']>;

let loading: Promise<{ lib: H5wasm; module: H5Module }> | undefined;

/**
 * HDF5 compiled to WebAssembly (about 4 MB of script), loaded on the first Keras file so that the
 * app pays for it only when it reads or writes one. It works alike in Node, a page and a worker.
 */
function h5wasm(): Promise<{ lib: H5wasm; module: H5Module }> {
  loading ??= import('h5wasm').then(async ({ default: lib }) => {
    const module = await lib.ready;
    // By default HDF5 prints its error stack to stderr; this throws it instead, for us to reword.
    module.activate_throwing_error_handler();
    return { lib, module };
  });
  return loading;
}

let files = 0;
const scratchPath = () => `/shape-cnn-${++files}.h5`;

/** The last "minor:" line of an HDF5 error stack is its cause, e.g. "Not an HDF5 file" or "truncated file". */
export function hdf5Reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const minors = [...text.matchAll(/minor: (.+)/g)].map((m) => m[1]!.trim());
  return minors.at(-1) ?? text.split('\n')[0]!;
}

/** An HDF5 file built in memory (Emscripten's in-memory file system), as bytes. */
export async function writeH5(fill: (file: H5File) => void): Promise<Uint8Array> {
  const { lib, module } = await h5wasm();
  const path = scratchPath();
  try {
    const file = new lib.File(path, 'w');
    try {
      fill(file);
    } finally {
      file.close();
    }
    return module.FS.readFile(path);
  } finally {
    if (module.FS.analyzePath(path).exists) module.FS.unlink(path);
  }
}

/** Reads an HDF5 file from bytes; any HDF5 failure becomes a DataError naming `origin`. */
export async function readH5<T>(bytes: Uint8Array, origin: string, read: (file: H5File) => T): Promise<T> {
  const { lib, module } = await h5wasm();
  const path = scratchPath();
  module.FS.writeFile(path, bytes);
  try {
    let file: H5File;
    try {
      file = new lib.File(path, 'r');
    } catch (error) {
      throw corrupt(origin, `not a readable HDF5 file (${hdf5Reason(error)})`);
    }
    try {
      return read(file);
    } catch (error) {
      if (error instanceof DataError) throw error;
      throw corrupt(origin, `corrupt HDF5 file (${hdf5Reason(error)})`);
    } finally {
      file.close();
    }
  } finally {
    module.FS.unlink(path);
  }
}

export const corrupt = (origin: string, detail: string) => new DataError(origin, 'kerasCorrupt', { detail });

export function group(parent: Group, path: string, origin: string): Group {
  const entity = parent.get(path);
  if (!entity || !('type' in entity) || String(entity.type) !== 'Group')
    throw corrupt(origin, `no HDF5 group '${path}'`);
  return entity as Group;
}

/** A float32 dataset's values and shape; anything else is refused, naming its path. */
export function floats(parent: Group, path: string, origin: string): { shape: number[]; values: Float32Array } {
  const entity = parent.get(path);
  if (!entity || !('type' in entity) || String(entity.type) !== 'Dataset')
    throw corrupt(origin, `no HDF5 dataset '${path}'`);
  const dataset = entity as Dataset;
  const value = dataset.value;
  if (!(value instanceof Float32Array)) throw corrupt(origin, `'${path}' is not float32 (${String(dataset.dtype)})`);
  return { shape: dataset.shape ?? [], values: value };
}

/** A string attribute (Keras 2 writes bytes, Keras 3 variable-length strings: both read as text). */
export function textAttribute(node: Group, name: string): string | undefined {
  const value = node.attrs[name]?.value;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A list-of-names attribute such as `layer_names`. Keras splits one that would outgrow an HDF5
 * object header into `name0`, `name1`, …; an empty list is stored as an empty float array.
 */
export function namesAttribute(node: Group, name: string, origin: string): string[] {
  const attrs = node.attrs;
  const chunks =
    name in attrs
      ? [name]
      : Object.keys(attrs)
          .filter((key) => new RegExp(`^${name}\\d+$`).test(key))
          .sort(byIndex(name));
  if (chunks.length === 0) throw corrupt(origin, `no '${name}' attribute on HDF5 group '${node.path}'`);
  return chunks.flatMap((key) => {
    const value = attrs[key]!.value;
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    if (ArrayBuffer.isView(value) && (value as Float64Array).length === 0) return [];
    throw corrupt(origin, `'${name}' on HDF5 group '${node.path}' is not a list of names`);
  });
}

const byIndex = (name: string) => (a: string, b: string) => Number(a.slice(name.length)) - Number(b.slice(name.length));

/**
 * Fixed-length ASCII strings, as h5py stores Keras 2's `np.asarray([b'…'])` (null-padded there,
 * null-terminated here: one byte longer, read back the same).
 */
export function writeNames(node: Group, name: string, names: string[]): void {
  if (names.length === 0) {
    node.create_attribute(name, new Float64Array(0), [0]);
    return;
  }
  const size = Math.max(...names.map((n) => n.length)) + 1;
  node.create_attribute(name, names, [names.length], `A${size}`);
}

/**
 * A variable-length ASCII string: what h5py 3 makes of the `bytes` Keras 2 assigns
 * (`json.dumps(…).encode('utf8')`), where a Python `str` would become UTF-8.
 */
export function writeAscii(node: Group, name: string, text: string): void {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`writeAscii: '${name}' is not printable ASCII`);
  node.create_attribute(name, text, null, 'A');
}
