import type { StoreMigration } from './migration';

/**
 * Letters sent (issue 7): `documents` keeps the exact letter of every dunning step — the PDF and the
 * e-mail draft as they were made — so the audit trail can show what the debtor received. A new table only.
 */
export const migration0007: StoreMigration = {
  version: 7,
  description: 'Documents sent to debtors',
  stores: {
    documents: 'id, debtorId, actionId',
  },
};
