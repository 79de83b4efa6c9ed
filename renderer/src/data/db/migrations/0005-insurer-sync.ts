import type { StoreMigration } from './migration';

/**
 * Insurer sync (issue 6): `limitOutbox` holds limit requests on their way to the insurer, written before
 * any network call so a crash or a restart can only send them again under the same Idempotency-Key;
 * `syncState` holds the change-feed cursor, the last sync and the event ids already read. New tables only.
 */
export const migration0005: StoreMigration = {
  version: 5,
  description: 'Limit-request outbox and insurer sync state',
  stores: {
    limitOutbox: 'id, debtorId, state',
    syncState: 'key',
  },
};
