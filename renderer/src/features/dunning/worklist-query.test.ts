import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { WorklistRow } from '../../data/dunning/worklist-rows';
import { EMPTY_WORKLIST_QUERY, filterWorklist, taskKey, worklistFacets, worklistLines, type WorklistLine, type WorklistQuery } from './worklist-query';

const row = (id: string, fields: Partial<WorklistRow>): WorklistRow => ({
  id,
  task: { kind: 'dunning', step: 'reminder-1', channel: 'letter', payBy: '2026-12-01' as IsoDate },
  debtorId: 'd1',
  debtorName: 'Bakker Bouw B.V.',
  customerCode: 'C-100',
  country: 'NL',
  segment: 'standard',
  riskScore: 40,
  invoiceCount: 1,
  currency: 'EUR',
  invoiceNumbers: 'INV-1',
  amountMinor: 100_000,
  daysOverdue: 10,
  ...fields,
});

// In the worklist's order: riskiest money first.
const rows: WorklistRow[] = [
  row('a', { debtorId: 'd1', task: { kind: 'deadline', deadline: 'claim-filing', on: '2026-11-20' as IsoDate, daysLeft: -4 }, amountMinor: 900_000, invoiceNumbers: 'INV-7 INV-8' }),
  row('b', { debtorId: 'd2', debtorName: 'Östergren Trä AB', customerCode: 'S-7', country: 'SE', segment: 'key-account', amountMinor: 500_000, invoiceNumbers: 'F-2041' }),
  row('c', { debtorId: 'd1', task: { kind: 'dunning', step: 'handover', channel: 'task', payBy: undefined }, amountMinor: 400_000 }),
  row('d', { debtorId: 'd3', debtorName: 'Hall Timber LLP', customerCode: 'U-3', country: 'GB', amountMinor: 20_000, invoiceNumbers: 'HT-9' }),
  row('e', { debtorId: 'd2', debtorName: 'Östergren Trä AB', customerCode: 'S-7', country: 'SE', segment: 'key-account', task: { kind: 'broken-promise' }, amountMinor: 10_000 }),
];
const ids = (kept: readonly WorklistRow[]) => kept.map((kept) => kept.id);

describe('the worklist filters', () => {
  it('keep every entry by default, in the worklist order', () => {
    expect(ids(filterWorklist(rows, EMPTY_WORKLIST_QUERY))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('filter by the kind of work, country, segment and a least amount, together', () => {
    expect(ids(filterWorklist(rows, { ...EMPTY_WORKLIST_QUERY, task: 'reminder-1' }))).toEqual(['b', 'd']);
    expect(ids(filterWorklist(rows, { ...EMPTY_WORKLIST_QUERY, task: 'deadline:claim-filing' }))).toEqual(['a']);
    expect(ids(filterWorklist(rows, { ...EMPTY_WORKLIST_QUERY, country: 'SE' }))).toEqual(['b', 'e']);
    expect(ids(filterWorklist(rows, { ...EMPTY_WORKLIST_QUERY, segment: 'key-account', minAmountMinor: 100_000 }))).toEqual(['b']);
    expect(ids(filterWorklist(rows, { ...EMPTY_WORKLIST_QUERY, task: 'reminder-1', country: 'NL' }))).toEqual([]);
  });

  it('search names, customer numbers and invoice numbers, every word, whatever the case and accents', () => {
    expect(ids(filterWorklist(rows, { ...EMPTY_WORKLIST_QUERY, search: 'ostergren' }))).toEqual(['b', 'e']);
    expect(ids(filterWorklist(rows, { ...EMPTY_WORKLIST_QUERY, search: 'inv-8' }))).toEqual(['a']);
    expect(ids(filterWorklist(rows, { ...EMPTY_WORKLIST_QUERY, search: ' u-3 ' }))).toEqual(['d']);
    expect(ids(filterWorklist(rows, { ...EMPTY_WORKLIST_QUERY, search: 'bakker hall' }))).toEqual([]);
  });

  it('group each debtor’s entries under it, debtors in the order of their most valuable entry', () => {
    const lines = worklistLines(rows, { ...EMPTY_WORKLIST_QUERY, byDebtor: true });
    expect(lines.map((line) => (line.kind === 'debtor' ? `${line.debtorId}:${line.entryIds.join('+')}` : line.row.id))).toEqual(['d1:a+c', 'a', 'c', 'd2:b+e', 'b', 'e', 'd3:d', 'd']);
    expect(worklistLines(rows, { ...EMPTY_WORKLIST_QUERY, byDebtor: true, country: 'GB' }).map((line) => line.kind)).toEqual(['debtor', 'entry']);
  });

  it('offer the kinds of work, countries and segments the list holds', () => {
    expect(worklistFacets(rows)).toEqual({ tasks: ['reminder-1', 'handover', 'deadline:claim-filing', 'broken-promise'], countries: ['GB', 'NL', 'SE'], segments: ['key-account', 'standard'] });
  });

  it('group the same lines when the grouping is kept for the list as when each query groups the entries it keeps', () => {
    // The grouping is worked out once per list (worklist-query.ts); this is the plain way, one query at a time.
    const plainLines = (list: readonly WorklistRow[], query: WorklistQuery): WorklistLine[] => {
      const groups = new Map<string, WorklistRow[]>();
      for (const kept of filterWorklist(list, query)) groups.set(kept.debtorId, [...(groups.get(kept.debtorId) ?? []), kept]);
      return [...groups.values()].flatMap((group): WorklistLine[] => [{ kind: 'debtor', debtorId: group[0]!.debtorId, debtorName: group[0]!.debtorName, entryIds: group.map((kept) => kept.id) }, ...group.map((kept) => ({ kind: 'entry' as const, row: kept }))]);
    };
    const steps = ['reminder-1', 'reminder-2', 'handover'] as const;
    const arbitraryRow = fc.record({ debtor: fc.integer({ min: 1, max: 6 }), step: fc.constantFrom(...steps), country: fc.constantFrom('NL', 'SE', 'GB'), amountMinor: fc.integer({ min: 0, max: 1_000_000 }) });
    const arbitraryQuery = fc.record({ task: fc.constantFrom('', ...steps), country: fc.constantFrom('', 'NL', 'SE'), minAmountMinor: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }), search: fc.constantFrom('', 'debtor 2', 'inv-1', 'nothing') });
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 40 }), fc.array(arbitraryQuery, { minLength: 1, maxLength: 4 }), (specs, queries) => {
        const list = specs.map((spec, index) => row(`e${index}`, { debtorId: `d${spec.debtor}`, debtorName: `Debtor ${spec.debtor}`, task: { kind: 'dunning', step: spec.step, channel: 'letter', payBy: undefined }, country: spec.country, amountMinor: spec.amountMinor, invoiceNumbers: `INV-${index}` }));
        for (const asked of queries) {
          const query = { ...EMPTY_WORKLIST_QUERY, ...asked, byDebtor: true };
          expect(worklistLines(list, query)).toEqual(plainLines(list, query));
          expect(worklistLines(list, { ...query, byDebtor: false })).toEqual(filterWorklist(list, query).map((kept) => ({ kind: 'entry', row: kept })));
          expect(filterWorklist(list, query).every((kept) => !query.task || taskKey(kept) === query.task)).toBe(true);
        }
      }),
    );
  });
});
