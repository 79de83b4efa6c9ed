import { isProspect } from './seed-prospects';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_TIERS, DEMO_SEED } from '../../shared/generator/data-tiers';
import { generateChunk, generatePolicy } from '../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../shared/generator/plan-portfolio';
import type { IsoDate } from '../../shared/time/iso-date';
import { seededState, startTestSandbox, TEST_NOW, type TestSandbox } from './sandbox-test-kit';

let sandbox: TestSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await sandbox.signIn();
});
afterAll(async () => {
  await sandbox.stop();
});

const lookup = (query: string) => sandbox.call('GET', `/v1/companies?${query}`, { token });
const companies = seededState().companies;
const firstWith = (type: string) => companies.find((company) => company.identifiers.some((identifier) => identifier.type === type))!;
const valueOf = (company: (typeof companies)[number], type: string) => company.identifiers.find((identifier) => identifier.type === type)!.value;

describe('insurer sandbox: company lookup', () => {
  it('knows the demo portfolio\'s debtors by the same names and identifiers as the app\'s demo', () => {
    const today = TEST_NOW.slice(0, 10) as IsoDate;
    const demo = generateChunk(planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today }), generatePolicy(today), 0).debtors;
    expect(companies.filter((company) => !isProspect(company))).toHaveLength(DATA_TIERS.S.debtors);
    expect(companies.slice(0, demo.length).map((company) => [company.legalName, company.identifiers, company.grade])).toEqual(demo.map((debtor) => [debtor.name, debtor.identifiers, debtor.grade?.value]));
  });

  it('knows companies that are no debtor of the demo yet — two per country — by their registration and VAT numbers', async () => {
    const demoIds = new Set(companies.filter((company) => !isProspect(company)).flatMap((company) => company.identifiers.map((identifier) => `${identifier.type}:${identifier.value}`)));
    const prospects = companies.filter(isProspect);
    expect(prospects.map((company) => company.country).sort()).toEqual(['GB', 'GB', 'NL', 'NL', 'SE', 'SE']);
    for (const prospect of prospects) {
      expect(prospect.identifiers.some((identifier) => demoIds.has(`${identifier.type}:${identifier.value}`))).toBe(false);
      for (const identifier of prospect.identifiers) {
        const answer = await lookup(`country=${prospect.country}&idType=${identifier.type}&idValue=${encodeURIComponent(identifier.value)}`);
        expect(answer.status).toBe(200);
        expect(answer.body.items).toEqual([expect.objectContaining({ companyId: prospect.companyId, legalName: prospect.legalName })]);
      }
    }
  });

  it('finds a Dutch buyer by KvK number, written with spaces, with its buyer id and grade', async () => {
    const buyer = firstWith('NL_KVK');
    const kvk = valueOf(buyer, 'NL_KVK');
    const answer = await lookup(`country=NL&idType=KVK&idValue=${encodeURIComponent(`${kvk.slice(0, 4)} ${kvk.slice(4)}`)}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([expect.objectContaining({ companyId: buyer.companyId, legalName: buyer.legalName, grade: expect.objectContaining({ scale: '1-10', value: buyer.grade }) })]);
  });

  it('finds a Swedish buyer by organisationsnummer without its dash, and by VAT number', async () => {
    const buyer = firstWith('SE_ORGNR');
    const byOrgNr = await lookup(`country=SE&idType=SE_ORGNR&idValue=${valueOf(buyer, 'SE_ORGNR').replace('-', '')}`);
    expect(byOrgNr.body.items.map((item: { companyId: string }) => item.companyId)).toEqual([buyer.companyId]);
    const byVat = await lookup(`idType=VAT&idValue=${valueOf(buyer, 'SE_VAT').toLowerCase()}`);
    expect(byVat.body.items.map((item: { companyId: string }) => item.companyId)).toEqual([buyer.companyId]);
  });

  it('finds a buyer by part of its name, ignoring case and accents', async () => {
    const buyer = companies[0]!;
    const part = buyer.legalName.split(' ')[0]!.toUpperCase();
    const answer = await lookup(`name=${encodeURIComponent(part)}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item: { companyId: string }) => item.companyId)).toContain(buyer.companyId);
  });

  it('answers 404 no_buyer_match for a valid number nobody has, and 400 for an invalid one', async () => {
    const used = new Set(companies.flatMap((company) => company.identifiers.map((identifier) => identifier.value)));
    const unused = ['12345678', '87654321', '11223344'].find((kvk) => !used.has(kvk))!;
    const missing = await lookup(`idType=KVK&idValue=${unused}`);
    expect(missing.status).toBe(404);
    expect(missing.body.type).toMatch(/no_buyer_match$/);
    const invalid = await lookup('idType=SE_ORGNR&idValue=5560160681');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].source).toEqual({ parameter: 'idValue' });
  });

  it('shows one buyer by its insurer id', async () => {
    const buyer = companies[3]!;
    const answer = await sandbox.call('GET', `/v1/companies/${buyer.companyId}`, { token });
    expect(answer.body).toMatchObject({ companyId: buyer.companyId, country: buyer.country, identifiers: buyer.identifiers });
    expect((await sandbox.call('GET', '/v1/companies/KSB-1', { token })).status).toBe(404);
  });
});
