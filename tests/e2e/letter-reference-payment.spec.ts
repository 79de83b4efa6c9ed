import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { ImportsPage } from './page-models/imports-page';
import { LimitsPage } from './page-models/limits-page';

test.use({ start: 'demo' });

/** A CAMT.053 day statement with one credit quoting a structured creditor reference (CdtrRefInf), from a payer Kredo does not know. */
const camt053 = (reference: string, amount: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>E2E-REF-20261124</MsgId><CreDtTm>2026-11-24T21:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>0417164300-2026-11-24</Id>
      <CreDtTm>2026-11-24T21:00:00</CreDtTm>
      <Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-24</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-24</Dt></Dt></Bal>
      <Ntry>
        <Amt Ccy="EUR">${amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-24</Dt></BookgDt>
        <ValDt><Dt>2026-11-24</Dt></ValDt>
        <AcctSvcrRef>E2E-REF-1</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><EndToEndId>E2E-REF-1</EndToEndId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="EUR">${amount}</Amt></TxAmt></AmtDtls>
            <RltdPties><Dbtr><Nm>Administratiekantoor Derden BV</Nm></Dbtr><DbtrAcct><Id><IBAN>NL02ABNA0123456789</IBAN></Id></DbtrAcct></RltdPties>
            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>${reference}</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;

/** Issue 16, item 6 end to end: the bank's payment quoting a reminder's own betalingskenmerk pays exactly the invoices it listed. */
test('a CAMT.053 payment quoting a reminder’s own betalingskenmerk settles exactly that reminder’s invoices', async ({ kredo }) => {
  test.slow();
  const { page } = kredo;
  const shell = new AppShellPage(page, 'en');
  await shell.open('dunning');
  await page.getByLabel('Country').selectOption({ label: 'Netherlands' });
  await page.getByLabel('To do').selectOption({ label: 'Send the first reminder' });
  const row = page.getByTestId('worklist').getByRole('row').filter({ hasText: 'Send the first reminder' }).first();
  const name = (await row.getByRole('button').first().textContent())!;
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Process 1 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toHaveText('Done: 1 steps recorded, 0 sent to the insurer with the next sync.');

  // The reminder as kept: its betalingskenmerk, its invoices and its total, read back from its PDF.
  await shell.open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(name);
  const pdfFile = path.join(kredo.userDataDir, 'reminder.pdf');
  kredo.answerFileDialogs({ saveTo: pdfFile });
  await page.getByTestId('debtor-letters').getByRole('button', { name: 'Save PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: pdfFile })).toBeVisible();
  const pdf = await getDocument({ data: new Uint8Array(await readFile(pdfFile)), isEvalSupported: false, disableFontFace: true }).promise;
  const text = (await (await pdf.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
  const reference = /onder vermelding van betalingskenmerk ([\d ]+\d)/.exec(text)?.[1]?.replace(/ /g, '');
  const total = /Totaal te betalen:? € ?([\d.]+,\d{2})/.exec(text)?.[1];
  expect(reference, text).toMatch(/^\d{16}$/);
  expect(total, text).toBeDefined();
  const open = page.getByRole('table', { name: 'Open invoices and credit notes' });
  const numbers = await open.locator('tbody tr').evaluateAll((rows) => rows.map((tableRow) => tableRow.querySelector('td, th')?.textContent?.trim() ?? ''));
  const listed = numbers.filter((number) => number !== '' && text.includes(` ${number} `));
  const openBefore = numbers.length;
  expect(listed.length).toBeGreaterThan(0);

  // The bank's day statement: one credit from a third party, quoting only the reference.
  const bankFile = path.join(kredo.userDataDir, 'camt053-reference.xml');
  await writeFile(bankFile, camt053(reference!, total!.replace(/\./g, '').replace(',', '.')));
  const imports = new ImportsPage(page, 'en');
  await imports.open();
  kredo.answerFileDialogs({ openFiles: [bankFile] });
  await imports.chooseFilesButton.click();
  await imports.readFileButton.click();
  await expect(imports.changeLine('booked', 1)).toBeVisible();
  await imports.commit();

  // Exactly the reminder's invoices are paid; the debtor's other open items stay open.
  await shell.open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(name);
  await expect(open.locator('tbody tr')).toHaveCount(openBefore - listed.length);
  for (const number of listed) await expect(open.locator('tbody tr').filter({ hasText: number })).toHaveCount(0);
});
