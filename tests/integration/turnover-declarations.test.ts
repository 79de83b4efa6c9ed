import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDialectGateway } from '../../electron/main/insurer/dialect-gateway';
import { ALLIANZ_TURNOVER_DECLARATIONS } from '../../electron/main/insurer/dialects/allianz-mapping';
import { ATRADIUS_TURNOVER_DECLARATIONS } from '../../electron/main/insurer/dialects/atradius-mapping';
import { POLICY, startTestSandbox, TEST_NOW, type TestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import type { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { beginTurnoverSend, prepareTurnoverDeclaration, recordTurnoverReceipt, turnoverHistory } from '../../renderer/src/data/turnover/turnover-declarations';
import { seededRandom } from '../../shared/random/seeded-random';
import { DIALECT_TURNOVER_DECLARATIONS } from '../../shared/sync/insurer-dialect';
import { policyTermsFrom } from '../../shared/sync/policy-terms';
import type { IsoDate } from '../../shared/time/iso-date';
import { openDemoStore } from './demo-store';

/**
 * Turnover declarations end to end (issue 18 item 4): computed from the demo portfolio's ledger in a real store,
 * sent through the main process's canonical adapter over HTTP to the sandbox, answered with the premium; a
 * repeat under the same key is the same declaration, a later send of the period a correction. Atradius and
 * Allianz Trade have no API for it: their adapters offer none, and the sandbox in their dialect has no route.
 */
const today = TEST_NOW.slice(0, 10) as IsoDate;
let sandbox: TestSandbox;
let db: KredoDb;
let storeNumber = 0;
const random = seededRandom(18);
const clientDeps = () => ({ now: () => new Date(TEST_NOW), random: () => random.next(), sleep: async () => undefined, maxAttempts: 5, retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 } });

beforeEach(async () => {
  sandbox = await startTestSandbox();
  storeNumber += 1;
  db = await openDemoStore(`turnover-${storeNumber}`, today);
});
afterEach(async () => {
  db.close();
  await sandbox.stop();
});

const canonical = () => createDialectGateway({ baseUrl: `${sandbox.server.url}/v1`, policyId: POLICY }, { dialect: 'canonical', apiKey: sandbox.server.apiKey }, clientDeps());

describe('turnover declarations against the sandbox', () => {
  it('canonical: the month computed from the ledger is declared, priced, repeated safely and corrected', async () => {
    const gateway = canonical();
    // The insurer's terms say monthly (as the sync stores them).
    const terms = policyTermsFrom(await gateway.policyTerms());
    expect(terms.turnoverDeclarationFrequency).toBe('monthly');
    await db.policies.put(terms);

    const { draft } = await prepareTurnoverDeclaration(db, { period: '2026-02' });
    expect(draft.complete).toBe(true);
    expect(draft.lines.map((line) => line.country)).toEqual(['GB', 'NL', 'SE']);
    expect(draft.lines.every((line) => line.invoiceCount > 0)).toBe(true);

    const first = await beginTurnoverSend(db, { period: '2026-02', at: TEST_NOW, mode: 'send' });
    const receipt = await gateway.declareTurnover!(first.submission);
    expect(receipt).toMatchObject({ period: '2026-02', version: 1, correctionOf: null, totalMinor: draft.totalMinor, currency: 'EUR', premiumRate: '0.0030' });
    expect(receipt.premiumMinor).toBe(Math.round((draft.totalMinor * 3) / 1000));

    // The answer was lost: Send again repeats the same version under the same key, and the insurer books nothing new.
    const again = await beginTurnoverSend(db, { period: '2026-02', at: TEST_NOW, mode: 'send' });
    expect(again.submission.idempotencyKey).toBe(first.submission.idempotencyKey);
    expect((await gateway.declareTurnover!(again.submission)).declarationId).toBe(receipt.declarationId);
    await recordTurnoverReceipt(db, { id: first.record.id, receipt, at: TEST_NOW });

    const correction = await beginTurnoverSend(db, { period: '2026-02', at: TEST_NOW, mode: 'send' });
    const corrected = await gateway.declareTurnover!(correction.submission);
    expect(corrected).toMatchObject({ version: 2, correctionOf: receipt.declarationId });
    await recordTurnoverReceipt(db, { id: correction.record.id, receipt: corrected, at: TEST_NOW });

    const token = await sandbox.signIn();
    const listed = (await sandbox.call('GET', `/v1/policies/${POLICY}/turnover-declarations?period=2026-02`, { token })).body as { items: { declarationId: string; status: string }[] };
    expect(listed.items.map((item) => [item.declarationId, item.status])).toEqual([[receipt.declarationId, 'SUPERSEDED'], [corrected.declarationId, 'ACCEPTED']]);
    expect((await turnoverHistory(db)).map((record) => [record.version, record.state])).toEqual([[2, 'sent'], [1, 'sent']]);
  });

  it('canonical: the insurer refuses a month that has not ended', async () => {
    const { submission } = await beginTurnoverSend(db, { period: '2026-02', at: TEST_NOW, mode: 'send' });
    await expect(canonical().declareTurnover!({ ...submission, period: '2026-03', idempotencyKey: 'turnover:test:2026-03:v1' })).rejects.toMatchObject({ code: 'insurer.refused', params: { status: 422, type: 'period_not_ended' } });
  });

  it('Atradius and Allianz Trade: no API for it, so their adapters offer none and Kredo keeps the figures prepared for the portal', async () => {
    expect(DIALECT_TURNOVER_DECLARATIONS).toEqual({ canonical: 'api', atradius: ATRADIUS_TURNOVER_DECLARATIONS, allianz: ALLIANZ_TURNOVER_DECLARATIONS });
    expect([ATRADIUS_TURNOVER_DECLARATIONS, ALLIANZ_TURNOVER_DECLARATIONS]).toEqual(['portal', 'portal']);
    const { appKey, clientId, clientSecret, customerId, policyId } = sandbox.server.atradius;
    const atradius = createDialectGateway({ baseUrl: sandbox.server.url, policyId, customerId }, { dialect: 'atradius', appKey, clientId, clientSecret }, clientDeps());
    const allianz = createDialectGateway({ baseUrl: sandbox.server.url, policyId: sandbox.server.allianz.policyId, businessUnitCode: sandbox.server.allianz.businessUnitCode }, { dialect: 'allianz', apiKey: sandbox.server.allianz.apiKey }, clientDeps());
    expect(atradius.declareTurnover).toBeUndefined();
    expect(allianz.declareTurnover).toBeUndefined();
    // What Kredo prepares for the portal instead: the same figures, kept as exported.
    const { record } = await beginTurnoverSend(db, { period: '2026-02', at: TEST_NOW, mode: 'export' });
    expect(record).toMatchObject({ state: 'exported', version: 1, period: '2026-02' });
  });
});
