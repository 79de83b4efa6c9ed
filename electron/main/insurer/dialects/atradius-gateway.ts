import type { CompanyIdentifier } from '../../../../shared/domain/identifiers/identifier-type';
import { KredoError } from '../../../../shared/errors/kredo-error';
import { insurerCoverSchema, type InsurerCover } from '../../../../shared/sync/insurer-cover';
import type { InsurerRequestRecord } from '../../../../shared/sync/insurer-lookup';
import { rejectionOf, rejectsForLog, type RejectedItem } from '../../../../shared/sync/insurer-rejects';
import type { LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import { idempotencyKeyOf } from '../../../../shared/sync/outbox-check';
import { policyTermsOnce } from './policy-terms-once';
import type { Logger } from '../../services/logger';
import { InsurerRefusal, ResyncNeeded, type InsurerAnswer, type InsurerClient } from '../insurer-client';
import type { InsurerGateway } from '../insurer-gateway';
import { checkCoverOf, gradeOf } from '../../../../shared/sync/buyer-check';
import type { CheckAnswer, CheckRequest } from '../../../../shared/sync/check-request';
import { applicationBody, ATRADIUS_PATHS, buyerOf, creditCheckBody, buyerQueries, canonicalCoverOf, fromDateOf, isReferred, PUT_ACTIONS, requestRecordOfCover, type AtradiusCover } from './atradius-mapping';

/** Atradius's account: the customer id and policy id every route is scoped by (seen as query parameters). */
export interface AtradiusAccount {
  readonly customerId: string;
  readonly policyId: string;
}

/** The cursor Kredo keeps for Atradius: a watermark for `fromDate`, since Atradius has no change feed. */
const CURSOR_PREFIX = 'atradius-from:';
/**
 * Each poll asks again for the last ten minutes before the previous one began: a change the insurer
 * records a moment late is not skipped. Re-read covers are harmless (same version, same event id).
 */
const WATERMARK_OVERLAP_MS = 10 * 60_000;
/** UNVERIFIED: Atradius's paging parameter; the answer's `links.next` (JSON:API style) is what Kredo follows. */
const PAGE_SIZE = 500;

/** The insurer's own clock, from the first page's Date header, less the overlap; the newest change read as a fallback. */
function watermarkOf(answer: InsurerAnswer, covers: readonly Record<string, unknown>[], previous?: string): string {
  const dated = Date.parse(answer.headers.get('Date') ?? '');
  const newest = covers.reduce((latest, cover) => (typeof cover.updatedAt === 'string' && cover.updatedAt > latest ? cover.updatedAt : latest), '');
  const from = Number.isNaN(dated) ? (newest === '' ? Number.NaN : Date.parse(newest)) : dated;
  if (Number.isNaN(from)) return previous ?? new Date(0).toISOString();
  const next = new Date(from - WATERMARK_OVERLAP_MS).toISOString();
  return previous !== undefined && previous > next ? previous : next;
}

/**
 * Kredo's sync port in Atradius's dialect (issue 18): buyers by national identifier, covers from
 * cover-management, applications with 201 decided / 202 referred, supersede / reduce / cancel. Lacks:
 * a change feed (Kredo polls `fromDate` from a watermark), overdue notifications, collections and claims
 * (Kredo says so and the controller uses Atradius's portal, Atrium).
 */
export function createAtradiusGateway(client: InsurerClient, account: AtradiusAccount, deps: { readonly baseUrl: string; readonly logger?: Pick<Logger, 'warn'>; readonly pageSize?: number }): InsurerGateway {
  const scope = () => new URLSearchParams({ customerId: account.customerId, policyId: account.policyId });
  const policyTerms = policyTermsOnce(async () => {
    const answer = await client.call('GET', `${ATRADIUS_PATHS.policy(account.policyId)}?customerId=${encodeURIComponent(account.customerId)}`);
    return (answer.body as { data?: unknown } | undefined)?.data;
  });
  const currency = async () => (await policyTerms()).currency;

  /** A `links.next` is followed only on the insurer's own origin: the bearer token and app key go nowhere else. */
  const base = new URL(deps.baseUrl);
  const basePath = base.pathname.replace(/\/$/, '');
  const nextPath = (next: unknown): string | undefined => {
    if (typeof next !== 'string' || next === '') return undefined;
    const resolved = new URL(next, base);
    if (resolved.origin !== base.origin || !resolved.pathname.startsWith(basePath)) throw new KredoError('insurer.badAnswer');
    return `${resolved.pathname.slice(basePath.length)}${resolved.search}`;
  };

  /** Every page of a covers read; 206 Partial Content (and `links.next`) means more follow. */
  const readCovers = async (query: URLSearchParams): Promise<{ items: AtradiusCover[]; first: InsurerAnswer }> => {
    const items: AtradiusCover[] = [];
    let path: string | undefined = `${ATRADIUS_PATHS.covers}?${query.toString()}`;
    let first: InsurerAnswer | undefined;
    for (let pages = 0; path !== undefined; pages += 1) {
      if (pages > 10_000) throw new KredoError('insurer.badAnswer');
      const answer: InsurerAnswer = await client.call('GET', path);
      first ??= answer;
      const body = answer.body as { data?: unknown; links?: { next?: unknown } } | undefined;
      if (!Array.isArray(body?.data)) throw new KredoError('insurer.badAnswer');
      items.push(...(body.data as AtradiusCover[]));
      const next = nextPath(body.links?.next);
      if (answer.status === 206 && next === undefined) throw new KredoError('insurer.badAnswer');
      path = next;
    }
    return { items, first: first! };
  };

  const report = (source: 'resync' | 'feed' | 'answer', rejected: readonly RejectedItem[]) => {
    if (rejected.length > 0) deps.logger?.warn('Insurer data does not fit the schema: kept out of the limits', { source, count: rejected.length, items: rejectsForLog(rejected) });
  };

  const checked = (item: Record<string, unknown>): { cover?: InsurerCover; rejected?: RejectedItem } => {
    const parsed = insurerCoverSchema.safeParse(item);
    return parsed.success ? { cover: parsed.data } : { rejected: rejectionOf('cover', item, parsed.error) };
  };

  return {
    policyTerms,

    async fullResync(pageSize = deps.pageSize ?? PAGE_SIZE) {
      const policyCurrency = await currency();
      const query = scope();
      query.set('pageSize', String(pageSize));
      const { items, first } = await readCovers(query);
      const mapped = items.filter((item) => !isReferred(item)).map((item) => canonicalCoverOf(item, policyCurrency));
      const covers: InsurerCover[] = [];
      const rejected: RejectedItem[] = [];
      for (const item of mapped) {
        const result = checked(item);
        if (result.cover) covers.push(result.cover);
        else rejected.push(result.rejected!);
      }
      report('resync', rejected);
      return { covers, cursor: `${CURSOR_PREFIX}${watermarkOf(first, mapped)}`, rejected };
    },

    /**
     * No change feed at Atradius: the covers decided or changed since the watermark, as feed events Kredo's
     * sync reads like any other (one page, every cover at its latest; a decision names its application).
     */
    async changes(cursor) {
      if (!cursor.startsWith(CURSOR_PREFIX)) throw new ResyncNeeded();
      const since = cursor.slice(CURSOR_PREFIX.length);
      if (Number.isNaN(Date.parse(since))) throw new ResyncNeeded();
      const policyCurrency = await currency();
      const query = scope();
      query.set('fromDate', fromDateOf(since));
      query.set('pageSize', String(deps.pageSize ?? PAGE_SIZE));
      const { items, first } = await readCovers(query);
      const decided = items.filter((item) => !isReferred(item));
      const mapped = decided.map((item) => canonicalCoverOf(item, policyCurrency));
      const events = decided.map((item, index) => {
        const cover = mapped[index]!;
        const application = typeof item.applicationId === 'string' ? item.applicationId : undefined;
        return {
          eventId: `atradius:${String(cover.coverId)}:${String(cover.version)}`,
          occurredAt: typeof cover.updatedAt === 'string' ? cover.updatedAt : since,
          type: application ? 'DECISION_ISSUED' : 'COVER_CHANGED',
          resourceType: 'cover',
          resourceId: typeof cover.coverId === 'string' ? cover.coverId : '',
          companyId: typeof cover.companyId === 'string' ? cover.companyId : '',
          data: { cover, ...(application && { request: { requestId: application } }) },
        };
      });
      report('feed', mapped.flatMap((item) => checked(item).rejected ?? []));
      return { items: events, nextCursor: `${CURSOR_PREFIX}${watermarkOf(first, mapped, since)}`, hasMore: false };
    },

    async lookupBuyer(country: string, identifiers: readonly CompanyIdentifier[]) {
      for (const query of buyerQueries(country, identifiers)) {
        for (const [name, value] of scope()) query.set(name, value);
        const answer = await client.call('GET', `${ATRADIUS_PATHS.buyers}?${query.toString()}`).catch((error: unknown) => {
          // "No buyer match found", or an identifier type Atradius does not take: try the next identifier.
          if (error instanceof KredoError && error.code === 'insurer.refused') return undefined;
          throw error;
        });
        const found = (answer?.body as { data?: { buyerId?: unknown }[] } | undefined)?.data?.[0]?.buyerId;
        if (typeof found === 'string' && found !== '') return found;
      }
      return undefined;
    },

    /** The credit check: the buyer by national identifier, with the policy's covers on it (credit limits and credit checks alike). */
    async checkBuyer(country: string, identifiers: readonly CompanyIdentifier[]) {
      for (const query of buyerQueries(country, identifiers)) {
        for (const [name, value] of scope()) query.set(name, value);
        const answer = await client.call('GET', `${ATRADIUS_PATHS.buyers}?${query.toString()}`).catch((error: unknown) => {
          if (error instanceof KredoError && error.code === 'insurer.refused') return undefined;
          throw error;
        });
        const buyer = buyerOf((answer?.body as { data?: unknown[] } | undefined)?.data?.[0], country);
        if (!buyer) continue;
        const policyCurrency = await currency();
        const coverQuery = scope();
        coverQuery.set('buyerId', buyer.companyId);
        const { items } = await readCovers(coverQuery);
        const { rating, ...found } = buyer;
        const grade = gradeOf(rating);
        const covers = items.filter((item) => !isReferred(item)).map((item) => checkCoverOf(canonicalCoverOf(item, policyCurrency))).filter((cover) => cover !== undefined);
        return { ...found, ...(grade !== undefined && { grade }), covers };
      }
      return undefined;
    },

    /**
     * A new cover is a POST, a change a PUT with its action. 201 is decided, 202 referred (seen). Kredo sends
     * its Idempotency-Key all the same; UNVERIFIED whether Atradius honours it — where it does not, the
     * look-up before sending again (coverRequests) is what keeps a request from going twice.
     */
    async submit(entry: LimitOutboxEntry, buyer: { readonly companyId: string; readonly customerCode: string }) {
      const policyCurrency = await currency();
      const method = PUT_ACTIONS[entry.type] === undefined ? 'POST' : 'PUT';
      const answer = await client.call(method, ATRADIUS_PATHS.covers, { idempotencyKey: idempotencyKeyOf(entry), body: applicationBody(entry, account, buyer) });
      const item = (answer.body as { data?: (AtradiusCover & { response?: unknown })[] } | undefined)?.data?.[0];
      if (!item) throw new KredoError('insurer.badAnswer');
      // Seen: a refused action answers `data[0].response = "Action has been refused."`.
      if (typeof item.response === 'string' && /refused/i.test(item.response)) throw new InsurerRefusal(422, 'action_refused', item.response);
      const requestId = typeof item.applicationId === 'string' ? item.applicationId : undefined;
      if (answer.status === 202 || isReferred(item)) return { decided: false, ...(requestId !== undefined && { requestId }) };
      const result = checked(canonicalCoverOf(item, policyCurrency));
      if (result.rejected) report('answer', [result.rejected]);
      return { decided: true, ...(requestId !== undefined && { requestId }), ...result };
    },

    /**
     * A credit check (atradius-mapping.ts creditCheckBody): the cover of the policy's amount, or a refusal (0).
     * Atradius takes no grade-only request: its buyers come with their rating (DIALECT_CAPABILITIES).
     */
    async requestCheck(request: CheckRequest): Promise<CheckAnswer> {
      if (request.kind !== 'CREDIT_CHECK') throw new InsurerRefusal(501, 'dialect_no_grade_request', 'Atradius takes no grade-only request: the buyer comes with its rating.');
      const policyCurrency = await currency();
      const answer = await client.call('POST', ATRADIUS_PATHS.covers, { idempotencyKey: request.requestId, body: creditCheckBody(account, { companyId: request.companyId, ...(request.customerCode !== undefined && { customerCode: request.customerCode }) }, policyCurrency) });
      const item = (answer.body as { data?: AtradiusCover[] } | undefined)?.data?.[0];
      const cover = item ? checkCoverOf(canonicalCoverOf(item, policyCurrency)) : undefined;
      if (!cover || answer.status === 202) throw new KredoError('insurer.badAnswer');
      return { kind: request.kind, companyId: request.companyId, outcome: cover.status === 'APPROVED' ? 'APPROVED' : 'REFUSED', ...(cover.status === 'APPROVED' && { cover }) };
    },

    /** The buyer's applications since `since`, read from its covers (Atradius lists no applications apart). */
    async coverRequests(companyId: string, since: string): Promise<InsurerRequestRecord[]> {
      const policyCurrency = await currency();
      const query = scope();
      query.set('buyerId', companyId);
      query.set('fromDate', fromDateOf(since));
      const { items } = await readCovers(query);
      return items.map((item) => requestRecordOfCover(item, policyCurrency)).filter((record) => record !== undefined);
    },

    // Atradius's API has no overdue notifications, collection cases or claims (DIALECT_CAPABILITIES): the
    // controller notifies them in Atrium. Nothing is at the insurer to look up, and nothing is sent.
    lossRecords: async () => [],
    lossStatus: async () => [],
    submitLoss: async () => {
      throw new InsurerRefusal(501, 'dialect_no_loss_api', 'Atradius takes overdue notifications, collections and claims in Atrium, not through its API.');
    },
  };
}
