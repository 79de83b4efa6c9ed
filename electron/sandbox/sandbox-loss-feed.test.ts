import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/time/clock';
import { digestFeedPage, feedPageSchema } from '../../shared/sync/feed-page';
import { insurerCoverSchema } from '../../shared/sync/insurer-cover';
import { makeTempDir } from '../../tests/support/temp-dir';
import { createSandboxServer } from './sandbox-server';
import { isProspect } from './seed-prospects';
import { stateFile as openStateFile } from './state-file';
import { buyerWithCover, buyerWithoutCover, invoice, POLICY, seededState, startTestSandbox, TEST_NOW, type TestSandbox } from './sandbox-test-kit';

/**
 * The loss side on the change feed and the admin routes: the new event types, Kredo's feed reader taking
 * pages that carry them, grade changes, the admin state and reset, and state files from before.
 */
let sandbox: TestSandbox;
let token: string;
beforeEach(async () => {
  sandbox = await startTestSandbox();
  token = await sandbox.signIn();
});
afterEach(async () => {
  await sandbox.stop();
});

const base = `/v1/policies/${POLICY}`;
const unpaid = invoice('INV-5001', '2026-01-10', '2026-02-09', '4000.00', '4840.00');

/** Every loss event within two virtual hours: the insurer's delays shortened through the settings. */
async function lossActivity() {
  await sandbox.admin('POST', '/settings', { overdueResponseHours: 1, collectionStartHours: 1, collectionResolutionDays: 0, claimAssessmentHours: 1, claimDecisionDays: 0, indemnityPaymentDays: 0 });
  const banned = buyerWithCover((grade) => grade === 7 || grade === 8);
  const insolvent = buyerWithoutCover((grade) => grade <= 4);
  await sandbox.write('POST', `${base}/cover-requests`, token, { companyId: insolvent.companyId, requestedAmount: '20000.00', currency: 'EUR' });
  await sandbox.admin('POST', `/buyers/${insolvent.companyId}/grade`, { grade: 6 });
  await sandbox.write('POST', `${base}/overdues`, token, { companyId: banned.companyId, category: 'OVD', invoices: [unpaid] });
  await sandbox.write('POST', `${base}/collection-cases`, token, { companyId: banned.companyId, caseType: 'COLLECTION', invoices: [unpaid] });
  await sandbox.write('POST', `${base}/claims`, token, { companyId: insolvent.companyId, cause: 'INSOLVENCY', invoices: [unpaid] });
  await sandbox.admin('POST', '/clock', { advance: 'PT2H' });
  token = await sandbox.signIn();
  return { banned, insolvent };
}

