import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import type { Debtor } from '../../../../shared/domain/debtors/debtor';
import type { DunningAction } from '../../../../shared/domain/dunning/dunning-action';
import type { LedgerChunkNumbers, LedgerChunkTexts } from '../../../../shared/domain/ledger/ledger-chunk';
import type { LedgerNumbersOverlay, LedgerTextsOverlay } from '../../../../shared/domain/ledger/ledger-overlay';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import type { InsurancePolicy } from '../../../../shared/domain/policy/insurance-policy';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import type { PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import type { ExchangeRate } from '../../../../shared/money/exchange-rates';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import type { LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import type { LossSubmission } from '../../../../shared/sync/loss-submission';
import type { PromiseToPay } from '../../../../shared/domain/dunning/promises';
import type { PaymentPlan } from '../../../../shared/domain/dunning/payment-plans';
import type { RejectedItem } from '../../../../shared/sync/insurer-rejects';
import type { UserRateRow } from '../../../../shared/domain/law/rate-table-merge';
import type { LetterFreeTexts } from '../../letters/letter-free-texts';
import type { OpenInvoiceChunk } from '../../../../shared/domain/ledger/open-invoices';
import type { TurnoverDeclarationRecord } from '../turnover/turnover-record';
import type { InsurerLimitChange } from '../sync/apply-insurer-covers';
import type { WorklistDebtorChunk } from './worklist-debtors';
import type { WorklistSummaryChunk } from './worklist-summaries';
import type { LimitChunkDelta, SummaryChunkDelta } from './chunk-deltas';

/** A debtor as stored: the domain record plus the ledger chunk that holds its invoices and payments. */
export type StoredDebtor = Debtor & { readonly chunkId: number };

/**
 * The debtors of one ledger chunk. Debtors and limits are stored per chunk like the ledgers: measured in
 * Chromium, one record per debtor cost about 0.2 ms a row (5,000 rows: 0.85 s), one record per chunk of
 * 100 debtors about 0.01 ms a debtor.
 */
export interface DebtorChunk {
  readonly chunkId: number;
  readonly debtors: readonly StoredDebtor[];
  /** Derived on every write (insurer-keys.ts), indexed: the customer numbers and buyer ids insurer covers name. */
  readonly insurerRefs?: readonly string[];
  readonly keysVersion?: number;
}

export interface LimitChunk {
  readonly chunkId: number;
  readonly limits: readonly CreditLimit[];
  /** Derived on every write (insurer-keys.ts), indexed: every cover id the chunk's limits have had. */
  readonly coverIds?: readonly string[];
  readonly keysVersion?: number;
}

/** The summaries of one chunk's debtors, refreshed together with the chunk (see summariseChunk). */
export interface SummaryChunk {
  readonly chunkId: number;
  readonly asOf: string;
  readonly summaries: readonly DebtorSummary[];
}

export interface StoredPortfolioSummary extends PortfolioSummary {
  readonly id: 'current';
}

export interface MetaEntry {
  readonly key: string;
  readonly value: string | number | boolean;
}

/** A committed import: what file it was and what it changed (the same report goes into the audit trail). */
export interface ImportRecord {
  readonly id: string;
  readonly fileName: string;
  /** SHA-256 of the file's bytes: the same file imported again is recognised. */
  readonly fileHash: string;
  readonly kind: 'open-items' | 'e-invoice' | 'bank-transactions' | 'customers';
  /** ISO 8601 instant of the commit. */
  readonly at: string;
  readonly report: Readonly<Record<string, number | string>>;
}

/** A bank line an import could not assign to exactly one debtor, waiting for the controller. */
export interface PaymentToReview {
  /** The bank transaction's id (see bankTransactionId), also the payment's id once assigned. */
  readonly id: string;
  readonly transaction: BankTransaction;
  readonly reason: 'ambiguous' | 'unmatched';
  /** For ambiguous lines: the debtors it could belong to. */
  readonly candidateDebtorIds: readonly string[];
  readonly fileName: string;
  readonly importedAt: string;
}

/** A letter as it was sent: the PDF and the e-mail draft, kept for the audit trail (base64 so backups carry it as text). */
export interface StoredDocument {
  readonly id: string;
  readonly debtorId: string;
  /** The dunning action the letter belongs to. */
  readonly actionId: string;
  readonly step: string;
  readonly language: string;
  readonly createdAt: string;
  /** Without extension: `.pdf` and `.eml` are added when saved. */
  readonly fileName: string;
  readonly pdfBase64: string;
  /** The e-mail draft, only when the debtor has an e-mail address (never a placeholder recipient). */
  readonly eml?: string;
  readonly currency: string;
  readonly totalDueMinor: number;
  /**
   * The letter's own payment reference, without spaces (betalingskenmerk, OCR or RF: issue 16, item 6), and
   * the numbers of the invoices it listed: a payment quoting the reference pays exactly those. Numbers, not
   * item ids, since a merge moves the letter to another debtor (`debtorId` changes, the numbers do not).
   * Absent on letters kept before references were given.
   */
  readonly paymentReference?: string;
  readonly invoiceNumbers?: readonly string[];
  /**
   * Which version of the controller's letter texts for its language and step it was worded with
   * (`letterTexts`, Settings › Letter texts); 0 when Kredo's own wording. Absent on letters made before
   * texts could be edited. The PDF and e-mail above are the letter as made, whatever is edited later.
   */
  readonly textVersion?: number;
  /**
   * When the letter went into the e-mail outbox (Settings › E-mail): its Message-ID and how it went. Once
   * sent, failed or uncertain, `eml` holds the exact message handed to the mail server.
   */
  readonly mail?: { readonly messageId: string; readonly state: 'queued' | 'sent' | 'failed' | 'uncertain'; readonly at?: string; readonly code?: string };
}

/**
 * An item of insurer data the sync could not read (shared/sync/insurer-rejects.ts), kept with what is wrong
 * with it until a readable version of the cover replaces it or a full resync reads everything again.
 */
export interface QuarantinedInsurerItem extends RejectedItem {
  /** `cover:<coverId>` (its latest unreadable version), else `event:<eventId>`, else a hash of the item. */
  readonly id: string;
  /** Where it came: the change feed, the full resync, or the answer to a limit request. */
  readonly source: 'feed' | 'resync' | 'answer';
  /** The debtor whose limit it would have changed, when Kredo can tell. */
  readonly debtorId?: string;
  readonly debtorName?: string;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
}

/**
 * One saved version of the controller's salutation, opening and closing for a language and letter step
 * (issue 16, item 4). Every save adds a version and none is ever changed, so the history shows what each
 * letter said; a reset to Kredo's wording is a version without texts.
 */
export interface LetterTextVersion {
  /** `${language}:${step}:${version}`. */
  readonly id: string;
  /** `${language}:${step}`, indexed: the versions of one language and step. */
  readonly key: string;
  readonly language: string;
  readonly step: string;
  /** 1, 2, 3 … per language and step. */
  readonly version: number;
  readonly texts: LetterFreeTexts;
  readonly savedAt: string;
}

/**
 * One insurer sync as the Insurer sync screen's history lists it (sync-history.ts, issue 17): when, full or
 * incremental, how it ended, and what it counted. The last RUNS_KEPT are kept.
 */
export interface SyncRun {
  /** Given by the store in the order runs are recorded: runs at the same instant (a fixed clock) keep their order. */
  readonly seq?: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** `full`: every limit read again; `incremental`: the insurer's changes since the last sync. */
  readonly kind: 'full' | 'incremental';
  /**
   * `partial`: the sync went through, but insurer data could not be read (the quarantine) or a request could
   * not be sent; `failed`: it stopped with `error` (what landed before that is counted all the same).
   */
  readonly result: 'ok' | 'partial' | 'failed';
  /** A KredoError code and its parameters, translated when shown (locales/<lng>/errors.json). */
  readonly error?: { readonly code: string; readonly params?: Readonly<Record<string, string | number>> };
  /** "Sync now" rather than the automatic sync. */
  readonly forced?: boolean;
  readonly sent: number;
  readonly refused: number;
  /** Requests the insurer did not answer this time: they wait for the next sync. */
  readonly waiting: number;
  /** Limit changes (insurer decisions, reductions, covers new to Kredo). */
  readonly changed: number;
  /** Insurer items set aside because they could not be read. */
  readonly unreadable: number;
  /** How many of `changed` are kept in `syncRunChanges` (fewer for a full read of a large portfolio). */
  readonly changesKept: number;
}

/** The limit changes of one sync run, under its `seq`: read only when the controller opens the run. */
export interface SyncRunChanges {
  readonly seq: number;
  readonly changes: readonly InsurerLimitChange[];
}

/** The tables of the offline store and what each holds (see README.md in this folder's parent). */
export interface StoreTables {
  readonly debtorChunks: DebtorChunk;
  readonly ledgerNumbers: LedgerChunkNumbers;
  readonly ledgerTexts: LedgerChunkTexts;
  /** A ledger chunk's payment, allocation and open-amount columns booked since it was last written whole, folded into every read (ledger-overlay.ts). */
  readonly ledgerNumberOverlays: LedgerNumbersOverlay;
  /** Likewise its payments' texts. */
  readonly ledgerTextOverlays: LedgerTextsOverlay;
  /** Each ledger chunk's open invoices, written with it (open-invoices-middleware.ts), for the Dunning worklist. */
  readonly openInvoiceChunks: OpenInvoiceChunk;
  /** Each debtor chunk's debtors as the Dunning worklist reads them, written with it (worklist-debtors-middleware.ts). */
  readonly worklistDebtorChunks: WorklistDebtorChunk;
  readonly summaryChunks: SummaryChunk;
  /** Each summary chunk's overdue debtors and risk figures as the Dunning worklist reads them, written with it and its sync delta (worklist-summaries-middleware.ts). */
  readonly worklistSummaryChunks: WorklistSummaryChunk;
  readonly portfolio: StoredPortfolioSummary;
  readonly limitChunks: LimitChunk;
  readonly policies: InsurancePolicy;
  readonly exchangeRates: ExchangeRate;
  readonly dunningActions: DunningAction;
  readonly audit: AuditEntry;
  readonly meta: MetaEntry;
  readonly imports: ImportRecord;
  readonly paymentsToReview: PaymentToReview;
  readonly limitOutbox: LimitOutboxEntry;
  /** Overdue notifications, collection handovers and claims on their way to (and through) the insurer. */
  readonly lossOutbox: LossSubmission;
  readonly documents: StoredDocument;
  readonly promises: PromiseToPay;
  readonly paymentPlans: PaymentPlan;
  /** Insurer data set aside because it does not fit the schema, shown on the Insurer sync screen. */
  readonly insurerQuarantine: QuarantinedInsurerItem;
  /** The insurer sync's own state: the feed cursor, the last sync, the event ids already read. */
  readonly syncState: { readonly key: string; readonly value: unknown };
  /** Statutory-interest rate rows the controller added (Settings › Interest rates); they win over shipped rows for their period. */
  readonly interestRates: UserRateRow;
  /** The controller's letter texts, every saved version (Settings › Letter texts). */
  readonly letterTexts: LetterTextVersion;
  /** Turnover declarations sent to the insurer or prepared for its portal, every version per period. */
  readonly turnoverDeclarations: TurnoverDeclarationRecord;
  /** The insurer sync's history, newest last, bounded (sync-history.ts). */
  readonly syncRuns: SyncRun;
  /** What each sync run changed, under the run's `seq`. */
  readonly syncRunChanges: SyncRunChanges;
  /** A chunk's limits changed since it was last written whole, folded into every read of it (chunk-deltas.ts). */
  readonly limitDeltas: LimitChunkDelta;
  /** Likewise its debtors' summaries. */
  readonly summaryDeltas: SummaryChunkDelta;
}

export type TableName = keyof StoreTables;

/** Every table, in the order a backup writes and a restore reads them. */
export const TABLE_NAMES: readonly TableName[] = [
  'meta', 'policies', 'exchangeRates', 'worklistDebtorChunks', 'debtorChunks', 'limitChunks', 'limitDeltas', 'openInvoiceChunks', 'ledgerNumbers', 'ledgerTexts', 'ledgerNumberOverlays', 'ledgerTextOverlays', 'worklistSummaryChunks', 'summaryChunks', 'summaryDeltas', 'portfolio', 'dunningActions', 'imports', 'paymentsToReview', 'limitOutbox', 'lossOutbox', 'documents', 'promises', 'paymentPlans', 'insurerQuarantine', 'syncState', 'interestRates', 'letterTexts', 'turnoverDeclarations', 'syncRuns', 'syncRunChanges', 'audit',
];
