import type { StoreMigration } from './migration';

/**
 * Losses sent to the insurer (issue 7): `lossOutbox` holds overdue notifications, collection handovers and
 * claims, written before any network call like the limit requests, and found again by the insurer's id when
 * the change feed reports their progress (a claim to its settlement). A new table only.
 */
export const migration0006: StoreMigration = {
  version: 6,
  description: 'Outbox of overdue notifications, collection handovers and claims',
  stores: {
    lossOutbox: 'id, debtorId, kind, state, insurerId',
  },
};