describe('insurer sandbox: loss events on the change feed', () => {
  it('announces grades, overdue answers, supply bans, collections, claims and settlements, each carrying its resource', async () => {
    const start = (await sandbox.call('GET', `${base}/changes`, { token })).body.nextCursor;
    const { banned, insolvent } = await lossActivity();
    const items = (await sandbox.call('GET', `${base}/changes?limit=500&cursor=${encodeURIComponent(start)}`, { token })).body.items as { type: string; resourceType: string; companyId: string; data: Record<string, unknown> }[];
    const about = (companyId: string) => items.filter((item) => item.companyId === companyId).map((item) => `${item.type} ${item.resourceType} ${Object.keys(item.data).sort().join(',')}`);
    expect(about(insolvent.companyId)).toEqual([
      'REQUEST_RECEIVED cover-request request',
      'DECISION_ISSUED cover cover,request',
      'GRADE_CHANGED company company,previousGrade',
      'CLAIM_STATUS_CHANGED claim claim,previousStatus',
      'CLAIM_STATUS_CHANGED claim claim,previousStatus',
      'CLAIM_STATUS_CHANGED claim claim,previousStatus',
      'SETTLEMENT_PAID settlement settlement',
    ]);
    expect(about(banned.companyId)).toEqual([
      'OVERDUE_ACKNOWLEDGED overdue overdue',
      'SUPPLY_BAN_IMPOSED overdue overdue',
      'LIMIT_REDUCED cover cover,overdueId',
      'COLLECTION_STATUS_CHANGED collection-case collectionCase,previousStatus',
      'COLLECTION_STATUS_CHANGED collection-case collectionCase,previousStatus',
    ]);
    // (4,000.00 − 500.00) × 90 % = 3,150.00
    expect(items.find((item) => item.type === 'SETTLEMENT_PAID')?.data.settlement).toMatchObject({ paidAmount: '3150.00', paidAt: '2026-03-02T10:00:00.000Z' });
  });

  it('sends pages Kredo’s feed reader accepts: new events are read past, cover changes still reach the limits', async () => {
    const start = (await sandbox.call('GET', `${base}/changes`, { token })).body.nextCursor;
    const { banned } = await lossActivity();
    const page = feedPageSchema.parse((await sandbox.call('GET', `${base}/changes?limit=500&cursor=${encodeURIComponent(start)}`, { token })).body);
    const digest = digestFeedPage(page.items, new Set());
    expect(digest.unreadable).toBe(0);
    expect(digest.eventIds).toHaveLength(page.items.length);
    const server = (await sandbox.call('GET', `${base}/covers?companyId=${banned.companyId}`, { token })).body.items[0];
    expect(server).toMatchObject({ status: 'REDUCED', conditions: [expect.objectContaining({ code: 'SUPPLY_BAN' })] });
    expect(digest.covers.find((cover) => cover.companyId === banned.companyId)).toEqual(insurerCoverSchema.parse(server));
  });

  it('changes a grade only to a whole number from 1 to 10, for a buyer it knows, and only once', async () => {
    const buyer = buyerWithoutCover(() => true);
    expect((await sandbox.admin('POST', `/buyers/${buyer.companyId}/grade`, { grade: 11 })).status).toBe(400);
    expect((await sandbox.admin('POST', `/buyers/${buyer.companyId}/grade`, { grade: '3' })).status).toBe(400);
    expect((await sandbox.admin('POST', '/buyers/KSB-0/grade', { grade: 3 })).status).toBe(404);
    const newGrade = buyer.grade === 3 ? 4 : 3;
    expect((await sandbox.admin('POST', `/buyers/${buyer.companyId}/grade`, { grade: newGrade })).body.grade.value).toBe(newGrade);
    await sandbox.admin('POST', `/buyers/${buyer.companyId}/grade`, { grade: newGrade });
    const events = (await sandbox.call('GET', `${base}/changes`, { token })).body.items;
    expect(events).toEqual([expect.objectContaining({ type: 'GRADE_CHANGED', resourceId: buyer.companyId, data: { company: expect.objectContaining({ grade: expect.objectContaining({ value: newGrade }) }), previousGrade: buyer.grade } })]);
    expect((await sandbox.call('GET', `/v1/companies/${buyer.companyId}`, { token })).body.grade.value).toBe(newGrade);
  });

  it('counts the loss records in the admin state, and a reset clears them', async () => {
    await lossActivity();
    expect((await sandbox.admin('GET', '/state')).body).toMatchObject({ overdues: 1, unansweredOverdues: 0, collectionCases: 1, openCollectionCases: 0, claims: 1, openClaims: 0, settlements: 1 });
    await sandbox.admin('POST', '/reset');
    expect((await sandbox.admin('GET', '/state')).body).toMatchObject({ overdues: 0, collectionCases: 0, claims: 0, settlements: 0 });
  });
});

describe('insurer sandbox: state files', () => {
  it('gives a demo state file written before prospects existed the same prospects a fresh one has', async () => {
    const dir = await makeTempDir('kredo-sandbox-prospects-');
    const file = path.join(dir.path, 'state.json');
    const fresh = seededState();
    await writeFile(file, JSON.stringify({ ...fresh, companies: fresh.companies.filter((company) => !isProspect(company)) }));
    const loaded = (await openStateFile(file).load())!;
    expect(loaded.companies.filter(isProspect).map((company) => [company.companyId, company.legalName, company.identifiers, company.grade])).toEqual(fresh.companies.filter(isProspect).map((company) => [company.companyId, company.legalName, company.identifiers, company.grade]));
    expect(loaded.companies).toHaveLength(fresh.companies.length);
    await dir.remove();
  });

  it('loads a state file written before overdues, cases, claims and settlements existed, with empty lists', async () => {
    const dir = await makeTempDir('kredo-sandbox-old-');
    const stateFile = path.join(dir.path, 'state.json');
    const { overdues: _o, collectionCases: _c, claims: _cl, settlements: _s, ...old } = seededState();
    const { overdueResponseHours: _r, ...oldSettings } = old.settings;
    await writeFile(stateFile, JSON.stringify({ ...old, settings: oldSettings }));
    const server = await createSandboxServer({ stateFile, clock: fixedClock(TEST_NOW), adminToken: 'old-file' });
    try {
      const headers = { 'X-Admin-Token': 'old-file', 'Content-Type': 'application/json' };
      expect(await (await fetch(`${server.url}/admin/state`, { headers })).json()).toMatchObject({ companies: old.companies.length, overdues: 0, claims: 0 });
      expect((await (await fetch(`${server.url}/admin/settings`, { headers })).json()).overdueResponseHours).toBe(24);
      const { access_token } = await (await fetch(`${server.url}/v1/auth/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ apiKey: server.apiKey }) })).json();
      const listed = await fetch(`${server.url}${base}/claims`, { headers: { Authorization: `Bearer ${access_token}` } });
      expect(await listed.json()).toMatchObject({ items: [], totalItems: 0 });
      await server.close();
      expect(JSON.parse(await readFile(stateFile, 'utf8'))).toMatchObject({ overdues: [], collectionCases: [], claims: [], settlements: [] });
    } finally {
      await server.close();
      await dir.remove();
    }
  });
});
