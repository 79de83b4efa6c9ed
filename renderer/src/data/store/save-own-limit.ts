import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { endOwnLimit, validateOwnLimit, type OwnLimitDraft, type PolicyWithConditions } from '../../../../shared/domain/limits/own-limit';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { ChunkEditor, loadStoreIndex } from '../import/chunk-loader';
import { REWRITTEN_TABLES, rewriteChunks } from '../import/rewrite-chunks';

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
  let errors: readonly FieldError[] = [];
  const tables = [...REWRITTEN_TABLES.map((name) => db.table(name)), db.audit];
  await db.transaction('rw', tables, async () => {
    const index = await loadStoreIndex(db);
    const debtor = index.byId.get(request.debtorId);
    if (!debtor) throw new KredoError('import.debtorGone');
    const [policy] = (await db.policies.toArray()) as PolicyWithConditions[];
    if (!policy) throw new KredoError('import.debtorGone');
    const editor = new ChunkEditor(db, index);
    const chunk = await editor.chunk(debtor.chunkId);
    const limits = chunk.limits.filter((limit) => limit.debtorId === debtor.id);
    const validated = validateOwnLimit(request.draft, { debtorId: debtor.id, policy, today: request.today, limits });
    if (!validated.ok) {
      errors = validated.errors;
      return;
    }
    const limit = validated.value;
    await editor.setLimits(debtor, [...limits.filter((other) => other.source !== limit.source), limit]);
    await rewriteChunks(db, editor.updates(), { today: request.today, homeCurrency: request.homeCurrency });
    await db.audit.add({
      at: request.at,
      actor: 'user',
      action: 'limit.ownSet',
      entityType: 'debtor',
      entityId: debtor.id,
      details: { kind: limit.source, amountMinor: limit.decidedAmountMinor, currency: limit.currency, effectiveFrom: limit.tranches[0]!.effectiveFrom, note: limit.own!.note, ...(limit.own?.condition && { condition: limit.own.condition, conditionDate: limit.own.conditionDate! }) },
    });
  });
  return { errors };
}

/** Ends a debtor's discretionary or internal limit (kept, cancelled, in its history), with fresh figures and an audit line. */
export async function endOwnLimitOf(db: KredoDb, request: { readonly debtorId: string; readonly kind: 'discretionary' | 'internal'; readonly note: string; readonly today: IsoDate; readonly at: string; readonly homeCurrency: string }): Promise<void> {
  const tables = [...REWRITTEN_TABLES.map((name) => db.table(name)), db.audit];
  await db.transaction('rw', tables, async () => {
    const index = await loadStoreIndex(db);
    const debtor = index.byId.get(request.debtorId);
    if (!debtor) throw new KredoError('import.debtorGone');
    const editor = new ChunkEditor(db, index);
    const limits = (await editor.chunk(debtor.chunkId)).limits.filter((limit) => limit.debtorId === debtor.id);
    const own = limits.find((limit) => limit.source === request.kind && limit.status !== 'CANCELLED');
    if (!own) return;
    await editor.setLimits(debtor, limits.map((limit) => (limit === own ? endOwnLimit(limit, request.today, request.note) : limit)));
    await rewriteChunks(db, editor.updates(), { today: request.today, homeCurrency: request.homeCurrency });
    await db.audit.add({ at: request.at, actor: 'user', action: 'limit.ownEnded', entityType: 'debtor', entityId: debtor.id, details: { kind: request.kind } });
  });
}
