import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { StoredDebtor } from '../../data/db/schema';
import { mergeCandidates } from './merge-candidates';

function debtor(id: string, name: string, fields: Partial<StoredDebtor> = {}): StoredDebtor {
  return {
    id, customerCode: id, name, country: 'NL', currency: 'EUR', paymentTermsDays: 30, language: 'nl', jurisdiction: 'NL',
    identifiers: [], contacts: [], segment: '', createdOn: '2026-01-01' as IsoDate, chunkId: 0, ...fields,
  };
}

describe('the debtors offered for a merge', () => {
  const bakker = debtor('1001', 'Bakker Bouw B.V.', { identifiers: [{ type: 'NL_KVK', value: '69123456' }] });
  const store = [
    bakker,
    debtor('2001', 'BAKKER BOUW BV'),
    debtor('2002', 'Bakker Bouw'),
    debtor('2003', 'Bakker Bouwmaterialen B.V.'),
    debtor('2004', 'Anders', { identifiers: [{ type: 'NL_KVK', value: '69123456' }] }),
    debtor('2005', 'Lindqvist Maskin AB'),
  ];

  it('without a search, suggests the same company: the same name as the bank matcher reads it (case, accents and legal form aside) or a shared identifier', () => {
    expect(mergeCandidates(bakker, store, '').map((candidate) => candidate.id)).toEqual(['2001', '2002', '2004']);
  });

  it('with a search, lists the other debtors whose name, code or identifier holds it, by name', () => {
    expect(mergeCandidates(bakker, store, ' bakker ').map((candidate) => candidate.id)).toEqual(['2002', '2001', '2003']);
    expect(mergeCandidates(bakker, store, '69123').map((candidate) => candidate.id)).toEqual(['2004']);
  });
});
