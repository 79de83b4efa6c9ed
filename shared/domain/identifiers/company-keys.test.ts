import { describe, expect, it } from 'vitest';
import { companyKeysOf, readCompanyIds } from './company-keys';

/** The keys two sources have in common: what makes them the same company. */
const shared = (a: ReturnType<typeof readCompanyIds>, b: ReturnType<typeof readCompanyIds>) => {
  const keys = companyKeysOf(b);
  return [...companyKeysOf(a)].filter((key) => keys.has(key));
};

describe('company identifiers as match keys', () => {
  it('matches a Dutch VAT and KvK number however the ERP export and the e-invoice write them', () => {
    const erp = readCompanyIds({ vatNumbers: ['nl 8130.86.188.B01'], companyNumbers: ['6912 3456'], country: 'NL' });
    const ubl = readCompanyIds({ partyIds: [{ scheme: '9944', value: 'NL813086188B01' }, { scheme: '0106', value: '69123456' }] });
    expect(shared(erp, ubl).sort()).toEqual(['NL_KVK:69123456', 'NL_VAT:NL813086188B01']);
    expect(erp.identifiers).toEqual([{ type: 'NL_VAT', value: 'NL813086188B01' }, { type: 'NL_KVK', value: '69123456' }]);
  });

  it('takes a Swedish VAT number for the organisationsnummer it is made of (SE + the ten digits + 01)', () => {
    const notations = [
      readCompanyIds({ companyNumbers: ['556036-0793'], country: 'SE' }),
      readCompanyIds({ companyNumbers: ['5560360793'] }),
      readCompanyIds({ vatNumbers: ['SE556036079301'] }),
      readCompanyIds({ partyIds: [{ scheme: '0007', value: '5560360793' }] }),
      readCompanyIds({ partyIds: [{ scheme: '9955', value: 'se 5560 3607 9301' }] }),
    ];
    for (const notation of notations) expect([...companyKeysOf(notation)]).toEqual(['SE_ORGNR:5560360793']);
  });

  it('reads the Peppol schemes of an e-invoice party: 0106 KvK, 0007 orgnr, 9944/9955/9932 VAT, 0088 GLN, other VAT schemes by prefix', () => {
    const read = readCompanyIds({
      partyIds: [
        { scheme: '0106', value: '69123456' },
        { scheme: '9932', value: 'GB980780684' },
        { scheme: '0088', value: '8712345000004' },
        { scheme: '9930', value: 'DE 136 695 976' },
        // A party id without a scheme is the seller's own customer number, not a company identifier.
        { scheme: '', value: '1008' },
      ],
    });
    expect(read.identifiers).toEqual([{ type: 'NL_KVK', value: '69123456' }, { type: 'GB_VAT', value: 'GB980780684' }]);
    expect(read.partyKeys).toEqual(['GLN:8712345000004', 'VAT:DE136695976']);
  });

  it('guesses nothing: an 8-digit number without a country could be a KvK or a Companies House number, and a wrong check digit is no identifier', () => {
    expect(readCompanyIds({ companyNumbers: ['12345678'] })).toEqual({ identifiers: [], partyKeys: [] });
    expect(readCompanyIds({ companyNumbers: ['12345678'], country: 'GB' }).identifiers).toEqual([{ type: 'GB_CRN', value: '12345678' }]);
    expect(readCompanyIds({ vatNumbers: ['NL813086189B01'], companyNumbers: ['556036-0794'] })).toEqual({ identifiers: [], partyKeys: [] });
  });
});
