import { minorUnitDigits } from '../../shared/money/money';
import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { pruneEvents } from './change-feed';
import { claimSteps } from './claim-timeline';
import { collectionSteps } from './collection-cases';
import { activeCoverOf, applyDecision, coverEvent } from './cover-decisions';
import { referredDecisionInput } from './cover-requests';
import { floorToThousand, underwriterDecision } from './decision-engine';
import { overdueSteps } from './overdues';
import { notFound, unprocessable } from './problem';
import type { SandboxState } from './sandbox-state';
import type { DueStep } from './timeline-step';

/**
 * What happens at the insurer as (virtual) time passes: underwriters decide referred requests, announced
 * reductions and withdrawals take effect on their date, temporary tranches lapse, overdue notifications
 * are answered, collection cases and claims move on and settlements are paid. Run before every
 * request and after every clock move, each due step is applied in date order and dated when it was due,
 * so a thirty-day jump produces the same feed as thirty days of waiting.
 */

const startOfDay = (date: IsoDate) => `${date}T00:00:00.000Z`;

function nextDueStep(state: SandboxState, now: Date): DueStep | undefined {
  const nowMs = now.getTime();
  const today = now.toISOString().slice(0, 10) as IsoDate;
  const steps: DueStep[] = [];
  for (const request of state.requests) {
    if (request.status !== 'PENDING' || request.decideAt === null || Date.parse(request.decideAt) > nowMs) continue;
    const at = request.decideAt;
    steps.push({ at, apply: () => applyDecision(state, request, underwriterDecision(referredDecisionInput(state, request)), at) });
  }
  for (const cover of state.covers) {
    const change = cover.pendingChange;
    if (change && change.effectiveFrom <= today) {
      const at = startOfDay(change.effectiveFrom);
      steps.push({
        at,
        apply: () => {
          const withdrawn = change.type === 'WITHDRAWAL' || change.newAmountMinor === 0;
          cover.status = withdrawn ? 'WITHDRAWN' : 'REDUCED';
          cover.decidedAmountMinor = withdrawn ? 0 : change.newAmountMinor;
          cover.tranches = withdrawn ? [] : [{ amountMinor: change.newAmountMinor, effectiveFrom: change.effectiveFrom, expiresOn: null, kind: 'permanent' }];
          cover.pendingChange = null;
          cover.version += 1;
          cover.updatedAt = at;
          coverEvent(state, withdrawn ? 'LIMIT_WITHDRAWN' : 'LIMIT_REDUCED', cover, at);
        },
      });
    }
    for (const tranche of cover.tranches) {
      // A tranche covers deliveries up to and including its expiry date.
      if (tranche.expiresOn === null || tranche.expiresOn >= today) continue;
      const at = startOfDay(addDays(tranche.expiresOn, 1));
      steps.push({
        at,
        apply: () => {
          cover.tranches = cover.tranches.filter((candidate) => candidate !== tranche);
          cover.decidedAmountMinor -= tranche.amountMinor;
          cover.conditions = cover.conditions.filter((condition) => condition.code !== 'TEMP');
          cover.version += 1;
          cover.updatedAt = at;
          coverEvent(state, 'TEMPORARY_TRANCHE_EXPIRED', cover, at, { expiredTranche: { amountMinor: tranche.amountMinor, expiresAt: tranche.expiresOn } });
        },
      });
    }
  }
  steps.push(...overdueSteps(state, nowMs), ...collectionSteps(state, nowMs), ...claimSteps(state, nowMs));
  return steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))[0];
}

/** Applies everything due by `now`; true when the state changed. */
export function advanceInsurerTimeline(state: SandboxState, now: Date): boolean {
  let changed = false;
  for (let step = nextDueStep(state, now); step; step = nextDueStep(state, now)) {
    step.apply();
    changed = true;
  }
  const nowMs = now.getTime();
  if (pruneEvents(state, nowMs)) changed = true;
  const idempotencyCutoff = nowMs - state.settings.idempotencyHours * 3_600_000;
  for (const [key, record] of Object.entries(state.idempotency)) {
    if (Date.parse(record.storedAt) < idempotencyCutoff) {
      delete state.idempotency[key];
      changed = true;
    }
  }
  const tokenCount = state.tokens.length;
  state.tokens = state.tokens.filter((token) => Date.parse(token.expiresAt) > nowMs);
  return changed || state.tokens.length !== tokenCount;
}

/**
 * The insurer announces a reduction or withdrawal of a buyer's cover (Atradius gives 30 days' notice).
 * The cover stays in force until `effectiveFrom`; an effective date of today or earlier is an urgent
 * withdrawal and takes effect at once.
 */
export function announceCoverChange(state: SandboxState, input: { companyId: string; type: 'REDUCTION' | 'WITHDRAWAL'; newAmountMinor?: number; effectiveFrom?: IsoDate }, now: Date): void {
  const cover = activeCoverOf(state, input.companyId);
  if (!cover) throw notFound('no_cover_in_force', `Buyer ${input.companyId} has no cover in force.`);
  const halved = floorToThousand(Math.floor(cover.decidedAmountMinor / 2), 10 ** minorUnitDigits(cover.currency));
  const newAmountMinor = input.type === 'WITHDRAWAL' ? 0 : input.newAmountMinor ?? halved;
  if (input.type === 'REDUCTION' && (newAmountMinor <= 0 || newAmountMinor >= cover.decidedAmountMinor)) throw unprocessable('amount_not_a_reduction', 'A reduction needs a new amount above zero and below the current cover.');
  const at = now.toISOString();
  cover.pendingChange = { type: input.type, newAmountMinor, effectiveFrom: input.effectiveFrom ?? addDays(at.slice(0, 10) as IsoDate, 30), noticeGivenAt: at };
  cover.version += 1;
  cover.updatedAt = at;
  coverEvent(state, 'LIMIT_REDUCTION_NOTIFIED', cover, at);
  advanceInsurerTimeline(state, now);
}
