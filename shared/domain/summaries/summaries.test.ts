import { describe, expect, it } from 'vitest';
import { ExchangeRateTable } from '../../money/exchange-rates';
import { toIsoDate } from '../../time/iso-date';
import { DEFAULT_AGEING } from '../ageing/ageing-config';
import { receivePayment } from '../ledger/allocate';
import { encodeLedgerChunk } from '../ledger/ledger-chunk';
import { testItem, testLedger } from '../ledger/test-ledger';
import type { CreditLimit } from '../limits/credit-limit';
import type { InsurancePolicy } from '../policy/insurance-policy';
import { summariseChunk } from './summarise-chunk';
import { summarisePortfolio } from './portfolio-summary';
import { DATA_TIERS, DEMO_SEED } from '../../generator/data-tiers';
import { generateChunks, generateExchangeRates, generatePolicy } from '../../generator/generate-portfolio';
import { planPortfolio } from '../../generator/plan-portfolio';

const d = toIsoDate;
const policy: InsurancePolicy = {
  id: 'P', insurer: 'Sandbox', policyNumber: '1', currency: 'EUR', startDate: d('2026-01-01'), endDate: d('2026-12-31'),
  insuredPercentageBp: 9000, discretionaryLimitMax: { amountMinor: 2_500_000, currency: 'EUR' }, maxCreditPeriodDays: 120,
  overdueNotificationDays: 60, maxExtensionPeriodDays: 60, collectionTransferDays: 30, claimFilingDays: 180, waitingPeriodDays: 150,
  deductible: { amountMinor: 0, currency: 'EUR' },
};
const limit = (debtorId: string, source: CreditLimit['source'], amountMinor: number): CreditLimit => ({
  debtorId, source, status: 'APPROVED', currency: 'EUR', decidedAmountMinor: amountMinor,
  tranches: [{ amountMinor, effectiveFrom: d('2026-01-01'), kind: 'permanent' }], conditions: [], reasons: [], history: [],
});

// D1 is the ageing test's ledger (see ageing.test.ts); D2 owes SEK 10,000.00, not yet due.
function chunk() {
  const d1 = receivePayment(
    testLedger('D1', [
      testItem('D1', 'A', { invoiceDate: '2026-10-31', dueDate: '2026-11-30', amountMinor: 100_000 }),
      testItem('D1', 'B', { invoiceDate: '2026-10-11', dueDate: '2026-11-10', amountMinor: 50_000 }),
      testItem('D1', 'C', { invoiceDate: '2026-08-21', dueDate: '2026-09-20', amountMinor: 30_000 }),
      testItem('D1', 'D', { invoiceDate: '2026-06-01', dueDate: '2026-07-01', amountMinor: 20_000 }),
      testItem('D1', 'E', { invoiceDate: '2026-09-25', dueDate: '2026-10-25', amountMinor: 40_000 }),
      testItem('D1', 'F', { invoiceDate: '2026-09-24', dueDate: '2026-10-24', amountMinor: 10_000 }),
      testItem('D1', 'G', { invoiceDate: '2026-10-25', dueDate: '2026-11-24', amountMinor: 5_000, dispute: { reason: 'price', since: d('2026-11-20') } }),
      testItem('D1', 'H', { invoiceDate: '2026-10-02', dueDate: '2026-11-01', amountMinor: 70_000 }),
      testItem('D1', 'CN', { invoiceDate: '2026-11-02', dueDate: '2026-11-02', amountMinor: -15_000 }),
    ]),
    { id: 'P1', debtorId: 'D1', date: d('2026-11-20'), currency: 'EUR', amountMinor: 95_000, reference: '', remittance: '', counterpartyName: '', counterpartyIban: '' },
    { targetItemIds: ['D1|H'] },
  );
  const d2 = testLedger('D2', [testItem('D2', '1', { invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountMinor: 1_000_000, currency: 'SEK' })]);
  return encodeLedgerChunk(0, [d1, d2], ['NL', 'SE']);
}

const context = {
  asOf: d('2026-11-24'),
  policy,
  rates: new ExchangeRateTable([{ date: d('2026-11-02'), base: 'EUR', quote: 'SEK', rate: '10.00' }]),
  ageing: DEFAULT_AGEING,
  limitsOf: (debtorId: string) => (debtorId === 'D1' ? [limit('D1', 'insurer', 200_000)] : [limit('D2', 'discretionary', 50_000)]),
};

