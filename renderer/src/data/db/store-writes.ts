/** What Dexie reports of a write ('storagemutated'), from this worker, the UI thread or another window. */
export type StoreWriteParts = Readonly<Record<string, unknown>>;

/**
 * Whether a write Dexie reported touched `database`, in a table `counts` cares about (any, by default).
 * Dexie's mutation keys look like `idb://<database>/<table>/<index>`. Shared by what is kept only while the
 * store is unchanged: the worklist (worklist-cache.ts) and a bank import's read-ahead (store-read-ahead.ts).
 */
export function isWriteTo(parts: StoreWriteParts, database: string, counts: (table: string | undefined) => boolean = () => true): boolean {
  return Object.keys(parts).some((part) => {
    const [, , name, table] = part.split('/');
    return name === database && counts(table);
  });
}
