import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import type { PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import type { ExchangeRate } from '../../../../shared/money/exchange-rates';
import { validateManualRate, type ManualRateInput } from '../../../../shared/money/manual-rate';
import type { RateFileReadingDto } from '../../../../shared/ipc/rates-contract';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { refreshSummaries } from '../store/refresh-summaries';

/** Everything a change of rates touches: the rates, the audit trail and the summaries computed with them. */
const tables = (db: KredoDb) => [db.exchangeRates, db.audit, db.summaryChunks, db.portfolio, db.ledgerNumbers, db.policies, db.limitChunks];

/**
 * Stores the rates of a central bank's file (already read and checked by the main process) and recomputes
 * every summary with them, in one transaction: the figures never show a mix of old and new rates. A rate
 * the controller entered by hand for the same pair and day is kept, not overwritten by the file.
 */
export async function importRates(db: KredoDb, request: { readonly reading: RateFileReadingDto; readonly at: string; readonly today: IsoDate }): Promise<{ readonly stored: number; readonly portfolio: PortfolioSummary | undefined }> {
  const { reading } = request;
  return db.transaction('rw', tables(db), async () => {
    const keys = reading.rates.map((rate) => [rate.base, rate.quote, rate.date] as [string, string, string]);
    const existing = await db.exchangeRates.bulkGet(keys);
    const rates = reading.rates.filter((_rate, index) => existing[index]?.source !== 'manual');
    await db.exchangeRates.bulkPut(rates);
    await db.audit.add({
      at: request.at, actor: 'user', action: 'policy.ratesImported', entityType: 'policy', entityId: 'exchange-rates',
      details: { file: reading.file, source: reading.source, rates: rates.length, from: reading.firstDate, to: reading.lastDate },
    });
    return { stored: rates.length, portfolio: await refreshSummaries(db, request.today) };
  });
}

/** The pair's latest rate on or before `date` (a correction of the same day is checked against the rate it corrects), either way round. */
async function previousRate(db: KredoDb, base: string, quote: string, date: IsoDate): Promise<{ date: IsoDate; rate: string; inverted: boolean } | undefined> {
  const latest = async (from: string, to: string) => db.exchangeRates.where('[base+quote+date]').between([from, to, ''], [from, to, date], true, true).last();
  const [direct, reverse] = await Promise.all([latest(base, quote), latest(quote, base)]);
  const pick: ExchangeRate | undefined = !reverse || (direct && direct.date >= reverse.date) ? direct : reverse;
  return pick && { date: pick.date, rate: pick.rate, inverted: pick === reverse };
}

/**
 * Stores a rate typed by the controller (Settings › Exchange rates) when every field checks out, then
 * recomputes the summaries; otherwise nothing changes and each problem comes back with its field. A rate
 * entered by hand is marked as such and wins over a file's for the same day.
 */
export async function saveManualRate(db: KredoDb, request: { readonly input: ManualRateInput; readonly at: string; readonly today: IsoDate }): Promise<{ readonly errors: readonly FieldError[] }> {
  return db.transaction('rw', tables(db), async () => {
    const base = request.input.base.trim().toUpperCase();
    const quote = request.input.quote.trim().toUpperCase();
    const date = request.input.date.trim() as IsoDate;
    const previous = /^[A-Z]{3}$/.test(base) && /^[A-Z]{3}$/.test(quote) && /^\d{4}-\d{2}-\d{2}$/.test(date) ? await previousRate(db, base, quote, date) : undefined;
    const validated = validateManualRate(request.input, { today: request.today, ...(previous && { previous }) });
    if (!validated.ok) return { errors: validated.errors };
    const rate = validated.value;
    // A file's rate for the same day, either way round, stays stored: the typed one wins (RATE_SOURCES).
    await db.exchangeRates.put(rate);
    await db.audit.add({ at: request.at, actor: 'user', action: 'policy.rateEntered', entityType: 'policy', entityId: 'exchange-rates', details: { base: rate.base, quote: rate.quote, date: rate.date, rate: rate.rate } });
    await refreshSummaries(db, request.today);
    return { errors: [] };
  });
}

/** The currencies a rates file should bring: the policy's, every debtor's invoicing currency and every currency with open items. */
export async function neededCurrencies(db: KredoDb): Promise<string[]> {
  const [policies, portfolio, debtorChunks] = await Promise.all([db.policies.toArray(), db.portfolio.get('current'), db.debtorChunks.toArray()]);
  const currencies = new Set<string>([...policies.map((policy) => policy.currency), ...Object.keys(portfolio?.openByCurrency ?? {})]);
  for (const chunk of debtorChunks) for (const debtor of chunk.debtors) currencies.add(debtor.currency);
  return [...currencies].sort();
}
