import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { limitAlerts } from '../../../../shared/domain/limits/limit-alerts';
import { insurerCoverSchema } from '../../../../shared/sync/insurer-cover';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { saveOwnLimit } from '../store/save-own-limit';
import { applyInsurerCovers } from './apply-insurer-covers';

const today = toIsoDate('2026-11-24');
const at = '2026-11-24T10:00:00.000Z';

/** "A limit approved from tomorrow showed as 'Approved, €0.00' and the Limits screen offered to request it again" (issue 13). */
describe('an insurer’s limit approved from tomorrow', () => {
  it('is pending with its date and amount, raises no alert, and leaves the controller’s internal limit as it was', async () => {
    const db = await openDemoStore('cover-from-tomorrow', today);
    const limits = (await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits);
    const summaries = (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
    const target = limits.find((limit) => limit.source === 'insurer' && limit.status === 'APPROVED' && (summaries.find((summary) => summary.debtorId === limit.debtorId)?.exposureMinor ?? 0) > 0)!;
    const exposure = summaries.find((summary) => summary.debtorId === target.debtorId)!.exposureMinor;
    expect((await saveOwnLimit(db, { debtorId: target.debtorId, draft: { kind: 'internal', amountMinor: exposure + 100_000, currency: 'EUR', effectiveFrom: today, note: 'Agreed with sales' }, today, at, homeCurrency: 'EUR' })).errors).toEqual([]);

    const fromTomorrow = insurerCoverSchema.parse({
      coverId: target.coverId, companyId: 'C-1', customerReference: null, status: 'APPROVED', requestedAmount: null, decidedAmount: '50000.00', currency: 'EUR',
      tranches: [{ amount: '50000.00', effectiveFrom: '2026-11-25', expiresAt: null, kind: 'permanent' }], conditions: [], reasons: [], pendingChange: null,
      decidedAt: '2026-11-24T09:00:00Z', updatedAt: '2026-11-24T09:00:00Z', version: (target.insurerVersion ?? 0) + 1,
    });
    await applyInsurerCovers(db, [fromTomorrow], { today, at });
    const summary = (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries).find((candidate) => candidate.debtorId === target.debtorId)!;
    expect(summary).toMatchObject({ limitState: 'SCHEDULED', upcomingLimit: { amountMinor: 5_000_000, from: '2026-11-25', source: 'insurer' }, internalLimitMinor: exposure + 100_000 });
    const [policy] = await db.policies.toArray();
    expect(limitAlerts([summary], policy!)).toEqual([]);
    const stored = (await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).filter((limit) => limit.debtorId === target.debtorId);
    expect(stored.map((limit) => limit.source).sort()).toEqual(['insurer', 'internal']);
    db.close();
  });
});
