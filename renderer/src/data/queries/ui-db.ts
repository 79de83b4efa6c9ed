import { KredoDb } from '../db/kredo-db';

/**
 * The UI thread's connection to the offline store, for small reads only (summaries, one debtor); heavy
 * work goes to the data worker. Both see the same database.
 */
export const uiDb = new KredoDb();
