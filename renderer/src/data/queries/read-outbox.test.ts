import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newOutboxEntry } from '../../../../shared/sync/limit-outbox';
import { newLossSubmission } from '../../../../shared/sync/loss-submission';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { readOutbox } from './read-outbox';

const debtor = (id: string, name: string) => ({ id, name, customerCode: id, country: 'NL', identifiers: [], chunkId: 0 }) as never;

describe('the outbox on the Insurer sync screen', () => {
  it('lists limit requests and loss submissions newest first, a page at a time, with the debtor’s name, when each was sent and the limit decided', async () => {
    const db = new KredoDb('read-outbox-1');
    await db.debtorChunks.bulkPut([
      { chunkId: 0, debtors: [debtor('D1', 'De Groot Bouw B.V.')] },
      { chunkId: 1, debtors: [debtor('D2', 'Persson VVS AB')] },
    ]);
    await db.limitChunks.put({ chunkId: 0, limits: [{ debtorId: 'D1', source: 'insurer', coverId: 'CV-1', status: 'APPROVED', decidedAmountMinor: 4_000_000, currency: 'EUR' } as never] });
    await db.limitOutbox.bulkPut([
      { ...newOutboxEntry({ id: 'L1', debtorId: 'D1', type: 'NEW', amountMinor: 4_000_000, currency: 'EUR', createdAt: '2026-12-01T09:00:00.000Z' }), state: 'DECIDED', coverId: 'CV-1', sentAt: '2026-12-01T09:05:00.000Z' },
      newOutboxEntry({ id: 'L2', debtorId: 'D2', type: 'INCREASE', amountMinor: 1_000_000, currency: 'SEK', createdAt: '2026-12-03T09:00:00.000Z' }),
    ]);
    await db.lossOutbox.put({
      ...newLossSubmission({ id: 'O1', debtorId: 'D2', kind: 'overdue', createdAt: '2026-12-02T09:00:00.000Z', invoices: [{ number: 'F-1', issueDate: '2026-09-01' as IsoDate, dueDate: '2026-10-01' as IsoDate, netAmountMinor: 80_000, grossAmountMinor: 100_000, currency: 'SEK' }], detail: { category: 'OVD' } }),
      state: 'ACKNOWLEDGED', insurerId: 'OVD-9', insurerStatus: 'RECEIVED', sentAt: '2026-12-02T09:01:00.000Z',
    });

    const first = await readOutbox(db, { offset: 0, limit: 2 });
    expect(first.total).toBe(3);
    expect(first.rows).toEqual([
      expect.objectContaining({ id: 'L2', kind: 'limit', debtorName: 'Persson VVS AB', chunkId: 1, state: 'SUBMITTED_LOCAL', requestType: 'INCREASE', amountMinor: 1_000_000, currency: 'SEK' }),
      expect.objectContaining({ id: 'O1', kind: 'overdue', debtorName: 'Persson VVS AB', insurerStatus: 'RECEIVED', amountMinor: 100_000, sentAt: '2026-12-02T09:01:00.000Z' }),
    ]);
    expect(first.rows[0]!.sentAt).toBeUndefined();
    const second = await readOutbox(db, { offset: 2, limit: 2 });
    expect(second.rows).toEqual([expect.objectContaining({ id: 'L1', debtorName: 'De Groot Bouw B.V.', chunkId: 0, sentAt: '2026-12-01T09:05:00.000Z', decided: { status: 'APPROVED', decidedAmountMinor: 4_000_000, currency: 'EUR' } })]);
    db.close();
  });
});
