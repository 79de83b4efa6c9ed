import { letterAddress, reminderContact, reminderEmail, nameParts } from '../../../../shared/domain/debtors/debtor-master-data';
import { decodeLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import { letterPaymentReference } from '../../../../shared/domain/references/letter-payment-reference';
import { statementCosts, statementOfAccount, type StatementOfAccount } from '../../../../shared/domain/statements/statement-of-account';
import type { MailMessageRequest } from '../../../../shared/ipc/mail-contract';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import type { CurrencyCode } from '../../../../shared/money/money';
import { addDays, type IsoDate } from '../../../../shared/time/iso-date';
import { creditorCountry, type LetterCreditor } from '../../letters/dunning-letter';
import { letterTranslator } from '../../letters/letter-translator';
import { postalAddressLines } from '../../letters/postal-address';
import { buildStatementContent, type StatementContent, type StatementLetterInput } from '../../letters/statement-content';
import { buildStatementPdf } from '../../letters/statement-pdf';
import { statementPlainText } from '../../letters/statement-plain-text';
import { bytesToBase64 } from '../backup/backup-format';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor, StoredDocument } from '../db/schema';
import { loadCreditor } from '../dunning/creditor';
import { givenLetterNumber, letterNumberFor } from '../dunning/letter-number';
import { pendingReference } from '../dunning/pending-reference';
import { loadRateTable } from '../interest-rates/interest-rates';

/**
 * Statements of account (issue 16, item 3), kept like letters in `documents` (step `statement`): so a
 * backup carries them, a merge moves them, the debtor page lists them, the e-mail outbox records how they
 * went, and a bank line quoting a statement's own payment reference is matched to exactly the invoices it
 * listed (import/match-payments.ts, through migration 0016's index) — no table of their own is needed.
 * A kept statement also holds the date it was made up to (`statementAsOf`), from which the next one lists
 * the payments received since. One statement per debtor and day: its id (and so its letter number, payment
 * reference and outbox key) is stable, and a batch run again the same day makes none twice.
 */
export const STATEMENT_STEP = 'statement';

export type StoredStatement = StoredDocument & { readonly statementAsOf: IsoDate };

const isStatement = (document: StoredDocument): document is StoredStatement => document.step === STATEMENT_STEP && typeof (document as Partial<StoredStatement>).statementAsOf === 'string';

export const statementId = (debtorId: string, today: IsoDate): string => `statement:${debtorId}:${today}`;

/** What every statement of a batch shares, read once. */
export interface StatementContext {
  readonly creditor: LetterCreditor;
  readonly interestRates: Awaited<ReturnType<typeof loadRateTable>>;
  readonly exchangeRates: ExchangeRateTable;
  readonly policyCurrency: CurrencyCode;
}

async function loadContext(db: KredoDb): Promise<StatementContext> {
  const [creditor, interestRates, rates, policies] = await Promise.all([loadCreditor(db), loadRateTable(db), db.exchangeRates.toArray(), db.policies.toArray()]);
  return { creditor, interestRates, exchangeRates: new ExchangeRateTable(rates), policyCurrency: policies[0]?.currency ?? 'EUR' };
}

/** The date the debtor's last statement before `today` was made up to: payments after it are listed. */
export async function lastStatementDate(db: KredoDb, debtorId: string, today: IsoDate): Promise<IsoDate | undefined> {
  const documents = await db.documents.where('debtorId').equals(debtorId).toArray();
  return documents.filter(isStatement).map((document) => document.statementAsOf).filter((asOf) => asOf < today).sort().at(-1);
}

async function readParties(db: KredoDb, debtorId: string): Promise<{ readonly debtor: StoredDebtor; readonly ledger: DebtorLedger } | undefined> {
  const chunk = await db.debtorChunks.filter((candidate) => candidate.debtors.some((debtor) => debtor.id === debtorId)).first();
  const debtor = chunk?.debtors.find((candidate) => candidate.id === debtorId);
  if (!chunk || !debtor) return undefined;
  const [numbers, texts] = await Promise.all([db.ledgerNumbers.get(chunk.chunkId), db.ledgerTexts.get(chunk.chunkId)]);
  const ledger = numbers && texts && numbers.debtorIds.includes(debtorId) ? decodeLedgerChunk({ numbers, texts }, new Set([debtorId]))[0] : undefined;
  return { debtor, ledger: ledger ?? { debtorId, items: [], payments: [], allocations: [] } };
}

