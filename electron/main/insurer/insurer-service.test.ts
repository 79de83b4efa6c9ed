import { writeFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/time/clock';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { buyerWithoutCover, POLICY, seededState, startTestSandbox, TEST_NOW, type TestSandbox } from '../../sandbox/sandbox-test-kit';
import { createSecretStore, plaintextSecretCodec } from '../services/secret-store';
import { openSettingsStore } from '../services/settings-store';
import { createInsurerService, INSURER_API_KEY_SECRET, type InsurerService } from './insurer-service';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let service: InsurerService;
let external: TestSandbox | undefined;
const listeners: Server[] = [];

/**
 * An HTTP server on its own port (so its own origin) that records every request and answers `answer`:
 * it stands for a URL a compromised page would point the insurer settings at, to collect the stored key.
 */
async function startCollector(answer: (response: ServerResponse) => void = (response) => response.writeHead(404).end()) {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push(`${request.method} ${request.url} ${body}`);
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listeners.push(server);
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, requests };
}

async function open() {
  const logger = createMemoryLogger();
  const settings = await openSettingsStore({ userDataDir: dir.path, defaults: { language: 'en' }, logger });
  const secrets = createSecretStore({ userDataDir: dir.path, codec: plaintextSecretCodec, logger });
  service = createInsurerService({ stateFile: path.join(dir.path, 'insurer-sandbox', 'state.json'), clock: fixedClock(TEST_NOW), logger, settings, secrets, maxAttempts: 2 });
  return { settings, secrets };
}

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await service.close();
  await external?.stop();
  external = undefined;
  for (const server of listeners.splice(0)) await new Promise((resolve) => server.close(resolve));
  await dir.remove();
});

describe('the insurer connection', () => {
  it('is the built-in sandbox by default, whose policy terms arrive in minor units and days', async () => {
    await open();
    expect(await service.connection()).toEqual({ settings: { mode: 'sandbox' }, connectionId: 'sandbox', hasApiKey: true, apiKeyOrigin: null, dialect: 'canonical', capabilities: { lossSubmissions: true, lossKinds: ['overdue', 'collection', 'claim'], changeFeed: true, checkRequests: ['GRADE_ONLY', 'CREDIT_CHECK'] } });
    const terms = await (await service.port()).policyTerms();
    expect(terms).toMatchObject({ policyId: POLICY, currency: 'EUR', insuredPercentageBp: 9000, discretionaryLimitMax: '25000.00' });
    expect(terms.overdueNotificationDays).toBeGreaterThan(0);
  });

  it('switches to an insurer URL only when signing in with the key works, and keeps the key out of the settings file', async () => {
    const { settings, secrets } = await open();
    external = await startTestSandbox();
    const target = { mode: 'insurer' as const, baseUrl: `${external.server.url}/v1`, policyId: POLICY };

    await expect(service.configure(target, 'ks_wrong_key_123')).rejects.toMatchObject({ code: 'insurer.refused', params: { status: 401 } });
    expect(settings.get().insurer).toEqual({ mode: 'sandbox' });
    expect(await secrets.boundOrigin(INSURER_API_KEY_SECRET)).toBeUndefined();

    const view = await service.configure(target, external.server.apiKey);
    expect(view).toEqual({ settings: target, connectionId: `${target.baseUrl}#${POLICY}`, hasApiKey: true, apiKeyOrigin: external.server.url, dialect: 'canonical', capabilities: { lossSubmissions: true, lossKinds: ['overdue', 'collection', 'claim'], changeFeed: true, checkRequests: ['GRADE_ONLY', 'CREDIT_CHECK'] } });
    expect(JSON.stringify(settings.get())).not.toContain(external.server.apiKey);
    expect(await secrets.get(INSURER_API_KEY_SECRET, external.server.url)).toBe(external.server.apiKey);
    // The sync now reads the other insurer's covers.
    const { covers } = await (await service.port()).fullResync();
    expect(covers).toHaveLength(seededState().covers.length);
  });

  it('refuses an insurer without a key, and the sandbox controls once an insurer URL is chosen', async () => {
    await open();
    external = await startTestSandbox();
    await expect(service.configure({ mode: 'insurer', baseUrl: `${external.server.url}/v1`, policyId: POLICY })).rejects.toMatchObject({ code: 'insurer.apiKeyMissing' });
    await service.configure({ mode: 'insurer', baseUrl: `${external.server.url}/v1`, policyId: POLICY }, external.server.apiKey);
    await expect(service.sandboxControl({ action: 'advanceClock', hours: 24 })).rejects.toMatchObject({ code: 'insurer.notSandbox' });
  });
});

