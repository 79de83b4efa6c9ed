import type { BankTransaction } from '../../../shared/import/bank-transaction';
import { minorUnitDigits } from '../../../shared/money/money';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const amount = (minor: number, currency: string) => (minor / 10 ** minorUnitDigits(currency)).toFixed(minorUnitDigits(currency));

/**
 * A camt.053.001.02 statement of incoming payments as a bank writes it (one `Stmt` per currency account,
 * opening at zero and closing at their sum, so it reconciles): the benchmark's bank file, read by the app's
 * own parser in the main process's import worker like any statement the controller picks.
 */
export function camtStatement(lines: readonly BankTransaction[]): string {
  const byCurrency = new Map<string, BankTransaction[]>();
  for (const line of lines) byCurrency.set(line.currency, [...(byCurrency.get(line.currency) ?? []), line]);
  const statements = [...byCurrency].map(([currency, entries], index) => {
    const total = entries.reduce((sum, line) => sum + line.amountMinor, 0);
    const balance = (code: string, minor: number) => `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${currency}">${amount(minor, currency)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-24</Dt></Dt></Bal>`;
    const body = entries.map((line) => {
      const remittance = line.structuredReference
        ? `<Strd><CdtrRefInf><Ref>${escapeXml(line.structuredReference)}</Ref></CdtrRefInf></Strd>`
        : line.remittance
          ? `<Ustrd>${escapeXml(line.remittance)}</Ustrd>`
          : '';
      return (
        `<Ntry><Amt Ccy="${currency}">${amount(line.amountMinor, currency)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>` +
        `<BookgDt><Dt>${line.bookingDate}</Dt></BookgDt><ValDt><Dt>${line.valueDate}</Dt></ValDt><AcctSvcrRef>${escapeXml(line.bankReference)}</AcctSvcrRef>` +
        `<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RltdPties><Dbtr><Nm>${escapeXml(line.counterpartyName)}</Nm></Dbtr></RltdPties>` +
        `${remittance ? `<RmtInf>${remittance}</RmtInf>` : ''}</TxDtls></NtryDtls></Ntry>`
      );
    });
    return `<Stmt><Id>BENCH-${index + 1}</Id><Acct><Id><IBAN>NL91ABNA041716430${index}</IBAN></Id><Ccy>${currency}</Ccy></Acct>${balance('OPBD', 0)}${balance('CLBD', total)}${body.join('\n')}</Stmt>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-11-24T08:00:00</CreDtTm></GrpHdr>${statements.join('')}</BkToCstmrStmt></Document>\n`;
}
