import { toDecimalString } from '../../../shared/money/money';
import { checkCoverOf, gradeOf, type BuyerCheck } from '../../../shared/sync/buyer-check';
import type { CheckAnswer, CheckRequest } from '../../../shared/sync/check-request';
import type { CompanyIdentifier } from '../../../shared/domain/identifiers/identifier-type';
import { digestFeedPage, feedPageSchema } from '../../../shared/sync/feed-page';
import { insurerCoverSchema, type InsurerCover } from '../../../shared/sync/insurer-cover';
import { rejectionOf, rejectsForLog, type RejectedItem } from '../../../shared/sync/insurer-rejects';
import { lossRecordOf, requestRecordOf, type InsurerLossRecord, type InsurerRequestRecord } from '../../../shared/sync/insurer-lookup';
import type { LimitOutboxEntry } from '../../../shared/sync/limit-outbox';
import type { LossSubmission } from '../../../shared/sync/loss-submission';
import { idempotencyKeyOf } from '../../../shared/sync/outbox-check';
import type { InsurerSyncPort } from '../../../shared/sync/insurer-sync-port';
import { KredoError } from '../../../shared/errors/kredo-error';
import { insurerPolicySchema, type InsurerPolicy } from '../../../shared/sync/policy-terms';
import type { Logger } from '../services/logger';
import type { TurnoverReceipt, TurnoverSubmission } from '../../../shared/sync/turnover-wire';
import type { InsurerClient } from './insurer-client';
import { declareCanonicalTurnover } from './turnover-gateway';

/**
 * What the sync engine asks of the insurer, one method per protocol step (insurer-apis.md §3.5). The
 * engine itself keeps its state (outbox, cursor, limits) in the offline store; this side only speaks
 * HTTP with the credentials, and checks every answer's shape before it is handed on.
 */
export type InsurerGateway = InsurerSyncPort & {
  /** The policy's terms as the insurer holds them. */
  policyTerms(): Promise<InsurerPolicy>;
  /** A turnover declaration (issue 18 item 4); absent where the dialect has no API for it (DIALECT_TURNOVER_DECLARATIONS). */
  declareTurnover?(submission: TurnoverSubmission): Promise<TurnoverReceipt>;
  /**
   * The credit check before trading (issue 18 item 3): the buyer the identifiers name, as the insurer knows it
   * (name, address, grade) with the policy's covers on it; undefined when the insurer knows no such buyer.
   */
  checkBuyer(country: string, identifiers: readonly CompanyIdentifier[]): Promise<BuyerCheck | undefined>;
  /**
   * A grade-only request or a credit check on a buyer the check found (shared/sync/check-request.ts), answered
   * at once; a kind the dialect does not take (DIALECT_CAPABILITIES.checkRequests) is refused with that reason.
   */
  requestCheck(request: CheckRequest): Promise<CheckAnswer>;
};

/** A company as `GET /v1/companies` shows it (insurer-apis.md §3.2). */
interface CanonicalCompany {
  readonly companyId?: unknown;
  readonly legalName?: unknown;
  readonly country?: unknown;
  readonly address?: { readonly street?: unknown; readonly postalCode?: unknown; readonly city?: unknown };
  readonly grade?: { readonly value?: unknown };
}

export interface InsurerGatewayDeps {
  /** Where insurer data that does not fit the schema is reported (the main log). */
  readonly logger?: Pick<Logger, 'warn'>;
}