describe('the stored API key', () => {
  it('goes only to the origin it was entered for: a new address needs the key again, and nothing reaches it', async () => {
    const { settings } = await open();
    external = await startTestSandbox();
    const insurer = { mode: 'insurer' as const, baseUrl: `${external.server.url}/v1`, policyId: POLICY };
    await service.configure(insurer, external.server.apiKey);
    const collector = await startCollector();

    await expect(service.configure({ ...insurer, baseUrl: `${collector.origin}/v1` })).rejects.toMatchObject({
      code: 'insurer.apiKeyOtherOrigin',
      params: { keyOrigin: external.server.url, origin: collector.origin },
    });
    expect(collector.requests).toEqual([]);
    expect(settings.get().insurer).toEqual(insurer);
    // The same origin (another policy, the same API) keeps using the stored key.
    await expect(service.configure({ ...insurer, policyId: 'sandbox-2002' })).rejects.toMatchObject({ code: 'insurer.refused' });
    expect((await service.configure(insurer)).hasApiKey).toBe(true);
    expect(await service.connection()).toMatchObject({ hasApiKey: true, apiKeyOrigin: external.server.url });
  });

  it('is not used again after switching to the sandbox and back to an insurer at another address', async () => {
    await open();
    external = await startTestSandbox();
    const insurer = { mode: 'insurer' as const, baseUrl: `${external.server.url}/v1`, policyId: POLICY };
    await service.configure(insurer, external.server.apiKey);
    await service.configure({ mode: 'sandbox' });
    expect(await service.connection()).toMatchObject({ hasApiKey: true, apiKeyOrigin: external.server.url });
    const collector = await startCollector();
    await expect(service.configure({ ...insurer, baseUrl: `${collector.origin}/v1` })).rejects.toMatchObject({ code: 'insurer.apiKeyOtherOrigin' });
    expect(collector.requests).toEqual([]);
  });

  it('is not handed on when the insurer’s address redirects elsewhere', async () => {
    await open();
    const collector = await startCollector();
    const redirecting = await startCollector((response) => response.writeHead(307, { Location: `${collector.origin}/v1/auth/token` }).end());
    await expect(service.configure({ mode: 'insurer', baseUrl: `${redirecting.origin}/v1`, policyId: POLICY }, 'ks_live_12345678')).rejects.toMatchObject({ code: 'insurer.refused', params: { status: 307 } });
    expect(redirecting.requests).toHaveLength(1);
    expect(collector.requests).toEqual([]);
  });

  it('stored before keys had origins, is bound to the insurer address saved then, and to nothing else', async () => {
    external = await startTestSandbox();
    const insurer = { mode: 'insurer' as const, baseUrl: `${external.server.url}/v1`, policyId: POLICY };
    // What an earlier Kredo left: the settings and the key without an origin (secrets.json before issue 15).
    await writeFile(path.join(dir.path, 'settings.json'), JSON.stringify({ language: 'en', insurer }));
    await writeFile(path.join(dir.path, 'secrets.json'), JSON.stringify({ [INSURER_API_KEY_SECRET]: plaintextSecretCodec.encrypt(external.server.apiKey) }));
    const { secrets } = await open();

    expect(await service.connection()).toMatchObject({ hasApiKey: true, apiKeyOrigin: external.server.url });
    const { covers } = await (await service.port()).fullResync();
    expect(covers).toHaveLength(seededState().covers.length);
    expect(await secrets.boundOrigin(INSURER_API_KEY_SECRET)).toBe(external.server.url);

    const collector = await startCollector();
    await expect(service.configure({ ...insurer, baseUrl: `${collector.origin}/v1` })).rejects.toMatchObject({ code: 'insurer.apiKeyOtherOrigin' });
    expect(collector.requests).toEqual([]);
  });

  it('stored before keys had origins while the sandbox was chosen, is sent nowhere: the key must be typed again', async () => {
    external = await startTestSandbox();
    await writeFile(path.join(dir.path, 'secrets.json'), JSON.stringify({ [INSURER_API_KEY_SECRET]: plaintextSecretCodec.encrypt(external.server.apiKey) }));
    await open();
    expect(await service.connection()).toMatchObject({ hasApiKey: true, apiKeyOrigin: null });
    await expect(service.configure({ mode: 'insurer', baseUrl: `${external.server.url}/v1`, policyId: POLICY })).rejects.toMatchObject({ code: 'insurer.apiKeyMissing' });
  });
});

