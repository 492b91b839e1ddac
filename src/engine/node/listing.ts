import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkListing, type Decoder, type ImageEntry, type Listing } from '../data/dataset';
import { DataError } from '../data/errors';
import { decodeImage } from './decode';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

const visible = (name: string) => !name.startsWith('.');

/** Lists `<root>/<class>/<image>` like Keras's `flow_from_directory`: sorted classes, sorted files. */
export async function listFolder(root: string): Promise<Listing> {
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new DataError(root, 'folderNotFound');
  if (!info.isDirectory()) throw new DataError(root, 'notFolder');
  const children = (await readdir(root, { withFileTypes: true })).filter((d) => visible(d.name));
  const classNames = children
    .filter((d) => d.isDirectory())
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
      if (file.isDirectory()) {
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
