import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { KnownBankLines } from '../../../../shared/import/known-bank-lines';
import { PaymentMatcher } from '../../../../shared/import/payment-matcher';
import { decidePayments } from '../../../../shared/import/plan-bank-payments';
import { parseBgMax } from './bgmax';
import { parseCamt } from './camt';
import { parseMt940 } from './mt940';

const fixture = (name: string) => readFile(path.resolve('tests/fixtures/imports', name), name.endsWith('.txt') ? 'latin1' : 'utf8');
const lines = (parsed: { statements: readonly { transactions: readonly BankTransaction[] }[] }) => parsed.statements.flatMap((statement) => statement.transactions);
const nobody = new PaymentMatcher([], []);

/** What importing `next` does after `first` was stored: one decision kind per line of `next`. */
function decisionsAfter(first: readonly BankTransaction[], next: readonly BankTransaction[]): string[] {
  return decidePayments(next, nobody, new KnownBankLines(first.map((line) => line.id), next.map((line) => line.id))).map((decision) => decision.kind);
}

const ingCamt = async () => lines(parseCamt(await fixture('camt053-v02-ing-batch.xml'), 'ing.xml'));
const ingMt940 = async () => lines(parseMt940(await fixture('mt940-ing-2026-11-24.sta'), 'ing.sta'));
const bgmax = async () => lines(parseBgMax(await fixture('bgmax-bankgirot.txt'), 'bg.txt'));
const camt054 = async () => lines(parseCamt(await fixture('camt054-bankgiro-credit.xml'), 'bg.xml'));

describe('the same payment in another format changes nothing (issue 12, item 7)', () => {
  it('an MT940 of a day already imported as CAMT.053: the batch the CAMT split and the charged payment are known', async () => {
    // MT940 lines: the batch (3,100.00), Smit (9,855.00), a returned refund and a fee (money not received).
    expect(decisionsAfter(await ingCamt(), await ingMt940())).toEqual(['duplicate', 'duplicate', 'notReceipt', 'notReceipt']);
  });

  it('a CAMT.053 of a day already imported as MT940: the batch’s two transactions are the MT940’s one line', async () => {
    expect(decisionsAfter(await ingMt940(), await ingCamt())).toEqual(['duplicate', 'duplicate', 'duplicate', 'notReceipt', 'notReceipt']);
  });

  it('the same account’s statement in both formats, recognised although MT940 names the account by its domestic number', async () => {
    // ABN AMRO's MT940 writes the account as 417164300; its CAMT.053 as NL91ABNA0417164300.
    const camt = lines(parseCamt(await fixture('camt053-v02-abn-amro.xml'), 'abn.xml'));
    const mt940 = lines(parseMt940(await fixture('mt940-abn-amro.sta'), 'abn.sta'));
    expect(decisionsAfter(camt, mt940)).toEqual(['duplicate']);
  });

  it('BgMax and the bank’s CAMT.054 of the same bankgiro payments, in either order', async () => {
    expect(decisionsAfter(await bgmax(), await camt054())).toEqual(['duplicate', 'duplicate']);
    // After the notification: the deduction is money not received, the payments are known.
    expect(decisionsAfter(await camt054(), await bgmax())).toEqual(['duplicate', 'notReceipt', 'duplicate']);
  });

  it('an account statement that books the bankgiro deposit as one amount knows it from the BgMax file', async () => {
    const statement = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>SEB-2</Id>
      <Acct><Id><IBAN>SE4550000000058398257466</IBAN></Id><Ccy>SEK</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="SEK">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="SEK">45750.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
      <Ntry><Amt Ccy="SEK">45750.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-24</Dt></BookgDt><AcctSvcrRef>SEB-88</AcctSvcrRef>
      <AddtlNtryInf>BG 5050-1055 INSÄTTNING 00001</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>`;
    expect(decisionsAfter(await bgmax(), lines(parseCamt(statement, 'seb.xml')))).toEqual(['duplicate']);
  });

  it('a different payment of the same amount on the same day is not taken for one already imported', async () => {
    const [eendracht] = await ingCamt();
    const other = lines(
      parseMt940(
        [':20:X', `:25:${eendracht!.accountIban}`, ':60F:C261123EUR0,00', ':61:2611241124C2250,00NTRFNONREF//99', ':86:/EREF/SOMEONE-ELSE//REMI/USTD//Factuur 2026-0125/', ':62F:C261124EUR2250,00'].join('\n'),
        'other.sta',
      ),
    );
    // Same amount, day, account and remittance, but another end-to-end id: another payment.
    expect(decisionsAfter([eendracht!], other)).toEqual(['review']);
  });

  it('a payment made twice on the same day is not lost when both arrive in both formats, nor when only one was stored', async () => {
    const twice = (format: 'mt940' | 'camt', count: number) => {
      const entries = Array.from({ length: count }, () => '<Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-24</Dt></BookgDt><NtryDtls><TxDtls><RmtInf><Ustrd>Factuur 2026-0200</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>').join('');
      if (format === 'camt') {
        return lines(parseCamt(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct><Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal><Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${count * 50}.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>${entries}</Stmt></BkToCstmrStmt></Document>`, 's.xml'));
      }
      const body = Array.from({ length: count }, () => [':61:2611241124C50,00NTRFNONREF', ':86:Factuur 2026-0200']).flat();
      return lines(parseMt940([':20:S', ':25:NL91ABNA0417164300', ':60F:C261123EUR0,00', ...body, `:62F:C261124EUR${count * 50},00`].join('\n'), 's.sta'));
    };
    expect(decisionsAfter(twice('camt', 2), twice('mt940', 2))).toEqual(['duplicate', 'duplicate']);
    expect(decisionsAfter(twice('camt', 1), twice('mt940', 2))).toEqual(['duplicate', 'review']);
  });

  it('the same file imported again is known line by line, as before', async () => {
    const camt = await ingCamt();
    expect(decisionsAfter(camt, camt)).toEqual(['duplicate', 'duplicate', 'duplicate', 'notReceipt', 'notReceipt']);
  });
});
