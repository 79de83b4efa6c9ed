import { describe, expect, it } from 'vitest';
import { DATA_TIERS, DEMO_SEED } from '../../generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../generator/generate-portfolio';
import { planPortfolio } from '../../generator/plan-portfolio';
import { ExchangeRateTable } from '../../money/exchange-rates';
import { addDays, toIsoDate } from '../../time/iso-date';
import { DEFAULT_AGEING } from '../ageing/ageing-config';
import { encodeLedgerChunk } from '../ledger/ledger-chunk';
import type { CreditLimit } from '../limits/credit-limit';
import { summariseChunk, type SummaryContext } from './summarise-chunk';
import { summaryWithLimits } from './summary-with-limits';

const today = toIsoDate('2026-11-24');
const policy = generatePolicy(today);
const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
const rates = new ExchangeRateTable(generateExchangeRates(DEMO_SEED, today));
const context = (limits: readonly CreditLimit[]): SummaryContext => ({ asOf: today, policy, rates, ageing: DEFAULT_AGEING, limitsOf: (debtorId) => limits.filter((limit) => limit.debtorId === debtorId) });

/** Every kind of change an insurer or the controller makes to a debtor's limits, one debtor after another. */
function changed(limits: readonly CreditLimit[], debtorId: string, kind: number): CreditLimit[] {
  const own = limits.filter((limit) => limit.debtorId === debtorId);
  const insurer = own.find((limit) => limit.source === 'insurer');
  const rest = own.filter((limit) => limit !== insurer);
  const internal: CreditLimit = { debtorId, source: 'internal', status: 'APPROVED', currency: 'EUR', decidedAmountMinor: 1_500_000, tranches: [{ amountMinor: 1_500_000, effectiveFrom: addDays(today, -10), kind: 'permanent' }], conditions: [], reasons: [], history: [] };
  switch (kind) {
    case 0: return [];
    case 1: return insurer ? [{ ...insurer, status: 'REDUCED', decidedAmountMinor: Math.floor(insurer.decidedAmountMinor / 3), tranches: [{ amountMinor: Math.floor(insurer.decidedAmountMinor / 3), effectiveFrom: addDays(today, -1), kind: 'permanent' }] }, ...rest] : [internal];
    case 2: return insurer ? [{ ...insurer, pendingChange: { type: 'REDUCTION', newAmountMinor: 100_000, effectiveFrom: addDays(today, 30), noticeGivenOn: today } }, ...rest] : [];
    case 3: return insurer ? [{ ...insurer, status: 'WITHDRAWN', decidedAmountMinor: 0 }, internal] : [internal, { ...internal, source: 'discretionary', decidedAmountMinor: 9_000_000, tranches: [{ amountMinor: 9_000_000, effectiveFrom: addDays(today, -10), kind: 'permanent' }] }];
    default: return [...own, internal];
  }
}

describe('a debtor summary after its limits changed', () => {
  it('is what summarising its whole chunk again gives, for every kind of limit change', () => {
    for (const chunkId of [0, 1]) {
      const generated = generateChunk(plan, policy, chunkId);
      const { numbers } = encodeLedgerChunk(chunkId, generated.ledgers, generated.debtors.map((debtor) => debtor.country));
      const before = summariseChunk(numbers, context(generated.limits));
      const after = generated.debtors.flatMap((debtor, slot) => changed(generated.limits, debtor.id, slot % 5));
      const expected = summariseChunk(numbers, context(after));
      before.forEach((summary, slot) => expect(summaryWithLimits(summary, context(after).limitsOf(summary.debtorId), policy), `${summary.debtorId}, change ${slot % 5}`).toEqual(expected[slot]));
    }
  });
});
