import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import type { EInvoiceBuyer } from '../../../../shared/import/e-invoice';
import type { CustomerLines } from '../../../../shared/import/open-item-lines';
import { closeMissingItems, diffOpenItems, type ItemChange } from '../../../../shared/import/plan-open-items';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import { ChunkEditor, loadStoreIndex, type StoreIndex } from './chunk-loader';
import { SampleCollector, type DebtorLabel, type ItemChangeRow, type ItemDifferenceRow, type OpenItemsPreview } from './import-preview';
import type { NewLedgersAhead } from './new-ledgers-ahead';
import { resolveDebtors } from './resolve-debtors';
import type { ChunkUpdate } from './rewrite-chunks';

export interface PreparedOpenItems {
  readonly preview: OpenItemsPreview;
  /** The chunks as they will be stored, with "closed since last import" applied when the controller confirms it. Call once. */
  readonly updates: (closeMissing: boolean) => ChunkUpdate[];
}

/**
 * Works out what an open-items export (or an e-invoice) changes, without storing anything: each customer
 * in the file is found by customer code or company identifier, or created (resolveDebtors), and its ledger
 * compared with the file (diffOpenItems). Customers whose identifiers contradict the store are left out and
 * listed. Only the chunks of debtors in the file are read and rewritten.
 */
export async function prepareOpenItems(
  db: KredoDb,
  groups: ReadonlyMap<string, CustomerLines>,
  options: {
    readonly today: IsoDate;
    readonly isFullExport: boolean;
    readonly buyer?: EInvoiceBuyer;
    readonly onProgress?: (done: number, total: number) => void;
    /** The store's index and an editor already reading chunks (while the file was parsed; see ChunkEditor.prefetch). */
    readonly store?: { readonly index: StoreIndex; readonly editor: ChunkEditor; readonly ahead?: NewLedgersAhead };
  },
): Promise<PreparedOpenItems> {
  const index = options.store?.index ?? (await loadStoreIndex(db));
  const editor = options.store?.editor ?? new ChunkEditor(db, index);
  const ahead = options.store?.ahead;
  const resolved = resolveDebtors(index, groups, { today: options.today, ...(options.buyer && { buyer: options.buyer }), ...(ahead && { ahead }) });
  const newDebtors = new SampleCollector<DebtorLabel & { currency: string }>();
  const newItems = new SampleCollector<ItemChangeRow>();
  const settled = new SampleCollector<ItemChangeRow>();
  const differences = new SampleCollector<ItemDifferenceRow>();
  const missing = new SampleCollector<ItemChangeRow>();
  const closures = new Map<string, { debtor: StoredDebtor; items: readonly ItemChange[] }>();
  let unchanged = 0;
  let alreadySettled = 0;
  let matchedDebtors = 0;
  let debtorsUpdated = 0;
  let done = 0;

  for (const { debtor, stored: known, lines, isUpdated } of resolved.targets) {
    if (known && !isUpdated) {
      // Most debtors of a daily export are as Kredo has them: seen on the stored columns, nothing decoded.
      const same = await editor.unchangedOpenItems(known, lines, options.isFullExport);
      if (same) {
        matchedDebtors += 1;
        unchanged += same.unchanged;
        alreadySettled += same.alreadySettled;
        done += 1;
        if (done % 500 === 0) options.onProgress?.(done, resolved.targets.length);
        continue;
      }
    }
    const ledger: DebtorLedger = known ? await editor.ledgerOf(known) : { debtorId: debtor.id, items: [], payments: [], allocations: [] };
    // A new debtor's ledger may have been worked out while the file arrived (NewLedgersAhead): the same diff.
    const diff = (!known && !options.buyer && ahead?.diffOf(debtor, lines)) || diffOpenItems(ledger, lines.records(), { today: options.today, paymentTermsDays: debtor.paymentTermsDays, isFullExport: options.isFullExport && known !== undefined });
    const label = { customerCode: debtor.customerCode, debtorName: debtor.name };
    const hasChanges = diff.newItems.length > 0 || diff.settled.length > 0;

    let stored = known;
    if (known) {
      matchedDebtors += 1;
      if (isUpdated) {
        stored = { ...(debtor as StoredDebtor), chunkId: known.chunkId };
        await editor.setDebtor(stored);
        debtorsUpdated += 1;
      }
      if (hasChanges || diff.missing.length > 0) await editor.setLedger(known, diff.ledger);
    } else if (diff.newItems.length > 0) {
      stored = await editor.addDebtor(debtor, diff.ledger);
      newDebtors.add({ ...label, currency: debtor.currency }, diff.newItems.reduce((sum, item) => sum + item.openMinor, 0));
    }
    for (const item of diff.newItems) newItems.add({ ...label, itemId: item.id, debtorId: item.debtorId, number: item.number, currency: item.currency, fromMinor: 0, toMinor: item.openMinor }, item.openMinor);
    for (const item of diff.settled) settled.add({ ...label, ...item }, item.fromMinor - item.toMinor);
    for (const item of diff.differences) differences.add({ ...label, ...item }, item.toMinor - item.fromMinor);
    for (const item of diff.missing) missing.add({ ...label, ...item }, item.fromMinor);
    if (stored && diff.missing.length > 0) closures.set(stored.id, { debtor: stored, items: diff.missing });
    unchanged += diff.unchanged;
    alreadySettled += diff.alreadySettled;
    done += 1;
    if (done % 500 === 0) options.onProgress?.(done, resolved.targets.length);
  }
  options.onProgress?.(resolved.targets.length, resolved.targets.length);

  const preview: OpenItemsPreview = {
    newDebtors: newDebtors.result(),
    newItems: newItems.result(),
    settled: settled.result(),
    unchanged,
    alreadySettled,
    differences: differences.result(),
    missing: missing.result(),
    debtorsNotInFile: index.debtorCount - matchedDebtors,
    matchedByIdentifier: resolved.identified.result(),
    conflicts: resolved.conflicts.result(),
    debtorsUpdated,
  };
  return {
    preview,
    updates(closeMissing) {
      if (closeMissing) for (const { debtor, items } of closures.values()) editor.updateLoaded(debtor, (ledger) => closeMissingItems(ledger, items, options.today));
      return editor.updates();
    },
  };
}