export function createInsurerGateway(client: InsurerClient, policyId: string, deps: InsurerGatewayDeps = {}): InsurerGateway {
  const base = `/policies/${encodeURIComponent(policyId)}`;
  /**
   * Insurer data that does not fit the schema is set aside, not thrown: one bad cover must not fail a whole
   * resync, and a decided request whose answer cannot be read must not be sent again and again (issue 15).
   * The sync keeps and shows what was set aside; the log says it too, for support.
   */
  const report = (source: 'resync' | 'feed' | 'answer', rejected: readonly RejectedItem[]) => {
    if (rejected.length > 0) deps.logger?.warn('Insurer data does not fit the schema: kept out of the limits', { source, count: rejected.length, items: rejectsForLog(rejected) });
  };

  return {
    async policyTerms() {
      return insurerPolicySchema.parse((await client.call('GET', base)).body);
    },

    declareTurnover: (submission) => declareCanonicalTurnover(client, base, submission),

    /**
     * Every cover on the policy, page by page, and the feed cursor to continue from without a gap; covers
     * that do not fit the schema come apart, with what is wrong with them.
     */
    async fullResync(pageSize = 500): Promise<{ covers: InsurerCover[]; cursor: string; rejected: RejectedItem[] }> {
      const covers: InsurerCover[] = [];
      const rejected: RejectedItem[] = [];
      let cursor: string | undefined;
      for (let page = 1; ; page += 1) {
        const body = (await client.call('GET', `${base}/covers?page=${page}&pageSize=${pageSize}`)).body as { items?: unknown[]; totalPages?: number; cursor?: string };
        if (!Array.isArray(body.items) || typeof body.totalPages !== 'number') throw new KredoError('insurer.badAnswer');
        // The first page's cursor: changes made while later pages are read come again on the feed.
        cursor ??= body.cursor;
        for (const item of body.items) {
          const cover = insurerCoverSchema.safeParse(item);
          if (cover.success) covers.push(cover.data);
          else rejected.push(rejectionOf('cover', item, cover.error));
        }
        if (page >= body.totalPages) break;
      }
      if (!cursor) throw new KredoError('insurer.badAnswer');
      report('resync', rejected);
      return { covers, cursor, rejected };
    },

    /**
     * One page of the change feed after `cursor` (ResyncNeeded when the cursor expired). Its events are
     * read by the sync (digestFeedPage), which sets aside those that do not fit; they are logged here.
     */
    async changes(cursor: string, limit = 500) {
      const page = feedPageSchema.safeParse((await client.call('GET', `${base}/changes?cursor=${encodeURIComponent(cursor)}&limit=${limit}`)).body);
      if (!page.success) {
        deps.logger?.warn('Insurer change feed page does not fit the schema', { fields: page.error.issues.slice(0, 10).map((issue) => issue.path.join('.')) });
        throw new KredoError('insurer.badAnswer');
      }
      report('feed', digestFeedPage(page.data.items, new Set()).rejected);
      return page.data;
    },

    /** The insurer's buyer id for a debtor, from its company identifiers (resolved only when a request is sent). */
    async lookupBuyer(country: string, identifiers: readonly CompanyIdentifier[]): Promise<string | undefined> {
      for (const identifier of identifiers) {
        const answer = await client.call('GET', `/companies?country=${encodeURIComponent(country)}&idType=${encodeURIComponent(identifier.type)}&idValue=${encodeURIComponent(identifier.value)}`).catch((error: unknown) => {
          if (error instanceof KredoError && error.code === 'insurer.refused') return undefined;
          throw error;
        });
        const found = (answer?.body as { items?: { companyId?: unknown }[] } | undefined)?.items?.[0]?.companyId;
        if (typeof found === 'string') return found;
      }
      return undefined;
    },

    async checkBuyer(country: string, identifiers: readonly CompanyIdentifier[]): Promise<BuyerCheck | undefined> {
      for (const identifier of identifiers) {
        const answer = await client.call('GET', `/companies?country=${encodeURIComponent(country)}&idType=${encodeURIComponent(identifier.type)}&idValue=${encodeURIComponent(identifier.value)}`).catch((error: unknown) => {
          if (error instanceof KredoError && error.code === 'insurer.refused') return undefined;
          throw error;
        });
        const company = (answer?.body as { items?: CanonicalCompany[] } | undefined)?.items?.[0];
        if (typeof company?.companyId !== 'string') continue;
        // The policy's covers on the buyer (one page of a hundred: a buyer has a handful at most).
        const covers = (await client.call('GET', `${base}/covers?companyId=${encodeURIComponent(company.companyId)}&pageSize=100`)).body as { items?: unknown };
        return {
          companyId: company.companyId,
          name: typeof company.legalName === 'string' ? company.legalName.slice(0, 300) : '',
          country: typeof company.country === 'string' && /^[A-Z]{2}$/.test(company.country) ? company.country : country,
          // No town, no address: the check then shows none rather than an empty line.
          ...(company.address && typeof company.address.city === 'string' && company.address.city.trim() !== '' && { address: { street: String(company.address.street ?? ''), postalCode: String(company.address.postalCode ?? ''), city: company.address.city } }),
          ...(gradeOf(company.grade?.value) !== undefined && { grade: gradeOf(company.grade?.value)! }),
          covers: (Array.isArray(covers.items) ? covers.items : []).map(checkCoverOf).filter((cover) => cover !== undefined),
        };
      }
      return undefined;
    },

    /** `POST /cover-requests` with `type: GRADE_ONLY`, or `coverType: CREDIT_CHECK` and no amount (insurer-apis.md §3.2): 201 with the grade and the cover. */
    async requestCheck(request: CheckRequest): Promise<CheckAnswer> {
      const body = request.kind === 'GRADE_ONLY'
        ? { companyId: request.companyId, type: 'GRADE_ONLY' }
        : { companyId: request.companyId, type: 'NEW', coverType: 'CREDIT_CHECK', ...(request.customerCode && { customerReference: request.customerCode }) };
      const answer = (await client.call('POST', `${base}/cover-requests`, { idempotencyKey: request.requestId, body })).body as { grade?: { value?: unknown }; cover?: unknown } | undefined;
      const grade = gradeOf(answer?.grade?.value);
      if (request.kind === 'GRADE_ONLY') {
        if (grade === undefined) throw new KredoError('insurer.badAnswer');
        return { kind: request.kind, companyId: request.companyId, outcome: 'GRADED', grade };
      }
      const cover = checkCoverOf(answer?.cover);
      if (!cover) throw new KredoError('insurer.badAnswer');
      return { kind: request.kind, companyId: request.companyId, outcome: cover.status === 'APPROVED' ? 'APPROVED' : 'REFUSED', ...(grade !== undefined && { grade }), ...(cover.status === 'APPROVED' && { cover }) };
    },

    /**
     * Sends one outbox entry with its Idempotency-Key (its id, or the new key a look-up gave it): 201 is
     * decided (the cover comes back, or what is wrong with it), 202 is referred to an underwriter (the
     * decision arrives on the feed).
     */
    async submit(entry: LimitOutboxEntry, buyer: { readonly companyId: string; readonly customerCode: string }): Promise<{ decided: boolean; requestId?: string; cover?: InsurerCover; rejected?: RejectedItem }> {
      const body = {
        companyId: buyer.companyId,
        type: entry.type,
        currency: entry.currency,
        // The customer number comes back on the cover: how a new cover finds its debtor (applyInsurerCovers).
        customerReference: buyer.customerCode,
        ...(entry.amountMinor !== undefined && { requestedAmount: toDecimalString({ amountMinor: entry.amountMinor, currency: entry.currency }) }),
      };
      const answer = await client.call('POST', `${base}/cover-requests`, { idempotencyKey: idempotencyKeyOf(entry), body });
      const result = answer.body as { request?: { requestId?: string }; requestId?: string; cover?: unknown };
      const requestId = result.request?.requestId ?? result.requestId;
      if (answer.status === 201) {
        const cover = insurerCoverSchema.safeParse(result.cover);
        if (cover.success) return { decided: true, ...(requestId !== undefined && { requestId }), cover: cover.data };
        // Decided all the same: asking again would replay the same answer (Idempotency-Key), never a readable one.
        const rejected = rejectionOf('cover', result.cover, cover.error);
        report('answer', [rejected]);
        return { decided: true, ...(requestId !== undefined && { requestId }), rejected };
      }
      return { decided: false, ...(requestId !== undefined && { requestId }) };
    },

    /** The buyer's cover requests since `since`: one page of a hundred, far more than a buyer has in a day or two. */
    async coverRequests(companyId: string, since: string): Promise<InsurerRequestRecord[]> {
      const body = (await client.call('GET', `${base}/cover-requests?companyId=${encodeURIComponent(companyId)}&since=${encodeURIComponent(since)}&pageSize=100`)).body as { items?: unknown };
      if (!Array.isArray(body.items)) throw new KredoError('insurer.badAnswer');
      return body.items.map(requestRecordOf).filter((record) => record !== undefined);
    },

    /** The buyer's overdue notifications, collection cases or claims since `since`. */
    async lossRecords(kind: LossSubmission['kind'], companyId: string, since: string): Promise<InsurerLossRecord[]> {
      const body = (await client.call('GET', `${base}/${LOSS_PATHS[kind]}?companyId=${encodeURIComponent(companyId)}&since=${encodeURIComponent(since)}&pageSize=100`)).body as { items?: unknown };
      if (!Array.isArray(body.items)) throw new KredoError('insurer.badAnswer');
      return body.items.map((item) => lossRecordOf(kind, item)).filter((record) => record !== undefined);
    },

    async lossStatus(kind: LossSubmission['kind'], insurerId: string): Promise<Record<string, unknown>[]> {
      const resource = (await client.call('GET', `${base}/${LOSS_PATHS[kind]}/${encodeURIComponent(insurerId)}`)).body as Record<string, unknown>;
      const records: Record<string, unknown>[] = [{ [LOSS_DATA_KEYS[kind]]: resource }];
      if (kind === 'claim' && typeof resource.settlementId === 'string') {
        records.push({ settlement: (await client.call('GET', `${base}/settlements/${encodeURIComponent(resource.settlementId)}`)).body });
      }
      return records;
    },

    /** An overdue notification, collection handover or claim, with its outbox entry's Idempotency-Key. */
    async submitLoss(entry: LossSubmission, buyer: { readonly companyId: string; readonly customerCode: string }): Promise<{ insurerId: string; status: string }> {
      const answer = await client.call('POST', `${base}/${LOSS_PATHS[entry.kind]}`, { idempotencyKey: idempotencyKeyOf(entry), body: lossBody(entry, buyer) });
      const body = answer.body as Record<string, unknown>;
      const insurerId = body[LOSS_ID_FIELDS[entry.kind]];
      if (typeof insurerId !== 'string' || typeof body.status !== 'string') throw new KredoError('insurer.badAnswer');
      return { insurerId, status: body.status };
    },
  };
}

