import 'fake-indexeddb/auto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { isValidRfReference } from '../../../../shared/domain/references/rf-creditor-reference';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { addDays, toIsoDate, type IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { base64ToBytes } from '../backup/backup-format';
import type { KredoDb } from '../db/kredo-db';
import { prepareBankPayments } from '../import/prepare-bank-payments';
import { readDebtorLedger } from '../store/read-ledger';
import { debtorsWithOpenItems, lastStatementDate, makeStatement, makeStatements } from './make-statement';

const today = '2026-11-24' as IsoDate;
const at = `${today}T09:00:00Z`;

async function britishDebtor(db: KredoDb) {
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      if (debtor.country !== 'GB') continue;
      const ledger = (await readDebtorLedger(db, chunk.chunkId, debtor.id))!;
      const open = ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && item.currency === 'GBP');
      if (open.length >= 2) return { debtor, ledger, open };
    }
  }
  throw new Error('no British debtor with two open invoices');
}

async function pdfText(base64: string): Promise<string> {
  const pdf = await getDocument({ data: base64ToBytes(base64) }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) texts.push((await (await pdf.getPage(number)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
  return texts.join(' ');
}

describe('statements of account kept with the debtor (issue 16, item 3)', () => {
  it('keeps a British debtor’s statement with its own RF reference and the open invoices it lists, on the timeline, and lists only later payments the next time', async () => {
    const db = await openDemoStore('statement-gb', today);
    const { debtor, open } = await britishDebtor(db);
    const made = (await makeStatement(db, { debtorId: debtor.id, today, at }))!;
    expect(made.isNew).toBe(true);
    expect(made.document.step).toBe('statement');
    expect(isValidRfReference(made.document.paymentReference!)).toBe(true);
    expect([...made.document.invoiceNumbers!].sort()).toEqual(open.map((item) => item.number).sort());
    expect(made.document.currency).toBe('GBP');
    const text = await pdfText(made.document.pdfBase64);
    expect(text).toContain('Statement of account');
    expect(text).toContain('Open items in GBP');
    for (const item of open) expect(text).toContain(item.number);
    const audit = await db.audit.where('[entityType+entityId]').equals(['debtor', debtor.id]).toArray();
    expect(audit.filter((entry) => entry.action === 'statement.made')).toEqual([expect.objectContaining({ details: expect.objectContaining({ documentId: made.document.id, currency: 'GBP' }) })]);
    // The same day again: the statement kept is returned, nothing new is written.
    const again = (await makeStatement(db, { debtorId: debtor.id, today, at }))!;
    expect(again.isNew).toBe(false);
    expect(again.document.paymentReference).toBe(made.document.paymentReference);
    expect(await lastStatementDate(db, debtor.id, addDays(today, 10))).toBe(today);
    const next = (await makeStatement(db, { debtorId: debtor.id, today: addDays(today, 10), at: `${addDays(today, 10)}T09:00:00Z` }))!;
    expect(next.document.paymentReference).not.toBe(made.document.paymentReference);
    expect(await pdfText(next.document.pdfBase64)).toContain('since 24 November 2026');
    db.close();
  });

  it('books a bank payment quoting the statement’s reference on exactly the invoices it listed', async () => {
    const db = await openDemoStore('statement-payment', today);
    const { debtor, open } = await britishDebtor(db);
    const made = (await makeStatement(db, { debtorId: debtor.id, today, at }))!;
    const total = open.reduce((sum, item) => sum + item.openMinor, 0);
    const line: BankTransaction = {
      id: 'BT-STATEMENT', position: 1, accountIban: 'NL91ABNA0417164300', bookingDate: toIsoDate('2026-11-26'), valueDate: toIsoDate('2026-11-26'), amountMinor: total, currency: 'GBP',
      direction: 'credit', isReversal: false, counterpartyName: 'Someone Else', counterpartyIban: '', structuredReference: made.document.paymentReference!, remittance: '', endToEndId: '', bankReference: '',
    };
    const { preview } = await prepareBankPayments(db, [line], { fileName: 'camt.xml', at });
    expect(preview.toReview.count).toBe(0);
    expect(preview.booked.sample).toEqual([expect.objectContaining({ transactionId: 'BT-STATEMENT', customerCode: debtor.customerCode, method: 'reference' })]);
    expect([...preview.booked.sample[0]!.invoiceNumbers].sort()).toEqual(open.map((item) => item.number).sort());
    db.close();
  });

  it('makes a batch for a selection of the debtors with open items, stops when asked, and run again makes the rest and none twice, queueing each e-mail once', async () => {
    const db = await openDemoStore('statement-batch', today);
    const withOpen = await debtorsWithOpenItems(db);
    // Every debtor the selection offers owes something, and a debtor without open items is not offered.
    for (const chunk of (await db.debtorChunks.toArray()).slice(0, 2)) {
      for (const debtor of chunk.debtors) {
        const ledger = await readDebtorLedger(db, chunk.chunkId, debtor.id);
        const owes = Boolean(ledger && (ledger.items.some((item) => item.openMinor !== 0) || ledger.payments.some((payment) => payment.unappliedMinor > 0)));
        expect(withOpen.includes(debtor.id)).toBe(owes);
      }
    }
    const debtorIds = withOpen.slice(0, 6);
    const queued: string[] = [];
    const queueMail = async (message: { key: string }) => {
      queued.push(message.key);
      return { messageId: `<${message.key}@test>`, queued: true };
    };
    let calls = 0;
    const first = await makeStatements(db, { debtorIds, today, at }, { queueMail, isStopped: () => ++calls > 3 });
    expect(first).toMatchObject({ made: 3, stopped: true });
    const progress: number[] = [];
    const rest = await makeStatements(db, { debtorIds, today, at }, { queueMail, onProgress: (done) => void progress.push(done) });
    expect(rest.already).toBe(3);
    expect(rest.made).toBe(3);
    const kept = (await db.documents.toArray()).filter((document) => document.step === 'statement');
    expect(kept).toHaveLength(first.made + rest.made);
    expect(new Set(queued).size).toBe(queued.length);
    expect(queued.length).toBe(first.mailed + rest.mailed);
    expect(kept.filter((document) => document.mail).length).toBe(queued.length);
    expect(progress.at(-1)).toBe(6);
    expect(queued.length).toBeGreaterThan(0);
    db.close();
  });
});
