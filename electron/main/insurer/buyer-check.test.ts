import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random/seeded-random';
import type { InsurerDialect } from '../../../shared/sync/insurer-dialect';
import { insurerAmountToMinor } from '../../../shared/sync/insurer-cover';
import { buyerWithCover, buyerWithoutCover, POLICY, startTestSandbox, TEST_NOW, type TestSandbox } from '../../sandbox/sandbox-test-kit';
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
