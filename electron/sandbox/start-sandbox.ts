import path from 'node:path';
import { createSandboxServer } from './sandbox-server';

/**
 * `npm run sandbox`: the insurer sandbox on its own, for trying the app's insurer sync by hand or pointing
 * another tool at it. State lives in $KREDO_SANDBOX_DIR/state.json (default `.sandbox/state.json` in the
 * current folder); $KREDO_SANDBOX_PORT picks the port (default 4455, 0 for any free one);
 * $KREDO_SANDBOX_TIER the portfolio a new state file is seeded from (S, the demo, unless told; L for benchmarks).
 * `npm run sandbox -- --dialect atradius` (or `allianz`) prints how to connect in Atradius's (Allianz Trade's)
 * dialect (issue 18): the server always serves every dialect from one state, so Kredo and another tool can each
 * speak their own.
 */
const folder = process.env.KREDO_SANDBOX_DIR ?? path.resolve('.sandbox');
const port = Number(process.env.KREDO_SANDBOX_PORT ?? 4455);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`KREDO_SANDBOX_PORT must be a port number, got ${process.env.KREDO_SANDBOX_PORT}`);
  process.exit(2);
}
const tier = process.env.KREDO_SANDBOX_TIER ?? 'S';
if (tier !== 'S' && tier !== 'M' && tier !== 'L') {
  console.error(`KREDO_SANDBOX_TIER must be S, M or L, got ${tier}`);
  process.exit(2);
}

const dialectAt = process.argv.indexOf('--dialect');
const dialect = dialectAt === -1 ? 'canonical' : process.argv[dialectAt + 1];
if (dialect !== 'canonical' && dialect !== 'atradius' && dialect !== 'allianz') {
  console.error(`--dialect must be canonical, atradius or allianz, got ${dialect}`);
  process.exit(2);
}

const sandbox = await createSandboxServer({
  stateFile: path.join(folder, 'state.json'),
  port,
  tier,
  ...(process.env.KREDO_SANDBOX_ADMIN_TOKEN && { adminToken: process.env.KREDO_SANDBOX_ADMIN_TOKEN }),
});

if (dialect === 'atradius') {
  const { appKey, clientId, clientSecret, customerId, policyId } = sandbox.atradius;
  console.log(`Kredo insurer sandbox speaking Atradius's dialect on ${sandbox.url}`);
  console.log(`  App key:       ${appKey}   (header Atradius-App-Key)`);
  console.log(`  Client ID:     ${clientId}`);
  console.log(`  Client secret: ${clientSecret}   (POST ${sandbox.url}/authenticate/v2/tokens, HTTP Basic)`);
  console.log(`  Customer ID:   ${customerId}   Policy: ${policyId}`);
} else if (dialect === 'allianz') {
  const { apiKey, businessUnitCode, policyId } = sandbox.allianz;
  console.log(`Kredo insurer sandbox speaking Allianz Trade's dialect on ${sandbox.url}`);
  console.log(`  API key:       ${apiKey}   (POST ${sandbox.url}/v1/idp/oauth2/authorize {"apiKey": "…"})`);
  console.log(`  Business unit: ${businessUnitCode}   Policy: ${policyId}`);
} else {
  console.log(`Kredo insurer sandbox listening on ${sandbox.url}/v1`);
  console.log(`  API key:     ${sandbox.apiKey}   (POST ${sandbox.url}/v1/auth/token {"apiKey": "…"})`);
}
console.log(`  Admin token: ${sandbox.admin.token}   (header X-Admin-Token, routes under ${sandbox.url}/admin)`);
console.log(`  State file:  ${path.join(folder, 'state.json')}`);
console.log('Press Ctrl+C to stop.');

const stop = () => {
  sandbox.close().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
