/** A problem with the user's data, always naming the file or folder it is about. */
export class DataError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'DataError';
  }
}
