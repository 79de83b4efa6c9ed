import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';

/** An error's code, HTTP status and problem type, whether thrown in this thread or carried across IPC (in `params`). */
export function describeError(error: unknown): { code?: string; status: number; problemType?: string } {
  const value = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; status?: unknown; problemType?: unknown; params?: { status?: unknown; type?: unknown } };
  const status = typeof value.status === 'number' ? value.status : typeof value.params?.status === 'number' ? value.params.status : 0;
  const problemType = typeof value.problemType === 'string' ? value.problemType : typeof value.params?.type === 'string' ? value.params.type : undefined;
  return { ...(typeof value.code === 'string' && { code: value.code }), status, ...(problemType !== undefined && { problemType }) };
}

export async function debtorFor(db: KredoDb, debtorId: string): Promise<StoredDebtor | undefined> {
  let found: StoredDebtor | undefined;
  await db.debtorChunks.each((chunk) => {
    found ??= chunk.debtors.find((debtor) => debtor.id === debtorId);
  });
  return found;
}

/** syncState key: when the insurer last asked Kredo to come back (ISO instant), until a sync gets through. */
export const INSURER_RETRY_AT = 'insurerRetryAt';

/** Keeps the time the insurer asked Kredo to come back, when the error carries one (insurer-client.ts `retryAt`). */
export async function rememberRetryAt(db: KredoDb, error: unknown): Promise<void> {
  const retryAt = (error as { params?: { retryAt?: unknown } } | null)?.params?.retryAt;
  if (typeof retryAt === 'string') await db.syncState.put({ key: INSURER_RETRY_AT, value: retryAt });
}
