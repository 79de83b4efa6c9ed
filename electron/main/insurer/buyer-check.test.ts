import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random/seeded-random';
import { DIALECT_CAPABILITIES, type InsurerDialect } from '../../../shared/sync/insurer-dialect';
import { CHECK_REQUEST_KINDS } from '../../../shared/sync/check-request';
import { CREDIT_CHECK_UNITS } from '../../sandbox/buyer-checks';
import { isProspect } from '../../sandbox/seed-prospects';
import { insurerAmountToMinor } from '../../../shared/sync/insurer-cover';
import { buyerWithCover, buyerWithoutCover, POLICY, seededState, startTestSandbox, TEST_NOW, type TestSandbox } from '../../sandbox/sandbox-test-kit';
import { createDialectGateway } from './dialect-gateway';
import type { InsurerClientDeps } from './insurer-client';

/**
 * The credit check before trading (issue 18 item 3) through the sandbox in each dialect: the buyer a national
 * identifier names, with its name, grade and the cover the policy already holds on it — or no buyer.
 */
let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.stop();
});

const clientDeps = (): InsurerClientDeps => {
  const random = seededRandom(7);
  return { now: () => new Date(TEST_NOW), random: () => random.next(), sleep: async () => undefined, maxAttempts: 6, retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 } };
};

const gatewayIn = (dialect: InsurerDialect) => {
  const server = sandbox.server;
  if (dialect === 'atradius') {
    const { appKey, clientId, clientSecret, customerId, policyId } = server.atradius;
    return createDialectGateway({ baseUrl: server.url, policyId, customerId }, { dialect, appKey, clientId, clientSecret }, clientDeps());
  }
  if (dialect === 'allianz') {
    const { apiKey, policyId, businessUnitCode } = server.allianz;
    return createDialectGateway({ baseUrl: server.url, policyId, businessUnitCode }, { dialect, apiKey }, clientDeps());
  }
  return createDialectGateway({ baseUrl: `${server.url}/v1`, policyId: POLICY }, { dialect, apiKey: server.apiKey }, clientDeps());
};

describe.each(['canonical', 'atradius', 'allianz'] as const)('the credit check in the %s dialect', (dialect) => {
  it('finds a covered buyer by its registration number, with its name and the cover the policy holds on it', async () => {
    const buyer = buyerWithCover((grade) => grade <= 6);
    const identifier = buyer.identifiers.find((candidate) => candidate.type === 'NL_KVK' || candidate.type === 'SE_ORGNR' || candidate.type === 'GB_CRN')!;
    const server = (await sandbox.call('GET', `/v1/policies/${POLICY}/covers?companyId=${buyer.companyId}`, { token: await sandbox.signIn() })).body as { items: { coverId: string; decidedAmount: string; currency: string; status: string }[] };
    const inForce = server.items.find((cover) => cover.status !== 'REFUSED')!;

    const check = await gatewayIn(dialect).checkBuyer(buyer.country, [identifier]);

    expect(check).toMatchObject({ companyId: buyer.companyId, name: buyer.legalName, country: buyer.country });
    expect(check?.covers).toContainEqual({ coverId: inForce.coverId, status: inForce.status, amountMinor: insurerAmountToMinor(inForce.decidedAmount, inForce.currency), currency: inForce.currency });
    // Allianz's matching says no grade (it comes with a grade-only cover request); the others do, with the address.
    if (dialect !== 'allianz') expect(check).toMatchObject({ grade: buyer.grade, address: { city: buyer.address.city, postalCode: buyer.address.postalCode } });
  });

  it('finds a buyer without cover by its VAT number, and no buyer for a number the insurer does not know', async () => {
    const buyer = buyerWithoutCover(() => true);
    const vat = buyer.identifiers.find((candidate) => candidate.type.endsWith('_VAT'));
    const port = gatewayIn(dialect);
    if (vat) expect(await port.checkBuyer(buyer.country, [vat])).toMatchObject({ companyId: buyer.companyId, name: buyer.legalName, covers: [] });
    expect(await port.checkBuyer('NL', [{ type: 'NL_KVK', value: '99999990' }])).toBeUndefined();
  });
});

