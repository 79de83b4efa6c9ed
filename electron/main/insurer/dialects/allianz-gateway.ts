import type { CompanyIdentifier } from '../../../../shared/domain/identifiers/identifier-type';
import { KredoError } from '../../../../shared/errors/kredo-error';
import { insurerCoverSchema, type InsurerCover } from '../../../../shared/sync/insurer-cover';
import type { InsurerLossRecord, InsurerRequestRecord } from '../../../../shared/sync/insurer-lookup';
import { rejectionOf, rejectsForLog, type RejectedItem } from '../../../../shared/sync/insurer-rejects';
import type { LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import type { LossSubmission } from '../../../../shared/sync/loss-submission';
import { idempotencyKeyOf } from '../../../../shared/sync/outbox-check';
import { policyTermsOnce } from './policy-terms-once';
import type { Logger } from '../../services/logger';
import { InsurerRefusal, ResyncNeeded, type InsurerAnswer, type InsurerClient } from '../insurer-client';
import type { InsurerGateway } from '../insurer-gateway';
import { checkCoverOf } from '../../../../shared/sync/buyer-check';
import type { CheckAnswer, CheckRequest } from '../../../../shared/sync/check-request';
import {
  canonicalCoverOf,
  canonicalOverdueOf,
  coverRequestBody,
  gradeOfGradeCover,
  gradeRequestBody,
  jobIdOf,
  jobStateOf,
  matchedCompanyId,
  matchedCompanyOf,
  matchingBodies,
  overdueBody,
  overdueRecordOf,
  REQUEST_METHODS,
  requestRecordOf,
  type AllianzCover,
  type AllianzCoverRequest,
  type AllianzOverdue,
  type AllianzPaths,
  type AllianzPolicyRef,
} from './allianz-mapping';

/** The cursor Kredo keeps for Allianz Trade: a watermark, since Allianz has no change feed. */
const CURSOR_PREFIX = 'allianz-from:';
/** Each poll asks again for the ten minutes before the previous one began: a change recorded a moment late is not skipped. */
const WATERMARK_OVERLAP_MS = 10 * 60_000;
/** Seen: one client reads the cover search 10,000 at a time, the v2 list 100 at a time. */
const PAGE_SIZE = 1_000;
/**
 * A job is polled this often, waiting 1, 2, 4, 8 s between polls (15 s in all, within the half-minute a sync
 * waits for an insurer: IN_PROCESS_WAIT_MAX_MS). Still pending after that, the request counts as sent with its
 * answer not yet known: the next sync looks it up in the insurer's cover requests (outbox-check.ts).
 */
const JOB_POLLS = 5;

export interface AllianzGatewayDeps {
  /** The address typed in Settings: its origin is where `resourceUrl`s may point, its path the environment prefix. */
  readonly baseUrl: string;
  readonly sleep: (ms: number) => Promise<void>;
  readonly logger?: Pick<Logger, 'warn'>;
  readonly pageSize?: number;
  readonly jobPolls?: number;
}

/** The insurer's own clock, from the Date header, less the overlap; never earlier than the previous watermark. */
function watermarkOf(answer: InsurerAnswer, fallback: string, previous?: string): string {
  const dated = Date.parse(answer.headers.get('Date') ?? '');
  const from = Number.isNaN(dated) ? Date.parse(fallback) : dated;
  const next = new Date(from - WATERMARK_OVERLAP_MS).toISOString();
  return previous !== undefined && previous > next ? previous : next;
}

/**
 * Kredo's sync port in Allianz Trade's dialect (issue 18): company matching, riskinfo v3 cover requests answered
 * by asynchronous jobs (job id → poll → `resourceUrl`), cover search for the portfolio, cover-request search for
 * what is still with an underwriter, Payment Overdues. Lacks: a change feed (Kredo polls the covers and cover
 * requests changed since a watermark), collection handovers and claims (Kredo says so; the controller uses
 * EOLIS, Allianz Trade's portal).
 */
export function createAllianzGateway(client: InsurerClient, policy: AllianzPolicyRef, paths: AllianzPaths, deps: AllianzGatewayDeps): InsurerGateway {
  const policies = [policy];
  const base = new URL(deps.baseUrl);
  const policyTerms = policyTermsOnce(async () => {
    const query = new URLSearchParams({ businessUnitCode: policy.businessUnitCode, extensionId: policy.extensionId });
    return (await client.call('GET', `${paths.policy(policy.policyId)}?${query.toString()}`)).body;
  });
  const currency = async () => (await policyTerms()).currency;

  /** A `resourceUrl` is followed only on the insurer's own origin: the bearer token goes nowhere else. */
  const resourcePath = (url: string): string => {
    const resolved = new URL(url, base);
    if (resolved.origin !== base.origin) throw new KredoError('insurer.badAnswer');
    return `${resolved.pathname}${resolved.search}`;
  };

  const report = (source: 'resync' | 'feed' | 'answer', rejected: readonly RejectedItem[]) => {
    if (rejected.length > 0) deps.logger?.warn('Insurer data does not fit the schema: kept out of the limits', { source, count: rejected.length, items: rejectsForLog(rejected) });
  };
  const checked = (item: Record<string, unknown>): { cover?: InsurerCover; rejected?: RejectedItem } => {
    const parsed = insurerCoverSchema.safeParse(item);
    return parsed.success ? { cover: parsed.data } : { rejected: rejectionOf('cover', item, parsed.error) };
  };

  /**
   * Every page of a search. UNVERIFIED: the v3 search answer's shape; Kredo reads a bare array (as v2's list)
   * or `items`, and reads on while the insurer answers 206 Partial Content or a page comes back full (as the
   * v2 client does).
   */
  const search = async <T>(path: string, filter: Record<string, unknown>, pageSize = deps.pageSize ?? PAGE_SIZE): Promise<{ items: T[]; first: InsurerAnswer }> => {
    const items: T[] = [];
    let first: InsurerAnswer | undefined;
    for (let page = 1; ; page += 1) {
      if (page > 10_000) throw new KredoError('insurer.badAnswer');
      const answer = await client.call('POST', path, { search: true, body: { policies, ...filter, pagination: { page, pageSize, isTotalRequired: true } } });
      first ??= answer;
      const body = answer.body as unknown;
      const list = Array.isArray(body) ? body : (body as { items?: unknown } | undefined)?.items;
      if (!Array.isArray(list)) throw new KredoError('insurer.badAnswer');
      items.push(...(list as T[]));
      if (list.length === 0 || (answer.status !== 206 && list.length < pageSize)) break;
    }
    return { items, first: first! };
  };

  /** Polls a job until it is processed; undefined while it is still pending after the last poll. */
  const awaitJob = async (jobPath: string): Promise<{ resourceUrl?: string; requestId?: string } | undefined> => {
    const polls = deps.jobPolls ?? JOB_POLLS;
    for (let poll = 0; poll < polls; poll += 1) {
      if (poll > 0) await deps.sleep(1_000 * 2 ** (poll - 1));
      const job = jobStateOf((await client.call('GET', jobPath)).body);
      if (!job) throw new KredoError('insurer.badAnswer');
      if (job.state === 'failed') throw new InsurerRefusal(422, 'action_refused', 'The insurer did not process the request (job failed).');
      if (job.state === 'processed') return job;
    }
    return undefined;
  };

  /** The buyer's cover in force, which a reduction (PATCH) or a cancellation (DELETE) names. */
  const coverOfCompany = async (companyId: string): Promise<string> => {
    const { items } = await search<AllianzCover>(paths.coverSearch, { companyIds: [companyId] });
    const active = items.find((item) => item.coverStatusCode === 'Agreement' || item.coverStatusCode === 'PartialAgreement' || item.coverStatusCode === 'Reduction');
    const id = active?.coverId;
    if (typeof id !== 'string' || id === '') throw new InsurerRefusal(422, 'no_cover_in_force', 'No cover in force for this company.');
    return id;
  };

  return {
    policyTerms,

    async fullResync(pageSize = deps.pageSize ?? PAGE_SIZE) {
      const policyCurrency = await currency();
      const { items, first } = await search<AllianzCover>(paths.coverSearch, {}, pageSize);
      const covers: InsurerCover[] = [];
      const rejected: RejectedItem[] = [];
      for (const item of items) {
        const result = checked(canonicalCoverOf(item, policyCurrency));
        if (result.cover) covers.push(result.cover);
        else rejected.push(result.rejected!);
      }
      report('resync', rejected);
      return { covers, cursor: `${CURSOR_PREFIX}${watermarkOf(first, new Date(0).toISOString())}`, rejected };
    },

    /**
     * No change feed at Allianz Trade: the covers, cover requests and overdues changed since the watermark, as
     * feed events Kredo's sync reads like any other (one page; a decided request names its cover). UNVERIFIED:
     * the `lastUpdateDateFrom` filter of both searches and of the overdue list.
     */
    async changes(cursor) {
      if (!cursor.startsWith(CURSOR_PREFIX)) throw new ResyncNeeded();
      const since = cursor.slice(CURSOR_PREFIX.length);
      if (Number.isNaN(Date.parse(since))) throw new ResyncNeeded();
      const policyCurrency = await currency();
      const filter = { lastUpdateDateFrom: since };
      const { items, first } = await search<AllianzCover>(paths.coverSearch, filter);
      const requests = (await search<AllianzCoverRequest>(paths.coverRequestSearch, filter)).items;
      const decidedOn = new Map(requests.flatMap((request) => (request.requestStatusCode === 'Decided' && typeof request.requestId === 'string' && typeof request.coverId === 'string' ? [[request.coverId, request.requestId] as const] : [])));
      const mapped = items.map((item) => canonicalCoverOf(item, policyCurrency));
      const coverEvents = mapped.map((cover) => {
        const requestId = decidedOn.get(String(cover.coverId));
        return {
          eventId: `allianz:${String(cover.coverId)}:${String(cover.version)}`,
          occurredAt: typeof cover.updatedAt === 'string' ? cover.updatedAt : since,
          type: requestId ? 'DECISION_ISSUED' : 'COVER_CHANGED',
          resourceType: 'cover',
          resourceId: typeof cover.coverId === 'string' ? cover.coverId : '',
          companyId: typeof cover.companyId === 'string' ? cover.companyId : '',
          data: { cover, ...(requestId && { request: { requestId } }) },
        };
      });
      const overdues = ((await client.call('GET', `${paths.overdues}?${new URLSearchParams({ businessUnitCode: policy.businessUnitCode, policyId: policy.policyId, lastUpdateDateFrom: since }).toString()}`)).body as { items?: unknown } | undefined)?.items;
      if (!Array.isArray(overdues)) throw new KredoError('insurer.badAnswer');
      const overdueEvents = (overdues as AllianzOverdue[]).flatMap((item) => {
        const overdue = canonicalOverdueOf(item);
        return overdue ? [{ eventId: `allianz-overdue:${overdue.overdueId}:${overdue.updatedAt}:${overdue.status}`, occurredAt: overdue.updatedAt, type: 'OVERDUE_CHANGED', resourceType: 'overdue', resourceId: overdue.overdueId, companyId: '', data: { overdue } }] : [];
      });
      report('feed', mapped.flatMap((item) => checked(item).rejected ?? []));
      return { items: [...coverEvents, ...overdueEvents], nextCursor: `${CURSOR_PREFIX}${watermarkOf(first, since, since)}`, hasMore: false };
    },

    async lookupBuyer(country: string, identifiers: readonly CompanyIdentifier[]) {
      for (const body of matchingBodies(country, identifiers)) {
        const answer = await client.call('POST', paths.matching, { search: true, body }).catch((error: unknown) => {
          // No match, or an identifier type Allianz does not take: try the next identifier.
          if (error instanceof KredoError && error.code === 'insurer.refused') return undefined;
          throw error;
        });
        const found = matchedCompanyId(answer?.body);
        if (found) return found;
      }
      return undefined;
    },

    /** The credit check: the matched company, with the policy's covers on it. */
    async checkBuyer(country: string, identifiers: readonly CompanyIdentifier[]) {
      for (const body of matchingBodies(country, identifiers)) {
        const answer = await client.call('POST', paths.matching, { search: true, body }).catch((error: unknown) => {
          if (error instanceof KredoError && error.code === 'insurer.refused') return undefined;
          throw error;
        });
        const company = matchedCompanyOf(answer?.body, country);
        if (!company) continue;
        const policyCurrency = await currency();
        const { items } = await search<AllianzCover>(paths.coverSearch, { companyIds: [company.companyId] });
        return { ...company, covers: items.map((item) => checkCoverOf(canonicalCoverOf(item, policyCurrency))).filter((cover) => cover !== undefined) };
      }
      return undefined;
    },

    /**
     * A cover request is asynchronous (seen): the POST (PATCH, DELETE) answers a job id; the job is polled until
     * processed and its `resourceUrl` read for the decision. A processed job without one is a request with an
     * underwriter (UNVERIFIED), decided later. A job still pending after the polls is sent with its answer not
     * yet known: thrown as `insurer.unavailable`, so the entry waits and is looked up before anything is sent
     * again. Kredo sends its Idempotency-Key all the same; UNVERIFIED whether Allianz honours it.
     */
    async submit(entry: LimitOutboxEntry, buyer: { readonly companyId: string; readonly customerCode: string }) {
      const policyCurrency = await currency();
      const method = REQUEST_METHODS[entry.type];
      const path = method === 'POST' ? paths.covers : paths.cover(await coverOfCompany(buyer.companyId));
      const answer = await client.call(method, path, { idempotencyKey: idempotencyKeyOf(entry), body: coverRequestBody(entry, policy, buyer) });
      const jobId = jobIdOf(answer.body);
      if (!jobId) throw new KredoError('insurer.badAnswer');
      const job = await awaitJob(paths.job(jobId));
      if (!job) throw new KredoError('insurer.unavailable', { jobPending: jobId });
      if (!job.resourceUrl) return { decided: false, ...(job.requestId !== undefined && { requestId: job.requestId }) };
      const cover = (await client.call('GET', resourcePath(job.resourceUrl))).body as AllianzCover;
      const result = checked(canonicalCoverOf(cover, policyCurrency));
      if (result.rejected) report('answer', [result.rejected]);
      return { decided: true, ...(job.requestId !== undefined && { requestId: job.requestId }), ...result };
    },

    /**
     * A grade-only request (`GradeCover`): a job like a cover request, its resource the grade (allianz-mapping.ts).
     * A job still pending after the polls: the insurer is taken as not answering now. Allianz Trade has no credit
     * check (DIALECT_CAPABILITIES).
     */
    async requestCheck(request: CheckRequest): Promise<CheckAnswer> {
      if (request.kind !== 'GRADE_ONLY') throw new InsurerRefusal(501, 'dialect_no_credit_check', 'Allianz Trade has no credit check: request a grade or a limit.');
      const answer = await client.call('POST', paths.covers, { idempotencyKey: request.requestId, body: gradeRequestBody(policy, request.companyId) });
      const jobId = jobIdOf(answer.body);
      if (!jobId) throw new KredoError('insurer.badAnswer');
      const job = await awaitJob(paths.job(jobId));
      if (!job?.resourceUrl) throw new KredoError('insurer.unavailable', { jobPending: jobId });
      const grade = gradeOfGradeCover((await client.call('GET', resourcePath(job.resourceUrl))).body);
      if (grade === undefined) throw new KredoError('insurer.badAnswer');
      return { kind: request.kind, companyId: request.companyId, outcome: 'GRADED', grade };
    },

    /** The buyer's cover requests made since `since` (UNVERIFIED filters `companyIds`, `creationDateFrom`). */
    async coverRequests(companyId: string, since: string): Promise<InsurerRequestRecord[]> {
      const policyCurrency = await currency();
      const { items } = await search<AllianzCoverRequest>(paths.coverRequestSearch, { companyIds: [companyId], creationDateFrom: since }, 100);
      return items.map((item) => requestRecordOf(item, policyCurrency)).filter((record) => record !== undefined);
    },

    async lossRecords(kind: LossSubmission['kind'], companyId: string, since: string): Promise<InsurerLossRecord[]> {
      if (kind !== 'overdue') return [];
      const query = new URLSearchParams({ businessUnitCode: policy.businessUnitCode, policyId: policy.policyId, companyId, creationDateFrom: since });
      const items = ((await client.call('GET', `${paths.overdues}?${query.toString()}`)).body as { items?: unknown } | undefined)?.items;
      if (!Array.isArray(items)) throw new KredoError('insurer.badAnswer');
      return (items as AllianzOverdue[]).map(overdueRecordOf).filter((record) => record !== undefined);
    },

    async lossStatus(kind: LossSubmission['kind'], insurerId: string): Promise<Record<string, unknown>[]> {
      if (kind !== 'overdue') return [];
      const overdue = canonicalOverdueOf((await client.call('GET', paths.overdue(insurerId))).body as AllianzOverdue);
      return overdue ? [{ overdue }] : [];
    },

    /**
     * An overdue notification through Payment Overdues (OVD, EXP or RES), asynchronous like a cover request.
     * Collection handovers and claims have no public Allianz API (DIALECT_CAPABILITIES): refused with that reason.
     */
    async submitLoss(entry: LossSubmission, buyer: { readonly companyId: string; readonly customerCode: string }) {
      if (entry.kind !== 'overdue') throw new InsurerRefusal(501, 'dialect_no_claims_api', 'Allianz Trade takes collection handovers and claims in EOLIS, not through its API.');
      const answer = await client.call('POST', paths.overdues, { idempotencyKey: idempotencyKeyOf(entry), body: overdueBody(entry, policy, buyer) });
      const jobId = jobIdOf(answer.body);
      if (!jobId) throw new KredoError('insurer.badAnswer');
      const job = await awaitJob(paths.overdueJob(jobId));
      if (!job?.resourceUrl) throw new KredoError('insurer.unavailable', { jobPending: jobId });
      const overdue = canonicalOverdueOf((await client.call('GET', resourcePath(job.resourceUrl))).body as AllianzOverdue);
      if (!overdue) throw new KredoError('insurer.badAnswer');
      return { insurerId: overdue.overdueId, status: overdue.status };
    },
  };
}
