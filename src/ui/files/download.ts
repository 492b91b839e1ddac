/** Saves bytes made in the worker (a dataset or model .zip) as a download named `name`. */
export function download(bytes: ArrayBuffer, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started from the URL by the next task; the bytes can then be released.
  setTimeout(() => URL.revokeObjectURL(url));
}

/** A name that is safe as a file name on every system (a model's name may hold slashes or colons). */
export const fileName = (name: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a file name must not hold.
  name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'model';