/** The statement's input: figures worked out and words chosen, for a given letter number (none: a preview's). */
async function statementInput(db: KredoDb, parties: { readonly debtor: StoredDebtor; readonly ledger: DebtorLedger }, today: IsoDate, context: StatementContext, letterNumber: number | undefined): Promise<StatementLetterInput> {
  const { debtor, ledger } = parties;
  const [last, actions] = await Promise.all([lastStatementDate(db, debtor.id, today), db.dunningActions.where('debtorId').equals(debtor.id).toArray()]);
  // A first statement lists the payments since the oldest item still open was invoiced, not years of history.
  const oldestOpen = ledger.items.filter((item) => item.openMinor !== 0).map((item) => item.invoiceDate).sort()[0];
  const since = last ?? (oldestOpen && addDays(oldestOpen, -1));
  const statement: StatementOfAccount = statementOfAccount({
    ledger,
    jurisdiction: debtor.jurisdiction,
    asOf: today,
    ...(since !== undefined && { since }),
    policyCurrency: context.policyCurrency,
    exchangeRates: context.exchangeRates,
    interestRates: context.interestRates,
    costs: statementCosts({ ledger, actions, jurisdiction: debtor.jurisdiction, asOf: today }),
  });
  const contact = reminderContact(debtor);
  const email = reminderEmail(debtor);
  const address = letterAddress(debtor);
  const { bankgiro, ...withoutBankgiro } = context.creditor;
  const reference = letterNumber !== undefined ? letterPaymentReference(debtor.country, letterNumber) : pendingReference(debtor.country, debtor.language, 'statement');
  return {
    language: debtor.language,
    // Bankgiro is how Swedish payers pay at home; everyone else is told the IBAN (as in letters).
    creditor: debtor.country === 'SE' && bankgiro ? context.creditor : withoutBankgiro,
    debtor: {
      name: debtor.name,
      customerCode: debtor.customerCode,
      addressLines: address ? postalAddressLines(address, { senderCountry: creditorCountry(context.creditor) }) : [],
      ...(contact?.name && { contactName: contact.name, contactPerson: { ...(contact.title && { title: contact.title }), ...nameParts(contact) } }),
      ...(email && { email }),
    },
    statement,
    paymentReference: reference.printed,
    paymentReferenceScheme: reference.scheme,
  };
}

export interface StatementPreview {
  readonly content: StatementContent;
  /** Not made yet today: its reference reads "[given when the statement is made]" (pending-reference.ts). */
  readonly referencePending: boolean;
}

/**
 * What a statement would say today, before it is made. It takes no number: only today's statement already
 * made shows its reference, the one it was given and keeps; otherwise the reference is said to follow.
 */
export async function previewStatement(db: KredoDb, request: { readonly debtorId: string; readonly today: IsoDate }): Promise<StatementPreview | undefined> {
  const parties = await readParties(db, request.debtorId);
  if (!parties) return undefined;
  const number = await givenLetterNumber(db, statementId(request.debtorId, request.today));
  const input = await statementInput(db, parties, request.today, await loadContext(db), number);
  return { content: buildStatementContent(input, letterTranslator(input.language)), referencePending: number === undefined };
}

export interface MadeStatement {
  readonly document: StoredStatement;
  /** The e-mail to queue, when the debtor has an address (the caller decides whether to send it). */
  readonly mailMessage?: MailMessageRequest;
  /** False when today's statement was already made: it is returned as kept, nothing new is written. */
  readonly isNew: boolean;
}

/**
 * Makes and keeps the debtor's statement of account as of `today` — the PDF in the debtor's language, its
 * own letter number and payment reference kept with the numbers of the invoices it lists — with a line on
 * the debtor's timeline, in one transaction. Today's statement already made is returned as it was kept.
 */
export async function makeStatement(db: KredoDb, request: { readonly debtorId: string; readonly today: IsoDate; readonly at: string }, shared?: StatementContext): Promise<MadeStatement | undefined> {
  const id = statementId(request.debtorId, request.today);
  const parties = await readParties(db, request.debtorId);
  if (!parties) return undefined;
  const kept = await db.documents.get(id);
  const context = shared ?? (await loadContext(db));
  const input = await statementInput(db, parties, request.today, context, await letterNumberFor(db, id));
  const content = buildStatementContent(input, letterTranslator(input.language));
  const fileName = `${parties.debtor.customerCode}-${STATEMENT_STEP}-${request.today}`;
  if (kept && isStatement(kept)) return { document: kept, isNew: false, ...mailOf(input, content, kept) };
  const pdf = await buildStatementPdf(content);
  const main = input.statement.blocks.find((block) => block.currency === parties.debtor.currency) ?? input.statement.blocks[0];
  const document: StoredStatement = {
    id,
    debtorId: request.debtorId,
    actionId: id,
    step: STATEMENT_STEP,
    language: input.language,
    createdAt: request.at,
    fileName,
    pdfBase64: bytesToBase64(pdf),
    currency: main?.currency ?? parties.debtor.currency,
    totalDueMinor: main?.totalDueMinor ?? 0,
    // A payment quoting the reference pays exactly these invoices (issue 16, item 6): the open invoices listed.
    paymentReference: input.paymentReference.replace(/\s/g, ''),
    invoiceNumbers: input.statement.blocks.flatMap((block) => block.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0).map((item) => item.number)),
    statementAsOf: request.today,
  };
  await db.transaction('rw', db.documents, db.audit, async () => {
    await db.documents.put(document);
    await db.audit.add({
      at: request.at,
      actor: 'user',
      action: 'statement.made',
      entityType: 'debtor',
      entityId: request.debtorId,
      details: { documentId: id, reference: input.paymentReference, currency: document.currency, totalDueMinor: document.totalDueMinor, items: document.invoiceNumbers?.length ?? 0 },
    });
  });
  return { document, isNew: true, ...mailOf(input, content, document) };
}

