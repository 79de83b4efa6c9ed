import type { CompanyIdentifier } from '../../../../shared/domain/identifiers/identifier-type';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { InsurerCover } from '../../../../shared/sync/insurer-cover';
import type { RejectedItem } from '../../../../shared/sync/insurer-rejects';
import type { InsurerLossRecord, InsurerRequestRecord } from '../../../../shared/sync/insurer-lookup';
import type { LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import type { LossSubmission } from '../../../../shared/sync/loss-submission';
import type { InsurerPolicy } from '../../../../shared/sync/policy-terms';
import type { IpcResult } from '../../../../shared/ipc/ipc-result';
import type { InsurerPort } from './sync-now';

/**
 * The insurer channels as the data worker receives them (lent through Comlink from the UI thread, the
 * only side with the IPC bridge). Results travel as data so that an error keeps its code across both
 * boundaries; `insurerPortFrom` turns them back into throws on the worker's side.
 */
export interface SettledInsurerPort {
  fullResync(): Promise<IpcResult<{ covers: InsurerCover[]; cursor: string; rejected?: RejectedItem[] }>>;
  changes(cursor: string): Promise<IpcResult<{ items: unknown[]; nextCursor: string; hasMore: boolean }>>;
  lookupBuyer(country: string, identifiers: readonly CompanyIdentifier[]): Promise<IpcResult<{ companyId: string | null }>>;
  submit(entry: LimitOutboxEntry, buyer: { readonly companyId: string; readonly customerCode: string }): Promise<IpcResult<{ decided: boolean; requestId?: string; cover?: InsurerCover; rejected?: RejectedItem }>>;
  lossStatus(kind: LossSubmission['kind'], insurerId: string): Promise<IpcResult<{ records: Record<string, unknown>[] }>>;
  coverRequests(companyId: string, since: string): Promise<IpcResult<{ records: InsurerRequestRecord[] }>>;
  lossRecords(kind: LossSubmission['kind'], companyId: string, since: string): Promise<IpcResult<{ records: InsurerLossRecord[] }>>;
  submitLoss(entry: LossSubmission, buyer: { readonly companyId: string; readonly customerCode: string }): Promise<IpcResult<{ insurerId: string; status: string }>>;
  policyTerms(): Promise<IpcResult<InsurerPolicy>>;
}

const unwrap = async <T>(result: Promise<IpcResult<T>>): Promise<T> => {
  const settled = await result;
  if (settled.ok) return settled.value;
  throw new KredoError(settled.error.code, settled.error.params);
};

/** Data worker: the sync engine's port, throwing KredoErrors with their codes again. */
export function insurerPortFrom(settled: SettledInsurerPort): InsurerPort {
  return {
    fullResync: () => unwrap(settled.fullResync()),
    changes: (cursor) => unwrap(settled.changes(cursor)),
    lookupBuyer: async (country, identifiers) => (await unwrap(settled.lookupBuyer(country, identifiers))).companyId ?? undefined,
    submit: (entry, buyer) => unwrap(settled.submit(entry, buyer)),
    submitLoss: (entry, buyer) => unwrap(settled.submitLoss(entry, buyer)),
    lossStatus: async (kind, insurerId) => (await unwrap(settled.lossStatus(kind, insurerId))).records,
    coverRequests: async (companyId, since) => (await unwrap(settled.coverRequests(companyId, since))).records,
    lossRecords: async (kind, companyId, since) => (await unwrap(settled.lossRecords(kind, companyId, since))).records,
    policyTerms: () => unwrap(settled.policyTerms()),
  };
}
