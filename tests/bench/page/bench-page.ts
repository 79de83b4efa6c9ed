/**
 * The benchmark page: Kredo's own store code (the same modules the app's data worker runs), driven by the
 * benchmark runner through `window.kredoBench`. Built apart from the app (vite.bench.config.ts) so the
 * app ships no benchmark code, and served by the Chromium host like the app, under the same CSP.
 */
import { ageChunk } from '../../../shared/domain/ageing/age-chunk';
import { ageingBuckets, DEFAULT_AGEING } from '../../../shared/domain/ageing/ageing-config';
import { AgeingTable } from '../../../shared/domain/ageing/ageing-table';
import type { DebtorSummary } from '../../../shared/domain/summaries/debtor-summary';
import { summarisePortfolio } from '../../../shared/domain/summaries/portfolio-summary';
import { summariseChunk, type SummaryContext } from '../../../shared/domain/summaries/summarise-chunk';
import { DATA_TIERS, DEMO_SEED, type DataTier } from '../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy, type GeneratedChunk } from '../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../shared/generator/plan-portfolio';
import { addDays, toDayNumber, type IsoDate } from '../../../shared/time/iso-date';
import { KredoDb } from '../../../renderer/src/data/db/kredo-db';
import { refreshSummaries } from '../../../renderer/src/data/store/refresh-summaries';
import { replacePortfolio } from '../../../renderer/src/data/store/replace-portfolio';
import { loadSummaryContext } from '../../../renderer/src/data/store/summary-context';
import { loadStoreIndex } from '../../../renderer/src/data/import/chunk-loader';
import { loadLedgerColumns, matchPayments } from '../../../renderer/src/data/import/match-payments';
import { indexForMatching } from '../../../renderer/src/data/import/matching-store-index';
import { createImportOperations } from '../../../renderer/src/data/worker/import-operations';
import type { BankTransaction } from '../../../shared/import/bank-transaction';
import type { FileAnalysis, ParseSummary, TabularAnalysis } from '../../../shared/ipc/import-contract';
import type { KredoBridge } from '../../../shared/ipc/kredo-bridge';
import { fromDayNumber } from '../../../shared/time/iso-date';
import { FLAG_CREDIT_NOTE, type LedgerChunkNumbers } from '../../../shared/domain/ledger/ledger-chunk';
import { seededRandom } from '../../../shared/random/seeded-random';
import { buildCsv } from '../../../renderer/src/export/build-csv';
import { buildXlsx } from '../../../renderer/src/export/build-xlsx';
import { portfolioExportTable } from '../../../renderer/src/features/portfolio/grid/grid-export';
import { applyGridQuery, DEFAULT_GRID_QUERY, type GridQuery } from '../../../renderer/src/features/portfolio/grid/grid-query';
import { portfolioColumns } from '../../../renderer/src/features/portfolio/grid/portfolio-columns';
import { buildPortfolioRows } from '../../../renderer/src/features/portfolio/grid/portfolio-row';
import { makeAgeingReportPdf } from '../../../renderer/src/data/reports/make-ageing-report-pdf';
import type { AgeingReportRequest } from '../../../renderer/src/data/reports/ageing-report-request';
import { syncBench } from './bench-sync';
import { dunningBench } from './bench-dunning';
import { peakHeapMiB, resetPeak, sample } from './heap-peak';

/** The PDF ageing report in English as the app asks for it (the texts are the app's English ones, abridged). */
const REPORT_REQUEST: AgeingReportRequest = {
  today: '2026-11-24' as IsoDate,
  generatedAt: '2026-11-24T09:00:00.000Z',
  formatLocale: 'en-GB',
  bucketLabels: ['Not due', '1–30 days', '31–60 days', '61–90 days', 'Over 90 days'],
  kpis: [{ label: 'DSO', value: '43.5 days' }],
  text: {
    title: 'Ageing report', subtitle: 'As of 24 Nov 2026 · amounts in EUR', generated: 'Generated 24 Nov 2026, 09:00', summaryHeading: 'Portfolio', countryHeading: 'By country',
    currencyHeading: 'By invoice currency', debtorHeading: 'Debtors with open items', columns: { name: 'Debtor', open: 'Open', overdue: 'Overdue', daysOverdue: 'Days overdue', risk: 'Risk' },
    totalLabel: 'Total', pageTemplate: 'Page {{page}} of {{pages}}', unknownCountry: 'Unknown country', otherDebtorsTemplates: { one: '{{count}} other debtor', other: '{{count}} other debtors' },
  },
};

