import type { StoreMigration } from './migration';

/**
 * Imports (issue 4): `imports` is the history of committed imports with their reports (a file's SHA-256
 * tells when the same file comes again); `paymentsToReview` holds bank lines an import could not assign
 * to one debtor, until the controller assigns or dismisses them. New tables only: nothing to move.
 */
export const migration0004: StoreMigration = {
  version: 4,
  description: 'Import history and payments to review',
  stores: {
    imports: 'id, fileHash, at',
    paymentsToReview: 'id, importedAt',
  },
};
