import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { checkListing, type Decoder, type ImageEntry, type Listing } from '../data/dataset';
import { DataError } from '../data/errors';
import { decodeImage } from './decode';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

const visible = (name: string) => !name.startsWith('.');

/** A folder entry with links followed: what it points at, or why it cannot be used. */
async function kindOf(folder: string, entry: Dirent, root: string): Promise<'folder' | 'file'> {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : 'file';
  const path = join(folder, entry.name);
  const target = await stat(path).catch(() => undefined);
  if (!target) throw new DataError(path, 'brokenLink');
  if (!target.isDirectory()) return 'file';
  // A class folder linked to the dataset or one of its parents would list itself forever.
  const [real, top] = await Promise.all([realpath(path), realpath(root)]);
  if (top === real || top.startsWith(real + sep)) throw new DataError(path, 'linkLoop');
  return 'folder';
}

/** Lists `<root>/<class>/<image>` like Keras's `flow_from_directory`: sorted classes, sorted files. */
export async function listFolder(root: string): Promise<Listing> {
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new DataError(root, 'folderNotFound');
  if (!info.isDirectory()) throw new DataError(root, 'notFolder');
  const children = (await readdir(root, { withFileTypes: true })).filter((d) => visible(d.name));
  const kinds = await Promise.all(children.map((d) => kindOf(root, d, root)));
  const classNames = children
    .filter((_, i) => kinds[i] === 'folder')
    .map((d) => d.name)
    .sort();
  const entries: ImageEntry[] = [];
  for (const className of classNames) {
    const folder = join(root, className);
    const files = (await readdir(folder, { withFileTypes: true }))
      .filter((d) => visible(d.name))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const file of files) {
      const path = join(folder, file.name);
      if ((await kindOf(folder, file, root)) === 'folder') {
        throw new DataError(path, 'nestedFolder');
      }
      if (!IMAGE_EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) {
        throw new DataError(path, 'notImageFile', { extensions: IMAGE_EXTENSIONS.join(', ') });
      }
      entries.push({ path, className });
    }
  }
  return checkListing({ root, classNames, entries });
}

export const decodeFile: Decoder = async (path) => decodeImage(new Uint8Array(await readFile(path)), path);