/** Calls the main process through the bridge the Chromium host installs, as the app's kredo-api does. */
async function ipc<T>(method: keyof KredoBridge, request: unknown): Promise<T> {
  const bridge = (window as unknown as { kredo: Record<string, (request: unknown) => Promise<{ ok: boolean; value?: T; error?: unknown }>> }).kredo;
  const result = await bridge[method]!(request);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

const timed = async <T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await work();
  sample();
  return { ms: performance.now() - started, value };
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/**
 * fullAgeing's connection and the ledger columns it loaded, held until dailyRefresh has run (as when the three
 * were one call): the summaries and the refresh are called apart so that each one's CPU time can be read.
 */
let loaded: { readonly db: KredoDb; readonly chunks: readonly LedgerChunkNumbers[]; readonly context: SummaryContext } | undefined;

const bench = {
  resetPeak,
  peakHeapMiB,

  /**
   * Generates a tier into memory, then writes it to the store in one transaction; with `bankLineCount`, also
   * makes that many bank lines paying its open invoices (see bankLinesOver), without reading the store.
   */
  async writeTier(tier: DataTier, today: IsoDate, bankLineCount = 0) {
    const plan = planPortfolio(DATA_TIERS[tier], { seed: DEMO_SEED, today });
    const policy = generatePolicy(today);
    const generation = await timed(() => Array.from({ length: plan.chunkCount }, (_, chunkId): GeneratedChunk => generateChunk(plan, policy, chunkId)));
    const chunks = generation.value;
    const items = chunks.reduce((sum, chunk) => sum + chunk.ledgers.reduce((count, ledger) => count + ledger.items.length, 0), 0);
    const payments = chunks.reduce((sum, chunk) => sum + chunk.ledgers.reduce((count, ledger) => count + ledger.payments.length, 0), 0);
    const db = new KredoDb();
    const write = await timed(() => replacePortfolio(db, { policy, rates: generateExchangeRates(DEMO_SEED, today), chunks, chunkCount: plan.chunkCount, asOf: today, at: new Date().toISOString(), source: 'benchmark' }));
    db.close();
    const bankLines = bankLineCount > 0 ? bankLinesFromChunks(chunks, bankLineCount) : [];
    return { generationMs: generation.ms, writeMs: write.ms, debtors: plan.size.debtors, items, payments, openItems: write.value.openItemCount, bankLines };
  },

  /** A fresh connection, as after starting the app: the totals, then every debtor's summary for the grid. */
  async coldOpen() {
    const db = new KredoDb();
    const started = performance.now();
    const portfolio = await db.portfolio.get('current');
    const totalsMs = performance.now() - started;
    const summaries = (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
    const allMs = performance.now() - started;
    sample();
    db.close();
    return { totalsMs, allMs, debtors: summaries.length, exposureMinor: portfolio?.exposureMinor ?? 0 };
  },

  /**
   * Full ageing of every open item as of a date, over the ledger columns held in memory (the worker's model);
   * the columns stay loaded for summariesInMemory and until dailyRefresh has run.
   */
  async fullAgeing(today: IsoDate) {
    const db = new KredoDb();
    const load = await timed(() => db.ledgerNumbers.toArray());
    const chunks = load.value;
    loaded = { db, chunks, context: (await loadSummaryContext(db, addDays(today, 1)))! };
    const currencies = [...new Set(chunks.flatMap((chunk) => chunk.currencies))];
    const runs: number[] = [];
    let openItems = 0;
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      const table = new AgeingTable(1, currencies, ageingBuckets(DEFAULT_AGEING).length);
      for (const numbers of chunks) {
        ageChunk(numbers, toDayNumber(addDays(today, 1)), DEFAULT_AGEING, { groupOfSlot: new Int32Array(numbers.debtorIds.length), tableCurrencyOf: Int32Array.from(numbers.currencies, (code) => currencies.indexOf(code)) }, table);
      }
      runs.push(performance.now() - started);
    }
    for (const numbers of chunks) for (const open of numbers.itemOpen) if (open > 0) openItems += 1;
    return { loadMs: load.ms, ageingMs: median(runs), items: chunks.reduce((sum, chunk) => sum + chunk.itemDebtor.length, 0), openItems };
  },

  /** Every debtor's summary and the portfolio's for the next day, from the columns fullAgeing loaded (nothing read or written). */
  async summariesInMemory() {
    const { chunks, context } = loaded!;
    const summaries = await timed(() => {
      const all: DebtorSummary[] = [];
      for (const numbers of chunks) all.push(...summariseChunk(numbers, context));
      return summarisePortfolio(all, { asOf: context.asOf, currency: context.policy.currency, bucketCount: ageingBuckets(context.ageing).length });
    });
    return { summariesMs: summaries.ms };
  },

  /** The daily refresh for the next day, as the data worker runs it on the first start of a day: read, summarise, write. */
  async dailyRefresh(today: IsoDate) {
    const { db } = loaded!;
    const refresh = await timed(() => refreshSummaries(db, addDays(today, 1)));
    db.close();
    loaded = undefined;
    return { refreshMs: refresh.ms };
  },

  /**
   * The portfolio grid at this size with the app's own modules: loading and scoring every row as its live
   * query does, sorting, filtering and searching as the toolbar does, and exporting what it shows.
   */
  async portfolioGrid() {
    const db = new KredoDb();
    const read = await timed(async () => {
      const [debtorChunks, summaryChunks, dunningActions] = await Promise.all([db.debtorChunks.toArray(), db.summaryChunks.toArray(), db.dunningActions.toArray()]);
      return { debtorChunks, summaryChunks, dunningActions };
    });
    const build = await timed(() => buildPortfolioRows(read.value));
    db.close();
    const load = { ms: read.ms + build.ms };
    const rows = build.value;
    const columns = portfolioColumns(ageingBuckets(DEFAULT_AGEING).length);
    const run = (query: Partial<GridQuery>) => applyGridQuery(rows, { ...DEFAULT_GRID_QUERY, ...query }, columns, 'sv-SE');
    const medianOf = (query: Partial<GridQuery>) => {
      const runs: number[] = [];
      let shown = 0;
      for (let repeat = 0; repeat < 7; repeat += 1) {
        const started = performance.now();
        shown = run(query).length;
        runs.push(performance.now() - started);
      }
      sample();
      return { ms: median(runs), shown };
    };
    const firstByName = await timed(() => run({ sort: { column: 'name', direction: 'asc' } }).length);
    const byExposure = medianOf({ sort: { column: 'exposure', direction: 'desc' } });
    const byRisk = medianOf({});
    const byName = medianOf({ sort: { column: 'name', direction: 'asc' } });
    const filtered = medianOf({ filters: { country: 'NL', overdueAboveMinor: 1_000_000, isOverLimit: true } });
    const searched = medianOf({ search: 'b.v.' });
    const table = portfolioExportTable({ title: 'Debtors', rows, columns, currency: 'EUR', label: (column) => column.id, text: (column, row) => String(column.sortValue(row) ?? '') });
    const csv = await timed(() => buildCsv(table, { locale: 'sv' }).length);
    const xlsx = await timed(async () => (await buildXlsx(table, { sheetName: 'Debtors' })).length);
    const reportDb = new KredoDb();
    const pdf = await timed(async () => (await makeAgeingReportPdf(reportDb, REPORT_REQUEST))?.length ?? 0);
    reportDb.close();
    return {
      rows: rows.length, columns: columns.length, loadMs: load.ms, readMs: read.ms, buildMs: build.ms, firstByNameMs: firstByName.ms, byExposureMs: byExposure.ms, byRiskMs: byRisk.ms, byNameMs: byName.ms,
      filterMs: filtered.ms, filtered: filtered.shown, searchMs: searched.ms, searched: searched.shown, csvMs: csv.ms, csvBytes: csv.value, xlsxMs: xlsx.ms, xlsxBytes: xlsx.value, pdfMs: pdf.ms, pdfBytes: pdf.value,
    };
  },
};

type OpenInvoice = { debtorName: string; number: string; reference: string; amount: number; currency: string; due: number };

/** Bank lines for `count` of these open invoices: by reference, by invoice number, by name, or nobody's. */
function bankLinesOver(open: readonly OpenInvoice[], count: number): BankTransaction[] {
  const random = seededRandom(DEMO_SEED);
  return Array.from({ length: count }, (_, index): BankTransaction => {
    const item = open[random.int(0, open.length - 1)]!;
    const kind = index % 10;
    return {
      id: `BENCH-${index}`, position: index, accountIban: 'NL91ABNA0417164300', bookingDate: fromDayNumber(item.due), valueDate: fromDayNumber(item.due), amountMinor: kind === 9 ? 12_345 : item.amount, currency: item.currency,
      direction: 'credit', isReversal: false, counterpartyName: kind === 9 ? 'Unknown Payer GmbH' : item.debtorName, counterpartyIban: '',
      structuredReference: kind < 4 ? item.reference : '', remittance: kind >= 4 && kind < 7 ? `Invoice ${item.number}` : '', endToEndId: '', bankReference: `B${index}`,
    };
  });
}

/** Bank lines for 10,000 of the store's open invoices (see bankLinesOver). */
async function bankLinesFor(db: KredoDb, count: number): Promise<BankTransaction[]> {
  const [numbersList, textsList, debtorChunks] = await Promise.all([db.ledgerNumbers.toArray(), db.ledgerTexts.toArray(), db.debtorChunks.toArray()]);
  const names = new Map(debtorChunks.flatMap((chunk) => chunk.debtors.map((debtor) => [debtor.id, debtor.name] as const)));
  const open: OpenInvoice[] = [];
  numbersList.forEach((numbers, index) => {
    const texts = textsList[index]!;
    for (let row = 0; row < numbers.itemDebtor.length; row += 1) {
      if (numbers.itemOpen[row]! <= 0 || numbers.itemFlags[row]! & FLAG_CREDIT_NOTE) continue;
      open.push({ debtorName: names.get(numbers.debtorIds[numbers.itemDebtor[row]!]!) ?? '', number: texts.itemNumbers[row]!, reference: texts.itemReferences[row]!, amount: numbers.itemOpen[row]!, currency: numbers.currencies[numbers.itemCurrency[row]!]!, due: numbers.itemDueDay[row]! });
    }
  });
  return bankLinesOver(open, count);
}

/** The same kind of bank lines from a portfolio just generated, so making them reads nothing from the store. */
function bankLinesFromChunks(chunks: readonly GeneratedChunk[], count: number): BankTransaction[] {
  const open: OpenInvoice[] = [];
  for (const chunk of chunks) {
    chunk.ledgers.forEach((ledger, slot) => {
      for (const item of ledger.items) {
        if (item.openMinor <= 0 || item.kind === 'credit-note') continue;
        open.push({ debtorName: chunk.debtors[slot]!.name, number: item.number, reference: item.paymentReference, amount: item.openMinor, currency: item.currency, due: toDayNumber(item.dueDate) });
      }
    });
  }
  return bankLinesOver(open, count);
}

const importBench = {
  /**
   * The app's import path: analysis and parsing in the main process's worker thread, the batches taken
   * and compared here while the parse runs (as the Imports screen does), then the commit.
   */
  async importFile(fileId: string, today: IsoDate, attempt: number) {
    const db = new KredoDb();
    const analyse = await timed(() => ipc<TabularAnalysis>('importAnalyse', { fileId }));
    const { mapping, dialect } = analyse.value;
    const operations = createImportOperations(db);
    const at = new Date().toISOString();
    const started = performance.now();
    let parseMs = 0;
    const parsing = ipc<ParseSummary>('importParse', { fileId, attempt, mapping, dialect: { ...dialect, dateFormat: dialect.dateFormat! } }).then((summary) => {
      parseMs = performance.now() - started;
      return summary;
    });
    const prepare = await timed(() =>
      operations.prepare({ fileId, fileName: 'tier-l.csv', recordKind: 'open-items', today, at }, { readBatch: async (index) => (await ipc<{ gzipBase64: string | null }>('importReadBatch', { fileId, attempt, index })).gzipBase64, summary: () => parsing }),
    );
    const parseAndCompareMs = performance.now() - started;
    const commit = await timed(() => operations.commit({ importId: fileId, closeMissing: false, at, today, homeCurrency: 'EUR' }, async () => undefined));
    db.close();
    return { analyseMs: analyse.ms, parseMs, parseAndCompareMs, commitMs: commit.ms, records: (await parsing).recordCount, newItems: prepare.value.openItems?.newItems.count ?? 0, debtors: commit.value.debtorCount };
  },

  /**
   * A bank statement imported as the controller does it, start to finish: the main process's import worker
   * reads the file (analysis, then the parse handed over in batches), the data worker's import operations
   * match and book it on the ledgers (prepare), then store it (commit). The backup taken before every import
   * is left out: it is the backups' own cost, the same for every kind of import.
   */
  async bankImport(fileId: string, today: IsoDate) {
    const db = new KredoDb();
    const operations = createImportOperations(db);
    const at = new Date().toISOString();
    const endToEnd = performance.now();
    // As the Imports screen does (import-store.ts analyse): the store is read while the file is analysed.
    operations.readAhead(fileId);
    const analyse = await timed(() => ipc<FileAnalysis>('importAnalyse', { fileId }));
    const started = performance.now();
    let parseMs = 0;
    const parsing = ipc<ParseSummary>('importParse', { fileId, attempt: 1, mapping: {}, dialect: { decimal: '.', dateFormat: 'YYYY-MM-DD', defaultCurrency: 'EUR' } }).then((summary) => {
      parseMs = performance.now() - started;
      return summary;
    });
    const prepare = await timed(() =>
      operations.prepare({ fileId, fileName: 'bench.xml', recordKind: 'bank-transactions', today, at }, { readBatch: async (index) => (await ipc<{ gzipBase64: string | null }>('importReadBatch', { fileId, attempt: 1, index })).gzipBase64, summary: () => parsing }),
    );
    const prepareMs = performance.now() - started;
    const commit = await timed(() => operations.commit({ importId: fileId, closeMissing: false, at, today, homeCurrency: 'EUR' }, async () => undefined));
    const totalMs = performance.now() - endToEnd;
    db.close();
    const payments = prepare.value.payments!;
    return { analyseMs: analyse.ms, parseMs, prepareMs, commitMs: commit.ms, totalMs, lines: (await parsing).recordCount, booked: payments.booked.count, toReview: payments.toReview.count, duplicates: payments.duplicates };
  },

  /** Matching 10,000 bank lines against the stored portfolio's open invoices (the matching itself: median of 3). */
  async matchPayments(count: number) {
    const db = new KredoDb();
    const transactions = await bankLinesFor(db, count);
    const load = await timed(async () => ({ index: await loadStoreIndex(db), columns: await loadLedgerColumns(db) }));
    const { index, columns } = load.value;
    // What a bank import works out from the store alone while the file is analysed (readMatchingStore), timed apart.
    const indexing = await timed(async () => indexForMatching(columns, index));
    const runs: number[] = [];
    let match = await timed(() => matchPayments(columns, index, transactions, [], indexing.value));
    runs.push(match.ms);
    for (let run = 1; run < 3; run += 1) {
      match = await timed(() => matchPayments(columns, index, transactions, [], indexing.value));
      runs.push(match.ms);
    }
    db.close();
    return { loadMs: load.ms, indexMs: indexing.ms, matchMs: median(runs), firstMatchMs: runs[0]!, candidates: match.value.candidateCount, matched: match.value.decisions.filter((decision) => decision.kind === 'book').length };
  },
};

(window as unknown as { kredoBench: typeof bench & typeof importBench & typeof syncBench & typeof dunningBench }).kredoBench = { ...bench, ...importBench, ...syncBench, ...dunningBench };
document.title = 'ready';
