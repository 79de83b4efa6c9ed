import { z } from 'zod';
import { IDENTIFIER_TYPES } from '../domain/identifiers/identifier-type';
import { buyerCheckSchema } from '../sync/buyer-check';
import { CHECK_REQUEST_KINDS, checkAnswerSchema, checkRequestSchema } from '../sync/check-request';
import { insurerCoverSchema } from '../sync/insurer-cover';
import { INSURER_DIALECTS } from '../sync/insurer-dialect';
import { rejectedItemSchema } from '../sync/insurer-rejects';
import { LIMIT_REQUEST_TYPES } from '../sync/limit-outbox';
import { LOSS_KINDS } from '../sync/loss-submission';
import { insurerPolicySchema } from '../sync/policy-terms';
import { isIsoDate } from '../time/iso-date';

/**
 * Which insurer Kredo syncs with: the built-in sandbox (the default, so a new user can try the sync), or
 * an insurer's API at a URL under a policy. The API key is never in these settings: it goes to the main
 * process's secret store and is never sent back.
 */
export const insurerConnectionSettingsSchema = z
  .discriminatedUnion('mode', [
    // The sandbox speaks every dialect (electron/sandbox): trying Atradius's needs no Atradius account.
    z.strictObject({ mode: z.literal('sandbox'), dialect: z.enum(INSURER_DIALECTS).optional() }),
    z.strictObject({
      mode: z.literal('insurer'),
      /** The insurer's API dialect (shared/sync/insurer-dialect.ts); absent is Kredo's canonical API, as before issue 18. */
      dialect: z.enum(INSURER_DIALECTS).optional(),
      // Up to and including the API version, e.g. https://api.insurer.example/v1 (Atradius: the host). Plain http only on this machine.
      baseUrl: z.url({ protocol: /^https?$/ }).max(500).refine((url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(`${url}/`), 'https, or http on this machine'),
      policyId: z.string().min(1).max(100).regex(/^[\w.-]+$/),
      /** Atradius scopes every call by customer id as well as policy id. */
      customerId: z.string().min(1).max(100).regex(/^[\w.-]+$/).optional(),
      /** Allianz Trade addresses a policy by business unit and policy id (insurer-apis.md §1.1.5: `ACI`, `EHSE`, …). */
      businessUnitCode: z.string().min(1).max(20).regex(/^[\w-]+$/).optional(),
    }),
  ])
  .refine((settings) => settings.mode === 'sandbox' || settings.dialect !== 'atradius' || settings.customerId !== undefined, { message: 'Atradius needs the customer id', path: ['customerId'] })
  .refine((settings) => settings.mode === 'sandbox' || settings.dialect !== 'allianz' || settings.businessUnitCode !== undefined, { message: 'Allianz Trade needs the business unit', path: ['businessUnitCode'] });
export type InsurerConnectionSettings = z.infer<typeof insurerConnectionSettingsSchema>;
export const SANDBOX_CONNECTION: InsurerConnectionSettings = { mode: 'sandbox' };

const connectionView = z.strictObject({
  settings: insurerConnectionSettingsSchema,
  /** Changes whenever the insurer or policy changes: the sync then forgets its cursor and reads everything. */
  connectionId: z.string().max(700),
  /** A key is stored that this connection may use: the sandbox, or a key entered for this URL's origin. */
  hasApiKey: z.boolean(),
  /**
   * The origin (scheme, host, port) the stored key was entered for, the only one it is sent to; null when no
   * key is stored. Not a secret: the form asks for the key again when the URL's origin differs.
   */
  apiKeyOrigin: z.string().max(500).nullable(),
  /** The dialect spoken, and what its API can do: the screens offer only that and say where the rest is done. */
  dialect: z.enum(INSURER_DIALECTS),
  capabilities: z.strictObject({ lossSubmissions: z.boolean(), lossKinds: z.array(z.enum(LOSS_KINDS)).max(3), changeFeed: z.boolean(), checkRequests: z.array(z.enum(CHECK_REQUEST_KINDS)).max(2) }),
});
export type InsurerConnectionView = z.infer<typeof connectionView>;

/**
 * What a dialect signs in with, typed once in Settings and kept in the main process's secret store, bound to
 * the URL's origin: an API key, or Atradius's app key, client id and client secret (insurer-apis.md §1.2.2).
 */
const secret = z.string().trim().min(4).max(500);
export const insurerCredentialsSchema = z.discriminatedUnion('dialect', [
  z.strictObject({ dialect: z.literal('canonical'), apiKey: secret.min(8) }),
  z.strictObject({ dialect: z.literal('atradius'), appKey: secret, clientId: secret, clientSecret: secret }),
  // Allianz Trade's API key (a base64 `email:secret` in public client code) buys a bearer token (§1.1.2).
  z.strictObject({ dialect: z.literal('allianz'), apiKey: secret.min(8) }),
]);
export type InsurerCredentials = z.infer<typeof insurerCredentialsSchema>;

const businessDate = z.string().refine(isIsoDate, 'not a YYYY-MM-DD date');
const minorAmount = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** The outbox entry's key for the insurer (its id, or a new UUID after a look-up found nothing: outbox-check.ts). */
const idempotencyKey = z.string().min(8).max(64);
const identifiersSchema = z.array(z.strictObject({ type: z.enum(IDENTIFIER_TYPES), value: z.string().min(1).max(40) })).max(10);

/**
 * The schemas of the insurer channels: the data worker's sync engine asks, the main process speaks HTTP
 * with the credentials (shared/sync/insurer-sync-port.ts). Covers are checked on both sides.
 */
export const insurerContract = {
  insurerFullResync: {
    request: z.strictObject({}),
    response: z.strictObject({ covers: z.array(insurerCoverSchema).max(100_000), cursor: z.string().min(1).max(2_000), rejected: z.array(rejectedItemSchema).max(100_000).optional() }),
  },
  insurerChanges: {
    request: z.strictObject({ cursor: z.string().min(1).max(2_000) }),
    response: z.strictObject({ items: z.array(z.unknown()).max(10_000), nextCursor: z.string().min(1).max(2_000), hasMore: z.boolean() }),
  },
  insurerLookupBuyer: {
    request: z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/), identifiers: identifiersSchema }),
    response: z.strictObject({ companyId: z.string().max(100).nullable() }),
  },
  /** The credit check before trading (issue 18 item 3): null when the insurer knows no buyer by these identifiers. */
  insurerCheckBuyer: {
    request: z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/), identifiers: identifiersSchema }),
    response: z.strictObject({ buyer: buyerCheckSchema.nullable() }),
  },
  /** A grade-only request or a credit check on a prospective buyer (issue 18 item 3), answered at once. */
  insurerRequestCheck: { request: checkRequestSchema, response: checkAnswerSchema },
  insurerSubmit: {
    request: z.strictObject({
      entry: z.object({
        id: z.string().min(8).max(64),
        debtorId: z.string().min(1).max(100),
        type: z.enum(LIMIT_REQUEST_TYPES),
        amountMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
        currency: z.string().regex(/^[A-Z]{3}$/),
        createdAt: z.string().max(40),
        state: z.literal('SUBMITTED_LOCAL'),
        attempts: z.number().int().nonnegative(),
        idempotencyKey: idempotencyKey.optional(),
      }),
      buyer: z.strictObject({ companyId: z.string().min(1).max(100), customerCode: z.string().min(1).max(100) }),
    }),
    response: z.strictObject({ decided: z.boolean(), requestId: z.string().max(100).optional(), cover: insurerCoverSchema.optional(), rejected: rejectedItemSchema.optional() }),
  },
  insurerSubmitLoss: {
    request: z.strictObject({
      entry: z.object({
        id: z.string().min(8).max(64),
        debtorId: z.string().min(1).max(100),
        kind: z.enum(LOSS_KINDS),
        createdAt: z.string().max(40),
        invoices: z
          .array(z.object({ number: z.string().min(1).max(60), issueDate: businessDate, dueDate: businessDate, netAmountMinor: minorAmount, grossAmountMinor: minorAmount, currency: z.string().regex(/^[A-Z]{3}$/) }))
          .min(1)
          .max(500),
        detail: z.object({
          category: z.enum(['OVD', 'EXP', 'RES']).optional(),
          newDueDate: businessDate.optional(),
          caseType: z.enum(['MONITOR', 'COLLECTION', 'CLAIM_COLLECTION']).optional(),
          cause: z.enum(['INSOLVENCY', 'PROTRACTED_DEFAULT', 'POLITICAL']).optional(),
          overdueId: z.string().max(100).optional(),
          caseId: z.string().max(100).optional(),
        }),
        state: z.literal('SUBMITTED_LOCAL'),
        attempts: z.number().int().nonnegative(),
        idempotencyKey: idempotencyKey.optional(),
      }),
      buyer: z.strictObject({ companyId: z.string().min(1).max(100), customerCode: z.string().min(1).max(100) }),
    }),
    response: z.strictObject({ insurerId: z.string().min(1).max(100), status: z.string().max(40) }),
  },
  /** The insurer's own lists, where a request or submission whose answer was lost is looked up (outbox-check.ts). */
  insurerCoverRequests: {
    request: z.strictObject({ companyId: z.string().min(1).max(100), since: z.iso.datetime() }),
    response: z.strictObject({
      records: z
        .array(z.strictObject({ requestId: z.string().min(1).max(100), type: z.string().max(40), amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable(), currency: z.string().regex(/^[A-Z]{3}$/), status: z.string().max(40), receivedAt: z.string().max(40), coverId: z.string().max(100).optional() }))
        .max(100),
    }),
  },
  insurerLossRecords: {
    request: z.strictObject({ kind: z.enum(LOSS_KINDS), companyId: z.string().min(1).max(100), since: z.iso.datetime() }),
    response: z.strictObject({
      records: z.array(z.strictObject({ insurerId: z.string().min(1).max(100), status: z.string().max(40), receivedAt: z.string().max(40), invoiceNumbers: z.array(z.string().max(60)).max(500), variant: z.string().max(40).nullable() })).max(100),
    }),
  },
  insurerLossStatus: {
    request: z.strictObject({ kind: z.enum(LOSS_KINDS), insurerId: z.string().min(1).max(100) }),
    response: z.strictObject({ records: z.array(z.record(z.string(), z.unknown())).max(5) }),
  },
  insurerGetConnection: { request: z.strictObject({}), response: connectionView },
  /** Saves the connection after signing in and reading the policy with it; a failure changes nothing. */
  insurerSetConnection: {
    request: z.strictObject({ settings: insurerConnectionSettingsSchema, apiKey: z.string().min(8).max(500).optional(), credentials: insurerCredentialsSchema.optional() }),
    response: connectionView,
  },
  insurerPolicyTerms: { request: z.strictObject({}), response: insurerPolicySchema },
  /** The built-in sandbox's controls, for trying the sync by hand: let time pass, make the insurer cut a limit or go into maintenance. */
  insurerSandboxControl: {
    request: z.discriminatedUnion('action', [
      z.strictObject({ action: z.literal('advanceClock'), hours: z.number().int().min(1).max(24 * 400) }),
      z.strictObject({ action: z.literal('maintenance'), hours: z.number().int().min(1).max(24) }),
      z.strictObject({ action: z.literal('announceReduction'), country: z.string().regex(/^[A-Z]{2}$/), identifiers: identifiersSchema, newAmountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional() }),
    ]),
    response: z.strictObject({ insurerNow: z.string().max(40) }),
  },
} as const;