describe('the sandbox controls', () => {
  it('move the insurer’s clock and make it announce a reduction the feed then carries', async () => {
    await open();
    const port = await service.port();
    const { cursor } = await port.fullResync();
    const { insurerNow } = await service.sandboxControl({ action: 'advanceClock', hours: 48 });
    expect(Date.parse(insurerNow) - Date.parse(TEST_NOW)).toBe(48 * 3_600_000);

    const insured = seededState();
    const cover = insured.covers.find((candidate) => candidate.status === 'APPROVED' && candidate.decidedAmountMinor >= 2_000_000 && !candidate.pendingChange)!;
    const company = insured.companies.find((candidate) => candidate.companyId === cover.companyId)!;
    await service.sandboxControl({ action: 'announceReduction', country: company.country, identifiers: company.identifiers, newAmountMinor: 1_000_000 });
    const page = await port.changes(cursor);
    const announced = page.items.map((item) => item as { type: string; data: { cover?: { coverId: string; pendingChange?: { newAmount: string } } } }).find((item) => item.type === 'LIMIT_REDUCTION_NOTIFIED');
    expect(announced?.data.cover).toMatchObject({ coverId: cover.coverId, pendingChange: { newAmount: '10000.00' } });
  });

  it('name the buyer the sandbox does not know', async () => {
    await open();
    const unknown = buyerWithoutCover(() => true);
    await expect(service.sandboxControl({ action: 'announceReduction', country: unknown.country, identifiers: unknown.identifiers })).rejects.toMatchObject({ code: 'insurer.refused', params: { type: 'no_cover_in_force' } });
  });
});

describe('the insurer connection in Atradius’s dialect (issue 18)', () => {
  it('connects with the three secrets only when they sign in, keeps them bound to the origin and out of the settings file, and says what Atradius lacks', async () => {
    const { secrets } = await open();
    external = await startTestSandbox();
    const { appKey, clientId, clientSecret, customerId } = external.server.atradius;
    const target = { mode: 'insurer' as const, dialect: 'atradius' as const, baseUrl: external.server.url, policyId: POLICY, customerId };

    await expect(service.configure(target, { dialect: 'atradius', appKey, clientId, clientSecret: 'not-the-secret' })).rejects.toMatchObject({ code: 'insurer.refused', params: { status: 401 } });
    await expect(service.configure(target)).rejects.toMatchObject({ code: 'insurer.credentialsMissing' });
    // An API key typed for Kredo's own API is never sent as Atradius's secrets.
    await expect(service.configure(target, 'ks_some_api_key')).rejects.toMatchObject({ code: 'insurer.credentialsMissing' });

    const view = await service.configure(target, { dialect: 'atradius', appKey, clientId, clientSecret });
    expect(view).toMatchObject({ settings: target, hasApiKey: true, apiKeyOrigin: external.server.url, dialect: 'atradius', capabilities: { lossSubmissions: false, changeFeed: false } });
    expect(view.connectionId).toContain('atradius');
    expect(await secrets.get('insurer.atradius.clientSecret', external.server.url)).toBe(clientSecret);
    const file = await import('node:fs/promises').then((fs) => fs.readFile(path.join(dir.path, 'settings.json'), 'utf8'));
    for (const secret of [appKey, clientSecret]) expect(file).not.toContain(secret);

    // The sync reads every cover through the Atradius adapter.
    const { covers } = await (await service.port()).fullResync();
    expect(covers.length).toBeGreaterThan(50);

    // Another origin needs the secrets again.
    await expect(service.configure({ ...target, baseUrl: 'http://127.0.0.1:9' })).rejects.toMatchObject({ code: 'insurer.credentialsOtherOrigin', params: { keyOrigin: external.server.url } });
  });

  it('lets the built-in sandbox speak Atradius, with its own secrets', async () => {
    await open();
    const view = await service.configure({ mode: 'sandbox', dialect: 'atradius' });
    expect(view).toMatchObject({ dialect: 'atradius', hasApiKey: true, connectionId: 'sandbox#atradius:' });
    expect(await (await service.port()).policyTerms()).toMatchObject({ policyId: POLICY, currency: 'EUR' });
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    const company = seededState().companies.find((candidate) => candidate.companyId === buyer.companyId)!;
    expect(await (await service.port()).lookupBuyer(company.country, company.identifiers)).toBe(buyer.companyId);
  });
});

