import type { Debtor } from '../domain/debtors/debtor';
import type { DebtorLedger } from '../domain/ledger/ledger-types';
import type { CreditLimit } from '../domain/limits/credit-limit';
import type { InsurancePolicy } from '../domain/policy/insurance-policy';
import { COMMON_POLICY_PERIODS } from '../domain/policy/uninsured-policy';
import type { ExchangeRate } from '../money/exchange-rates';
import { mixSeed, seededRandom } from '../random/seeded-random';
import { startOfMonth, type IsoDate } from '../time/iso-date';
import { COUNTRY_PROFILES } from './country-profiles';
import { debtorId, generateDebtor } from './generate-debtor';
import { generateLedger } from './generate-ledger';
import { generateLimits } from './generate-limit';
import type { PortfolioPlan } from './plan-portfolio';

export interface GeneratedChunk {
  readonly chunkId: number;
  readonly debtors: readonly Debtor[];
  readonly ledgers: readonly DebtorLedger[];
  readonly limits: readonly CreditLimit[];
}

/** The demo's insurance policy, in euros, with terms typical of a European trade-credit policy. */
export function generatePolicy(today: IsoDate): InsurancePolicy {
  const year = today.slice(0, 4);
  return {
    id: 'sandbox-1001',
    insurer: 'Kredo Sandbox Insurance',
    policyNumber: `KS-${year}-1001`,
    currency: 'EUR',
    startDate: `${year}-01-01` as IsoDate,
    endDate: `${year}-12-31` as IsoDate,
    insuredPercentageBp: 9000,
    discretionaryLimitMax: { amountMinor: 2_500_000, currency: 'EUR' },
    ...COMMON_POLICY_PERIODS,
    deductible: { amountMinor: 50_000, currency: 'EUR' },
  };
}

/** Monthly reference rates for SEK and GBP over the last 27 months, drifting plausibly. */
export function generateExchangeRates(seed: number, today: IsoDate): ExchangeRate[] {
  const random = seededRandom(mixSeed(seed, -1));
  let sek = 11.2;
  let gbp = 0.86;
  const rates: ExchangeRate[] = [];
  for (let month = -27; month <= 0; month += 1) {
    const date = startOfMonth(today, month);
    rates.push({ date, base: 'EUR', quote: 'SEK', rate: sek.toFixed(4), source: 'demo' }, { date, base: 'EUR', quote: 'GBP', rate: gbp.toFixed(4), source: 'demo' });
    sek = Math.min(12.2, Math.max(10.4, sek + random.normal() * 0.08));
    gbp = Math.min(0.92, Math.max(0.82, gbp + random.normal() * 0.006));
  }
  return rates;
}

/** One chunk of the portfolio: its debtors, their ledgers and their limits. */
export function generateChunk(plan: PortfolioPlan, policy: InsurancePolicy, chunkId: number): GeneratedChunk {
  const first = chunkId * plan.debtorsPerChunk;
  const last = Math.min(plan.size.debtors, first + plan.debtorsPerChunk);
  const debtors: Debtor[] = [];
  const ledgers: DebtorLedger[] = [];
  const limits: CreditLimit[] = [];
  for (let index = first; index < last; index += 1) {
    const traits = plan.traits[index]!;
    // The stream after the traits' draws: the same debtor gets the same data in every run.
    const random = seededRandom(mixSeed(plan.seed ^ 0x5bd1e995, index));
    const debtor = generateDebtor(traits, random, plan.today);
    const ledger = generateLedger(debtor, traits, {
      invoices: plan.invoiceCounts[index]!,
      creditNotes: plan.creditNoteCounts[index]!,
      itemOffset: plan.itemOffsets[index]!,
      paymentsPerPaidInvoice: plan.paymentsPerPaidInvoice,
      historyDays: plan.size.historyDays,
    }, random, plan.today);
    const open = ledger.items.reduce((sum, item) => sum + Math.max(0, item.openMinor), 0);
    const exposureEur = Math.round(open / COUNTRY_PROFILES[traits.country].amountScale);
    debtors.push(debtor);
    ledgers.push(ledger);
    limits.push(...generateLimits(debtorId(index), traits, exposureEur, policy, random, plan.today));
  }
  return { chunkId, debtors, ledgers, limits };
}


/** Every chunk of a planned portfolio, made one at a time (tier L never holds more than a chunk in memory). */
export function* generateChunks(plan: PortfolioPlan, policy: InsurancePolicy): Generator<GeneratedChunk> {
  for (let chunkId = 0; chunkId < plan.chunkCount; chunkId += 1) yield generateChunk(plan, policy, chunkId);
}