describe('summariseChunk', () => {
  const { numbers } = chunk();
  const [d1, d2] = summariseChunk(numbers, context);

  it('ages, counts and dates the debtor’s open items', () => {
    expect(d1).toMatchObject({
      debtorId: 'D1', currency: 'EUR', asOf: '2026-11-24',
      bucketsMinor: [105_000, 90_000, 10_000, 30_000, 20_000], openMinor: 255_000, overdueMinor: 150_000,
      creditsMinor: -15_000, unappliedCashMinor: 25_000, disputedMinor: 5_000,
      openItemCount: 7, overdueItemCount: 5, oldestDueDate: '2026-07-01', maxDaysOverdue: 146, lastPaymentDate: '2026-11-20',
    });
  });

  it('weighs exposure against the limit: disputed debt uninsured, 90 % of the insured part indemnified', () => {
    expect(d1).toMatchObject({ exposureMinor: 215_000, limitMinor: 200_000, limitSource: 'insurer', overLimitMinor: 15_000, insuredExposureMinor: 200_000, uninsuredMinor: 15_000, indemnityMinor: 180_000 });
    expect(d1?.utilisation).toBeCloseTo(1.075, 10);
  });

  it('computes KPIs from the last 90 days: sales, receivables then and now, days late', () => {
    expect(d1).toMatchObject({ sales90Minor: 260_000, receivables90DaysAgoMinor: 50_000, daysLate: { weightedDaysMinor: 70_000 * 19, amountMinor: 70_000 } });
    // The payment fell within the last 90 days, so it also counts for the recent trend.
    expect(d1!.daysLateRecent).toEqual(d1!.daysLate);
    expect(d1?.dso).toBeCloseTo((215_000 / 260_000) * 90, 10);
    expect(d1?.bestPossibleDso).toBeCloseTo((105_000 / 260_000) * 90, 10);
    expect(d1?.averageDaysDelinquent).toBeCloseTo((110_000 / 260_000) * 90, 10);
  });

  it('converts other currencies to the policy currency and keeps the original amounts', () => {
    expect(d2).toMatchObject({ openMinor: 100_000, bucketsMinor: [100_000, 0, 0, 0, 0], openByCurrency: { SEK: 1_000_000 }, limitSource: 'discretionary', overLimitMinor: 50_000, indemnityMinor: 45_000, lastPaymentDate: undefined });
  });

  it('leaves out what it cannot convert and says so', () => {
    const [, withoutRate] = summariseChunk(numbers, { ...context, rates: new ExchangeRateTable([]) });
    expect(withoutRate).toMatchObject({ openMinor: 0, unconvertedCurrencies: ['SEK'], openByCurrency: { SEK: 1_000_000 } });
  });

  it('carries what it cannot convert in its own currency, so that it is never shown as nothing', () => {
    const [, withoutRate] = summariseChunk(numbers, { ...context, rates: new ExchangeRateTable([]) });
    expect(withoutRate!.unconverted).toEqual({ SEK: { openMinor: 1_000_000, overdueMinor: 0, exposureMinor: 1_000_000, bucketsMinor: [1_000_000, 0, 0, 0, 0], debtorCount: 1 } });
    const [withRateD1, withRate] = summariseChunk(numbers, context);
    expect(withRate!.unconverted).toEqual({});
    expect(withRateD1!.unconverted).toEqual({});
  });
});

