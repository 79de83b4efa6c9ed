import { KredoError } from '../../../../shared/errors/kredo-error';
import { FLAG_CREDIT_NOTE } from '../../../../shared/domain/ledger/ledger-chunk';
import { parsePeriod, type DeclarationFrequency } from '../../../../shared/domain/turnover/declaration-period';
import { computeTurnoverDeclaration, DEFAULT_TURNOVER_RULES, type TurnoverDeclarationDraft, type TurnoverItem } from '../../../../shared/domain/turnover/turnover-declaration';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import { turnoverKeyOf, type TurnoverReceipt, type TurnoverSubmission } from '../../../../shared/sync/turnover-wire';
import type { PolicyTerms } from '../../../../shared/sync/policy-terms';
import { fromDayNumber, toDayNumber } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { TurnoverDeclarationRecord } from './turnover-record';

/**
 * The store's side of turnover declarations (issue 18 item 4): the declaration of a period computed from the
 * stored ledger (shared/domain/turnover), the versions kept per period, and the send's bookkeeping. What is sent
 * is always computed here again from the ledger, never taken from the screen.
 */
export interface TurnoverPreparation {
  readonly draft: TurnoverDeclarationDraft;
  readonly policyId: string;
  /** The policy's own frequency, when its terms say (else the controller chooses). */
  readonly policyFrequency?: DeclarationFrequency;
  /** Every kept version of this period, newest first. */
  readonly versions: readonly TurnoverDeclarationRecord[];
}

async function policyOf(db: KredoDb): Promise<PolicyTerms> {
  const [policy] = (await db.policies.toArray()) as PolicyTerms[];
  if (!policy) throw new KredoError('turnover.noPolicy');
  return policy;
}

/** The ledger's invoices and credit notes dated in [from, to], read over the columns (only those rows become objects). */
async function itemsBetween(db: KredoDb, from: number, to: number): Promise<TurnoverItem[]> {
  const items: TurnoverItem[] = [];
  await db.ledgerNumbers.each((chunk) => {
    const days = chunk.itemInvoiceDay;
    for (let row = 0; row < days.length; row += 1) {
      const day = days[row]!;
      if (day < from || day > to) continue;
      items.push({
        country: chunk.debtorCountries[chunk.itemDebtor[row]!] ?? '',
        kind: (chunk.itemFlags[row]! & FLAG_CREDIT_NOTE) !== 0 ? 'credit-note' : 'invoice',
        invoiceDate: fromDayNumber(day),
        dueDate: fromDayNumber(chunk.itemDueDay[row]!),
        currency: chunk.currencies[chunk.itemCurrency[row]!]!,
        amountMinor: chunk.itemAmount[row]!,
        vatMinor: chunk.itemVat[row]!,
      });
    }
  });
  return items;
}

const versionsOf = async (db: KredoDb, policyId: string, period: string) =>
  (await db.turnoverDeclarations.where('period').equals(period).toArray()).filter((record) => record.policyId === policyId).sort((a, b) => b.version - a.version);

export async function prepareTurnoverDeclaration(db: KredoDb, request: { readonly period: string }): Promise<TurnoverPreparation> {
  const period = parsePeriod(request.period);
  if (!period) throw new KredoError('turnover.badPeriod');
  const policy = await policyOf(db);
  const [rates, items] = await Promise.all([db.exchangeRates.toArray(), itemsBetween(db, toDayNumber(period.from), toDayNumber(period.to))]);
  const draft = computeTurnoverDeclaration({ period, currency: policy.currency, rates: new ExchangeRateTable(rates), rules: DEFAULT_TURNOVER_RULES, items });
  return { draft, policyId: policy.id, ...(policy.turnoverDeclarationFrequency && { policyFrequency: policy.turnoverDeclarationFrequency }), versions: await versionsOf(db, policy.id, period.id) };
}

const sameLines = (record: TurnoverDeclarationRecord, draft: TurnoverDeclarationDraft) =>
  record.currency === draft.currency && record.lines.length === draft.lines.length && record.lines.every((line, index) => line.country === draft.lines[index]!.country && line.amountMinor === draft.lines[index]!.amountMinor);

/**
 * What to send for a period, kept as `sending` before it leaves: the declaration computed from the ledger now,
 * under the next version's key — or, when the last send's answer never came and the figures are unchanged, that
 * send again under its own key. Refused while a rate is missing (`turnover.missingRates`).
 */
export async function beginTurnoverSend(db: KredoDb, request: { readonly period: string; readonly at: string; readonly mode: 'send' | 'export' }): Promise<{ readonly record: TurnoverDeclarationRecord; readonly submission: TurnoverSubmission }> {
  const { draft, policyId, versions } = await prepareTurnoverDeclaration(db, request);
  if (!draft.complete) throw new KredoError('turnover.missingRates', { currencies: draft.missingRates.map((missing) => missing.currency).join(', ') });
  return db.transaction('rw', [db.turnoverDeclarations, db.audit], async () => {
    const latest = versions[0];
    const repeat = request.mode === 'send' && latest?.state === 'sending' && sameLines(latest, draft) ? latest : undefined;
    const version = repeat?.version ?? (latest?.version ?? 0) + 1;
    const record: TurnoverDeclarationRecord = repeat ?? {
      id: `${policyId}:${draft.period.id}:v${version}`,
      policyId,
      period: draft.period.id,
      version,
      idempotencyKey: turnoverKeyOf(policyId, draft.period.id, version),
      state: request.mode === 'send' ? 'sending' : 'exported',
      currency: draft.currency,
      lines: draft.lines,
      totalMinor: draft.totalMinor,
      preparedAt: request.at,
      ...(request.mode === 'export' && { sentAt: request.at }),
    };
    if (!repeat) {
      await db.turnoverDeclarations.add(record);
      await db.audit.add({ at: request.at, actor: 'user', action: request.mode === 'send' ? 'policy.turnoverSending' : 'policy.turnoverExported', entityType: 'policy', entityId: record.id, details: { period: record.period, version, total: record.totalMinor, currency: record.currency } });
    }
    const submission: TurnoverSubmission = { period: record.period, currency: record.currency, lines: record.lines.map((line) => ({ country: line.country, amountMinor: line.amountMinor })), version, idempotencyKey: record.idempotencyKey };
    return { record, submission };
  });
}

/** The insurer's answer to a send: the version is `sent`, with its receipt (premium where the insurer says). */
export async function recordTurnoverReceipt(db: KredoDb, request: { readonly id: string; readonly receipt: TurnoverReceipt; readonly at: string }): Promise<TurnoverDeclarationRecord> {
  return db.transaction('rw', [db.turnoverDeclarations, db.audit], async () => {
    const record = await db.turnoverDeclarations.get(request.id);
    if (!record) throw new KredoError('turnover.unknownDeclaration');
    const sent: TurnoverDeclarationRecord = { ...record, state: 'sent', sentAt: request.at, receipt: request.receipt };
    await db.turnoverDeclarations.put(sent);
    await db.audit.add({ at: request.at, actor: 'sync', action: 'policy.turnoverDeclared', entityType: 'policy', entityId: record.id, details: { period: record.period, version: record.version, declarationId: request.receipt.declarationId, ...(request.receipt.premiumMinor !== null && { premium: request.receipt.premiumMinor }) } });
    return sent;
  });
}

/** Every kept declaration, newest period first, newest version first within it. */
export async function turnoverHistory(db: KredoDb): Promise<TurnoverDeclarationRecord[]> {
  return [...(await db.turnoverDeclarations.toArray())].sort((a, b) => (a.period === b.period ? b.version - a.version : a.period < b.period ? 1 : -1));
}
