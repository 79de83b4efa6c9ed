import { seedSandboxState } from '../../../electron/sandbox/seed-sandbox';
import { announceCoverChange } from '../../../electron/sandbox/insurer-timeline';
import type { SandboxCover, SandboxState } from '../../../electron/sandbox/sandbox-state';

/** The demo generator's customer number for a debtor id (generate-debtor.ts: D000001 is 100000). */
const customerCodeOf = (debtorId: string) => String(100_000 + Number(debtorId.slice(1)) - 1);

/**
 * The sandbox insurer of the sync bench: tier L as `KREDO_SANDBOX_TIER=L` seeds it (20,000 buyers, 16,982
 * covers: the demo generator gives some debtors no insurer limit and some a request still with the
 * underwriter), then topped up to one cover per buyer — issue 14 names a full resync of 20,000 covers. A
 * referred request is decided as asked; a buyer without a cover is approved for €25,000 with Kredo's
 * customer number as the reference (how a first cover finds its debtor).
 */
export function tierLWithEveryBuyerCovered(now: Date): SandboxState {
  const state = seedSandboxState({ tier: 'L', now });
  const at = now.toISOString();
  const covered = new Set(state.covers.map((cover) => cover.companyId));
  const approved = (fields: Pick<SandboxCover, 'coverId' | 'companyId' | 'customerReference' | 'currency' | 'decidedAmountMinor'>): SandboxCover => ({
    ...fields,
    status: 'APPROVED',
    requestedAmountMinor: fields.decidedAmountMinor,
    tranches: [{ amountMinor: fields.decidedAmountMinor, effectiveFrom: at.slice(0, 10) as SandboxCover['tranches'][number]['effectiveFrom'], expiresOn: null, kind: 'permanent' }],
    conditions: [],
    reasons: [],
    pendingChange: null,
    decidedAt: at,
    updatedAt: at,
    version: 1,
  });
  for (const request of state.requests) {
    if (request.status !== 'PENDING' || covered.has(request.companyId)) continue;
    state.covers.push(approved({ coverId: request.coverId, companyId: request.companyId, customerReference: request.customerReference, currency: request.currency, decidedAmountMinor: request.requestedAmountMinor ?? 2_500_000 }));
    Object.assign(request, { status: 'DECIDED', decidedAt: at, outcome: 'APPROVED' });
    covered.add(request.companyId);
  }
  for (const company of state.companies) {
    if (covered.has(company.companyId)) continue;
    state.covers.push(approved({ coverId: `CV-BENCH-${company.companyId}`, companyId: company.companyId, customerReference: customerCodeOf(company.debtorId), currency: state.policy.currency, decidedAmountMinor: 2_500_000 }));
    covered.add(company.companyId);
  }
  return state;
}

/**
 * A busy morning's feed: `count` insurer-initiated reductions of approved covers of at least €10,000,
 * spread evenly over the portfolio (every n-th such cover), so they land in as many chunks as they can —
 * a feed's changes hit any buyer, not the first few hundred.
 */
export function announceReductions(state: SandboxState, count: number, now: Date): number {
  const candidates = state.covers.filter((cover) => cover.status === 'APPROVED' && cover.decidedAmountMinor >= 1_000_000 && !cover.pendingChange);
  const step = Math.max(1, Math.floor(candidates.length / count));
  const chosen = candidates.filter((_, index) => index % step === 0).slice(0, count);
  for (const cover of chosen) announceCoverChange(state, { companyId: cover.companyId, type: 'REDUCTION' }, now);
  return chosen.length;
}
