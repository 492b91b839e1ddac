/** Saves bytes made in the worker (a dataset, model or project file) as a download named `name`. */
export function download(bytes: ArrayBuffer, name: string, type = 'application/zip'): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started from the URL by the next task; the bytes can then be released.
  setTimeout(() => URL.revokeObjectURL(url));
}

/**
 * A name as a file name that needs no quoting anywhere: letters and digits of any script, runs of
 * anything else (spaces, "·", "%", slashes) as one hyphen. "첫 모델" → "첫-모델".
 */
export const fileStem = (name: string): string =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** A local date and time as "2026-12-01-213712", for file names that sort by when and do not collide. */
export function fileDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}-${time}`;
}
