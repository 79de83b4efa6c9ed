import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterReach } from '../../../../shared/domain/debtors/debtor-master-data';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from './kredo-db';
import type { StoredDebtor } from './schema';
import { worklistDebtorFacts, worklistDebtorsOf } from './worklist-debtors';

const today = '2026-11-24' as IsoDate;

/** What each chunk's worklist debtors must be: derived from its debtors as they stand. */
async function expectedWorklistDebtors(db: KredoDb) {
  return (await db.debtorChunks.toArray()).map((chunk) => worklistDebtorsOf(chunk));
}

/** What the worklist reads of a debtor, picked from the whole record. */
const factsOf = (debtor: StoredDebtor) => ({ id: debtor.id, name: debtor.name, segment: debtor.segment, ...(debtor.grade && { grade: debtor.grade }), customerCode: debtor.customerCode, country: debtor.country, letterReach: letterReach(debtor) });

describe('each debtor chunk’s worklist debtors, kept beside it by the store', () => {
  it('are written with every chunk of a new portfolio and again whenever a chunk is written: put, update, in a transaction', async () => {
    const db = await openDemoStore('worklist-debtors-1', today);
    const kept = await db.worklistDebtorChunks.toArray();
    expect(kept.length).toBeGreaterThan(1);
    expect(kept).toEqual(await expectedWorklistDebtors(db));

    // A debtor renamed and its addresses and contacts gone (no letter reaches it), as an edit on the debtor page writes it.
    const chunk = (await db.debtorChunks.get(0))!;
    const [first, ...rest] = chunk.debtors;
    await db.debtorChunks.put({ ...chunk, debtors: [{ ...first!, name: 'Renamed B.V.', address: undefined, invoiceAddress: undefined, contacts: [] }, ...rest] });
    expect((await db.worklistDebtorChunks.get(0))!.names[0]).toBe('Renamed B.V.');
    expect(worklistDebtorFacts((await db.worklistDebtorChunks.get(0))!, (id) => id === first!.id)[0]!.letterReach).toEqual({ address: false, email: false });
    await db.debtorChunks.update(1, { debtors: (await db.debtorChunks.get(1))!.debtors.map((debtor) => ({ ...debtor, segment: 'key-account' })) });
    await db.transaction('rw', db.debtorChunks, async () => {
      const second = (await db.debtorChunks.get(2)) ?? (await db.debtorChunks.get(1))!;
      await db.debtorChunks.bulkPut([{ ...second, debtors: second.debtors.slice(1) }]);
    });
    expect(await db.worklistDebtorChunks.toArray()).toEqual(await expectedWorklistDebtors(db));
    db.close();
  });

  it('never stop a debtor chunk being written: a debtor whose worklist facts cannot be worked out leaves its chunk without them, read whole as before', async () => {
    const db = await openDemoStore('worklist-debtors-odd', today);
    const chunk = (await db.debtorChunks.get(0))!;
    // A record as an older or hand-made store may hold it (no contacts list): the write is the user's data, the kept record only a shortcut.
    const odd = { ...chunk.debtors[0]!, contacts: undefined } as unknown as StoredDebtor;
    await db.debtorChunks.put({ ...chunk, debtors: [odd, ...chunk.debtors.slice(1)] });
    expect((await db.debtorChunks.get(0))!.debtors[0]!.contacts).toBeUndefined();
    expect(await db.worklistDebtorChunks.get(0)).toBeUndefined();
    db.close();
  });

  it('are deleted with their chunk and cleared with the debtors, never left behind', async () => {
    const db = await openDemoStore('worklist-debtors-2', today);
    await db.debtorChunks.delete(1);
    expect(await db.worklistDebtorChunks.get(1)).toBeUndefined();
    expect(await db.worklistDebtorChunks.toArray()).toEqual(await expectedWorklistDebtors(db));
    await db.debtorChunks.clear();
    expect(await db.worklistDebtorChunks.count()).toBe(0);
    db.close();
  });

  it('give the worklist what it reads of each debtor, as the whole debtor says it, for any debtor chunk', async () => {
    const db = await openDemoStore('worklist-debtors-3', today);
    const debtors = (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
    db.close();
    const blank = { street: '', postalCode: '', city: '', country: 'ZZ' };
    // Debtors of the demo portfolio with their grade, segment, addresses and contacts varied.
    const arbitraryDebtor = fc.record({
      debtor: fc.constantFrom(...debtors),
      grade: fc.option(fc.record({ scale: fc.constant('1-10'), value: fc.integer({ min: 1, max: 10 }), updatedOn: fc.constant(today) }), { nil: undefined }),
      segment: fc.constantFrom('standard', 'key-account', ''),
      address: fc.constantFrom('kept', 'none', 'blank'),
      invoiceAddress: fc.constantFrom('kept', 'none', 'blank'),
      contacts: fc.constantFrom('kept', 'none'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryDebtor, { selector: (spec) => spec.debtor.id, maxLength: 30 }), fc.integer({ min: 0, max: 99 }), (specs, chunkId) => {
        const chunk = specs.map(({ debtor, grade, segment, address, invoiceAddress, contacts }): StoredDebtor => {
          const { grade: _grade, address: ownAddress, invoiceAddress: ownInvoiceAddress, ...rest } = debtor;
          const pick = (choice: string, own: StoredDebtor['address']) => (choice === 'kept' ? own && { address: own } : choice === 'blank' ? { address: { ...own, ...blank } } : undefined);
          const addressField = pick(address, ownAddress)?.address;
          const invoiceField = pick(invoiceAddress, ownInvoiceAddress ?? ownAddress)?.address;
          return { ...rest, segment, contacts: contacts === 'kept' ? debtor.contacts : [], ...(grade && { grade }), ...(addressField && { address: addressField }), ...(invoiceField && { invoiceAddress: invoiceField }) } as StoredDebtor;
        });
        const kept = structuredClone(worklistDebtorsOf({ chunkId, debtors: chunk }));
        expect(kept.chunkId).toBe(chunkId);
        expect(worklistDebtorFacts(kept, () => true)).toEqual(chunk.map(factsOf));
        const some = new Set(chunk.filter((_, index) => index % 2 === 0).map((debtor) => debtor.id));
        expect(worklistDebtorFacts(kept, (id) => some.has(id))).toEqual(chunk.filter((debtor) => some.has(debtor.id)).map(factsOf));
      }),
      { numRuns: 200 },
    );
  });
});
