/**
 * Holds the Web Lock named after this worker until it stops: however it stops (closed, crashed,
 * out of memory), the browser releases the lock, and the page waiting on it hears so at once.
 * Resolves once the lock is held; where there are no Web Locks, at once (the page then cannot
 * watch, and falls back to the worker's error events).
 */
export function holdLifeLock(name: string): Promise<void> {
  const locks = (self.navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks || !name) return Promise.resolve();
  return new Promise((held) => {
    void locks.request(name, () => {
      held();
      return new Promise<never>(() => {});
    });
  });
}
