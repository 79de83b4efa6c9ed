import 'fake-indexeddb/auto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { isValidBetalingskenmerk } from '../../../../shared/domain/references/betalingskenmerk';
import { isValidRfReference } from '../../../../shared/domain/references/rf-creditor-reference';
import { hasValidOcrLengthDigit } from '../../../../shared/domain/references/swedish-ocr';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { base64ToBytes } from '../backup/backup-format';
import type { KredoDb } from '../db/kredo-db';
import { prepareBankPayments } from '../import/prepare-bank-payments';
import { readDebtorLedger } from '../store/read-ledger';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { makeLetterDocument } from './send-letter';

const today = '2026-11-24' as IsoDate;
const at = `${today}T09:00:00Z`;

/** A demo debtor in `country` with at least two overdue invoices in its currency (a consolidated letter). */
async function overdue(db: KredoDb, country: string) {
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      if (debtor.country !== country) continue;
      const ledger = (await readDebtorLedger(db, chunk.chunkId, debtor.id))!;
      const items = ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && !item.dispute && item.dueDate < '2026-10-20' && item.currency === debtor.currency);
      if (items.length >= 2) return { debtor, itemIds: items.map((item) => item.id) };
    }
  }
  throw new Error(`no ${country} debtor with two overdue invoices`);
}

async function pdfText(base64: string): Promise<string> {
  const pdf = await getDocument({ data: base64ToBytes(base64) }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
}

describe('a letter’s own payment reference (issue 16, item 6)', () => {
  it('prints a betalingskenmerk for a Dutch payer’s letter of several invoices, not the customer number, and keeps it with the invoices listed', async () => {
    const db = await openDemoStore('letter-reference-nl', today);
    const { debtor, itemIds } = await overdue(db, 'NL');
    const letter = (await makeLetterDocument(db, { debtorId: debtor.id, actionId: 'a-nl', step: 'reminder-1', itemIds, today, payBy: undefined, at }))!;
    expect(letter.paymentReference).toBeDefined();
    expect(letter.paymentReference).not.toBe(debtor.customerCode);
    expect(isValidBetalingskenmerk(letter.paymentReference!)).toBe(true);
    expect([...letter.invoiceNumbers!].map((number) => `${debtor.id}|${number}`).sort()).toEqual([...itemIds].sort());
    const text = await pdfText(letter.pdfBase64);
    const printed = letter.paymentReference!.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(text).toContain('Betalingskenmerk');
    expect(text).toContain(printed);
    // The e-mail says it in its payment sentence, named the same way.
    expect(letter.mailMessage?.text).toContain(`onder vermelding van betalingskenmerk ${printed}`);
    db.close();
  });

  it('gives a Swedish payer an OCR number and anyone else an RF reference, each letter its own', async () => {
    const db = await openDemoStore('letter-reference-se-gb', today);
    const se = await overdue(db, 'SE');
    const gb = await overdue(db, 'GB');
    const swedish = (await makeLetterDocument(db, { debtorId: se.debtor.id, actionId: 'a-se', step: 'reminder-1', itemIds: se.itemIds, today, payBy: undefined, at }))!;
    const british = (await makeLetterDocument(db, { debtorId: gb.debtor.id, actionId: 'a-gb', step: 'reminder-1', itemIds: gb.itemIds, today, payBy: undefined, at }))!;
    const british2 = (await makeLetterDocument(db, { debtorId: gb.debtor.id, actionId: 'a-gb-2', step: 'reminder-2', itemIds: gb.itemIds, today, payBy: undefined, at }))!;
    expect(hasValidOcrLengthDigit(swedish.paymentReference!)).toBe(true);
    expect(await pdfText(swedish.pdfBase64)).toContain('OCR-nummer');
    expect(isValidRfReference(british.paymentReference!)).toBe(true);
    expect(await pdfText(british.pdfBase64)).toContain('Payment reference (RF)');
    expect(british2.paymentReference).not.toBe(british.paymentReference);
    db.close();
  });

  it('makes the same reference again for the same dunning step, so a letter made twice (a stop and a retry) is paid under one reference', async () => {
    const db = await openDemoStore('letter-reference-again', today);
    const { debtor, itemIds } = await overdue(db, 'NL');
    const first = (await makeLetterDocument(db, { debtorId: debtor.id, actionId: 'a-again', step: 'reminder-1', itemIds, today, payBy: undefined, at }))!;
    const again = (await makeLetterDocument(db, { debtorId: debtor.id, actionId: 'a-again', step: 'reminder-1', itemIds, today, payBy: undefined, at }))!;
    expect(again.paymentReference).toBe(first.paymentReference);
    expect(again.pdfBase64).toBe(first.pdfBase64);
    db.close();
  });

  it('books a bank payment quoting the reference, typed with spaces, on exactly the invoices the letter listed', async () => {
    const db = await openDemoStore('letter-reference-payment', today);
    const { debtor, itemIds } = await overdue(db, 'NL');
    const ledger = (await readDebtorLedger(db, debtor.chunkId, debtor.id))!;
    // The letter lists one of the debtor's overdue invoices; the others stay open beside it.
    const [listed] = ledger.items.filter((item) => item.id === itemIds[0]);
    const letter = (await makeLetterDocument(db, { debtorId: debtor.id, actionId: 'a-paid', step: 'reminder-1', itemIds: [listed!.id], today, payBy: undefined, at }))!;
    const { mailMessage: _mail, ...kept } = letter;
    await db.documents.put(kept);
    const printed = letter.paymentReference!.replace(/(\d{4})(?=\d)/g, '$1 ');
    const line: BankTransaction = {
      id: 'BT-LETTER', position: 1, accountIban: 'NL91ABNA0417164300', bookingDate: toIsoDate('2026-11-26'), valueDate: toIsoDate('2026-11-26'), amountMinor: listed!.openMinor - 1, currency: listed!.currency,
      direction: 'credit', isReversal: false, counterpartyName: 'Iemand Anders', counterpartyIban: '', structuredReference: '', remittance: `betalingskenmerk ${printed} bedankt`, endToEndId: '', bankReference: '',
    };
    const { preview } = await prepareBankPayments(db, [line], { fileName: 'camt.xml', at });
    expect(preview.toReview.count).toBe(0);
    expect(preview.booked.sample).toEqual([expect.objectContaining({ transactionId: 'BT-LETTER', customerCode: debtor.customerCode, method: 'reference', invoiceNumbers: [listed!.number], fit: 'short' })]);
    db.close();
  });
});
