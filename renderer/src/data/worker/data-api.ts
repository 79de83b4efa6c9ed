import type { MailOutcome } from '../../../../shared/ipc/mail-contract';
import type { PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import type { ExportTable } from '../../../../shared/export/export-table';
import type { Language } from '../../../../shared/i18n/languages';
import type { BackupInfo } from '../../../../shared/ipc/contract';
import type { CompanyIdentifier } from '../../../../shared/domain/identifiers/identifier-type';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { BackupSource } from '../backup/read-backup';
import type { BackupSink } from '../backup/write-backup';
import type { AgeingDashboardData } from '../dashboard/ageing-dashboard-data';
import type { ImportPreview } from '../import/import-preview';
import type { AgeingReportRequest } from '../reports/ageing-report-request';
import type { PrintBatchRequest } from '../dunning/print-batch';
import type { Assignment } from '../import/review-payments';
import type { SyncReport } from '../sync/run-sync';
import type { SettledInsurerPort } from '../sync/settled-insurer-port';
import type { SyncNowRequest } from '../sync/sync-now';
import type { LossSubmissionInput } from '../sync/queue-loss-submission';
import type { WorklistView } from '../dunning/worklist-rows';
import type { ProcessOutcome, ProcessProgress, ProcessWorklistRequest } from '../dunning/process-worklist';
import type { MadeStatement, StatementBatchOutcome, StatementBatchProgress, StatementPreview } from '../statements/make-statement';
import type { LetterPreviewText } from '../dunning/send-letter';
import type { RecordCallRequest } from '../dunning/record-call';
import type { DisputeRequest } from '../dunning/set-dispute';
import type { AgreePlanRequest } from '../dunning/agree-payment-plan';
import type { RateFileProblem } from '../../../../shared/domain/law/rate-table-csv';
import type { RateRowInput } from '../../../../shared/domain/law/rate-row-validation';
import type { LetterCreditor, LetterStep } from '../../letters/dunning-letter';
import type { LetterFreeTexts } from '../../letters/letter-free-texts';
import type { LetterTextVersion } from '../db/schema';
import type { PaymentPlan } from '../../../../shared/domain/dunning/payment-plans';
import type { DebtorSettingsRequest } from '../store/save-debtor-settings';
import type { OwnLimitRequest } from '../store/save-own-limit';
import type { KnownCompany, NewCustomer } from '../store/new-customer';
import type { DebtorMasterDataRequest } from '../store/save-debtor-master-data';
import type { MergeCounts, MergePreview, MergeRequest } from '../store/merge-debtors';
import type { CreditPolicy } from '../../../../shared/domain/dunning/credit-policy';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import type { LossSubmission } from '../../../../shared/sync/loss-submission';
import type { RateFileReadingDto } from '../../../../shared/ipc/rates-contract';
import type { ManualRateInput } from '../../../../shared/money/manual-rate';
import type { LimitRequestDraft, LimitRequestOutcome } from './sync-operations';
import type { CommitImportRequest, ImportProgress, ParseFeed, PrepareImportRequest } from './import-operations';
import type { TurnoverPreparation } from '../turnover/turnover-declarations';
import type { TurnoverDeclarationRecord } from '../turnover/turnover-record';
import type { TurnoverReceipt, TurnoverSubmission } from '../../../../shared/sync/turnover-wire';

/**
 * What the data worker does for the UI: everything that writes much or reads much, off the UI thread so
 * the window never freezes (PRODUCT.md: tier L must stay interactive).
 */
export interface DataApi {
  /** Generates the demo portfolio (tier S) as of `today` and stores it in one transaction. */
  openDemoPortfolio(request: { readonly today: IsoDate; readonly at: string }, onProgress?: (done: number, total: number) => void): Promise<PortfolioSummary>;
  /** Recomputes the summaries when they were last computed before `today` (buckets move every day). */
  refreshSummariesIfStale(request: { readonly today: IsoDate }): Promise<PortfolioSummary | undefined>;
  /**
   * The ageing dashboard as of `today`: ageing per bucket for the portfolio, per country and per currency,
   * the trend over the last twelve month-ends and the largest exposures. Reads every ledger (heavy at tier
   * L), so it runs here; undefined when there is no portfolio yet. `onProgress` counts the dates aged.
   */
  ageingDashboard(request: { readonly today: IsoDate }, onProgress?: (done: number, total: number) => void): Promise<AgeingDashboardData | undefined>;
  /**
   * Writes a grid as a CSV (in the language's separator and decimal conventions) or an Excel workbook. Off
   * the UI thread: a tier-L grid of 20,000 rows still takes about a second to write and zip.
   */
  buildExport(request: { readonly table: ExportTable; readonly format: 'csv' | 'xlsx'; readonly language: Language }): Promise<Uint8Array>;
  /** The printable ageing report as PDF bytes, read from the store as of `today`; undefined without a portfolio. */
  ageingReportPdf(request: AgeingReportRequest): Promise<Uint8Array | undefined>;
  /** One processing run's letters to post as one PDF, a covering list first, in envelope order; undefined when none goes by post. */
  printBatchPdf(request: PrintBatchRequest): Promise<Uint8Array | undefined>;
  /** Before the store's schema is upgraded: a backup of it as it is. Call before anything opens the store. */
  backupBeforeMigrationIfNeeded(request: { readonly at: string }, sink: BackupSink): Promise<BackupInfo | undefined>;
  createBackup(request: { readonly reason: 'daily' | 'manual' | 'before-import'; readonly at: string }, sink: BackupSink): Promise<BackupInfo>;
  /** Replaces the store with a backup (after backing up the current data); returns what it now holds. */
  restoreBackup(request: { readonly backupId: string; readonly at: string }, source: BackupSource, sink: BackupSink): Promise<{ debtors: number }>;

  /**
   * Starts reading what a bank statement's import matches against (every ledger chunk) while the main
   * process analyses the file; returns at once. That file's prepare uses it if nothing was written since;
   * it is let go on any write, a discard, another import, or after a minute unused.
   */
  readAheadForImport(request: { readonly fileId: string }): Promise<void>;
  /**
   * Takes a file's records as the main process parses them (`feed`) and works out what the import would
   * change. Nothing is stored: the preview is for the controller to confirm or discard.
   */
  prepareImport(request: PrepareImportRequest, feed: ParseFeed, onProgress?: ImportProgress): Promise<ImportPreview>;
  /**
   * Backs up the store (to `backupSink`), then stores a prepared import in one transaction (all of it or
   * nothing) and returns the new portfolio totals.
   */
  commitImport(request: CommitImportRequest, backupSink: BackupSink, onProgress?: ImportProgress): Promise<PortfolioSummary>;
  discardImport(request: { readonly importId: string }): Promise<void>;
  /** Books a payment from the review list on the debtor (and invoices) the controller chose. */
  assignPayment(request: Assignment): Promise<void>;
  /** Takes a line that is not a customer payment off the review list. */
  dismissPayment(request: { readonly paymentId: string; readonly at: string }): Promise<void>;

  /**
   * One insurer sync: policy terms, then the outbox out and the insurer's changes in. `port` is the insurer
   * channels lent from the UI thread; a sync already running is joined, not doubled.
   */
  syncNow(request: SyncNowRequest, port: SettledInsurerPort): Promise<SyncReport>;
  /** Puts limit requests in the outbox (sent by the next sync, online or not); one outcome per debtor. */
  requestLimits(request: { readonly at: string; readonly requests: readonly LimitRequestDraft[] }): Promise<LimitRequestOutcome[]>;
  /** Puts an overdue notification, collection handover or claim for a debtor in the loss outbox. */
  submitLoss(request: Omit<LossSubmissionInput, 'id'>): Promise<LossSubmission>;
  /** Today's dunning work: letters, calls, insurer deadlines, ordered by risk-weighted value; undefined without a portfolio. */
  dunningWorklist(request: { readonly today: IsoDate; readonly leadDays: number; readonly locale: string }): Promise<WorklistView | undefined>;
  /**
   * Carries out the chosen worklist entries (steps recorded as done, deadlines and handovers sent to the
   * insurer), telling `progress` how far it got and stopping between two entries when it says so. Letters'
   * PDFs are built by the worker answering on `letterPdfPort` when given (processWorklistWithLetterPdfs).
   */
  processWorklist(request: ProcessWorklistRequest, progress?: ProcessProgress, letterPdfPort?: MessagePort): Promise<ProcessOutcome>;
  /** The outcome of a worklist call: done with a note, a promise to pay stored, or no answer (stays on the list). */
  recordCall(request: RecordCallRequest): Promise<{ readonly promiseId?: string }>;
  /** Records the e-mail outbox's sent / failed / uncertain letters on the debtors' timelines; answers the keys recorded. */
  recordMailOutcomes(outcomes: readonly MailOutcome[]): Promise<string[]>;
  /** Marks an invoice disputed with a reason (not dunned, uninsured) or settles the dispute; summaries follow. */
  setDispute(request: DisputeRequest): Promise<void>;
  /** Stores a payment plan agreed with the debtor (amounts computed from the stored ledger); field problems instead when the terms do not check out. */
  agreePaymentPlan(request: AgreePlanRequest): Promise<{ readonly errors: readonly FieldError[]; readonly plan?: PaymentPlan }>;
  /** Ends a payment plan today (to renegotiate, or once a broken plan is followed up); dunning of its invoices resumes. */
  endPaymentPlan(request: { readonly planId: string; readonly today: IsoDate; readonly at: string }): Promise<void>;
  /** Saves a debtor's country, letter language, law and segment; returns every field's problem instead when one does not check out. */
  saveDebtorSettings(request: DebtorSettingsRequest): Promise<{ readonly errors: readonly FieldError[] }>;
  /** Saves a debtor's contacts and addresses (marked as edited by hand: imports leave them); every field's problem instead. */
  saveDebtorMasterData(request: DebtorMasterDataRequest): Promise<{ readonly errors: readonly FieldError[] }>;
  /** Sets a debtor's discretionary or internal limit (with fresh figures); every field's problem instead when one does not check out. */
  saveOwnLimit(request: OwnLimitRequest): Promise<{ readonly errors: readonly FieldError[] }>;
  /** The debtors already on the books that are the company these identifiers name, with their payment experience (new-customer flow). */
  findKnownCompany(request: { readonly identifiers: readonly CompanyIdentifier[] }): Promise<KnownCompany[]>;
  /** Adds a customer taken on by hand (with fresh figures and an audit line); refused when its number is taken or, unconfirmed, it is already a debtor. */
  addNewCustomer(request: { readonly customer: NewCustomer; readonly id: string; readonly today: IsoDate; readonly at: string; readonly homeCurrency: string }): Promise<{ readonly debtorId: string }>;
  /** Ends a debtor's discretionary or internal limit, kept in its history. */
  endOwnLimit(request: { readonly debtorId: string; readonly kind: 'discretionary' | 'internal'; readonly note: string; readonly today: IsoDate; readonly at: string; readonly homeCurrency: string }): Promise<void>;
  /** What merging one debtor into another would move, what to look out for, and why it cannot be done now. Changes nothing. */
  previewDebtorMerge(request: MergeRequest): Promise<MergePreview>;
  /** Merges one debtor into another (the same company) in one transaction, with one audit entry; refused with a KredoError while it cannot be done. */
  mergeDebtors(request: MergeRequest & { readonly today: IsoDate; readonly at: string; readonly homeCurrency: string }): Promise<MergeCounts>;
  /** The credit policy in force (the default ladder until one is saved). */
  creditPolicy(): Promise<CreditPolicy>;
  /** Saves an edited credit policy; returns every field's problem instead when it does not check out. */
  saveCreditPolicy(request: { readonly policy: unknown; readonly at: string }): Promise<{ readonly errors: readonly FieldError[] }>;
  /** The company's letterhead on letters (the demo company's until one is saved). */
  letterhead(): Promise<LetterCreditor>;
  /** Saves the letterhead; returns every field's problem instead when one does not check out. */
  saveLetterhead(request: { readonly letterhead: unknown; readonly at: string }): Promise<{ readonly errors: readonly FieldError[] }>;
  /** Every saved version of the controller's salutation, opening and closing for a language and step, newest first. */
  letterTextHistory(request: { readonly language: Language; readonly step: LetterStep }): Promise<LetterTextVersion[]>;
  /** Saves them as the next version (blank parts: Kredo's wording; none at all: a reset); refuses an unknown placeholder. */
  saveLetterTexts(request: { readonly language: Language; readonly step: LetterStep; readonly texts: LetterFreeTexts; readonly at: string }): Promise<LetterTextVersion>;
  /** Stores a central bank's rates (read by the main process) and recomputes the figures with them; rates typed by hand are kept. */
  importRates(request: { readonly reading: RateFileReadingDto; readonly at: string; readonly today: IsoDate }): Promise<{ readonly stored: number }>;
  /** Stores a rate typed by the controller and recomputes the figures; every field's problem instead when one does not check out. */
  saveManualRate(request: { readonly input: ManualRateInput; readonly at: string; readonly today: IsoDate }): Promise<{ readonly errors: readonly FieldError[] }>;
  /** The currencies a rates file should bring: the policy's, the debtors' and those with open items. */
  neededCurrencies(): Promise<string[]>;
  /** The letter a worklist entry would send, as its subject and text in the debtor's language. */
  previewLetter(request: Omit<ProcessWorklistRequest, 'entryIds'> & { readonly entryId: string }): Promise<LetterPreviewText | undefined>;
  /** What the debtor's statement of account would say today (issue 16, item 3), before it is made. */
  previewStatement(request: { readonly debtorId: string; readonly today: IsoDate }): Promise<StatementPreview | undefined>;
  /** Makes and keeps the debtor's statement of account as of today (or returns today's, already kept). */
  makeStatement(request: { readonly debtorId: string; readonly today: IsoDate; readonly at: string }): Promise<MadeStatement | undefined>;
  /** Records that a kept statement went into the e-mail outbox under its Message-ID. */
  markStatementQueued(request: { readonly documentId: string; readonly messageId: string }): Promise<void>;
  /** Statements for a selection, or every debtor with open items, with progress and Stop between two debtors. */
  makeStatements(request: { readonly debtorIds?: readonly string[]; readonly today: IsoDate; readonly at: string }, progress?: StatementBatchProgress): Promise<StatementBatchOutcome>;
  /** Stores a statutory-interest rate row typed by the controller; every field's problem instead when one does not check out. */
  saveInterestRate(request: { readonly input: RateRowInput; readonly today: IsoDate; readonly at: string }): Promise<{ readonly errors: readonly FieldError[] }>;
  /** Imports a rates file's rows (all or, with any problem, none: the problems come back with their lines). */
  importInterestRates(request: { readonly text: string; readonly fileName: string; readonly confirmed: boolean; readonly today: IsoDate; readonly at: string }): Promise<{ readonly stored: number; readonly problems: readonly RateFileProblem[] }>;
  /** Removes a rate row the controller added. */
  removeInterestRate(request: { readonly id: string; readonly at: string }): Promise<void>;
  /** A period's turnover declaration computed from the ledger, with the versions kept of it (issue 18 item 4). */
  prepareTurnoverDeclaration(request: { readonly period: string }): Promise<TurnoverPreparation>;
  /** Keeps the declaration computed now as the next version (or the unanswered one again) and gives what to send; refused while a rate is missing. */
  beginTurnoverSend(request: { readonly period: string; readonly at: string; readonly mode: 'send' | 'export' }): Promise<{ readonly record: TurnoverDeclarationRecord; readonly submission: TurnoverSubmission }>;
  /** The insurer's answer to a sent declaration. */
  recordTurnoverReceipt(request: { readonly id: string; readonly receipt: TurnoverReceipt; readonly at: string }): Promise<TurnoverDeclarationRecord>;
  /** Every kept declaration, newest period and version first. */
  turnoverHistory(): Promise<TurnoverDeclarationRecord[]>;
}
