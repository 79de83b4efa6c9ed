import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insurerCoverSchema } from '../../shared/sync/insurer-cover';
import { buyerWithCover, POLICY, seededState, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

/**
 * The sandbox's faults in the insurer's data itself (issue 15): a cover re-issued under a new cover id, and
 * covers whose payload does not fit the canonical schema. Both are things real insurers do and the app must
 * survive; the sandbox's own covers are never harmed by them (the second fault only changes what is sent).
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
const coversOf = async (companyId: string) => (await sandbox.call('GET', `${base}/covers?companyId=${companyId}&pageSize=500`, { token })).body.items as { coverId: string; status: string; decidedAmount: unknown; version: number }[];
const seededCover = (companyId: string) => seededState().covers.find((cover) => cover.companyId === companyId)!;

describe('insurer sandbox: covers re-issued under a new id', () => {
  it('cancels the cover in force and issues the decision under a new cover id whose version starts again at 1; the feed carries both', async () => {
    const buyer = buyerWithCover((grade) => grade <= 6);
    const old = seededCover(buyer.companyId);
    const { nextCursor } = (await sandbox.call('GET', `${base}/changes`, { token })).body;
    expect((await sandbox.admin('POST', '/faults', { reissueCovers: true })).body).toMatchObject({ reissueCovers: true });

    const reduced = Math.floor(old.decidedAmountMinor / 200_000) * 1_000;
    const answer = await sandbox.write('POST', `${base}/cover-requests`, token, { companyId: buyer.companyId, type: 'REDUCE', requestedAmount: `${reduced}.00`, currency: 'EUR' });
    expect(answer.status).toBe(201);
    const fresh = insurerCoverSchema.parse(answer.body.cover);
    expect(fresh).toMatchObject({ status: 'APPROVED', decidedAmount: `${reduced}.00`, version: 1 });
    expect(fresh.coverId).not.toBe(old.coverId);
    expect(answer.body.request.coverId).toBe(fresh.coverId);

    expect(await coversOf(buyer.companyId)).toEqual([
      expect.objectContaining({ coverId: old.coverId, status: 'CANCELLED', decidedAmount: '0.00', version: old.version + 1 }),
      expect.objectContaining({ coverId: fresh.coverId, status: 'APPROVED', version: 1 }),
    ]);
    const events = (await sandbox.call('GET', `${base}/changes?cursor=${nextCursor}`, { token })).body.items as { type: string; data: { cover?: { coverId: string } } }[];
    expect(events.filter((event) => event.data.cover).map((event) => [event.type, event.data.cover!.coverId])).toEqual([['LIMIT_CANCELLED', old.coverId], ['DECISION_ISSUED', fresh.coverId]]);

    // Without the fault the buyer's requests go to the cover in force again, the re-issued one.
    await sandbox.admin('DELETE', '/faults');
    const again = await sandbox.write('POST', `${base}/cover-requests`, token, { companyId: buyer.companyId, type: 'REDUCE', requestedAmount: `${reduced - 1_000}.00`, currency: 'EUR' });
    expect(again.body.cover).toMatchObject({ coverId: fresh.coverId, version: 2 });
  });
});

describe('insurer sandbox: covers that do not fit the schema', () => {
  it('sends the chosen buyers’ covers with a malformed amount in the cover list, the change feed and a request’s answer, and only while the fault is on', async () => {
    const buyer = buyerWithCover((grade) => grade <= 6);
    const other = buyerWithCover((grade) => grade <= 6, 1);
    const { nextCursor } = (await sandbox.call('GET', `${base}/changes`, { token })).body;
    await sandbox.admin('POST', '/faults', { malformedCoverBuyers: [buyer.companyId] });

    const [broken] = await coversOf(buyer.companyId);
    expect(typeof broken!.decidedAmount).toBe('number');
    expect(insurerCoverSchema.safeParse(broken).success).toBe(false);
    expect(insurerCoverSchema.safeParse((await coversOf(other.companyId))[0]).success).toBe(true);

    const reduced = Math.floor(seededCover(buyer.companyId).decidedAmountMinor / 200_000) * 1_000;
    const answer = await sandbox.write('POST', `${base}/cover-requests`, token, { companyId: buyer.companyId, type: 'REDUCE', requestedAmount: `${reduced}.00`, currency: 'EUR' });
    expect(answer.status).toBe(201);
    expect(answer.body.cover.decidedAmount).toBe(reduced);
    const feed = (await sandbox.call('GET', `${base}/changes?cursor=${nextCursor}`, { token })).body.items as { data: { cover?: unknown } }[];
    expect(feed.filter((event) => event.data.cover).map((event) => insurerCoverSchema.safeParse(event.data.cover).success)).toEqual([false]);

    await sandbox.admin('DELETE', '/faults');
    expect(insurerCoverSchema.safeParse((await coversOf(buyer.companyId))[0]).success).toBe(true);
    expect((await sandbox.admin('POST', '/faults', { malformedCoverBuyers: 'everyone' })).status).toBe(400);
  });
});
