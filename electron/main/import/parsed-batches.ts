/**
 * The batches one parse of a file produces, readable while the parse is still running: the renderer's
 * data worker takes each as soon as it exists, so reading the file and comparing it with the portfolio
 * overlap (on two cores, a tier-L import saves several seconds). A read past the last batch waits until
 * the parse produces more, ends (null) or fails (its error).
 */
export class ParsedBatches {
  /** Each batch as it is being gzip'd (gzip-batch.ts), in the order the parse handed them over. */
  private readonly batches: Promise<Uint8Array>[] = [];
  private outcome: { readonly error?: unknown } | undefined;
  private readonly waiters = new Set<() => void>();

  add(batch: Promise<Uint8Array>): void {
    this.batches.push(batch);
    this.wake();
  }

  finish(): void {
    this.outcome ??= {};
    this.wake();
  }

  fail(error: unknown): void {
    this.outcome ??= { error };
    this.wake();
  }

  async read(index: number): Promise<Uint8Array | null> {
    for (;;) {
      const batch = this.batches[index];
      if (batch) return batch;
      if (this.outcome) {
        if ('error' in this.outcome) throw this.outcome.error;
        return null;
      }
      await new Promise<void>((resolve) => this.waiters.add(resolve));
    }
  }

  private wake(): void {
    for (const waiter of this.waiters) waiter();
    this.waiters.clear();
  }
}

/**
 * The parses of one file by attempt number (the renderer numbers its attempts, so a read that arrives
 * before its parse has started waits for it instead of reading an older attempt's batches).
 */
export class ParseAttempts {
  private readonly attempts = new Map<number, ParsedBatches>();
  private closedWith: { readonly error: unknown } | undefined;
  private readonly waiters = new Set<() => void>();

  start(attempt: number): ParsedBatches {
    // An older attempt is over: its batches are freed, and reads still waiting on it are told so.
    for (const old of this.attempts.values()) old.fail(new Error('superseded'));
    this.attempts.clear();
    const parsed = new ParsedBatches();
    this.attempts.set(attempt, parsed);
    this.wake();
    return parsed;
  }

  async read(attempt: number, index: number): Promise<Uint8Array | null> {
    for (;;) {
      if (this.closedWith) throw this.closedWith.error;
      const parsed = this.attempts.get(attempt);
      if (parsed) return parsed.read(index);
      await new Promise<void>((resolve) => this.waiters.add(resolve));
    }
  }

  /** The file is finished with: every waiting or later read fails with `error`. */
  close(error: unknown): void {
    this.closedWith ??= { error };
    for (const parsed of this.attempts.values()) parsed.fail(error);
    this.attempts.clear();
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters) waiter();
    this.waiters.clear();
  }
}
