import { z } from 'zod';

/**
 * Insurer data that does not fit Kredo's schema (the canonical shapes of insurer-apis.md §3.2): a cover with
 * a malformed amount, an unknown status, a feed event without an id. Such an item is kept out of the limits,
 * but never silently: it is logged, kept in the store and shown on the Insurer sync screen with the fields at
 * fault, while the rest of the answer goes on (issue 15). Sending the same request again cannot make it
 * readable, so nothing is retried for it; a readable version of the cover replaces it.
 */
export const REJECT_ISSUES = ['missing', 'malformed', 'unknownValue'] as const;
export type RejectIssue = (typeof REJECT_ISSUES)[number];

/** At most this many fields are named per item, and this much of it is kept as it came, for support. */
const MAX_PROBLEMS = 10;
export const EXCERPT_CHARS = 2_000;

const id = z.string().min(1).max(100);

export const rejectedItemSchema = z.strictObject({
  /** A cover (on its own, in a feed event or a request's answer) or a feed event that is not one. */
  kind: z.enum(['cover', 'event']),
  coverId: id.optional(),
  companyId: id.optional(),
  /** The customer number Kredo sent with the request, when the cover carries it: how its debtor is found. */
  customerReference: id.optional(),
  eventId: id.optional(),
  version: z.number().int().nonnegative().optional(),
  problems: z.array(z.strictObject({ field: z.string().min(1).max(200), issue: z.enum(REJECT_ISSUES) })).min(1).max(MAX_PROBLEMS),
  excerpt: z.string().max(EXCERPT_CHARS),
});
export type RejectedItem = z.infer<typeof rejectedItemSchema>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : undefined);
const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

function valueAt(item: unknown, path: readonly PropertyKey[]): unknown {
  let value = item;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function excerptOf(item: unknown): string {
  try {
    return (JSON.stringify(item) ?? String(item)).slice(0, EXCERPT_CHARS);
  } catch {
    return String(item).slice(0, EXCERPT_CHARS);
  }
}

/**
 * What is wrong with an item, field by field, as the controller's screen and the log say it: a field that
 * is absent, one whose value is not one the schema knows (a status), or one in the wrong form (an amount as a
 * number, a date that is not YYYY-MM-DD).
 */
export function rejectionOf(kind: RejectedItem['kind'], item: unknown, error: z.ZodError, eventId?: unknown): RejectedItem {
  const problems: RejectedItem['problems'][number][] = [];
  for (const issue of error.issues) {
    const field = issue.path.length === 0 ? '(whole item)' : issue.path.map(String).join('.').slice(0, 200);
    if (problems.some((problem) => problem.field === field)) continue;
    const issueKind: RejectIssue = issue.path.length > 0 && valueAt(item, issue.path) === undefined ? 'missing' : issue.code === 'invalid_value' ? 'unknownValue' : 'malformed';
    problems.push({ field, issue: issueKind });
    if (problems.length === MAX_PROBLEMS) break;
  }
  const fields = record(item);
  const version = fields.version;
  const event = text(eventId) ?? (kind === 'event' ? text(fields.eventId) : undefined);
  return {
    kind,
    ...(kind === 'cover' && text(fields.coverId) !== undefined && { coverId: text(fields.coverId) }),
    ...(text(fields.companyId) !== undefined && { companyId: text(fields.companyId) }),
    ...(kind === 'cover' && text(fields.customerReference) !== undefined && { customerReference: text(fields.customerReference) }),
    ...(event !== undefined && { eventId: event }),
    ...(kind === 'cover' && Number.isSafeInteger(version) && (version as number) >= 0 && { version: version as number }),
    problems: problems.length > 0 ? problems : [{ field: '(whole item)', issue: 'malformed' }],
    excerpt: excerptOf(item),
  };
}

/** The log line's fields for rejected items (ids and fields at fault, not the payload), at most `limit` of them. */
export function rejectsForLog(rejected: readonly RejectedItem[], limit = 20) {
  return rejected.slice(0, limit).map((item) => ({ kind: item.kind, coverId: item.coverId, eventId: item.eventId, version: item.version, problems: item.problems.map((problem) => `${problem.field}: ${problem.issue}`).join(', ') }));
}
