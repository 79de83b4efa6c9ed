import { describe, expect, it } from 'vitest';
import { digestFeedPage } from './feed-page';

const coverAt = (version: number, decidedAmount: string) => ({
  coverId: 'CV-1', companyId: 'C-1', customerReference: null, coverType: 'CREDIT_LIMIT', status: 'APPROVED', requestedAmount: '50000.00', decidedAmount, currency: 'EUR',
  tranches: [{ amount: decidedAmount, effectiveFrom: '2026-11-01', expiresAt: null, kind: 'permanent' }], conditions: [], reasons: [], pendingChange: null,
  decidedAt: '2026-11-01T09:00:00Z', updatedAt: '2026-11-01T09:00:00Z', version,
});
const event = (eventId: string, type: string, data: Record<string, unknown>, resourceType = 'cover', resourceId = 'CV-1') => ({ eventId, occurredAt: '2026-11-24T09:00:00Z', type, resourceType, resourceId, companyId: 'C-1', data });

describe('a page of the change feed', () => {
  it('keeps the newest version of each cover even when events arrive out of order, and notes decided requests', () => {
    const digest = digestFeedPage([
      event('E2', 'LIMIT_REDUCTION_NOTIFIED', { cover: coverAt(3, '30000.00') }),
      event('E1', 'DECISION_ISSUED', { cover: coverAt(2, '50000.00') }, 'cover-request', 'R-7'),
      event('E4', 'DECISION_ISSUED', { cover: coverAt(1, '50000.00'), request: { requestId: 'R-6' } }),
    ], new Set());
    expect(digest.covers.map((cover) => [cover.coverId, cover.version, cover.decidedAmount])).toEqual([['CV-1', 3, '30000.00']]);
    expect(digest.decidedRequests).toEqual([{ requestId: 'R-7', coverId: 'CV-1' }, { requestId: 'R-6', coverId: 'CV-1' }]);
    expect(digest.eventIds).toEqual(['E2', 'E1', 'E4']);
  });

  it('skips events delivered twice, within the page or from an earlier one', () => {
    const first = event('E1', 'DECISION_ISSUED', { cover: coverAt(1, '50000.00') }, 'cover-request', 'R-7');
    const digest = digestFeedPage([first, event('E3', 'REQUEST_RECEIVED', { request: {} }, 'cover-request', 'R-8'), first], new Set(['E0']));
    expect(digest).toMatchObject({ duplicates: 1, eventIds: ['E1', 'E3'] });
    expect(digestFeedPage([event('E0', 'DECISION_ISSUED', { cover: coverAt(1, '1.00') })], new Set(['E0'])).covers).toEqual([]);
  });

  it('counts what it cannot read instead of storing it', () => {
    const digest = digestFeedPage([{ nonsense: true }, event('E5', 'LIMIT_REDUCED', { cover: { ...coverAt(4, '10000.00'), decidedAmount: 10_000 } })], new Set());
    expect(digest).toMatchObject({ unreadable: 2, covers: [] });
  });

  it('says what it could not read and why, so it can be kept and shown instead of lost; the request it decided is still noted', () => {
    const digest = digestFeedPage([
      { nonsense: true },
      event('E5', 'LIMIT_REDUCED', { cover: { ...coverAt(4, '10000.00'), decidedAmount: 10_000 } }),
      event('E6', 'DECISION_ISSUED', { cover: { ...coverAt(5, '20000.00'), coverId: 'CV-2', status: 'MAYBE', currency: undefined }, request: { requestId: 'R-9' } }),
      event('E7', 'LIMIT_REDUCED', { cover: coverAt(6, '5000.00') }),
    ], new Set());
    expect(digest.covers.map((cover) => [cover.coverId, cover.version])).toEqual([['CV-1', 6]]);
    expect(digest.rejected).toEqual([
      expect.objectContaining({ kind: 'event', problems: expect.arrayContaining([{ field: 'eventId', issue: 'missing' }]) }),
      expect.objectContaining({ kind: 'cover', eventId: 'E5', coverId: 'CV-1', companyId: 'C-1', version: 4, problems: [{ field: 'decidedAmount', issue: 'malformed' }] }),
      expect.objectContaining({ kind: 'cover', eventId: 'E6', coverId: 'CV-2', version: 5, problems: [{ field: 'status', issue: 'unknownValue' }, { field: 'currency', issue: 'missing' }] }),
    ]);
    expect(digest.rejected[1]!.excerpt).toContain('"decidedAmount":10000');
    expect(digest.decidedRequests).toEqual([{ requestId: 'R-9', coverId: 'CV-2' }]);
  });
});
