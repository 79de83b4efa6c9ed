import type { DunningStep } from '../../../../shared/domain/dunning/dunning-action';
import { defaultJurisdiction, type PostalAddress } from '../../../../shared/domain/debtors/debtor';
import { defaultLanguage } from '../../../../shared/domain/debtors/debtor-settings';
import { debtorsOfSameCompany } from '../../../../shared/domain/debtors/same-company';
import type { CompanyIdentifier } from '../../../../shared/domain/identifiers/identifier-type';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import { ChunkEditor, loadStoreIndex } from '../import/chunk-loader';
import { REWRITTEN_TABLES, rewriteChunks } from '../import/rewrite-chunks';

/**
 * Kredo's own payment experience with a company the controller is about to take on (issue 18 item 3): a
 * debtor already on the books under another customer number, with what it owes, how late, and where its
 * dunning stands (the last step done).
 */
export interface KnownCompany {
  readonly debtorId: string;
  readonly customerCode: string;
  readonly name: string;
  readonly currency: string;
  readonly openMinor: number;
  readonly overdueMinor: number;
  readonly maxDaysOverdue: number;
  readonly dunningStep?: DunningStep;
}

/** The debtors that are the company these identifiers name, each with its payment experience. */
export async function findKnownCompany(db: KredoDb, identifiers: readonly CompanyIdentifier[]): Promise<KnownCompany[]> {
  const debtors: StoredDebtor[] = [];
  await db.debtorChunks.each((chunk) => void debtors.push(...debtorsOfSameCompany(identifiers, chunk.debtors)));
  const known: KnownCompany[] = [];
  for (const debtor of debtors) {
    const summary = (await db.summaryChunks.get(debtor.chunkId))?.summaries.find((candidate) => candidate.debtorId === debtor.id);
    const done = (await db.dunningActions.where('debtorId').equals(debtor.id).toArray()).filter((action) => action.status === 'done').sort((a, b) => (a.doneOn ?? a.plannedOn).localeCompare(b.doneOn ?? b.plannedOn));
    const last = done.at(-1);
    known.push({
      debtorId: debtor.id,
      customerCode: debtor.customerCode,
      name: debtor.name,
      currency: summary?.currency ?? debtor.currency,
      openMinor: summary?.openMinor ?? 0,
      overdueMinor: summary?.overdueMinor ?? 0,
      maxDaysOverdue: summary?.maxDaysOverdue ?? 0,
      ...(last && { dunningStep: last.step }),
    });
  }
  return known;
}

/** A customer the controller takes on by hand, with what the insurer said about it. */
export interface NewCustomer {
  readonly customerCode: string;
  readonly name: string;
  readonly country: string;
  readonly currency: string;
  readonly paymentTermsDays: number;
  readonly identifiers: readonly CompanyIdentifier[];
  readonly insurerBuyerId?: string;
  readonly address?: Omit<PostalAddress, 'country'>;
  readonly grade?: number;
  /** The controller saw the debtors of the same company and creates this one all the same. */
  readonly sameCompanyConfirmed: boolean;
}

/**
 * Adds the new debtor, with no ledger yet, in one transaction with fresh figures and an audit line. Refused:
 * a customer number already in use (`debtor.customerCodeTaken`), and — unless the controller confirmed it
 * after seeing them — a company already on the books (`debtor.sameCompanyExists`): never a silent duplicate.
 */
export async function addNewCustomer(db: KredoDb, request: { readonly customer: NewCustomer; readonly id: string; readonly today: IsoDate; readonly at: string; readonly homeCurrency: string }): Promise<StoredDebtor> {
  const { customer, today } = request;
  const tables = [...REWRITTEN_TABLES.map((name) => db.table(name)), db.audit];
  return db.transaction('rw', tables, async () => {
    const index = await loadStoreIndex(db);
    const code = customer.customerCode.trim();
    const taken = [...index.byId.values()].some((debtor) => debtor.customerCode === code || debtor.aliases?.customerCodes.includes(code));
    if (code === '' || taken) throw new KredoError('debtor.customerCodeTaken');
    if (!customer.sameCompanyConfirmed && debtorsOfSameCompany(customer.identifiers, index.byId.values()).length > 0) throw new KredoError('debtor.sameCompanyExists');
    const debtor: Omit<StoredDebtor, 'chunkId'> = {
      id: request.id,
      customerCode: code,
      name: customer.name.trim() || code,
      country: customer.country,
      currency: customer.currency,
      paymentTermsDays: customer.paymentTermsDays,
      language: defaultLanguage(customer.country),
      jurisdiction: defaultJurisdiction(customer.country),
      identifiers: [...customer.identifiers],
      ...(customer.insurerBuyerId && { insurerBuyerId: customer.insurerBuyerId }),
      ...(customer.address && { address: { ...customer.address, country: customer.country } }),
      ...(customer.grade !== undefined && { grade: { scale: '1-10', value: customer.grade, updatedOn: today } }),
      contacts: [],
      segment: '',
      createdOn: today,
    };
    const editor = new ChunkEditor(db, index);
    const stored = await editor.addDebtor(debtor, { debtorId: debtor.id, items: [], payments: [], allocations: [] });
    await rewriteChunks(db, editor.updates(), { today, homeCurrency: request.homeCurrency });
    await db.audit.add({ at: request.at, actor: 'user', entityType: 'debtor', entityId: debtor.id, action: 'debtor.created', details: { customerCode: code, ...(customer.insurerBuyerId && { insurerBuyerId: customer.insurerBuyerId }) } });
    return stored;
  });
}
