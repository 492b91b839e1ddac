import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataError } from '../data/errors';
import { MODEL_JSON, type ModelFiles } from '../io/model-files';

/**
 * Writes a model folder atomically: everything goes into a hidden sibling first, then one rename
 * swaps it in. A failed save leaves the previous model untouched.
 */
export async function writeModelFolder(dir: string, files: ModelFiles): Promise<void> {
  if (existsSync(dir) && !existsSync(join(dir, MODEL_JSON)) && (await readdir(dir)).length > 0) {
    throw new DataError(dir, 'notModelFolder');
  }
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.${basename(dir)}.saving-${stamp}`);
  const previous = join(parent, `.${basename(dir)}.previous-${stamp}`);
  try {
    await mkdir(staging);
    for (const [name, bytes] of files) await writeFile(join(staging, name), bytes);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new DataError(dir, 'folderNotSaved', { detail: (error as Error).message });
  }
  const hadPrevious = existsSync(dir);
  if (hadPrevious) await rename(dir, previous);
  try {
    await rename(staging, dir);
  } catch (error) {
    if (hadPrevious) await rename(previous, dir);
    await rm(staging, { recursive: true, force: true });
    throw new DataError(dir, 'folderNotSaved', { detail: (error as Error).message });
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

export async function readModelFolder(dir: string): Promise<ModelFiles> {
  if (!existsSync(dir)) throw new DataError(dir, 'modelFolderMissing');
  if (!existsSync(join(dir, MODEL_JSON))) throw new DataError(join(dir, MODEL_JSON), 'notSavedModel');
  const files: ModelFiles = new Map();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile()) files.set(entry.name, new Uint8Array(await readFile(join(dir, entry.name))));
  }
  return files;
}
