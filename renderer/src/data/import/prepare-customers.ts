import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import type { Contact, Debtor, MasterDataField, PostalAddress } from '../../../../shared/domain/debtors/debtor';
import { DebtorDirectory } from '../../../../shared/domain/debtors/debtor-directory';
import { takeImportedMasterData, type MasterData } from '../../../../shared/domain/debtors/debtor-master-data';
import { importedParty, UNKNOWN_COUNTRY } from '../../../../shared/import/debtor-from-import';
import { defaultJurisdiction } from '../../../../shared/domain/debtors/debtor';
import { defaultLanguage } from '../../../../shared/domain/debtors/debtor-settings';
import type { CustomerRecord } from '../../../../shared/import/normalise-customers';
import type { ImportedOpenItem } from '../../../../shared/import/open-item-record';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import { ChunkEditor, loadStoreIndex } from './chunk-loader';
import { SampleCollector, type CustomersPreview, type DebtorLabel } from './import-preview';
import type { ChunkUpdate } from './rewrite-chunks';

export interface PreparedCustomers {
  readonly preview: CustomersPreview;
  readonly updates: () => ChunkUpdate[];
  /** One audit line per debtor whose contacts or addresses the file changed, for its timeline. */
  readonly audit: (at: string, fileName: string) => AuditEntry[];
}

/** A customer's rows as one set of master data: the first address stated, every contact (the first receives reminders). */
function masterDataOfRows(records: readonly CustomerRecord[], country: string): Partial<MasterData> {
  const withCountry = (address: PostalAddress | undefined) => (address ? { ...address, country: address.country || country } : undefined);
  const address = withCountry(records.find((record) => record.address)?.address);
  const invoiceAddress = withCountry(records.find((record) => record.invoiceAddress)?.invoiceAddress);
  // The customer file names the contact that handles its invoices: reminders go to the first one.
  const contacts: Contact[] = records.flatMap((record) => (record.contact ? [record.contact] : [])).map((contact, index) => (index === 0 ? { ...contact, receivesReminders: true } : contact));
  return { contacts, ...(address && { address }), ...(invoiceAddress && { invoiceAddress }) };
}

/**
 * A debtor an open-items import could not place (country ZZ) takes the country of its postal address, with
 * that country's letter language and law while those are still the defaults of "unknown" (debtor-settings.ts);
 * a country Kredo knows is never changed by an import.
 */
function withCountryOf(debtor: StoredDebtor, rows: readonly CustomerRecord[]): StoredDebtor {
  const country = rows.find((row) => row.address?.country)?.address?.country;
  if (debtor.country !== UNKNOWN_COUNTRY || !country || country === UNKNOWN_COUNTRY) return debtor;
  return {
    ...debtor,
    country,
    language: debtor.language === defaultLanguage(UNKNOWN_COUNTRY) ? defaultLanguage(country) : debtor.language,
    jurisdiction: debtor.jurisdiction === defaultJurisdiction(UNKNOWN_COUNTRY) ? defaultJurisdiction(country) : debtor.jurisdiction,
  };
}

/**
 * Works out what an ERP customer export changes, without storing anything: each customer is found by its
 * customer code (or a code it is also known by) or by its VAT or register number; its contacts and
 * addresses are taken unless the controller edited them by hand, which the preview lists as left alone
 * (README, "Contacts and addresses"). Customers Kredo has no debtor for are listed, not created: a debtor
 * comes with its open items.
 */
export async function prepareCustomers(db: KredoDb, records: readonly CustomerRecord[]): Promise<PreparedCustomers> {
  const index = await loadStoreIndex(db);
  const editor = new ChunkEditor(db, index);
  const directory = new DebtorDirectory(index.byId.values());
  const byCode = new Map<string, CustomerRecord[]>();
  for (const record of records) byCode.set(record.customerCode, [...(byCode.get(record.customerCode) ?? []), record]);
  const updated = new SampleCollector<DebtorLabel & { readonly currency: string; readonly fields: readonly MasterDataField[] }>();
  const keptByHand = new SampleCollector<DebtorLabel & { readonly currency: string; readonly fields: readonly MasterDataField[] }>();
  const notFound = new SampleCollector<DebtorLabel & { readonly currency: string }>();
  const changes: { debtor: Debtor; fields: readonly MasterDataField[] }[] = [];
  let unchanged = 0;

  for (const [customerCode, rows] of byCode) {
    const name = rows.find((row) => row.customerName)?.customerName ?? '';
    // Found the way open items find their debtor: by code first, then by a VAT or register number that passes its check.
    const asItems = rows.map((row) => ({ customerCode, vatNumber: row.vatNumber, companyNumber: row.companyNumber, currency: '' }) as unknown as ImportedOpenItem);
    const match = directory.find(importedParty(customerCode, asItems));
    const known: StoredDebtor | undefined = match.kind === 'known' ? index.byId.get(match.debtorId) : undefined;
    if (!known) {
      notFound.add({ customerCode, debtorName: name, currency: '' }, 0);
      continue;
    }
    const current = ((await editor.chunk(known.chunkId)).debtors.find((debtor) => debtor.id === known.id) ?? known) as StoredDebtor;
    const placed = withCountryOf(current, rows);
    const result = takeImportedMasterData(placed, masterDataOfRows(rows, placed.country), 'replace');
    const label = { customerCode, debtorName: current.name, currency: '' };
    if (result.keptByHand.length > 0) keptByHand.add({ ...label, fields: result.keptByHand }, 0);
    if (result.taken.length === 0 && result.debtor.country === current.country) {
      if (result.keptByHand.length === 0) unchanged += 1;
      continue;
    }
    await editor.setDebtor(result.debtor as StoredDebtor);
    updated.add({ ...label, fields: result.taken }, 0);
    changes.push({ debtor: result.debtor, fields: result.taken });
  }
  return {
    preview: { updated: updated.result(), keptByHand: keptByHand.result(), notFound: notFound.result(), unchanged },
    updates: () => editor.updates(),
    audit: (at, fileName) =>
      changes.map(({ debtor, fields }) => ({ at, actor: 'user', action: 'debtor.masterDataImported', entityType: 'debtor', entityId: debtor.id, details: { fields: fields.join(','), file: fileName } })),
  };
}