describe('summarisePortfolio', () => {
  const { numbers } = chunk();
  const summaries = summariseChunk(numbers, context);
  const portfolio = summarisePortfolio(summaries, { asOf: context.asOf, currency: 'EUR', bucketCount: 5 });

  it('adds up the debtors', () => {
    expect(portfolio).toMatchObject({
      debtorCount: 2, debtorsWithOpenItems: 2, openItemCount: 8, overdueItemCount: 5, openMinor: 355_000, overdueMinor: 150_000,
      bucketsMinor: [205_000, 90_000, 10_000, 30_000, 20_000], exposureMinor: 315_000, limitMinor: 250_000, overLimitCount: 2, indemnityMinor: 225_000,
      openByCurrency: { EUR: 255_000, SEK: 1_000_000 },
    });
  });

  it('names the currencies it could not convert, so no report drops one silently', () => {
    expect(portfolio.unconvertedCurrencies).toEqual([]);
    const withoutRate = summarisePortfolio(summariseChunk(numbers, { ...context, rates: new ExchangeRateTable([]) }), { asOf: context.asOf, currency: 'EUR', bucketCount: 5 });
    expect(withoutRate).toMatchObject({ openMinor: 255_000, openByCurrency: { EUR: 255_000, SEK: 1_000_000 }, unconvertedCurrencies: ['SEK'] });
  });

  it('recomputes KPIs from the summed parts rather than averaging them', () => {
    expect(portfolio.dso).toBeCloseTo((315_000 / 360_000) * 90, 10);
    expect(portfolio.weightedDaysLate).toBe(19);
    // 500.00 owed 90 days ago (D1's C and D) and the quarter's net sales of 3,600.00, against 3,150.00 net
    // receivables now of which 2,050.00 is not yet due: 950.00 collected of 2,050.00 collectable.
    expect(portfolio.cei).toEqual({ percent: ((50_000 + 360_000 - 315_000) / (50_000 + 360_000 - 205_000)) * 100 });
  });

  it('adds up what could not be converted per currency, beside the converted totals', () => {
    const withoutRate = summariseChunk(numbers, { ...context, rates: new ExchangeRateTable([]) });
    const partial = summarisePortfolio(withoutRate, { asOf: context.asOf, currency: 'EUR', bucketCount: 5 });
    expect(partial).toMatchObject({ openMinor: 255_000, exposureMinor: 215_000 });
    expect(partial.unconverted).toEqual({ SEK: { openMinor: 1_000_000, overdueMinor: 0, exposureMinor: 1_000_000, bucketsMinor: [1_000_000, 0, 0, 0, 0], debtorCount: 1 } });
    expect(partial.byCountry.find((segment) => segment.key === 'SE')?.unconverted).toEqual(partial.unconverted);
    expect(portfolio.unconverted).toEqual({});
  });

  it('breaks totals down by country, largest exposure first', () => {
    expect(portfolio.byCountry.map((segment) => [segment.key, segment.exposureMinor, segment.debtorCount])).toEqual([
      ['NL', 215_000, 1],
      ['SE', 100_000, 1],
    ]);
  });
});

describe('figures shown side by side', () => {
  it('make the overdue amount the sum of the overdue buckets, to the cent, also for debtors invoiced in other currencies', () => {
    const today = d('2026-11-24');
    const demoPolicy = generatePolicy(today);
    const demoRates = new ExchangeRateTable(generateExchangeRates(DEMO_SEED, today));
    let checked = 0;
    for (const chunk of generateChunks(planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today }), demoPolicy)) {
      const { numbers } = encodeLedgerChunk(chunk.chunkId, chunk.ledgers, chunk.debtors.map((debtor) => debtor.country));
      for (const summary of summariseChunk(numbers, { asOf: today, policy: demoPolicy, rates: demoRates, ageing: DEFAULT_AGEING, limitsOf: () => [] })) {
        expect(summary.overdueMinor).toBe(summary.bucketsMinor.slice(1).reduce((sum, amount) => sum + amount, 0));
        if (summary.overdueMinor > 0 && Object.keys(summary.openByCurrency).some((code) => code !== demoPolicy.currency)) checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('collection effectiveness of a growing ledger', () => {
  // One quarter of a debtor whose sales grow: €1,000 open at the start, €13,000 invoiced, €8,000 collected.
  const pay = (id: string, date: string, amountMinor: number, target: string) =>
    [{ id, debtorId: 'G', date: d(date), currency: 'EUR', amountMinor, reference: '', remittance: '', counterpartyName: '', counterpartyIban: '' }, { targetItemIds: [`G|${target}`] }] as const;
  let ledger = testLedger('G', [
    testItem('G', 'X0', { invoiceDate: '2026-08-01', dueDate: '2026-08-31', amountMinor: 100_000 }),
    testItem('G', 'W1', { invoiceDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 400_000 }),
    testItem('G', 'W2', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 400_000 }),
    testItem('G', 'W3', { invoiceDate: '2026-11-01', dueDate: '2026-11-15', amountMinor: 300_000 }),
    testItem('G', 'W4', { invoiceDate: '2026-11-20', dueDate: '2026-12-20', amountMinor: 200_000 }),
  ]);
  for (const [payment, options] of [pay('P0', '2026-09-10', 100_000, 'X0'), pay('P1', '2026-10-01', 400_000, 'W1'), pay('P2', '2026-11-05', 300_000, 'W2')]) ledger = receivePayment(ledger, payment, options);
  const growing = summarisePortfolio(summariseChunk(encodeLedgerChunk(0, [ledger], ['NL']).numbers, { ...context, limitsOf: () => [] }), { asOf: context.asOf, currency: 'EUR', bucketCount: 5 });

  it('stays within 0–100 %: collected 8,000 of the 12,000 that could be collected', () => {
    // (beginning 1,000 + sales 13,000 − ending total 6,000) / (1,000 + 13,000 − ending current 2,000) × 100.
    // With a third of the sales (CRF's "sales / N" for a 3-month window) set against a beginning from 90
    // days ago, this ledger showed −20 %.
    expect(growing.cei).toEqual({ percent: (800_000 / 1_200_000) * 100 });
  });
});
