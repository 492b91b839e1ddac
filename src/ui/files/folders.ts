import type { ImportSource } from '../../shared/api';

/** A file of a picked or dropped folder, with its path relative to that folder. */
export interface PickedFile {
  path: string;
  file: File;
}

/** What the person picked to import: a folder's files or one .zip; read again for every summary. */
export type PickedImport =
  | { kind: 'files'; name: string; files: PickedFile[] }
  | { kind: 'zip'; name: string; file: File };

/** The File System Access API, where the browser has it (Chromium); not yet in TypeScript's DOM types. */
type DirectoryPicker = () => Promise<FileSystemDirectoryHandle>;
type DirectoryEntries = AsyncIterable<[string, FileSystemHandle]>;

export const directoryPicker = (): DirectoryPicker | undefined =>
  (window as unknown as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;

/** Files of an `<input webkitdirectory>`: their paths start with the picked folder's name. */
export function fromFileList(list: FileList): PickedImport | undefined {
  const files = [...list].map((file) => {
    const [root = '', ...rest] = file.webkitRelativePath.split('/');
    return { root, path: rest.join('/'), file };
  });
  const first = files[0];
  return first ? { kind: 'files', name: first.root, files } : undefined;
}

/** Every file under a directory handle, recursively. */
export async function fromDirectoryHandle(directory: FileSystemDirectoryHandle, prefix = ''): Promise<PickedFile[]> {
  const found: PickedFile[] = [];
  for await (const [name, handle] of (directory as unknown as { entries(): DirectoryEntries }).entries()) {
    const path = `${prefix}${name}`;
    if (handle.kind === 'file') found.push({ path, file: await (handle as FileSystemFileHandle).getFile() });
    else found.push(...(await fromDirectoryHandle(handle as FileSystemDirectoryHandle, `${path}/`)));
  }
  return found;
}

const entriesOf = (directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> =>
  new Promise((resolve, reject) => {
    const reader = directory.createReader();
    const all: FileSystemEntry[] = [];
    // readEntries returns at most 100 entries per call; an empty batch means the end.
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });

/** Every file under a dropped entry, with paths relative to `root` (the dropped folder's parent or itself). */
export async function fromEntry(entry: FileSystemEntry, root: string): Promise<PickedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path: entry.fullPath.slice(root.length), file }];
  }
  const children = await entriesOf(entry as FileSystemDirectoryEntry);
  return (await Promise.all(children.map((child) => fromEntry(child, root)))).flat();
}

/** Reads the picked files now, so the worker gets fresh buffers it may take (transfer). */
export async function toImportSource(picked: PickedImport): Promise<ImportSource> {
  if (picked.kind === 'zip') return { kind: 'zip', name: picked.name, bytes: await picked.file.arrayBuffer() };
  const files = await Promise.all(
    picked.files.map(async ({ path, file }) => ({ path, bytes: await file.arrayBuffer() })),
  );
  return { kind: 'files', name: picked.name, files };
}
