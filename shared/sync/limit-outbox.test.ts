import { describe, expect, it } from 'vitest';
import { acknowledged, attemptFailed, decided, dueEntries, newOutboxEntry } from './limit-outbox';
import { ASSUMED_IDEMPOTENCY_WINDOW_MS, conflicted, idempotencyKeyOf, needsCheck, notFoundAtInsurer } from './outbox-check';

const NOW = new Date('2026-11-24T10:00:00Z');
const entry = (id: string, createdAt: string) => newOutboxEntry({ id, debtorId: `D-${id}`, type: 'NEW', amountMinor: 5_000_000, currency: 'EUR', createdAt });

describe('the limit-request outbox', () => {
  it('refuses a request without a positive whole amount, except a cancellation', () => {
    expect(() => newOutboxEntry({ id: 'x', debtorId: 'D', type: 'NEW', amountMinor: 0, currency: 'EUR', createdAt: '' })).toThrow(RangeError);
    expect(() => newOutboxEntry({ id: 'x', debtorId: 'D', type: 'INCREASE', amountMinor: 12.5, currency: 'EUR', createdAt: '' })).toThrow(RangeError);
    expect(newOutboxEntry({ id: 'x', debtorId: 'D', type: 'CANCEL', currency: 'EUR', createdAt: '' }).state).toBe('SUBMITTED_LOCAL');
  });

  it('sends what is waiting, oldest first, and holds back what is backing off', () => {
    const waiting = attemptFailed(entry('b', '2026-11-24T09:00:00Z'), { kind: 'retry', reason: 'rate-limited', delayMs: 30_000 }, NOW);
    expect(waiting.notBefore).toBe('2026-11-24T10:00:30.000Z');
    const entries = [entry('c', '2026-11-24T09:30:00Z'), waiting, entry('a', '2026-11-24T08:00:00Z')];
    expect(dueEntries(entries, NOW).map((due) => due.id)).toEqual(['a', 'c']);
    expect(dueEntries(entries, new Date('2026-11-24T10:00:31Z')).map((due) => due.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps one id through every attempt, so the insurer sees one request however often it is sent', () => {
    const first = attemptFailed(entry('a', '2026-11-24T08:00:00Z'), { kind: 'retry', reason: 'network', delayMs: 1_000 }, NOW);
    const second = attemptFailed(first, { kind: 'reauthenticate' }, NOW);
    const referred = acknowledged(second, { decided: false, insurerRequestId: 'R-9' });
    expect([first.id, second.id, referred.id]).toEqual(['a', 'a', 'a']);
    expect(referred).toMatchObject({ state: 'PENDING', attempts: 3, insurerRequestId: 'R-9' });
    expect(referred.notBefore).toBeUndefined();
    expect(dueEntries([referred], NOW)).toEqual([]);
    expect(decided(referred, 'CV-1')).toMatchObject({ state: 'DECIDED', coverId: 'CV-1' });
  });

  it('stops for good when the insurer refuses the request itself, and says why', () => {
    const refused = attemptFailed(entry('a', '2026-11-24T08:00:00Z'), { kind: 'rejected', status: 422 }, NOW, 'amount_not_multiple_of_1000');
    expect(refused).toMatchObject({ state: 'REJECTED', lastProblem: { status: 422, code: 'amount_not_multiple_of_1000' } });
    expect(dueEntries([refused], new Date('2030-01-01T00:00:00Z'))).toEqual([]);
  });

  it('sends a request whose back-off was stored by a clock that was ahead, once the clock is corrected', () => {
    // Stored while the computer's clock ran a year ahead: no back-off or Retry-After is ever that long.
    const stuck = { ...entry('a', '2026-11-24T08:00:00Z'), attempts: 1, notBefore: '2027-11-24T10:00:00.000Z' };
    const honest = attemptFailed(entry('b', '2026-11-24T08:30:00Z'), { kind: 'retry', reason: 'unavailable', delayMs: 2 * 3_600_000, retryAfterMs: 2 * 3_600_000 }, NOW);
    expect(dueEntries([stuck, honest], NOW).map((due) => due.id)).toEqual(['a']);
  });

  it('checks with the insurer before sending again a request whose answer was lost or whose first attempt is older than the insurer keeps keys', () => {
    const fresh = entry('a', '2026-11-24T08:00:00Z');
    expect(needsCheck(fresh, NOW)).toBe(false);
    // The connection dropped: the insurer may have acted on it.
    const lost = attemptFailed(fresh, { kind: 'retry', reason: 'network', delayMs: 1_000 }, NOW);
    expect(lost).toMatchObject({ answerLost: true, firstAttemptAt: NOW.toISOString() });
    expect(needsCheck(lost, NOW)).toBe(true);
    // The insurer answered "come back later": it did nothing, and within its key window the same key is safe.
    const busy = attemptFailed(fresh, { kind: 'retry', reason: 'rate-limited', delayMs: 60_000, retryAfterMs: 60_000 }, NOW);
    expect(needsCheck(busy, NOW)).toBe(false);
    expect(needsCheck(busy, new Date(NOW.getTime() + ASSUMED_IDEMPOTENCY_WINDOW_MS + 1))).toBe(true);
    // A request stored before this field existed counts from when it was made.
    const older = { ...fresh, attempts: 2 };
    expect(needsCheck(older, new Date(Date.parse(fresh.createdAt) + ASSUMED_IDEMPOTENCY_WINDOW_MS + 1))).toBe(true);
  });

  it('takes a 409 as "check with the insurer", never as refused; a 409 again after the insurer had no trace of it needs the controller', () => {
    const sent = attemptFailed(entry('a', '2026-11-24T08:00:00Z'), { kind: 'retry', reason: 'network', delayMs: 1_000 }, NOW);
    const checking = conflicted(sent, NOW, { status: 409, code: 'request_already_pending' });
    expect(checking).toMatchObject({ state: 'CHECKING', attempts: 2, lastProblem: { status: 409, code: 'request_already_pending' } });
    expect(checking.notBefore).toBeUndefined();
    expect(dueEntries([checking], NOW)).toHaveLength(1);
    expect(needsCheck(checking, NOW)).toBe(true);

    // Not at the insurer: it goes again under a new key (the old one may still replay the 409).
    expect(idempotencyKeyOf(checking)).toBe('a');
    const renewed = notFoundAtInsurer(checking, 'a-2', NOW);
    expect(renewed).toMatchObject({ state: 'SUBMITTED_LOCAL', idempotencyKey: 'a-2', checkedAt: NOW.toISOString() });
    expect(renewed.answerLost).toBeUndefined();
    expect(idempotencyKeyOf(renewed)).toBe('a-2');
    expect(needsCheck(renewed, NOW)).toBe(false);

    const conflict = conflicted(renewed, NOW, { status: 409, code: 'request_already_pending' });
    expect(conflict.state).toBe('ATTENTION');
    expect(dueEntries([conflict], new Date('2030-01-01T00:00:00Z'))).toEqual([]);
    expect(acknowledged(checking, { decided: false, insurerRequestId: 'R-1' })).toMatchObject({ state: 'PENDING', insurerRequestId: 'R-1' });
  });
});
