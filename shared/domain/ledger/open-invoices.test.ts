import { describe, expect, it } from 'vitest';
import { DATA_TIERS, DEMO_SEED } from '../../generator/data-tiers';
import { generateChunk, generatePolicy } from '../../generator/generate-portfolio';
import { planPortfolio } from '../../generator/plan-portfolio';
import type { IsoDate } from '../../time/iso-date';
import { decodeLedgerItem, encodeLedgerChunk, FLAG_CREDIT_NOTE } from './ledger-chunk';
import { itemId, type DebtorLedger } from './ledger-types';
import { openInvoiceItem, openInvoicesOf, openInvoiceText } from './open-invoices';
import { testItem, testLedger } from './test-ledger';

const TODAY = '2026-11-24' as IsoDate;

/** Every open invoice of a chunk as decodeLedgerItem gives it, in the chunk's order. */
function openItemsOfChunk(chunk: ReturnType<typeof encodeLedgerChunk>) {
  const { numbers, texts } = chunk;
  const items = [];
  for (let row = 0; row < numbers.itemDebtor.length; row += 1) {
    if (numbers.itemFlags[row]! & FLAG_CREDIT_NOTE || !(numbers.itemOpen[row]! > 0)) continue;
    items.push(decodeLedgerItem(chunk, row, itemId(numbers.debtorIds[numbers.itemDebtor[row]!]!, texts.itemNumbers[row]!)));
  }
  return items;
}

describe('a ledger chunk’s open invoices kept on their own', () => {
  it('gives every open invoice of the demo portfolio exactly as the whole chunk does, and nothing else', () => {
    const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today: TODAY });
    const policy = generatePolicy(TODAY);
    let compared = 0;
    for (let chunkId = 0; chunkId < plan.chunkCount; chunkId += 1) {
      const generated = generateChunk(plan, policy, chunkId);
      const chunk = encodeLedgerChunk(chunkId, generated.ledgers, generated.debtors.map((debtor) => debtor.country));
      const open = openInvoicesOf(chunk);
      const items = Array.from(open.slot, (slot, row) => openInvoiceItem(open, row, itemId(open.debtorIds[slot]!, openInvoiceText(open, row, 0))));
      expect(items).toEqual(openItemsOfChunk(chunk));
      compared += items.length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('keeps numbers, references and dispute reasons of any length and content apart, and leaves out credit notes and paid invoices', () => {
    const ledger: DebtorLedger = testLedger('D1', [
      testItem('D1', '', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 100 }),
      testItem('D1', 'Ä|€\n2', { invoiceDate: '2026-10-02', dueDate: '2026-11-01', amountMinor: 200, dispute: { reason: 'quality', since: '2026-11-05' as IsoDate } }),
      testItem('D1', 'CN-1', { invoiceDate: '2026-10-03', dueDate: '2026-10-03', amountMinor: -50, kind: 'credit-note' }),
      testItem('D1', 'PAID', { invoiceDate: '2026-10-04', dueDate: '2026-11-03', amountMinor: 300, openMinor: 0 }),
    ]);
    const withReference = { ...ledger, items: ledger.items.map((item, index) => ({ ...item, paymentReference: index === 1 ? 'RF18 5390 0754 7034' : '' })) };
    const chunk = encodeLedgerChunk(7, [withReference], ['NL']);
    const open = openInvoicesOf(chunk);
    expect(open.chunkId).toBe(7);
    const items = Array.from(open.slot, (_slot, row) => openInvoiceItem(open, row, `id${row}`));
    expect(items.map((item) => [item.number, item.paymentReference, item.dispute?.reason])).toEqual([
      ['', '', undefined],
      ['Ä|€\n2', 'RF18 5390 0754 7034', 'quality'],
    ]);
  });
});
