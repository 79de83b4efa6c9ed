import type { CreditLimit, LimitHistoryEntry, LimitStatus } from '../domain/limits/credit-limit';
import type { InsurancePolicy } from '../domain/policy/insurance-policy';
import type { SeededRandom } from '../random/seeded-random';
import { addDays, type IsoDate } from '../time/iso-date';
import type { DebtorTraits } from './debtor-traits';

const THOUSAND = 100_000; // €1,000 in cents: insurers decide in whole thousands

function roundUpToThousand(amountMinor: number): number {
  return Math.ceil(amountMinor / THOUSAND) * THOUSAND;
}

/**
 * A limit that fits the debtor: most have an insurer decision somewhat above what they owe, poor grades
 * get partial decisions or refusals, a few carry a temporary tranche, an announced reduction or a pending
 * request; small buyers often have only a discretionary limit, or none.
 */
export function generateLimits(debtorId: string, traits: DebtorTraits, exposureMinor: number, policy: InsurancePolicy, random: SeededRandom, today: IsoDate): CreditLimit[] {
  const wanted = Math.min(200_000_000, Math.max(5 * THOUSAND, roundUpToThousand(exposureMinor * (1 + random.next()))));
  const decidedOn = addDays(today, -random.int(30, 500));
  const base = { debtorId, currency: policy.currency, conditions: [], reasons: [] };
  const roll = random.next();

  // Small buyers often stay within the discretionary limit, or below any limit at all; larger ones need cover.
  const isSmall = wanted <= policy.discretionaryLimitMax.amountMinor;
  if (isSmall && roll < 0.12) return [];
  if (isSmall && roll < 0.45) {
    const amountMinor = Math.min(wanted, policy.discretionaryLimitMax.amountMinor);
    return [{ ...base, source: 'discretionary', status: 'APPROVED', decidedAmountMinor: amountMinor, tranches: [{ amountMinor, effectiveFrom: decidedOn, kind: 'permanent' }], decidedOn, history: [{ on: decidedOn, status: 'APPROVED', amountMinor, note: 'discretionary' }] }];
  }

  const coverId = `CV-${debtorId}`;
  const history: LimitHistoryEntry[] = [{ on: addDays(decidedOn, -random.int(1, 5)), status: 'PENDING', amountMinor: wanted, note: 'requested' }];
  if (roll > 0.97) {
    return [{ ...base, source: 'insurer', coverId, status: 'PENDING', requestedAmountMinor: wanted, decidedAmountMinor: 0, tranches: [], history: [{ on: addDays(today, -random.int(0, 6)), status: 'PENDING', amountMinor: wanted, note: 'requested' }] }];
  }
  let status: LimitStatus = 'APPROVED';
  let decided = wanted;
  if (traits.grade >= 9 || roll > 0.955) {
    status = 'REFUSED';
    decided = 0;
  } else if (traits.grade >= 7 || roll > 0.9) {
    status = 'PARTIALLY_APPROVED';
    decided = Math.max(THOUSAND, roundUpToThousand(wanted / 2));
  }
  history.push({ on: decidedOn, status, amountMinor: decided, note: 'decision' });
  const limit: CreditLimit = {
    ...base,
    source: 'insurer',
    coverId,
    status,
    requestedAmountMinor: wanted,
    decidedAmountMinor: decided,
    tranches: decided > 0 ? [{ amountMinor: decided, effectiveFrom: decidedOn, kind: 'permanent' }] : [],
    reasons: status === 'REFUSED' ? [{ code: 'GRADE', description: 'Buyer grade too weak' }] : [],
    decidedOn,
    history,
  };
  const extra = random.next();
  if (decided > 0 && extra < 0.05) {
    const amountMinor = roundUpToThousand(decided / 4);
    return [{ ...limit, decidedAmountMinor: decided + amountMinor, tranches: [...limit.tranches, { amountMinor, effectiveFrom: addDays(today, -random.int(5, 60)), expiresOn: addDays(today, random.int(15, 90)), kind: 'temporary' }], conditions: [{ code: 'TEMP', description: 'Temporary increase for seasonal trade' }] }];
  }
  if (decided > 0 && extra < 0.08) {
    const noticeGivenOn = addDays(today, -random.int(1, 25));
    const newAmountMinor = random.next() < 0.2 ? 0 : roundUpToThousand(decided / 2);
    return [{ ...limit, pendingChange: { type: newAmountMinor === 0 ? 'WITHDRAWAL' : 'REDUCTION', newAmountMinor, effectiveFrom: addDays(noticeGivenOn, 30), noticeGivenOn } }];
  }
  if (decided > 0 && extra < 0.1) {
    const reducedOn = addDays(today, -random.int(10, 120));
    const reduced = roundUpToThousand(decided / 2);
    return [{ ...limit, status: 'REDUCED', decidedAmountMinor: reduced, tranches: [{ amountMinor: reduced, effectiveFrom: reducedOn, kind: 'permanent' }], history: [...history, { on: reducedOn, status: 'REDUCED', amountMinor: reduced, note: 'insurer reduction' }] }];
  }
  return [limit];
}
