import { bankgiroAccount, compactAccount } from '../../../../shared/import/account-keys';
import { bankLineId } from '../../../../shared/import/bank-line-id';
import { bankTransactionId, type BankStatement, type BankTransaction } from '../../../../shared/import/bank-transaction';
import type { ImportRejection } from '../../../../shared/import/open-item-record';
import type { StatementBalance } from '../../../../shared/import/reconcile-statement';
import { isCurrencyCode, minorUnitDigits } from '../../../../shared/money/money';
import { isIsoDate, type IsoDate } from '../../../../shared/time/iso-date';
import { ImportFileError } from '../import-error';
import { at, attributeAt, listAt, textAt, type XmlLimits, type XmlValue } from '../safe-xml';
import { readXmlTree } from '../stream-xml';
import { bankRejection, parseBankAmount, requireReconciled, type ParsedBankFile } from './bank-file';

export const CAMT_REPEATED: ReadonlySet<string> = new Set(['Stmt', 'Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'Bal']);

/**
 * ISO 20022 cash-management messages are small fields: Ustrd is at most 140 characters, AddtlNtryInf 500.
 * A value of 100,000 characters is no bank's; depth and attributes as for any XML (safe-xml.ts).
 */
export const CAMT_LIMITS: XmlLimits = { depth: 64, attributesPerElement: 32, valueChars: 100_000, nameChars: 256 };

/**
 * Bank transaction sub-families (ISO 20022 External Code Set, BankTransactionSubFamily) of a payment coming
 * back rather than a customer paying: returns and reversals of credit transfers and direct debits.
 */
const RETURN_SUBFAMILIES = new Set(['RRTN', 'RPCR', 'PRDD', 'UPDD', 'ARET', 'AREV']);

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

/** An account as IBAN, or as the `Othr` number; a Swedish bankgiro number (scheme BGNR) in Kredo's `BG…` form. */
function accountOf(node: XmlValue | undefined): string {
  const iban = textAt(node, 'Id', 'IBAN');
  if (iban) return compactAccount(iban);
  const other = textAt(node, 'Id', 'Othr', 'Id');
  return textAt(node, 'Id', 'Othr', 'SchmeNm', 'Prtry') === 'BGNR' ? bankgiroAccount(other) : compactAccount(other);
}

function subFamilyOf(node: XmlValue | undefined): string {
  return textAt(node, 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd');
}

/** A balance (`Bal`) as signed minor units, by its type code (OPBD, CLBD, PRCD, ITBD). */
function balancesOf(statement: XmlValue, file: string): { code: string; balance: StatementBalance }[] {
  return listAt(statement, 'Bal').map((node) => {
    const currency = attributeAt(node, 'Ccy', 'Amt');
    const amount = isCurrencyCode(currency) ? parseBankAmount(textAt(node, 'Amt'), '.', minorUnitDigits(currency)) : undefined;
    const code = textAt(node, 'Tp', 'CdOrPrtry', 'Cd') || textAt(node, 'Tp', 'CdOrPrtry', 'Prtry');
    if (amount === undefined) throw new ImportFileError('bankEntryInvalid', { file, position: 0, field: `Bal/${code || 'Amt'}` });
    return { code, balance: { amountMinor: textAt(node, 'CdtDbtInd') === 'DBIT' ? -amount : amount, currency, tolerance: 0 } };
  });
}

/**
 * Opening and closing balances: OPBD (or PRCD, the previous statement's close) and CLBD. A statement paged
 * over several messages (CGI-MP) has ITBD, the interim balance, as the first page's close, the middle
 * pages' open and close, and the last page's open.
 */
function openingAndClosing(balances: readonly { code: string; balance: StatementBalance }[]): { opening?: StatementBalance; closing?: StatementBalance } {
  const find = (code: string) => balances.find((entry) => entry.code === code)?.balance;
  const interim = balances.filter((entry) => entry.code === 'ITBD').map((entry) => entry.balance);
  const opening = find('OPBD') ?? find('PRCD') ?? (find('CLBD') || interim.length > 1 ? interim[0] : undefined);
  const closing = find('CLBD') ?? (interim.length > 0 && interim.at(-1) !== opening ? interim.at(-1) : undefined);
  return { ...(opening && { opening }), ...(closing && { closing }) };
}

/**
 * Reads ISO 20022 bank-to-customer messages: camt.053 statements (versions 001.02 to 001.08, also wrapped
 * in a CBPR+ business-message envelope) and camt.054 debit/credit notifications, which have the same
 * entries without balances (law-and-formats.md §B.1). Only booked entries count. An entry whose transaction
 * details each carry an amount (a batch) becomes one line per detail, remembered as parts of the entry (other
 * formats show the entry whole). A statement must reconcile (bank-file.ts). An intraday camt.052 report is
 * named as such and not read. Bounded: the document is checked against CAMT_LIMITS before it is read
 * (by saxes, stream-xml.ts: the same tree as fast-xml-parser's in a third of its time), then every entry
 * is looked at once.
 */
export function parseCamt(text: string, file: string): ParsedBankFile {
  return readCamtTree(readXmlTree(text, file, CAMT_REPEATED, CAMT_LIMITS), text, file);
}

/** The lines of a camt document already read into a tree (by readXmlTree, or parseSafeXml in the tests' oracle). */
export function readCamtTree(root: XmlValue, text: string, file: string): ParsedBankFile {
  const document = at(root, 'Document') ?? at(root, 'BusMsgEnvlp', 'Document');
  if (at(document, 'BkToCstmrAcctRpt')) throw new ImportFileError('intradayReport', { file, format: 'CAMT.052' });
  const statementsNode = at(document, 'BkToCstmrStmt');
  const notificationsNode = at(document, 'BkToCstmrDbtCdtNtfctn');
  if (!statementsNode && !notificationsNode) throw new ImportFileError('notCamt', { file });
  // The parser drops namespace declarations; the version is in the Document's namespace URI.
  const version = /urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})/.exec(text.slice(0, 4096))?.[1];
  const format = notificationsNode ? 'camt.054' : version === '08' ? 'camt.053.001.08' : version === '02' ? 'camt.053.001.02' : 'camt.053';

  const rejections: ImportRejection[] = [];
  let pendingEntries = 0;
  let position = 0;
  const read = (statement: XmlValue, isStatement: boolean): BankStatement => {
    const name = [textAt(statement, 'Id'), textAt(statement, 'ElctrncSeqNb')].filter(Boolean).join(' / ');
    const accountIban = accountOf(at(statement, 'Acct'));
    const accountCurrency = textAt(statement, 'Acct', 'Ccy');
    const transactions: BankTransaction[] = [];
    const signed: { amountMinor: number; currency: string }[] = [];
    let unreadable = 0;
    let entryCount = 0;
    for (const entry of listAt(statement, 'Ntry')) {
      position += 1;
      entryCount += 1;
      if (statusOf(entry) !== 'BOOK') {
        pendingEntries += 1;
        continue;
      }
      const entryPosition = position;
      const refuse = (field: string, code: Parameters<typeof bankRejection>[2], value: string) => rejections.push(bankRejection(entryPosition, field, code, value));
      const currency = attributeAt(entry, 'Ccy', 'Amt') || accountCurrency;
      if (!isCurrencyCode(currency)) {
        refuse('Ntry/Amt/@Ccy', 'bankCurrencyUnknown', currency);
        unreadable += 1;
        continue;
      }
      const amountText = textAt(entry, 'Amt');
      const amount = parseBankAmount(amountText, '.', minorUnitDigits(currency));
      const indicator = textAt(entry, 'CdtDbtInd');
      if (amount === undefined || (indicator !== 'CRDT' && indicator !== 'DBIT')) {
        if (amount === undefined) refuse('Ntry/Amt', 'bankAmountInvalid', amountText);
        else refuse('Ntry/CdtDbtInd', 'bankLineUnreadable', indicator);
        unreadable += 1;
        continue;
      }
      const direction = indicator === 'CRDT' ? 'credit' : 'debit';
      signed.push({ amountMinor: direction === 'credit' ? amount : -amount, currency });
      const bookingDate = dateOf(at(entry, 'BookgDt'));
      if (!bookingDate) {
        refuse('Ntry/BookgDt', 'bankDateInvalid', textAt(entry, 'BookgDt', 'Dt') || textAt(entry, 'BookgDt', 'DtTm'));
        continue;
      }
      const valueDate = dateOf(at(entry, 'ValDt')) ?? bookingDate;
      const details = listAt(entry, 'NtryDtls').flatMap((group) => listAt(group, 'TxDtls'));
      const detailAmount = (detail: XmlValue) => {
        const node = at(detail, 'Amt') !== undefined ? at(detail, 'Amt') : at(detail, 'AmtDtls', 'TxAmt', 'Amt');
        const detailCurrency = attributeAt(node, 'Ccy') || currency;
        const minor = isCurrencyCode(detailCurrency) ? parseBankAmount(textAt(node), '.', minorUnitDigits(detailCurrency)) : undefined;
        return minor === undefined ? undefined : { minor, currency: detailCurrency, direction: textAt(detail, 'CdtDbtInd') === 'DBIT' ? 'debit' : textAt(detail, 'CdtDbtInd') === 'CRDT' ? 'credit' : direction };
      };
      const amounts = details.map(detailAmount);
      const isSplit = details.length > 1 && amounts.every((part) => part !== undefined && part.currency === currency);
      if (isSplit) {
        const total = amounts.reduce((sum, part) => sum + (part!.direction === direction ? part!.minor : -part!.minor), 0);
        if (total !== amount) {
          refuse('Ntry/NtryDtls/TxDtls', 'bankDetailsMismatch', amountText);
          continue;
        }
      }
      const entryReferences = [textAt(entry, 'AcctSvcrRef'), textAt(entry, 'NtryRef'), ...listAt(entry, 'NtryDtls').flatMap((group) => [textAt(group, 'Btch', 'PmtInfId'), textAt(group, 'Btch', 'MsgId')])];
      const parts = isSplit ? details.map((detail, index) => ({ detail, amount: amounts[index]! })) : [{ detail: details.length === 1 ? details[0] : undefined, amount: { minor: amount, currency, direction } }];
      parts.forEach(({ detail, amount: part }, index) => {
        const partDirection = part.direction as 'credit' | 'debit';
        const bankReference = (detail && textAt(detail, 'Refs', 'AcctSvcrRef')) || textAt(entry, 'AcctSvcrRef');
        const endToEndId = detail ? textAt(detail, 'Refs', 'EndToEndId').replace(/^NOTPROVIDED$/, '') : '';
        const allDetails = detail ? [detail] : details;
        const structured = allDetails.flatMap((node) => listAt(node, 'RmtInf', 'Strd').map((block) => textAt(block, 'CdtrRefInf', 'Ref') || textAt(block, 'RfrdDocInf', 'Nb'))).filter(Boolean);
        const remittance = [...allDetails.flatMap((node) => [...listAt(node, 'RmtInf', 'Ustrd').map((line) => textAt(line)), textAt(node, 'AddtlTxInf')]), textAt(entry, 'AddtlNtryInf')].filter(Boolean).join(' ');
        const counterpartyParty = partDirection === 'credit' ? 'Dbtr' : 'Cdtr';
        const ownParty = partDirection === 'credit' ? 'Cdtr' : 'Dbtr';
        // The account the payer addressed (a bankgiro number, the IBAN) is this account too.
        const ownAccount = accountOf(at(detail, 'RltdPties', `${ownParty}Acct`));
        const isReturn = textAt(entry, 'RvslInd') === 'true' || at(detail, 'RtrInf') !== undefined || RETURN_SUBFAMILIES.has(subFamilyOf(entry)) || RETURN_SUBFAMILIES.has(subFamilyOf(detail));
        const legacy = bankTransactionId({ accountIban, bankReference, endToEndId, bookingDate, amountMinor: part.minor, direction: partDirection, sequence: entryPosition * 1000 + index });
        transactions.push({
          id: bankLineId(legacy, {
            accounts: [accountIban, ownAccount],
            bookingDate,
            valueDate,
            direction: partDirection,
            amountMinor: part.minor,
            currency: part.currency,
            endToEndId,
            references: [detail ? textAt(detail, 'Refs', 'AcctSvcrRef') : '', detail ? textAt(detail, 'Refs', 'TxId') : '', ...(isSplit ? [] : entryReferences), ...structured],
            remittance,
            ...(isSplit && { group: { amountMinor: amount, references: entryReferences } }),
            fallback: `camt:${entryPosition}:${index}`,
          }),
          position: entryPosition,
          accountIban,
          bookingDate,
          valueDate,
          amountMinor: part.minor,
          currency: part.currency,
          direction: partDirection,
          isReversal: isReturn,
          counterpartyName: partyName(detail, counterpartyParty) || partyName(detail, partDirection === 'credit' ? 'UltmtDbtr' : 'UltmtCdtr'),
          counterpartyIban: accountOf(at(detail, 'RltdPties', `${counterpartyParty}Acct`)),
          structuredReference: structured.join(' '),
          remittance,
          endToEndId,
          bankReference,
        });
      });
    }
    const summaryCount = textAt(statement, 'TxsSummry', 'TtlNtries', 'NbOfNtries');
    if (summaryCount !== '' && Number(summaryCount) !== entryCount) throw new ImportFileError('statementCountMismatch', { file, statement: name, expected: summaryCount, found: entryCount });
    if (isStatement) {
      const { opening, closing } = openingAndClosing(balancesOf(statement, file));
      const inBalanceCurrency = signed.filter((entry) => entry.currency === (closing ?? opening)?.currency).map((entry) => entry.amountMinor);
      requireReconciled(file, name, opening, closing, inBalanceCurrency, unreadable + signed.length - inBalanceCurrency.length);
    }
    return { name, accountIban, currency: accountCurrency, transactions };
  };
  const statements = statementsNode ? listAt(statementsNode, 'Stmt').map((node) => read(node, true)) : listAt(notificationsNode, 'Ntfctn').map((node) => read(node, false));
  return { format, statements, pendingEntries, rejections };
}