function mailOf(input: StatementLetterInput, content: StatementContent, document: StoredDocument): { readonly mailMessage?: MailMessageRequest } {
  const address = input.debtor.email;
  if (!address) return {};
  const t = letterTranslator(input.language);
  return {
    mailMessage: {
      key: document.id,
      debtorId: document.debtorId,
      to: { ...(input.debtor.contactName && { name: input.debtor.contactName }), address },
      subject: content.subject,
      text: statementPlainText(content, t('statement.attachmentNote')),
      language: input.language,
      attachment: { fileName: `${document.fileName}.pdf`, pdfBase64: document.pdfBase64 },
    },
  };
}

/** Records that a kept statement went into the e-mail outbox (its Message-ID), as processing does for letters. */
export async function markStatementQueued(db: KredoDb, documentId: string, messageId: string): Promise<void> {
  await db.documents.update(documentId, { mail: { messageId, state: 'queued' } });
}

export interface StatementBatchProgress {
  onProgress?(done: number, total: number): void | Promise<void>;
  isStopped?(): boolean | Promise<boolean>;
  /** Puts a statement into the e-mail outbox; undefined when e-mail is not set up (then it is kept only). */
  queueMail?(message: MailMessageRequest): Promise<{ readonly messageId: string; readonly queued: boolean } | undefined>;
}

export interface StatementBatchOutcome {
  readonly made: number;
  readonly mailed: number;
  /** Statements made already today, not made again. */
  readonly already: number;
  readonly stopped?: true;
}

/** The debtors that owe or are owed something: open items or payments not yet allocated. */
export async function debtorsWithOpenItems(db: KredoDb): Promise<string[]> {
  const ids: string[] = [];
  for (const chunkId of (await db.debtorChunks.toCollection().primaryKeys()) as number[]) {
    const [numbers, texts] = await Promise.all([db.ledgerNumbers.get(chunkId), db.ledgerTexts.get(chunkId)]);
    if (!numbers || !texts) continue;
    for (const ledger of decodeLedgerChunk({ numbers, texts })) {
      if (ledger.items.some((item) => item.openMinor !== 0) || ledger.payments.some((payment) => payment.unappliedMinor > 0)) ids.push(ledger.debtorId);
    }
  }
  return ids;
}

/**
 * Makes the statements of a selection (without one: every debtor with open items), one debtor after the
 * other, each kept in its own transaction, so a batch stopped between two debtors leaves each either made or
 * untouched; run again the same day, it makes the rest and none twice. With e-mail set up, each statement to
 * a debtor with an address is queued under its stable id, so the outbox sends it once.
 */
export async function makeStatements(db: KredoDb, request: { readonly debtorIds?: readonly string[]; readonly today: IsoDate; readonly at: string }, progress: StatementBatchProgress = {}): Promise<StatementBatchOutcome> {
  const debtorIds = request.debtorIds ?? (await debtorsWithOpenItems(db));
  const context = await loadContext(db);
  let made = 0;
  let mailed = 0;
  let already = 0;
  for (const [index, debtorId] of debtorIds.entries()) {
    if (await progress.isStopped?.()) return { made, mailed, already, stopped: true };
    const result = await makeStatement(db, { debtorId, today: request.today, at: request.at }, context);
    if (result?.isNew) made += 1;
    else if (result) already += 1;
    if (result?.mailMessage && !result.document.mail) {
      const queued = await progress.queueMail?.(result.mailMessage);
      if (queued) {
        await markStatementQueued(db, result.document.id, queued.messageId);
        mailed += 1;
      }
    }
    await progress.onProgress?.(index + 1, debtorIds.length);
  }
  return { made, mailed, already };
}