const LOSS_PATHS = { overdue: 'overdues', collection: 'collection-cases', claim: 'claims' } as const;
const LOSS_ID_FIELDS = { overdue: 'overdueId', collection: 'caseId', claim: 'claimId' } as const;
/** The key each resource travels under in feed events (electron/sandbox/loss-views.ts). */
const LOSS_DATA_KEYS = { overdue: 'overdue', collection: 'collectionCase', claim: 'claim' } as const;

/** The insurer's body for a loss submission (insurer-apis.md §3.2): amounts as decimal strings. */
function lossBody(entry: LossSubmission, buyer: { readonly companyId: string; readonly customerCode: string }) {
  const { detail } = entry;
  const invoices = entry.invoices.map((invoice) => ({
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    netAmount: toDecimalString({ amountMinor: invoice.netAmountMinor, currency: invoice.currency }),
    grossAmount: toDecimalString({ amountMinor: invoice.grossAmountMinor, currency: invoice.currency }),
    currency: invoice.currency,
  }));
  const common = { companyId: buyer.companyId, invoices };
  if (entry.kind === 'overdue') return { ...common, category: detail.category ?? 'OVD', customerReference: buyer.customerCode, ...(detail.newDueDate && { newDueDate: detail.newDueDate }) };
  if (entry.kind === 'collection') return { ...common, caseType: detail.caseType ?? 'COLLECTION', ...(detail.overdueId && { overdueId: detail.overdueId }) };
  return { ...common, cause: detail.cause ?? 'PROTRACTED_DEFAULT', ...(detail.overdueId && { overdueId: detail.overdueId }), ...(detail.caseId && { caseId: detail.caseId }) };
}
