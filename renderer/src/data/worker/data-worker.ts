/// <reference lib="webworker" />
/**
 * The data worker: owns the heavy work on the offline store. Its own Dexie instance shares the database
 * with the UI thread's; Dexie broadcasts each write, so the UI's live queries update by themselves.
 */
import { expose, transfer } from 'comlink';
import { DATA_TIERS, DEMO_SEED } from '../../../../shared/generator/data-tiers';
import { generateChunks, generateExchangeRates, generatePolicy } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import { SUMMARY_VERSION } from '../../../../shared/domain/summaries/debtor-summary';
import { KredoDb, STORE_NAME } from '../db/kredo-db';
import { buildCsv } from '../../export/build-csv';
import { buildXlsx } from '../../export/build-xlsx';
import { makeAgeingReportPdf } from '../reports/make-ageing-report-pdf';
import { loadAgeingDashboard } from '../dashboard/load-ageing-dashboard';
import { backupBeforeMigration, backupStore, restoreFromBackup } from './backup-operations';
import { createExclusive } from './exclusive';
import { refreshSummaries } from '../store/refresh-summaries';
import { replacePortfolio } from '../store/replace-portfolio';
import { saveDebtorSettings } from '../store/save-debtor-settings';
import { endOwnLimitOf, saveOwnLimit } from '../store/save-own-limit';
import { addNewCustomer, findKnownCompany } from '../store/new-customer';
import { saveDebtorMasterData } from '../store/save-debtor-master-data';
import { mergeDebtors, previewDebtorMerge } from '../store/merge-debtors';
import type { DataApi } from './data-api';
import { keepErrorCodesAcrossComlink } from './error-transfer';
import { createImportOperations } from './import-operations';
import { createSyncOperations } from './sync-operations';
import { loadCreditPolicy, loadWorklistView } from '../dunning/load-worklist';
import { saveCreditPolicy } from '../dunning/save-credit-policy';
import { createWorklistCache } from '../dunning/worklist-cache';
import { agreePaymentPlan } from '../dunning/agree-payment-plan';
import { endPaymentPlan } from '../dunning/end-payment-plan';
import { loadCreditor } from '../dunning/creditor';
import { saveLetterhead } from '../dunning/save-letterhead';
import { letterTextHistory, saveLetterTexts } from '../dunning/letter-texts';
import { beginTurnoverSend, prepareTurnoverDeclaration, recordTurnoverReceipt, turnoverHistory } from '../turnover/turnover-declarations';
import { setDispute } from '../dunning/set-dispute';
import { previewWorklistLetter, processWorklist } from '../dunning/process-worklist';
import { startLetterPdfBuilder } from '../../letters/letter-pdf-builder';
import { makePrintBatchPdf } from '../dunning/print-batch';
import { makeStatement, makeStatements, markStatementQueued, previewStatement } from '../statements/make-statement';
import { recordCall } from '../dunning/record-call';
import { recordMailOutcomes } from '../dunning/record-mail-outcomes';
import { assignPayment, dismissPayment } from '../import/review-payments';
import { importRates, neededCurrencies, saveManualRate } from '../rates/store-rates';
import { importInterestRates, removeInterestRate, saveInterestRate } from '../interest-rates/interest-rates';

keepErrorCodesAcrossComlink();
const db = new KredoDb();
const exclusive = createExclusive();
const imports = createImportOperations(db);
const sync = createSyncOperations(db);
// Kept while nothing it reads is written: coming back to the Dunning screen need not work it out again.
const worklist = createWorklistCache(db.name, (request) => loadWorklistView(db, request));

/** Runs an operation that writes ledgers: one at a time, and any prepared import is stale afterwards. */
const writing = <T>(operation: () => Promise<T>) => exclusive(async () => {
  imports.invalidate();
  return operation();
});

