import { KredoApiError } from '../platform/kredo-api';

/**
 * Turns a failure of the offline store into a user-facing error: a full disk gets its own message, the
 * rest the generic store message (the details go to the log through the error reporter).
 */
export function toStoreError(error: unknown): KredoApiError {
  if (error instanceof KredoApiError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(String(error))) return new KredoApiError('store.quotaExceeded');
  return new KredoApiError('store.writeFailed');
}
