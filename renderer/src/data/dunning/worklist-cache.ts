import Dexie from 'dexie';
import { isWriteTo, type StoreWriteParts } from '../db/store-writes';
import type { WorklistRequest } from './load-worklist';
import type { WorklistView } from './worklist-rows';

/** Appended to, never read by the worklist: writing them (an audit line, a letter kept) changes nothing on it. */
const IRRELEVANT_TABLES = new Set(['audit', 'documents']);

/** True when a reported write names a table the worklist reads. */
const touchesWorklist = (parts: StoreWriteParts, database: string) => isWriteTo(parts, database, (table) => table !== undefined && !IRRELEVANT_TABLES.has(table));

/**
 * The last worklist worked out, kept for the next visit to the Dunning screen while nothing it reads has
 * changed (at tier L working it out takes seconds; going back and forth between screens should not).
 * Any write to the store but an audit line or a kept letter forgets it: Dexie reports every write, from
 * this worker, the UI thread or another window ('storagemutated'). A list worked out while a write
 * happened is not kept, as it may have read the store half before and half after.
 */
export function createWorklistCache(database: string, load: (request: WorklistRequest) => Promise<WorklistView | undefined>, subscribe = (listener: (parts: StoreWriteParts) => void) => Dexie.on('storagemutated', listener)) {
  let kept: { readonly key: string; readonly view: WorklistView | undefined } | undefined;
  let generation = 0;
  subscribe((parts) => {
    if (!touchesWorklist(parts, database)) return;
    generation += 1;
    kept = undefined;
  });
  return async (request: WorklistRequest): Promise<WorklistView | undefined> => {
    const key = `${request.today}|${request.leadDays}|${request.locale}`;
    if (kept?.key === key) return kept.view;
    const started = generation;
    const view = await load(request);
    if (generation === started) kept = { key, view };
    return view;
  };
}
