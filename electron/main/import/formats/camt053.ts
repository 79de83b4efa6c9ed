import { bankTransactionId, type BankStatement, type BankTransaction } from '../../../../shared/import/bank-transaction';
import { parseAmount } from '../../../../shared/import/parse-amount';
import { isCurrencyCode, minorUnitDigits } from '../../../../shared/money/money';
import { isIsoDate, type IsoDate } from '../../../../shared/time/iso-date';
import { ImportFileError } from '../import-error';
import { at, attributeAt, listAt, parseSafeXml, textAt, type XmlValue } from '../safe-xml';

const REPEATED = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'Bal']);

export interface ParsedBankFile {
  readonly format: 'camt.053.001.02' | 'camt.053.001.08' | 'camt.053' | 'mt940';
  readonly statements: readonly BankStatement[];
  /** Entries not yet booked (pending, information only): not payments yet, left out. */
  readonly pendingEntries: number;
}

function dateOf(node: XmlValue | undefined): IsoDate | undefined {
  const value = (textAt(node, 'Dt') || textAt(node, 'DtTm')).slice(0, 10);
  return isIsoDate(value) ? value : undefined;
}

/** v02 writes `<Sts>BOOK</Sts>`; v08 `<Sts><Cd>BOOK</Cd></Sts>`. */
function statusOf(entry: XmlValue): string {
  return textAt(entry, 'Sts', 'Cd') || textAt(entry, 'Sts');
}

/** v02: RltdPties/Dbtr/Nm; v08: RltdPties/Dbtr/Pty/Nm. */
function partyName(details: XmlValue | undefined, party: string): string {
  return textAt(details, 'RltdPties', party, 'Pty', 'Nm') || textAt(details, 'RltdPties', party, 'Nm');
}

function accountOf(node: XmlValue | undefined): string {
  return (textAt(node, 'Id', 'IBAN') || textAt(node, 'Id', 'Othr', 'Id')).replace(/\s/g, '').toUpperCase();
}

/**
 * Reads an ISO 20022 camt.053 bank-to-customer statement, versions 001.02 and 001.08, also wrapped in a
 * CBPR+ business-message envelope (law-and-formats.md §B.1). Only booked entries count. An entry that
 * carries several transaction details (a batch) becomes one transaction per detail.
 */
export function parseCamt053(text: string, file: string): ParsedBankFile {
  const root = parseSafeXml(text, file, REPEATED);
  const document = at(root, 'Document') ?? at(root, 'BusMsgEnvlp', 'Document');
  const statementsNode = at(document, 'BkToCstmrStmt');
  if (!statementsNode) throw new ImportFileError('notCamt', { file });
  // The parser drops namespace declarations; the version is in the Document's namespace URI.
  const version = /urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})/.exec(text)?.[1];
  const format = version === '08' ? 'camt.053.001.08' : version === '02' ? 'camt.053.001.02' : 'camt.053';

  let pendingEntries = 0;
  let position = 0;
  const statements = listAt(statementsNode, 'Stmt').map((statement): BankStatement => {
    const accountIban = accountOf(at(statement, 'Acct'));
    const accountCurrency = textAt(statement, 'Acct', 'Ccy');
    const transactions: BankTransaction[] = [];
    for (const entry of listAt(statement, 'Ntry')) {
      position += 1;
      if (statusOf(entry) !== 'BOOK') {
        pendingEntries += 1;
        continue;
      }
      const entryCurrency = attributeAt(entry, 'Ccy', 'Amt') || accountCurrency;
      const bookingDate = dateOf(at(entry, 'BookgDt'));
      const valueDate = dateOf(at(entry, 'ValDt')) ?? bookingDate;
      if (!bookingDate || !valueDate) throw new ImportFileError('bankEntryInvalid', { file, position, field: 'BookgDt' });
      const details = listAt(entry, 'NtryDtls').flatMap((group) => listAt(group, 'TxDtls'));
      const parts = details.length > 0 ? details : [undefined];
      parts.forEach((detail, index) => {
        const amountText = (detail && textAt(detail, 'AmtDtls', 'TxAmt', 'Amt')) || (parts.length === 1 ? textAt(entry, 'Amt') : '');
        const currency = (detail && attributeAt(detail, 'Ccy', 'AmtDtls', 'TxAmt', 'Amt')) || entryCurrency;
        if (!isCurrencyCode(currency)) throw new ImportFileError('bankEntryInvalid', { file, position, field: 'Ccy' });
        const amount = parseAmount(amountText, '.', minorUnitDigits(currency));
        if (!amount.ok || amount.minor < 0 || /,/.test(amountText)) throw new ImportFileError('bankEntryInvalid', { file, position, field: 'Amt' });
        const direction = textAt(entry, 'CdtDbtInd') === 'DBIT' ? 'debit' : 'credit';
        const bankReference = (detail && textAt(detail, 'Refs', 'AcctSvcrRef')) || textAt(entry, 'AcctSvcrRef');
        const endToEndId = detail ? textAt(detail, 'Refs', 'EndToEndId').replace(/^NOTPROVIDED$/, '') : '';
        const structured = detail ? listAt(detail, 'RmtInf', 'Strd').map((block) => textAt(block, 'CdtrRefInf', 'Ref') || textAt(block, 'RfrdDocInf', 'Nb')).filter(Boolean) : [];
        const remittance = [...(detail ? listAt(detail, 'RmtInf', 'Ustrd').map((line) => textAt(line)) : []), detail ? textAt(detail, 'AddtlTxInf') : '', textAt(entry, 'AddtlNtryInf')].filter(Boolean).join(' ');
        const counterpartyParty = direction === 'credit' ? 'Dbtr' : 'Cdtr';
        transactions.push({
          id: bankTransactionId({ accountIban, bankReference, endToEndId, bookingDate, amountMinor: amount.minor, direction, sequence: position * 1000 + index }),
          position,
          accountIban,
          bookingDate,
          valueDate,
          amountMinor: amount.minor,
          currency,
          direction,
          isReversal: textAt(entry, 'RvslInd') === 'true',
          counterpartyName: partyName(detail, counterpartyParty) || partyName(detail, direction === 'credit' ? 'UltmtDbtr' : 'UltmtCdtr'),
          counterpartyIban: accountOf(at(detail, 'RltdPties', `${counterpartyParty}Acct`)),
          structuredReference: structured.join(' '),
          remittance,
          endToEndId,
          bankReference,
        });
      });
    }
    return { accountIban, currency: accountCurrency, transactions };
  });
  return { format, statements, pendingEntries };
}
