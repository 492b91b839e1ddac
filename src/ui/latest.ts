/**
 * "Latest request wins": each request takes a ticket when it begins, and only the newest may put
 * its result on screen. A request that a newer one (or `cancel`) superseded learns so by its check.
 */
export class LatestRequest {
  private ticket = 0;

  /** Begins a request; the returned check says whether it is still the newest. */
  begin(): () => boolean {
    const ticket = ++this.ticket;
    return () => ticket === this.ticket;
  }

  /** Supersedes any request under way: its result will be dropped. */
  cancel(): void {
    this.ticket++;
  }

  /** Runs `job`, then hands its result to `apply` only if no newer request began meanwhile. */
  async run<T>(job: () => Promise<T>, apply: (result: T) => void): Promise<void> {
    const current = this.begin();
    const result = await job();
    if (current()) apply(result);
  }
}
