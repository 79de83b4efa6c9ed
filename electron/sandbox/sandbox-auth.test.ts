import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POLICY, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.stop();
});

const covers = `/v1/policies/${POLICY}/covers`;

describe('insurer sandbox: token authentication', () => {
  it('trades the API key for a bearer token that opens the API', async () => {
    const answer = await sandbox.call('POST', '/v1/auth/token', { body: { apiKey: sandbox.server.apiKey } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect((await sandbox.call('GET', covers, { token: answer.body.access_token })).status).toBe(200);
  });

  it('accepts client credentials the Atradius way: a form with HTTP Basic', async () => {
    const basic = Buffer.from(`kredo-demo:${sandbox.server.apiKey}`).toString('base64');
    const answer = await sandbox.call('POST', '/v1/auth/token', { body: 'grant_type=client_credentials', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}` } });
    expect(answer.status).toBe(200);
    expect(typeof answer.body.access_token).toBe('string');
  });

  it('answers 401 problem+json without a token or with an unknown one', async () => {
    const missing = await sandbox.call('GET', covers);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 401, type: expect.stringMatching(/token_missing$/), instance: covers });
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await sandbox.call('GET', covers, { token: 'made-up' })).status).toBe(401);
  });

  it('lets a token expire after an hour of virtual time; there is no refresh, only a new sign-in', async () => {
    const token = await sandbox.signIn();
    await sandbox.admin('POST', '/clock', { advance: 'PT59M' });
    expect((await sandbox.call('GET', covers, { token })).status).toBe(200);
    await sandbox.admin('POST', '/clock', { advance: 'PT1M' });
    const expired = await sandbox.call('GET', covers, { token });
    expect(expired.status).toBe(401);
    expect(expired.body.type).toMatch(/token_expired$/);
    expect((await sandbox.call('GET', covers, { token: await sandbox.signIn() })).status).toBe(200);
  });

  it('expires every token at once when the admin forces it', async () => {
    const token = await sandbox.signIn();
    expect((await sandbox.admin('POST', '/tokens/expire')).body).toEqual({ expired: 1 });
    expect((await sandbox.call('GET', covers, { token })).status).toBe(401);
  });

  it('locks the caller out after five bad keys, even for the right key, until the lockout ends', async () => {
    const attempt = (apiKey: string) => sandbox.call('POST', '/v1/auth/token', { body: { apiKey } });
    for (let failure = 1; failure <= 4; failure += 1) expect((await attempt('wrong')).status).toBe(401);
    const fifth = await attempt('wrong');
    expect(fifth.status).toBe(429);
    expect(fifth.body.type).toMatch(/auth_locked$/);
    expect(fifth.headers.get('retry-after')).toBe('300');

    const whileLocked = await attempt(sandbox.server.apiKey);
    expect(whileLocked.status).toBe(429);
    expect(Number(whileLocked.headers.get('retry-after'))).toBeGreaterThan(0);

    await sandbox.admin('POST', '/clock', { advance: 'PT5M' });
    expect((await attempt(sandbox.server.apiKey)).status).toBe(200);
  });

  it('doubles the lockout for a caller that keeps guessing', async () => {
    const attempt = () => sandbox.call('POST', '/v1/auth/token', { body: { apiKey: 'wrong' } });
    for (let failure = 1; failure <= 5; failure += 1) await attempt();
    await sandbox.admin('POST', '/clock', { advance: 'PT5M' });
    for (let failure = 1; failure <= 4; failure += 1) await attempt();
    expect((await attempt()).headers.get('retry-after')).toBe('600');
  });

  it('refuses a body without an API key as malformed (400), not as a failed sign-in', async () => {
    const answer = await sandbox.call('POST', '/v1/auth/token', { body: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ source: { pointer: '/apiKey' } })]);
  });

  it('keeps admin routes behind the admin token', async () => {
    const answer = await sandbox.call('GET', '/admin/clock');
    expect(answer.status).toBe(401);
    expect(answer.body.type).toMatch(/admin_token_required$/);
    expect((await sandbox.call('GET', '/admin/clock', { token: await sandbox.signIn() })).status).toBe(401);
  });
});
