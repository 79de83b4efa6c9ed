import { settle } from '../../platform/kredo-api';
import type { SettledInsurerPort } from './settled-insurer-port';

/** UI thread: the insurer channels over the IPC bridge, lent to the data worker's sync. */
export function settledInsurerPortOverIpc(): SettledInsurerPort {
  return {
    fullResync: () => settle('insurerFullResync', {}),
    changes: (cursor) => settle('insurerChanges', { cursor }),
    lookupBuyer: (country, identifiers) => settle('insurerLookupBuyer', { country, identifiers: identifiers.map(({ type, value }) => ({ type, value })) }),
    submit: (entry, buyer) => {
      const { id, debtorId, type, amountMinor, currency, createdAt, attempts, idempotencyKey } = entry;
      return settle('insurerSubmit', { entry: { id, debtorId, type, currency, createdAt, state: 'SUBMITTED_LOCAL', attempts, ...(amountMinor !== undefined && { amountMinor }), ...(idempotencyKey !== undefined && { idempotencyKey }) }, buyer });
    },
    submitLoss: (entry, buyer) => {
      const { id, debtorId, kind, createdAt, invoices, detail, attempts, idempotencyKey } = entry;
      return settle('insurerSubmitLoss', { entry: { id, debtorId, kind, createdAt, invoices: [...invoices], detail, state: 'SUBMITTED_LOCAL', attempts, ...(idempotencyKey !== undefined && { idempotencyKey }) }, buyer });
    },
    lossStatus: (kind, insurerId) => settle('insurerLossStatus', { kind, insurerId }),
    coverRequests: (companyId, since) => settle('insurerCoverRequests', { companyId, since }),
    lossRecords: (kind, companyId, since) => settle('insurerLossRecords', { kind, companyId, since }),
    policyTerms: () => settle('insurerPolicyTerms', {}),
  };
}
