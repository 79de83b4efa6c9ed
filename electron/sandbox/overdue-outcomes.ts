import type { CodedText } from '../../shared/domain/limits/credit-limit';
import { minorUnitDigits } from '../../shared/money/money';
import type { IsoDate } from '../../shared/time/iso-date';
import { activeCoverOf, coverEvent } from './cover-decisions';
import { sumOf } from './loss-input';
import type { OverdueOutcome, SandboxOverdue } from './loss-state';
import type { SandboxCover, SandboxState } from './sandbox-state';

/**
 * The insurer's answer to an overdue notification (Allianz Payment Overdues: "limit confirmed | cancelled
 * | stop supplies"), decided on the buyer's grade when the answer is given, and what it does to the
 * buyer's cover. Both cover changes reach the client through the usual cover events, so a client that
 * only knows covers still ends up with the right limit.
 */
export function outcomeForGrade(grade: number): OverdueOutcome {
  if (grade >= 9) return 'LIMIT_CANCELLED';
  if (grade >= 7) return 'SUPPLY_BAN';
  return 'LIMIT_CONFIRMED';
}

/** Up to the next whole thousand, by integer arithmetic: insurers decide in thousands. */
function ceilToThousand(amountMinor: number, currency: string): number {
  const step = 1_000 * 10 ** minorUnitDigits(currency);
  return amountMinor + ((step - (amountMinor % step)) % step);
}

function touch(cover: SandboxCover, at: string) {
  cover.version += 1;
  cover.updatedAt = at;
}

/**
 * A supply ban: deliveries already made stay covered, new ones are not. The cover is reduced to the
 * notified receivables (rounded up to a thousand, never raised) and carries a SUPPLY_BAN condition; an
 * announced reduction that would now raise it again is dropped.
 */
function imposeSupplyBan(state: SandboxState, cover: SandboxCover, overdue: SandboxOverdue, at: string) {
  const runOffMinor = Math.min(cover.decidedAmountMinor, ceilToThousand(sumOf(overdue.invoices, (invoice) => invoice.grossAmountMinor), cover.currency));
  const ban: CodedText = { code: 'SUPPLY_BAN', description: `Stop supplies: deliveries from ${at.slice(0, 10)} are not covered until overdue ${overdue.overdueId} is settled` };
  cover.status = 'REDUCED';
  cover.decidedAmountMinor = runOffMinor;
  cover.tranches = [{ amountMinor: runOffMinor, effectiveFrom: at.slice(0, 10) as IsoDate, expiresOn: null, kind: 'permanent' }];
  cover.conditions = [...cover.conditions.filter((condition) => condition.code !== 'SUPPLY_BAN' && condition.code !== 'TEMP'), ban];
  cover.reasons = [{ code: 'OVERDUE', description: `Reduced to the notified receivables after overdue notification ${overdue.overdueId}` }];
  if (cover.pendingChange && cover.pendingChange.newAmountMinor >= runOffMinor) cover.pendingChange = null;
  touch(cover, at);
  coverEvent(state, 'LIMIT_REDUCED', cover, at, { overdueId: overdue.overdueId });
}

function cancelAfterOverdue(state: SandboxState, cover: SandboxCover, overdue: SandboxOverdue, at: string) {
  cover.status = 'WITHDRAWN';
  cover.decidedAmountMinor = 0;
  cover.tranches = [];
  cover.conditions = [];
  cover.reasons = [{ code: 'OVERDUE_NOTIFIED', description: `Cover withdrawn after overdue notification ${overdue.overdueId}` }];
  cover.pendingChange = null;
  touch(cover, at);
  coverEvent(state, 'LIMIT_WITHDRAWN', cover, at, { overdueId: overdue.overdueId });
}

/** Changes the buyer's cover as the outcome demands; a buyer without cover in force has nothing to change. */
export function applyOutcomeToCover(state: SandboxState, overdue: SandboxOverdue, outcome: OverdueOutcome, at: string): void {
  const cover = activeCoverOf(state, overdue.companyId);
  if (!cover || outcome === 'LIMIT_CONFIRMED') return;
  if (outcome === 'SUPPLY_BAN') imposeSupplyBan(state, cover, overdue, at);
  else cancelAfterOverdue(state, cover, overdue, at);
}
