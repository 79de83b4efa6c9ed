import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_TIERS } from '../../shared/generator/data-tiers';
import { companyIdFor } from './seed-sandbox';
import { POLICY, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

/**
 * The benchmark tier: a sandbox seeded from DATA_TIERS.L (20,000 buyers and their covers), as a
 * benchmark starts it. Seeding builds every debtor's ledger (the covers follow from what each owes), so
 * it is the slow part. How fast is measured by `npm run bench -- sync-L` (target 30 s), not here: this
 * test took 57 s on a machine busy with another build, so its timeout only guards against a hang.
 */
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ tier: 'L' });
}, 240_000);
afterAll(async () => {
  await sandbox.stop();
});

describe('insurer sandbox: data tier L', () => {
  it('serves the 20,000 buyers of tier L and their covers', async () => {
    const state = (await sandbox.admin('GET', '/state')).body;
    expect(state.companies).toBe(DATA_TIERS.L.debtors);
    expect(state.covers).toBeGreaterThan(DATA_TIERS.L.debtors / 2);
    const token = await sandbox.signIn();
    const last = await sandbox.call('GET', `/v1/companies/${companyIdFor(DATA_TIERS.L.debtors - 1)}`, { token });
    expect(last.status).toBe(200);
    const covers = await sandbox.call('GET', `/v1/policies/${POLICY}/covers?pageSize=500&page=2`, { token });
    expect(covers.body).toMatchObject({ totalItems: state.covers, pageSize: 500 });
    expect(covers.body.items).toHaveLength(500);
  });
});
