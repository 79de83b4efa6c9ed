import type { InsurerCredentials } from '../../../shared/ipc/insurer-contract';
import type { InsurerDialect } from '../../../shared/sync/insurer-dialect';
import type { Logger } from '../services/logger';
import type { SecretStore } from '../services/secret-store';
import { createAllianzGateway } from './dialects/allianz-gateway';
import { allianzAuth, allianzPaths } from './dialects/allianz-mapping';
import { createAtradiusGateway } from './dialects/atradius-gateway';
import { atradiusAuth } from './dialects/atradius-mapping';
import { createInsurerClient, type InsurerClientDeps } from './insurer-client';
import { createInsurerGateway, type InsurerGateway } from './insurer-gateway';

/**
 * The insurer port in each dialect (issue 18): the canonical client and gateway are one adapter, Atradius's
 * another, Allianz Trade's a third (dialects/); the sync engine sees the same InsurerSyncPort either way.
 */
export interface DialectTarget {
  readonly baseUrl: string;
  readonly policyId: string;
  /** Atradius only: the customer id every route is scoped by. */
  readonly customerId?: string;
  /** Allianz Trade only: the business unit that, with the policy id, addresses the policy. */
  readonly businessUnitCode?: string;
}

export function createDialectGateway(target: DialectTarget, credentials: InsurerCredentials, clientDeps: InsurerClientDeps, logger?: Pick<Logger, 'warn'>): InsurerGateway {
  if (credentials.dialect === 'atradius') {
    const client = createInsurerClient({ baseUrl: target.baseUrl, apiKey: '' }, clientDeps, atradiusAuth(credentials));
    return createAtradiusGateway(client, { customerId: target.customerId ?? '', policyId: target.policyId }, { baseUrl: target.baseUrl, ...(logger && { logger }) });
  }
  if (credentials.dialect === 'allianz') {
    // The client speaks to the origin; the address's path is the environment (UAT's `/uatm`), part of each route.
    const url = new URL(target.baseUrl);
    const paths = allianzPaths(url.pathname.replace(/\/+$/, ''));
    const client = createInsurerClient({ baseUrl: url.origin, apiKey: '' }, clientDeps, allianzAuth(credentials.apiKey, paths));
    // The main policy: an extension (DCL, CAP) is not asked for (insurer-apis.md §1.1.5).
    const policy = { businessUnitCode: target.businessUnitCode ?? '', policyId: target.policyId, extensionId: '' };
    return createAllianzGateway(client, policy, paths, { baseUrl: target.baseUrl, sleep: clientDeps.sleep, ...(logger && { logger }) });
  }
  return createInsurerGateway(createInsurerClient({ baseUrl: target.baseUrl, apiKey: credentials.apiKey }, clientDeps), target.policyId, logger ? { logger } : {});
}

/** Where each dialect's secrets live in the secret store; every one bound to the origin it was entered for. */
export const DIALECT_SECRET_NAMES = {
  canonical: { apiKey: 'insurer.apiKey' },
  atradius: { appKey: 'insurer.atradius.appKey', clientId: 'insurer.atradius.clientId', clientSecret: 'insurer.atradius.clientSecret' },
  allianz: { apiKey: 'insurer.allianz.apiKey' },
} as const satisfies Record<InsurerDialect, Record<string, string>>;

/** Stores a dialect's secrets for `origin` (all of them, so none is left bound to an older origin). */
export async function storeCredentials(secrets: SecretStore, credentials: InsurerCredentials, origin: string): Promise<void> {
  if (credentials.dialect === 'canonical') return secrets.set(DIALECT_SECRET_NAMES.canonical.apiKey, credentials.apiKey, origin);
  if (credentials.dialect === 'allianz') return secrets.set(DIALECT_SECRET_NAMES.allianz.apiKey, credentials.apiKey, origin);
  const names = DIALECT_SECRET_NAMES.atradius;
  await secrets.set(names.appKey, credentials.appKey, origin);
  await secrets.set(names.clientId, credentials.clientId, origin);
  await secrets.set(names.clientSecret, credentials.clientSecret, origin);
}

/** A dialect's stored secrets for `origin`, or undefined when any is missing or bound elsewhere (first origin found is reported). */
export async function storedCredentials(secrets: SecretStore, dialect: InsurerDialect, origin: string): Promise<{ readonly credentials?: InsurerCredentials; readonly boundOrigin?: string }> {
  const names: Record<string, string> = DIALECT_SECRET_NAMES[dialect];
  const values: Record<string, string> = {};
  for (const [field, name] of Object.entries(names)) {
    const bound = await secrets.boundOrigin(name);
    if (bound === undefined) return {};
    if (bound !== origin) return { boundOrigin: bound };
    const value = await secrets.get(name, origin);
    if (!value) return {};
    values[field] = value;
  }
  const first = await secrets.boundOrigin(Object.values(names)[0]!);
  return { credentials: { dialect, ...values } as InsurerCredentials, ...(first !== undefined && { boundOrigin: first }) };
}
