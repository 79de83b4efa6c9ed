/**
 * Runs store operations one at a time. An import, restore or sync works in steps (compare, back up, write)
 * that must not interleave with another's. A backup is itself one read transaction, which IndexedDB keeps
 * apart from every writer (also the UI thread's, which this lock does not cover); here it only waits its turn.
 */
export function createExclusive(): <T>(operation: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (operation) => {
    const result = tail.then(operation, operation);
    tail = result.catch(() => undefined);
    return result;
  };
}
