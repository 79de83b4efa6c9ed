import { describe, expect, it } from 'vitest';
import { validateIdentifier } from '../domain/identifiers/validate-identifier';
import { isValidBetalingskenmerk } from '../domain/references/betalingskenmerk';
import { isValidIban } from '../domain/references/iban';
import { hasValidOcrLengthDigit } from '../domain/references/swedish-ocr';
import { toIsoDate } from '../time/iso-date';
import { DATA_TIERS, DEMO_SEED } from './data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from './generate-portfolio';
import { planPortfolio } from './plan-portfolio';

const today = toIsoDate('2026-11-24');
const policy = generatePolicy(today);

function generateAll(tier: keyof typeof DATA_TIERS) {
  const plan = planPortfolio(DATA_TIERS[tier], { seed: DEMO_SEED, today });
  return { plan, chunks: Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId)) };
}

describe('the demo portfolio (tier S)', () => {
  const { chunks } = generateAll('S');
  const debtors = chunks.flatMap((chunk) => chunk.debtors);
  const ledgers = chunks.flatMap((chunk) => chunk.ledgers);
  const items = ledgers.flatMap((ledger) => ledger.items);
  const payments = ledgers.flatMap((ledger) => ledger.payments);

  it('has exactly the tier’s debtors and items, about its payments, and an ordinary share open', () => {
    expect(debtors).toHaveLength(200);
    expect(items).toHaveLength(5_000);
    expect(Math.abs(payments.length - 1_500)).toBeLessThan(150);
    const invoices = items.filter((item) => item.kind === 'invoice');
    const open = invoices.filter((item) => item.openMinor > 0).length / invoices.length;
    expect(open).toBeGreaterThan(0.04);
    expect(open).toBeLessThan(0.2);
    expect(items.filter((item) => item.kind === 'credit-note').length).toBeGreaterThan(50);
    expect(items.filter((item) => item.dispute).length).toBeGreaterThan(8);
  });

  it('is the same on every run', () => {
    expect(generateAll('S').chunks[1]).toEqual(chunks[1]);
  });

  it('gives every debtor valid identifiers and every invoice a valid payment reference', () => {
    for (const debtor of debtors) {
      for (const identifier of debtor.identifiers) expect(validateIdentifier(identifier.type, identifier.value), `${debtor.id} ${identifier.value}`).toEqual({ isValid: true, value: identifier.value });
    }
    for (const item of items.filter((candidate) => candidate.kind === 'invoice')) {
      const country = debtors.find((debtor) => debtor.id === item.debtorId)!.country;
      if (country === 'NL') expect(isValidBetalingskenmerk(item.paymentReference), item.paymentReference).toBe(true);
      if (country === 'SE') expect(hasValidOcrLengthDigit(item.paymentReference), item.paymentReference).toBe(true);
    }
    for (const payment of payments) expect(isValidIban(payment.counterpartyIban), payment.counterpartyIban).toBe(true);
  });

  it('keeps every ledger consistent: open = amount − allocations, payments fully accounted for', () => {
    for (const ledger of ledgers) {
      for (const item of ledger.items) {
        const allocated = ledger.allocations.filter((allocation) => allocation.itemId === item.id).reduce((sum, allocation) => sum + allocation.amountMinor, 0);
        const creditUsed = ledger.allocations.filter((allocation) => allocation.source.kind === 'credit-note' && allocation.source.itemId === item.id).reduce((sum, allocation) => sum + allocation.amountMinor, 0);
        expect(item.openMinor).toBe(item.amountMinor - allocated + creditUsed);
        expect(item.invoiceDate <= today).toBe(true);
      }
      for (const payment of ledger.payments) {
        const allocated = ledger.allocations.filter((allocation) => allocation.source.kind === 'payment' && allocation.source.paymentId === payment.id).reduce((sum, allocation) => sum + allocation.amountMinor, 0);
        expect(payment.unappliedMinor).toBe(payment.amountMinor - allocated);
        expect(payment.date <= today).toBe(true);
      }
    }
  });

  it('gives larger buyers an insurer limit and many small ones a discretionary one, in the policy currency', () => {
    const limits = chunks.flatMap((chunk) => chunk.limits);
    const insurer = limits.filter((limit) => limit.source === 'insurer');
    expect(insurer.length).toBeGreaterThan(100);
    const discretionary = limits.filter((limit) => limit.source === 'discretionary');
    expect(discretionary.length).toBeGreaterThan(20);
    expect(discretionary.every((limit) => limit.decidedAmountMinor <= policy.discretionaryLimitMax.amountMinor)).toBe(true);
    expect(new Set(limits.map((limit) => limit.currency))).toEqual(new Set(['EUR']));
    expect(insurer.some((limit) => limit.status === 'REFUSED')).toBe(true);
    expect(insurer.some((limit) => limit.pendingChange)).toBe(true);
  });
});

describe('exchange rates', () => {
  it('cover the last 27 months for SEK and GBP', () => {
    const rates = generateExchangeRates(DEMO_SEED, today);
    expect(rates).toHaveLength(56);
    expect(rates.at(-1)).toMatchObject({ date: '2026-11-01', base: 'EUR', quote: 'GBP' });
  });
});

describe('tier L', () => {
  const plan = planPortfolio(DATA_TIERS.L, { seed: DEMO_SEED, today });

  it('plans exactly 20,000 debtors and 1,000,000 items', () => {
    const sum = (values: Int32Array) => values.reduce((total, value) => total + value, 0);
    expect(plan.chunkCount).toBe(200);
    expect(sum(plan.invoiceCounts) + sum(plan.creditNoteCounts)).toBe(1_000_000);
  });

  it('leaves about half of the invoices open, with payments at the tier’s rate (10 chunks sampled)', () => {
    const sample = [0, 20, 40, 60, 80, 100, 120, 140, 160, 199].map((chunkId) => generateChunk(plan, policy, chunkId));
    const items = sample.flatMap((chunk) => chunk.ledgers.flatMap((ledger) => ledger.items)).filter((item) => item.kind === 'invoice');
    const open = items.filter((item) => item.openMinor > 0).length / items.length;
    expect(open).toBeGreaterThan(0.42);
    expect(open).toBeLessThan(0.58);
    const payments = sample.flatMap((chunk) => chunk.ledgers.flatMap((ledger) => ledger.payments)).length;
    const sampleItems = sample.flatMap((chunk) => chunk.ledgers.flatMap((ledger) => ledger.items)).length;
    expect(payments / sampleItems).toBeGreaterThan(0.25);
    expect(payments / sampleItems).toBeLessThan(0.35);
  });
});
