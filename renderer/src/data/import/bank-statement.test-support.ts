import { DATA_TIERS } from '../../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { replacePortfolio } from '../store/replace-portfolio';

export type GeneratedChunks = ReturnType<typeof generateChunk>[];

/**
 * A generated portfolio of `size` stored in `db` as of `today`, for the bank import's equality tests: two
 * stores made with one seed hold exactly the same. Returns the chunks, to write statements paying them.
 */
export async function storeGeneratedPortfolio(db: KredoDb, seed: number, today: IsoDate, size: { readonly debtors: number; readonly items: number; readonly payments: number }): Promise<GeneratedChunks> {
  const plan = planPortfolio({ ...DATA_TIERS.S, ...size }, { seed, today });
  const policy = generatePolicy(today);
  const chunks = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
  await replacePortfolio(db, { policy, rates: generateExchangeRates(seed, today), chunks, chunkCount: plan.chunkCount, asOf: today, at: `${today}T08:00:00.000Z`, source: 'benchmark' });
  return chunks;
}

/**
 * Lines paying the portfolio's open invoices — by reference, by number, by name alone, too much, and money
 * nobody is owed — one for each of `picks`, which chooses the invoice and the way; ids start with `prefix`.
 */
export function statementPaying(chunks: GeneratedChunks, picks: readonly number[], prefix: string, today: IsoDate): BankTransaction[] {
  const invoices = chunks.flatMap((chunk) => chunk.ledgers.flatMap((ledger, slot) => ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0).map((item) => ({ item, name: chunk.debtors[slot]!.name }))));
  return picks.map((pick, index): BankTransaction => {
    const { item, name } = invoices[pick % invoices.length]!;
    const kind = pick % 5;
    return {
      id: `${prefix}${index}`, position: index, accountIban: 'NL91ABNA0417164300', bookingDate: today, valueDate: today, amountMinor: kind === 4 ? 999 : kind === 3 ? item.openMinor + 5_000 : item.openMinor - (pick % 2) * 100, currency: item.currency,
      direction: 'credit', isReversal: false, counterpartyName: name, counterpartyIban: '',
      structuredReference: kind === 0 ? item.paymentReference : '', remittance: kind === 1 ? `Factuur ${item.number}` : '', endToEndId: '', bankReference: `B${prefix}${index}`,
    };
  });
}
