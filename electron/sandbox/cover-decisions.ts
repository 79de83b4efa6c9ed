import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { appendEvent } from './change-feed';
import type { Decided } from './decision-engine';
import { coverView, requestView } from './resource-views';
import type { SandboxCover, SandboxCoverRequest, SandboxState } from './sandbox-state';

/**
 * What a decision does to the insurer's books: the cover is created or replaced (a new version), the
 * request is closed, and the change feed tells the client. Decisions that happen during a jump of the
 * virtual clock are dated when they happened, not when the clock was moved.
 */
export const TEMPORARY_TRANCHE_DAYS = 90;

export const ACTIVE_COVER_STATUSES: ReadonlySet<string> = new Set(['APPROVED', 'PARTIALLY_APPROVED', 'REDUCED']);

export function activeCoverOf(state: SandboxState, companyId: string): SandboxCover | undefined {
  return state.covers.find((cover) => cover.companyId === companyId && ACTIVE_COVER_STATUSES.has(cover.status));
}

export function coverEvent(state: SandboxState, type: Parameters<typeof appendEvent>[1]['type'], cover: SandboxCover, at: string, extra: Record<string, unknown> = {}) {
  appendEvent(state, { occurredAt: at, type, resourceType: 'cover', resourceId: cover.coverId, companyId: cover.companyId, data: { ...extra, cover: coverView(cover) } });
}

function touch(cover: SandboxCover, at: string) {
  cover.version += 1;
  cover.updatedAt = at;
}

function closeRequest(request: SandboxCoverRequest, outcome: SandboxCoverRequest['outcome'], at: string) {
  request.status = 'DECIDED';
  request.outcome = outcome;
  request.decidedAt = at;
  request.decideAt = null;
}

/**
 * Applies a decision on a NEW, INCREASE or REDUCE request. A refused or smaller increase leaves the cover
 * in force as it was, as insurers do: only the request is refused.
 */
export function applyDecision(state: SandboxState, request: SandboxCoverRequest, decision: Decided, at: string): SandboxCover | undefined {
  const day = at.slice(0, 10) as IsoDate;
  const total = decision.permanentMinor + decision.temporaryMinor;
  const existing = state.covers.find((cover) => cover.coverId === request.coverId);
  const active = activeCoverOf(state, request.companyId);
  if (request.type === 'INCREASE' && active && total <= active.decidedAmountMinor) {
    closeRequest(request, 'REFUSED', at);
    appendEvent(state, { occurredAt: at, type: 'DECISION_ISSUED', resourceType: 'cover-request', resourceId: request.requestId, companyId: request.companyId, data: { request: requestView(request, state.policy.id), cover: coverView(active), reasons: decision.reasons } });
    return active;
  }
  const cover: SandboxCover = existing ?? {
    coverId: request.coverId,
    companyId: request.companyId,
    customerReference: request.customerReference,
    status: decision.status,
    currency: request.currency,
    requestedAmountMinor: null,
    decidedAmountMinor: 0,
    tranches: [],
    conditions: [],
    reasons: [],
    pendingChange: null,
    decidedAt: null,
    updatedAt: at,
    version: 0,
  };
  if (!existing) state.covers.push(cover);
  // A decision under a new cover id (the reissueCover fault) ends the cover it replaces, in the same instant.
  if (active && active !== cover) supersede(state, active, at);
  cover.status = decision.status;
  // A credit check's cover becomes a credit limit once a limit is decided on it (Atradius: supersede).
  if (request.coverType === 'CREDIT_CHECK') cover.coverType = 'CREDIT_CHECK';
  else delete cover.coverType;
  cover.customerReference = request.customerReference ?? cover.customerReference;
  cover.requestedAmountMinor = request.requestedAmountMinor;
  cover.decidedAmountMinor = total;
  cover.tranches = [
    ...(decision.permanentMinor > 0 ? [{ amountMinor: decision.permanentMinor, effectiveFrom: day, expiresOn: null, kind: 'permanent' as const }] : []),
    ...(decision.temporaryMinor > 0 ? [{ amountMinor: decision.temporaryMinor, effectiveFrom: day, expiresOn: addDays(day, TEMPORARY_TRANCHE_DAYS), kind: 'temporary' as const }] : []),
  ];
  cover.conditions = [...decision.conditions];
  cover.reasons = [...decision.reasons];
  // A fresh decision supersedes any reduction announced on the old one.
  cover.pendingChange = null;
  cover.decidedAt = at;
  touch(cover, at);
  closeRequest(request, decision.status, at);
  coverEvent(state, 'DECISION_ISSUED', cover, at, { request: requestView(request, state.policy.id) });
  return cover;
}

/** The insurer cancels a cover it replaces with a new one: its version moves on, the new cover's starts at 1. */
function supersede(state: SandboxState, cover: SandboxCover, at: string): void {
  cover.status = 'CANCELLED';
  cover.decidedAmountMinor = 0;
  cover.tranches = [];
  cover.pendingChange = null;
  touch(cover, at);
  coverEvent(state, 'LIMIT_CANCELLED', cover, at);
}

/** The insured gives up its cover: in force until today, nothing after. */
export function cancelCover(state: SandboxState, request: SandboxCoverRequest, cover: SandboxCover, at: string): SandboxCover {
  cover.status = 'CANCELLED';
  cover.decidedAmountMinor = 0;
  cover.tranches = [];
  cover.pendingChange = null;
  touch(cover, at);
  closeRequest(request, 'CANCELLED', at);
  coverEvent(state, 'LIMIT_CANCELLED', cover, at, { request: requestView(request, state.policy.id) });
  return cover;
}