/** A prospect of the sandbox (no demo debtor) in a country, well graded or weak. */
const prospect = (country: string, weak: boolean) => seededState().companies.find((company) => isProspect(company) && company.country === country && (company.grade >= 7) === weak)!;

describe.each(['canonical', 'atradius', 'allianz'] as const)('a prospective buyer in the %s dialect', (dialect) => {

  it('finds a prospect that is no debtor yet by its registration number, with its address when the dialect gives one', async () => {
    const company = prospect('SE', false);
    const check = await gatewayIn(dialect).checkBuyer('SE', [company.identifiers.find((identifier) => identifier.type === 'SE_ORGNR')!]);
    expect(check).toMatchObject({ companyId: company.companyId, name: company.legalName, covers: [] });
    // Allianz's matching as the sandbox speaks it names no street address: the check has none, rather than an empty one.
    if (dialect === 'allianz') expect(check?.address).toBeUndefined();
    else expect(check?.address).toEqual({ street: company.address.street, postalCode: company.address.postalCode, city: company.address.city });
  });
});

const ALL_DIALECTS = ['canonical', 'atradius', 'allianz'] as const;
describe.each(ALL_DIALECTS.filter((dialect) => DIALECT_CAPABILITIES[dialect].checkRequests.includes('GRADE_ONLY')))('the grade-only request in the %s dialect', (dialect) => {
  it('answers the insurer\'s grade and covers nothing', async () => {
    const company = prospect('GB', false);
    const answer = await gatewayIn(dialect).requestCheck({ requestId: crypto.randomUUID(), kind: 'GRADE_ONLY', companyId: company.companyId });
    expect(answer).toEqual({ kind: 'GRADE_ONLY', companyId: company.companyId, outcome: 'GRADED', grade: company.grade });
    expect((await gatewayIn(dialect).checkBuyer('GB', [company.identifiers[0]!]))?.covers).toEqual([]);
  });
});

describe.each(ALL_DIALECTS.filter((dialect) => DIALECT_CAPABILITIES[dialect].checkRequests.includes('CREDIT_CHECK')))('the credit check in the %s dialect', (dialect) => {
  it('is decided at once: the policy amount on a good grade, refused on a weak one, and only once per buyer', async () => {
    const port = gatewayIn(dialect);
    const good = prospect('NL', false);
    const answer = await port.requestCheck({ requestId: crypto.randomUUID(), kind: 'CREDIT_CHECK', companyId: good.companyId, customerCode: 'NEW-1' });
    expect(answer).toMatchObject({ kind: 'CREDIT_CHECK', companyId: good.companyId, outcome: 'APPROVED', cover: { status: 'APPROVED', amountMinor: CREDIT_CHECK_UNITS * 100, currency: 'EUR' } });
    // The credit check is a cover of the policy: the check shows it, and a second one is refused in the insurer's words.
    expect((await port.checkBuyer('NL', [good.identifiers[0]!]))?.covers).toEqual([answer.cover]);
    await expect(port.requestCheck({ requestId: crypto.randomUUID(), kind: 'CREDIT_CHECK', companyId: good.companyId })).rejects.toMatchObject({ code: 'insurer.refused' });

    const weak = prospect('SE', true);
    expect(await port.requestCheck({ requestId: crypto.randomUUID(), kind: 'CREDIT_CHECK', companyId: weak.companyId })).toEqual({ kind: 'CREDIT_CHECK', companyId: weak.companyId, outcome: 'REFUSED', ...(dialect === 'canonical' && { grade: weak.grade }) });
  });
});

describe.each(ALL_DIALECTS)('requests the %s dialect does not take', (dialect) => {
  const offered = DIALECT_CAPABILITIES[dialect].checkRequests;
  it('are refused with that reason', async () => {
    const missing = CHECK_REQUEST_KINDS.filter((kind) => !offered.includes(kind));
    for (const kind of missing) {
      await expect(gatewayIn(dialect).requestCheck({ requestId: crypto.randomUUID(), kind, companyId: prospect('GB', true).companyId })).rejects.toMatchObject({ code: 'insurer.refused' });
    }
    expect(missing.length + offered.length).toBe(CHECK_REQUEST_KINDS.length);
  });
});
