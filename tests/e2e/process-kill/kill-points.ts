import type { KillableHost } from './killable-host';

/**
 * A moment inside the data worker's work on the store at which the test kills the app:
 * - `write`: inside a read-write transaction, right after its n-th write to `table` was issued — nothing
 *   of that transaction is committed yet;
 * - `committed`: as soon as the n-th read-write transaction that wrote `table` has committed;
 * - `read`: right after the n-th read of `table` was issued (a backup reading the store).
 * The worker then holds still (its transaction cannot commit while its thread is busy) until the kill.
 */
export interface KillPoint {
  readonly kind: 'write' | 'committed' | 'read';
  readonly table: string;
  readonly nth: number;
}

export const describeKillPoint = (point: KillPoint) => `${point.kind} ${point.table} #${point.nth}`;

const SIGNAL = 'kredo process-kill point reached';

/**
 * Instruments the data worker's IndexedDB calls from outside (no test hook in the app): when the point is
 * reached, the worker logs a signal and spins. Resolves once the point is armed; `reached` resolves when
 * the worker holds there.
 */
export async function armKillPoint(host: Pick<KillableHost, 'dataWorker'>, point: KillPoint): Promise<{ readonly reached: Promise<void> }> {
  const worker = await host.dataWorker();
  const reached = new Promise<void>((resolve) => {
    worker.onConsole((text) => {
      if (text === SIGNAL) resolve();
    });
  });
  await worker.evaluate(
    ([spec, signal]: readonly [KillPoint, string]) => {
      const holdHere = () => {
        console.info(signal);
        // The thread stays busy, so the transaction stays open (uncommitted) until the process is killed;
        // the bound only keeps a test that failed to kill from hanging forever.
        const until = Date.now() + 120_000;
        while (Date.now() < until) {
          // Waiting for SIGKILL.
        }
      };
      let count = 0;
      const watched = new WeakSet<IDBTransaction>();
      const wrap = <T extends object>(prototype: T, method: string, nameOf: (target: T) => string, onCall: (target: T) => void) => {
        const original = (prototype as Record<string, (...args: unknown[]) => unknown>)[method]!;
        (prototype as Record<string, unknown>)[method] = function (this: T, ...args: unknown[]) {
          const result = original.apply(this, args);
          if (nameOf(this) === spec.table) onCall(this);
          return result;
        };
      };
      const storeName = (store: IDBObjectStore) => store.name;
      const indexStoreName = (index: IDBIndex) => index.objectStore.name;
      if (spec.kind === 'write') {
        for (const method of ['put', 'add', 'delete', 'clear']) {
          wrap(IDBObjectStore.prototype, method, storeName, () => {
            count += 1;
            if (count === spec.nth) holdHere();
          });
        }
      } else if (spec.kind === 'committed') {
        for (const method of ['put', 'add', 'delete', 'clear']) {
          wrap(IDBObjectStore.prototype, method, storeName, (store) => {
            if (watched.has(store.transaction)) return;
            watched.add(store.transaction);
            store.transaction.addEventListener('complete', () => {
              count += 1;
              if (count === spec.nth) holdHere();
            });
          });
        }
      } else {
        const onRead = () => {
          count += 1;
          if (count === spec.nth) holdHere();
        };
        for (const method of ['get', 'getAll', 'openCursor', 'count']) {
          wrap(IDBObjectStore.prototype, method, storeName, onRead);
          wrap(IDBIndex.prototype, method, indexStoreName, onRead);
        }
      }
    },
    [point, SIGNAL] as const,
  );
  return { reached };
}
