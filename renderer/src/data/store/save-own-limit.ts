import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { endOwnLimit, validateOwnLimit, type OwnLimitDraft, type PolicyWithConditions } from '../../../../shared/domain/limits/own-limit';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { changeDebtor } from './change-debtor';

export interface OwnLimitRequest {
  readonly debtorId: string;
  /** The form as it stands: checked here against the stored policy and limits, not trusted. */
  readonly draft: OwnLimitDraft;
  readonly today: IsoDate;
  readonly at: string;
  readonly homeCurrency: string;
}

/**
 * Sets a debtor's discretionary or internal limit when every field checks out against the policy the
 * insurer holds and the insurer's decision; otherwise nothing is stored and each problem comes back with
 * its field. The limit, fresh figures (exposure, alerts, risk) and an audit line land in one transaction;
 * the insurer's own limit is never touched (the sync keeps `source: 'insurer'` records only).
 */
export async function saveOwnLimit(db: KredoDb, request: OwnLimitRequest): Promise<{ readonly errors: readonly FieldError[] }> {
  return changeDebtor<{ readonly errors: readonly FieldError[] }>(db, request, async (debtor, editor) => {
    const [policy] = (await db.policies.toArray()) as PolicyWithConditions[];
    if (!policy) throw new KredoError('import.debtorGone');
    const limits = (await editor.chunk(debtor.chunkId)).limits.filter((limit) => limit.debtorId === debtor.id);
    const validated = validateOwnLimit(request.draft, { debtorId: debtor.id, policy, today: request.today, limits });
    if (!validated.ok) return { result: { errors: validated.errors } };
    const limit = validated.value;
    await editor.setLimits(debtor, [...limits.filter((other) => other.source !== limit.source), limit]);
    return {
      audit: {
        action: 'limit.ownSet',
        details: { kind: limit.source, amountMinor: limit.decidedAmountMinor, currency: limit.currency, effectiveFrom: limit.tranches[0]!.effectiveFrom, note: limit.own!.note, ...(limit.own?.condition && { condition: limit.own.condition, conditionDate: limit.own.conditionDate! }) },
      },
      result: { errors: [] },
    };
  });
}

/** Ends a debtor's discretionary or internal limit (kept, cancelled, in its history), with fresh figures and an audit line. */
export async function endOwnLimitOf(db: KredoDb, request: { readonly debtorId: string; readonly kind: 'discretionary' | 'internal'; readonly note: string; readonly today: IsoDate; readonly at: string; readonly homeCurrency: string }): Promise<void> {
  await changeDebtor(db, request, async (debtor, editor) => {
    const limits = (await editor.chunk(debtor.chunkId)).limits.filter((limit) => limit.debtorId === debtor.id);
    const own = limits.find((limit) => limit.source === request.kind && limit.status !== 'CANCELLED');
    if (!own) return { result: undefined };
    await editor.setLimits(debtor, limits.map((limit) => (limit === own ? endOwnLimit(limit, request.today, request.note) : limit)));
    return { audit: { action: 'limit.ownEnded', details: { kind: request.kind } }, result: undefined };
  });
}
