import { describe, expect, it } from 'vitest';
import { toIsoDate, type IsoDate } from '../../time/iso-date';
import { addClaimCost, bookClaimPayment, claimCostKey, openClaim, STATUTORY_ALLOCATION_ORDER, withAllocationOrder } from './claim-ledger';

const d = (text: string): IsoDate => toIsoDate(text);
const claim = openClaim({ invoiceId: 'INV-1', jurisdiction: 'NL', currency: 'EUR', principalMinor: 1_000_000, defaultFrom: d('2024-01-01') });
const wik = { key: claimCostKey('INV-1', 'wik'), kind: 'wik', amountMinor: 87_500, bookedOn: d('2024-02-01') };

describe('claim ledger', () => {
  it('opens with the statutory allocation order and nothing booked', () => {
    expect(claim).toEqual({
      invoiceId: 'INV-1',
      jurisdiction: 'NL',
      currency: 'EUR',
      principalMinor: 1_000_000,
      defaultFrom: '2024-01-01',
      allocationOrder: ['costs', 'interest', 'principal'],
      costs: [],
      payments: [],
    });
    expect(STATUTORY_ALLOCATION_ORDER).toEqual(['costs', 'interest', 'principal']);
  });

  it('books a cost once per key, the first booking standing', () => {
    expect(claimCostKey('INV-1', 'forseningsersattning')).toBe('INV-1:forseningsersattning');
    const once = addClaimCost(claim, wik);
    const twice = addClaimCost(once, { ...wik, amountMinor: 99_999, bookedOn: d('2024-03-01') });
    expect(twice).toBe(once);
    expect(twice.costs).toEqual([wik]);
    expect(claim.costs).toEqual([]);
    expect(addClaimCost(once, { ...wik, key: 'INV-1:reminder', kind: 'reminder', amountMinor: 500 }).costs).toHaveLength(2);
  });

  it('books a payment once per payment id', () => {
    const payment = { paymentId: 'BANK-77', paidOn: d('2024-06-30'), amountMinor: 100_000 };
    const once = bookClaimPayment(claim, payment);
    expect(bookClaimPayment(once, payment)).toBe(once);
    expect(once.payments).toEqual([payment]);
  });

  it('takes another allocation order only if it names each component once', () => {
    expect(withAllocationOrder(claim, ['principal', 'interest', 'costs']).allocationOrder).toEqual(['principal', 'interest', 'costs']);
    expect(() => withAllocationOrder(claim, ['principal', 'principal', 'costs'])).toThrow(RangeError);
    expect(() => openClaim({ ...claim, allocationOrder: ['costs', 'interest'] })).toThrow(RangeError);
  });

  it('refuses broken amounts, dates and keys', () => {
    expect(() => openClaim({ ...claim, principalMinor: -1 })).toThrow(RangeError);
    expect(() => openClaim({ ...claim, invoiceId: '' })).toThrow(RangeError);
    expect(() => openClaim({ ...claim, currency: 'XYZ' })).toThrow(RangeError);
    expect(() => openClaim({ ...claim, jurisdiction: 'UK' as never })).toThrow(RangeError);
    expect(() => openClaim({ ...claim, defaultFrom: '2024-02-30' as IsoDate })).toThrow(RangeError);
    expect(() => addClaimCost(claim, { ...wik, amountMinor: 1.5 })).toThrow(RangeError);
    expect(() => addClaimCost(claim, { ...wik, key: '' })).toThrow(RangeError);
    expect(() => bookClaimPayment(claim, { paymentId: 'P', paidOn: d('2024-06-30'), amountMinor: 0 })).toThrow(RangeError);
    expect(() => bookClaimPayment(claim, { paymentId: '', paidOn: d('2024-06-30'), amountMinor: 1 })).toThrow(RangeError);
  });
});
