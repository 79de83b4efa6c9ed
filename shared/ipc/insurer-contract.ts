import { z } from 'zod';
import { IDENTIFIER_TYPES } from '../domain/identifiers/identifier-type';
import { insurerCoverSchema } from '../sync/insurer-cover';
import { LIMIT_REQUEST_TYPES } from '../sync/limit-outbox';

/**
 * The schemas of the insurer channels: the data worker's sync engine asks, the main process speaks HTTP
 * with the credentials (shared/sync/insurer-sync-port.ts). Covers are checked on both sides.
 */
export const insurerContract = {
  insurerFullResync: {
    request: z.strictObject({}),
    response: z.strictObject({ covers: z.array(insurerCoverSchema).max(100_000), cursor: z.string().min(1).max(2_000) }),
  },
  insurerChanges: {
    request: z.strictObject({ cursor: z.string().min(1).max(2_000) }),
    response: z.strictObject({ items: z.array(z.unknown()).max(10_000), nextCursor: z.string().min(1).max(2_000), hasMore: z.boolean() }),
  },
  insurerLookupBuyer: {
    request: z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/), identifiers: z.array(z.strictObject({ type: z.enum(IDENTIFIER_TYPES), value: z.string().min(1).max(40) })).max(10) }),
    response: z.strictObject({ companyId: z.string().max(100).nullable() }),
  },
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
      }),
      buyer: z.strictObject({ companyId: z.string().min(1).max(100), customerCode: z.string().min(1).max(100) }),
    }),
    response: z.strictObject({ decided: z.boolean(), requestId: z.string().max(100).optional(), cover: insurerCoverSchema.optional() }),
  },
} as const;
