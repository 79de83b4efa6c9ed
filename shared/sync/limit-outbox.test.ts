import { describe, expect, it } from 'vitest';
import { acknowledged, attemptFailed, decided, dueEntries, newOutboxEntry } from './limit-outbox';

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
});