const api: DataApi = {
  openDemoPortfolio: ({ today, at }, onProgress) => writing(async () => {
    const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
    const policy = generatePolicy(today);
    return replacePortfolio(db, {
      policy,
      rates: generateExchangeRates(DEMO_SEED, today),
      chunks: generateChunks(plan, policy),
      chunkCount: plan.chunkCount,
      asOf: today,
      at,
      source: 'demo',
      ...(onProgress && { onProgress: (done: number, total: number) => void onProgress(done, total) }),
    });
  }),

  refreshSummariesIfStale: ({ today }) => exclusive(async () => {
    const current = await db.portfolio.get('current');
    if (!current || (current.asOf === today && current.summaryVersion === SUMMARY_VERSION)) return current;
    return refreshSummaries(db, today);
  }),

  // A read transaction gives a consistent picture, so the dashboard need not wait for imports to finish.
  ageingDashboard: ({ today }, onProgress) => loadAgeingDashboard(db, today, onProgress && ((done, total) => void onProgress(done, total))),

  buildExport: async ({ table, format, language }) => {
    const bytes = format === 'csv' ? buildCsv(table, { locale: language }) : await buildXlsx(table, { sheetName: table.title });
    return transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  ageingReportPdf: async (request) => {
    const bytes = await makeAgeingReportPdf(db, request);
    return bytes && transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  printBatchPdf: async (request) => {
    const bytes = await makePrintBatchPdf(db, request);
    return bytes && transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  backupBeforeMigrationIfNeeded: ({ at }, sink) => exclusive(() => backupBeforeMigration(STORE_NAME, at, sink)),
  createBackup: ({ reason, at }, sink) => exclusive(() => backupStore(db, reason, at, sink)),
  restoreBackup: (request, source, sink) => writing(() => restoreFromBackup(db, request, source, sink)),

  // Not one at a time with the rest: it only reads, and any write meanwhile makes its import read again.
  readAheadForImport: async ({ fileId }) => imports.readAhead(fileId),
  prepareImport: (request, feed, onProgress) => exclusive(() => imports.prepare(request, feed, onProgress)),
  commitImport: (request, backupSink, onProgress) => exclusive(async () => {
    const portfolio = await imports.commit(request, () => backupStore(db, 'before-import', request.at, backupSink), onProgress);
    // Other prepared imports were compared with the store as it was before this one.
    imports.invalidate();
    return portfolio;
  }),
  discardImport: async ({ importId }) => imports.discard(importId),
  assignPayment: (request) => writing(() => assignPayment(db, request)),
  dismissPayment: (request) => exclusive(() => dismissPayment(db, request)),

  // One at a time with backups, imports and restores, so a sync's steps never interleave with theirs (a
  // backup is also one read transaction, which keeps any writer out of it). The price: a backup or import
  // waits while the insurer is slow to answer (bounded by the client's retries).
  syncNow: (request, port) => exclusive(() => sync.syncNow(request, port)),
  requestLimits: (request) => exclusive(() => sync.requestLimits(request)),
  submitLoss: (request) => exclusive(() => sync.submitLoss(request)),
  dunningWorklist: (request) => worklist(request),
  processWorklist: (request, progress, letterPdfPort) => exclusive(() => processWorklist(db, request, progress, letterPdfPort && (() => startLetterPdfBuilder(letterPdfPort)))),
  recordCall: (request) => exclusive(() => recordCall(db, request)),
  recordMailOutcomes: (outcomes) => writing(() => recordMailOutcomes(db, outcomes)),
  previewLetter: (request) => previewWorklistLetter(db, request),
  previewStatement: (request) => previewStatement(db, request),
  makeStatement: (request) => exclusive(() => makeStatement(db, request)),
  markStatementQueued: (request) => writing(() => markStatementQueued(db, request.documentId, request.messageId)),
  makeStatements: (request, progress) => exclusive(() => makeStatements(db, request, progress)),
  creditPolicy: () => loadCreditPolicy(db),
  setDispute: (request) => writing(() => setDispute(db, request)),
  letterhead: () => loadCreditor(db),
  saveLetterhead: (request) => exclusive(() => saveLetterhead(db, request)),
  letterTextHistory: (request) => letterTextHistory(db, request),
  saveLetterTexts: (request) => exclusive(() => saveLetterTexts(db, request)),
  prepareTurnoverDeclaration: (request) => prepareTurnoverDeclaration(db, request),
  beginTurnoverSend: (request) => exclusive(() => beginTurnoverSend(db, request)),
  recordTurnoverReceipt: (request) => exclusive(() => recordTurnoverReceipt(db, request)),
  turnoverHistory: () => turnoverHistory(db),
  agreePaymentPlan: (request) => exclusive(() => agreePaymentPlan(db, request)),
  endPaymentPlan: (request) => exclusive(() => endPaymentPlan(db, request)),
  saveDebtorSettings: (request) => writing(() => saveDebtorSettings(db, request)),
  // An own limit changes exposure and alerts: written like a ledger, one at a time with imports and syncs.
  saveOwnLimit: (request) => writing(() => saveOwnLimit(db, request)),
  saveDebtorMasterData: (request) => writing(() => saveDebtorMasterData(db, request)),
  endOwnLimit: (request) => writing(() => endOwnLimitOf(db, request)),
  findKnownCompany: (request) => findKnownCompany(db, request.identifiers),
  // A new debtor goes into a chunk like an import's: one at a time with imports and syncs.
  addNewCustomer: async (request) => ({ debtorId: (await writing(() => addNewCustomer(db, request))).id }),
  previewDebtorMerge: (request) => previewDebtorMerge(db, request),
  // One at a time with imports and syncs: a merge rewrites two ledgers and moves insurer cases, and a prepared import compared the store before it.
  mergeDebtors: (request) => writing(() => mergeDebtors(db, request)),
  saveCreditPolicy: (request) => exclusive(() => saveCreditPolicy(db, request)),
  // Rates change every converted figure: written like a ledger, one at a time with imports and backups.
  importRates: (request) => writing(async () => ({ stored: (await importRates(db, request)).stored })),
  saveManualRate: (request) => writing(() => saveManualRate(db, request)),
  neededCurrencies: () => neededCurrencies(db),
  saveInterestRate: (request) => exclusive(() => saveInterestRate(db, request)),
  importInterestRates: (request) => exclusive(() => importInterestRates(db, request)),
  removeInterestRate: (request) => exclusive(() => removeInterestRate(db, request)),
};

expose(api);
