import type { StoreChecksums } from './store-checksum';

/** Which of two known states each table of a store is in. */
export type TableState = 'before' | 'after' | 'unchanged' | 'neither';

export function tableStates(actual: StoreChecksums, before: StoreChecksums, after: StoreChecksums): Record<string, TableState> {
  const names = [...new Set([...Object.keys(actual), ...Object.keys(before), ...Object.keys(after)])].sort();
  const same = (a: StoreChecksums, b: StoreChecksums, name: string) => JSON.stringify(a[name]) === JSON.stringify(b[name]);
  return Object.fromEntries(
    names.map((name) => {
      const isBefore = same(actual, before, name);
      const isAfter = same(actual, after, name);
      return [name, isBefore && isAfter ? 'unchanged' : isBefore ? 'before' : isAfter ? 'after' : 'neither'];
    }),
  );
}

/** Whether every table is in the `before` state, or every table in the `after` state (or the store is neither). */
export function wholeStoreState(actual: StoreChecksums, before: StoreChecksums, after: StoreChecksums): 'before' | 'after' | 'torn' {
  const states = Object.values(tableStates(actual, before, after));
  if (states.every((state) => state === 'before' || state === 'unchanged')) return 'before';
  if (states.every((state) => state === 'after' || state === 'unchanged')) return 'after';
  return 'torn';
}