describe('the insurer connection in Allianz Trade’s dialect (issue 18)', () => {
  it('connects with the API key only when it buys a token, keeps it bound to the origin, and says Allianz takes overdues but not claims', async () => {
    const { secrets } = await open();
    external = await startTestSandbox();
    const { apiKey, businessUnitCode } = external.server.allianz;
    const target = { mode: 'insurer' as const, dialect: 'allianz' as const, baseUrl: external.server.url, policyId: POLICY, businessUnitCode };

    await expect(service.configure(target, { dialect: 'allianz', apiKey: 'not-the-api-key' })).rejects.toMatchObject({ code: 'insurer.refused', params: { status: 401 } });
    // A business unit the key does not cover is refused before anything is saved.
    await expect(service.configure({ ...target, businessUnitCode: 'ACI' }, { dialect: 'allianz', apiKey })).rejects.toMatchObject({ code: 'insurer.refused', params: { status: 403 } });
    // Atradius's secrets are never sent as Allianz Trade's key.
    await expect(service.configure(target, { dialect: 'atradius', appKey: 'ak_1234', clientId: 'kredo-demo', clientSecret: apiKey })).rejects.toMatchObject({ code: 'insurer.credentialsMissing' });

    const view = await service.configure(target, { dialect: 'allianz', apiKey });
    expect(view).toMatchObject({ settings: target, hasApiKey: true, apiKeyOrigin: external.server.url, dialect: 'allianz', capabilities: { lossSubmissions: true, lossKinds: ['overdue'], changeFeed: false } });
    expect(view.connectionId).toContain('allianz');
    expect(await secrets.get('insurer.allianz.apiKey', external.server.url)).toBe(apiKey);
    const file = await import('node:fs/promises').then((fs) => fs.readFile(path.join(dir.path, 'settings.json'), 'utf8'));
    expect(file).not.toContain(apiKey);

    // The sync reads every cover through the Allianz adapter (cover search, 206 pages).
    const { covers } = await (await service.port()).fullResync(40);
    expect(covers.length).toBeGreaterThan(50);

    // Another origin needs the key again.
    await expect(service.configure({ ...target, baseUrl: 'http://127.0.0.1:9' })).rejects.toMatchObject({ code: 'insurer.apiKeyOtherOrigin', params: { keyOrigin: external.server.url } });
  });

  it('lets the built-in sandbox speak Allianz Trade, with its own key', async () => {
    await open();
    const view = await service.configure({ mode: 'sandbox', dialect: 'allianz' });
    expect(view).toMatchObject({ dialect: 'allianz', hasApiKey: true, connectionId: 'sandbox#allianz:' });
    expect(await (await service.port()).policyTerms()).toMatchObject({ policyId: POLICY, currency: 'EUR' });
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    const company = seededState().companies.find((candidate) => candidate.companyId === buyer.companyId)!;
    expect(await (await service.port()).lookupBuyer(company.country, company.identifiers)).toBe(buyer.companyId);
  });
});
