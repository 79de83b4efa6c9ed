import { z } from 'zod';
import { insurerAmountToMinor } from './insurer-cover';
import type { LimitOutboxEntry } from './limit-outbox';
import type { LossKind, LossSubmission } from './loss-submission';

/**
 * Finding at the insurer a request or submission whose answer Kredo never received (outbox-check.ts). The
 * insurer's lists (insurer-apis.md §3.2 `GET /cover-requests?companyId=…`, like Allianz Trade's search of
 * pending cover requests; `GET /overdues`, `/collection-cases`, `/claims`) do not show Idempotency-Keys, so
 * an item is recognised by what was asked: for the same buyer, the same type, amount and currency (a limit
 * request) or the same kind and invoices (a loss submission), made no earlier than a day before Kredo
 * stored it (a day absorbs a computer clock that is off), and not already known as another entry's.
 */
export interface InsurerRequestRecord {
  readonly requestId: string;
  readonly type: string;
  readonly amountMinor: number | null;
  readonly currency: string;
  /** PENDING, DECIDED or WITHDRAWN. */
  readonly status: string;
  readonly receivedAt: string;
  readonly coverId?: string;
}

export interface InsurerLossRecord {
  readonly insurerId: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly invoiceNumbers: readonly string[];
  /** The overdue's category, the case's type or the claim's cause. */
  readonly variant: string | null;
}

const CLOCK_MARGIN_MS = 24 * 3_600_000;

/** The `since` to ask the insurer's list for: a day before Kredo stored the entry. */
export const lookupSince = (entry: { readonly createdAt: string }): string => new Date(Date.parse(entry.createdAt) - CLOCK_MARGIN_MS).toISOString();

const instant = z.string().refine((text) => !Number.isNaN(Date.parse(text)));
const requestItem = z.object({
  requestId: z.string().min(1).max(100),
  coverId: z.string().min(1).max(100).nullish(),
  type: z.string().max(40),
  requestedAmount: z.string().max(40).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  status: z.string().max(40),
  receivedAt: instant,
});

/** One item of the insurer's cover-request list, or undefined when it cannot be read (it is then skipped). */
export function requestRecordOf(item: unknown): InsurerRequestRecord | undefined {
  const parsed = requestItem.safeParse(item);
  if (!parsed.success) return undefined;
  const { requestId, coverId, type, requestedAmount, currency, status, receivedAt } = parsed.data;
  let amountMinor: number | null = null;
  try {
    if (requestedAmount !== null) amountMinor = insurerAmountToMinor(requestedAmount, currency);
  } catch {
    return undefined;
  }
  return { requestId, type, amountMinor, currency, status, receivedAt, ...(coverId && { coverId }) };
}

/** Where each loss list keeps its id, its time of receipt and what distinguishes one of its kind. */
const LOSS_FIELDS = {
  overdue: { id: 'overdueId', at: 'receivedAt', variant: 'category' },
  collection: { id: 'caseId', at: 'openedAt', variant: 'caseType' },
  claim: { id: 'claimId', at: 'submittedAt', variant: 'cause' },
} as const satisfies Record<LossKind, { id: string; at: string; variant: string }>;

const lossItem = z.object({ status: z.string().max(40), invoices: z.array(z.object({ number: z.string().max(60) })).max(500) }).catchall(z.unknown());

/** One item of the insurer's overdue, collection-case or claim list, or undefined when it cannot be read. */
export function lossRecordOf(kind: LossKind, item: unknown): InsurerLossRecord | undefined {
  const parsed = lossItem.safeParse(item);
  if (!parsed.success) return undefined;
  const fields = LOSS_FIELDS[kind];
  const id = parsed.data[fields.id];
  const at = parsed.data[fields.at];
  const variant = parsed.data[fields.variant];
  if (typeof id !== 'string' || id === '' || typeof at !== 'string' || Number.isNaN(Date.parse(at))) return undefined;
  return { insurerId: id, status: parsed.data.status, receivedAt: at, invoiceNumbers: parsed.data.invoices.map((invoice) => invoice.number), variant: typeof variant === 'string' ? variant : null };
}

const madeSince = (entry: { readonly createdAt: string }, receivedAt: string) => Date.parse(receivedAt) >= Date.parse(entry.createdAt) - CLOCK_MARGIN_MS;
const earliest = <T extends { readonly receivedAt: string }>(records: readonly T[]): T | undefined => [...records].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt))[0];

/** This limit request among the insurer's, if it is there (withdrawn ones are no longer the request in force). */
export function findOwnRequest(entry: LimitOutboxEntry, records: readonly InsurerRequestRecord[], knownIds: ReadonlySet<string>): InsurerRequestRecord | undefined {
  return earliest(
    records.filter(
      (record) =>
        (record.status === 'PENDING' || record.status === 'DECIDED') &&
        record.type === entry.type &&
        record.currency === entry.currency &&
        record.amountMinor === (entry.amountMinor ?? null) &&
        madeSince(entry, record.receivedAt) &&
        !knownIds.has(record.requestId),
    ),
  );
}

/** The variant Kredo sends when the detail names none (insurer-gateway.ts lossBody). */
const variantOf = (entry: LossSubmission): string => (entry.kind === 'overdue' ? (entry.detail.category ?? 'OVD') : entry.kind === 'collection' ? (entry.detail.caseType ?? 'COLLECTION') : (entry.detail.cause ?? 'PROTRACTED_DEFAULT'));

const sameInvoices = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** This submission among the insurer's records of its kind, if it is there. */
export function findOwnSubmission(entry: LossSubmission, records: readonly InsurerLossRecord[], knownIds: ReadonlySet<string>): InsurerLossRecord | undefined {
  const numbers = entry.invoices.map((invoice) => invoice.number);
  return earliest(records.filter((record) => record.variant === variantOf(entry) && sameInvoices(record.invoiceNumbers, numbers) && madeSince(entry, record.receivedAt) && !knownIds.has(record.insurerId)));
}
