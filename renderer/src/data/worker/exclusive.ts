/**
 * Runs store operations one at a time. A backup reads table by table while it waits on the main process;
 * an import or restore must not change the store in between, or the backup would mix two states.
 */
export function createExclusive(): <T>(operation: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (operation) => {
    const result = tail.then(operation, operation);
    tail = result.catch(() => undefined);
    return result;
  };
}
