import Dexie from 'dexie';
import { isWriteTo, type StoreWriteParts } from '../db/store-writes';


/** How long a read-ahead nobody takes is kept: past this the controller has walked away from the file. */
export const READ_AHEAD_KEPT_MS = 60_000;

export interface StoreReadAheadOptions<T> {
  readonly keptMs?: number;
  /** Dexie's report of every write to the store, from this worker, the UI thread or another window. */
  readonly subscribe?: (listener: (parts: StoreWriteParts) => void) => void;
  readonly read: () => Promise<T>;
}

/**
 * What a file's import will read from the store, read while something else goes on — a bank statement's
 * ledger columns while the main process still analyses the file (issue 14: a tier-L bank import's
 * 0.6–0.8 s read, on the core the analysis leaves free). One file's read is held at a time, for that
 * file's import only, and only while the store is as it was read: any write from its start on (Dexie's
 * 'storagemutated', as for the worklist cache) drops it, and so do its import's prepare (which takes
 * it), a discard, and `keptMs` without anyone taking it, so the worker does not hold hundreds of MB for
 * a file left alone. A read-ahead that fails or went stale is never an error: `take` then reads anew.
 */
export function createStoreReadAhead<T>(database: string, options: StoreReadAheadOptions<T>) {
  const { read, keptMs = READ_AHEAD_KEPT_MS } = options;
  const subscribe = options.subscribe ?? ((listener) => Dexie.on('storagemutated', listener));
  let held: { readonly key: string; readonly value: Promise<T>; readonly generation: number; readonly timer: ReturnType<typeof setTimeout> } | undefined;
  let generation = 0;

  const drop = () => {
    if (held) clearTimeout(held.timer);
    held = undefined;
  };
  subscribe((parts) => {
    if (!isWriteTo(parts, database)) return;
    generation += 1;
    drop();
  });

  return {
    /** Starts reading for `key`'s import; a read already held for it is kept, one for another file dropped. */
    start(key: string): void {
      if (held?.key === key) return;
      drop();
      const value = read();
      // Awaited only if taken; a failure then means reading again, never an unhandled rejection.
      value.catch(() => undefined);
      const timer = setTimeout(() => {
        if (held?.value === value) drop();
      }, keptMs);
      // In Node (tests, bench tools) a pending read-ahead must not keep the process alive.
      (timer as { unref?: () => void }).unref?.();
      held = { key, value, generation, timer };
    },
    /**
     * What `key`'s import reads: the read-ahead when it was started for this file and nothing has been
     * written since it started (checked once it has read, so a write while it was reading counts), or
     * else a read made now. Whatever is held is let go either way: one read serves one import.
     */
    take(key: string): Promise<T> {
      const taken = held?.key === key ? held : undefined;
      drop();
      if (!taken) return read();
      return taken.value.then(
        (value) => (generation === taken.generation ? value : read()),
        () => read(),
      );
    },
    /** Lets go of what is held (for `key` only, when given): the file was discarded or another file is imported. */
    drop(key?: string): void {
      if (key === undefined || held?.key === key) drop();
    },
  };
}
