import { letterReach } from '../../../../shared/domain/debtors/debtor-master-data';
import type { DunningStep } from '../../../../shared/domain/dunning/dunning-action';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { addDays } from '../../../../shared/time/iso-date';
import { letterFigures } from '../../letters/letter-figures';
import { buildLetterContent, type LetterContent } from '../../letters/letter-content';
import { letterPlainText } from '../../letters/letter-plain-text';
import { letterTranslator } from '../../letters/letter-translator';
import { letterEmlFromContent } from '../../letters/letter-eml';
import { letterPdfFromContent } from '../../letters/letter-pdf';
import { LETTER_STEPS, type DunningLetterInput, type LetterCreditor, type LetterStep } from '../../letters/dunning-letter';
import type { ReferenceRateTable } from '../../../../shared/domain/law/reference-rates';
import { bytesToBase64 } from '../backup/backup-format';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor, StoredDocument } from '../db/schema';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import { loadRateTable } from '../interest-rates/interest-rates';
import { readDebtorLedger } from '../store/read-ledger';
import { loadCreditor } from './creditor';
import { letterInputFor, letterItems } from './letter-input';
import { givenLetterNumber, letterNumberFor } from './letter-number';
import { letterMailMessage } from './letter-mail';
import { letterTextsFor, loadLetterTextsInUse, type LetterTextsInUse } from './letter-texts';
import type { MailMessageRequest } from '../../../../shared/ipc/mail-contract';

export const isLetterStep = (step: DunningStep): step is LetterStep => (LETTER_STEPS as readonly string[]).includes(step);

/**
 * What every letter of a batch shares, read once: the letterhead, the statutory-interest rates and the
 * controller's wording of the free paragraphs per language and step (letter-texts.ts).
 */
export interface LetterBatch {
  readonly creditor: LetterCreditor;
  readonly rates: ReferenceRateTable;
  readonly texts: ReadonlyMap<string, LetterTextsInUse>;
}

export async function loadLetterBatch(db: KredoDb): Promise<LetterBatch> {
  const [creditor, rates, texts] = await Promise.all([loadCreditor(db), loadRateTable(db), loadLetterTextsInUse(db)]);
  return { creditor, rates, texts };
}

export interface LetterRequest {
  readonly debtorId: string;
  readonly step: LetterStep;
  readonly itemIds: readonly string[];
  readonly today: IsoDate;
  readonly payBy: IsoDate | undefined;
  /** The chunk holding the debtor, when the caller knows it: otherwise every debtor chunk is searched. */
  readonly chunkId?: number;
  /** The debtor and its whole ledger, when the caller has just read them (a batch): nothing is read again. */
  readonly read?: { readonly debtor: StoredDebtor; readonly ledger: DebtorLedger };
}

async function readLetterParties(db: KredoDb, request: LetterRequest): Promise<{ readonly debtor: StoredDebtor | undefined; readonly ledger: DebtorLedger | undefined }> {
  if (request.read) return request.read;
  const chunk = request.chunkId !== undefined ? await db.debtorChunks.get(request.chunkId) : await db.debtorChunks.filter((candidate) => candidate.debtors.some((debtor) => debtor.id === request.debtorId)).first();
  const debtor = chunk?.debtors.find((candidate) => candidate.id === request.debtorId);
  const ledger = chunk && (await readDebtorLedger(db, chunk.chunkId, request.debtorId));
  return { debtor, ledger };
}

/**
 * The letter's input, its number taken from `letterNumber` only once the letter has invoices to list (a
 * letter never made takes no number). A preview passes the number its action was already given, if any
 * (givenLetterNumber); without one the letter says its reference is given when it is made.
 */
async function letterInputOf(db: KredoDb, request: LetterRequest, batch: LetterBatch | undefined, letterNumber: () => Promise<number | undefined>) {
  const { debtor, ledger } = await readLetterParties(db, request);
  if (!debtor || !ledger) return undefined;
  if (letterItems(ledger, request.itemIds, debtor.currency).items.length === 0) return undefined;
  const { creditor, rates, texts } = batch ?? (await loadLetterBatch(db));
  const number = await letterNumber();
  const wording = letterTextsFor(texts, debtor.language, request.step);
  const input = { ...letterInputFor({ debtor, ledger, itemIds: request.itemIds, step: request.step, today: request.today, payBy: request.payBy ?? addDays(request.today, 14), creditor, rates, letterNumber: number }), texts: wording.texts };
  return { debtor, creditor, input, textVersion: wording.version, numbered: number !== undefined };
}

export interface LetterPreviewText {
  readonly subject: string;
  readonly text: string;
  readonly language: string;
  /** No number given yet: the reference reads "[given when the letter is made]" (pending-reference.ts). */
  readonly referencePending: boolean;
}

/**
 * What a letter will say, before it is made: its subject and text in the debtor's language. It takes no
 * number; it shows the letter's reference only when its dunning action was already given one (a run stopped
 * after the letter was made), which is then exactly the reference the kept letter carries.
 */
export async function previewLetterText(db: KredoDb, request: LetterRequest & { readonly actionId?: string }): Promise<LetterPreviewText | undefined> {
  const { actionId } = request;
  const made = await letterInputOf(db, request, undefined, async () => (actionId !== undefined ? givenLetterNumber(db, actionId) : undefined));
  if (!made) return undefined;
  const content = buildLetterContent(made.input, letterTranslator(made.input.language));
  return { subject: content.subject, text: letterPlainText(content, ''), language: made.input.language, referencePending: made.numbered === false };
}

/**
 * A letter made up to its PDF: its number taken, its content built. `letterDocumentOf` turns it and the PDF
 * of `content` into the document to keep; a batch builds the PDF elsewhere (a worker) in between.
 */
export interface PreparedLetter {
  readonly request: LetterRequest & { readonly actionId: string; readonly at: string };
  readonly creditor: LetterCreditor;
  readonly input: DunningLetterInput;
  readonly textVersion: LetterTextsInUse['version'];
  readonly debtor: StoredDebtor;
  readonly content: LetterContent;
  readonly attachmentNote: string;
}

/**
 * The first half of makeLetterDocument: reads the parties (unless given), takes the letter's number and builds
 * its content. Undefined when the letter has no invoices to list (it takes no number then).
 */
export async function prepareLetter(db: KredoDb, request: LetterRequest & { readonly actionId: string; readonly at: string }, batch?: LetterBatch): Promise<PreparedLetter | undefined> {
  const made = await letterInputOf(db, request, batch, () => letterNumberFor(db, request.actionId));
  if (!made) return undefined;
  const { debtor, creditor, input, textVersion } = made;
  // Without a usable address or e-mail there is no letter at all (the worklist says what is missing), and
  // without an e-mail no draft: never a placeholder recipient (issue 13, item 4).
  const reach = letterReach(debtor);
  if (!reach.address && !reach.email) throw new KredoError('dunning.noLetterAddress', { name: debtor.name });
  // One content, one PDF and one base64 text of it serve the kept letter, the .eml draft and the outbox's
  // message: a run of a hundred reminders built each letter's content three times and encoded its PDF twice
  // more (issue 14).
  const t = letterTranslator(input.language);
  return { request, creditor, input, textVersion, debtor, content: buildLetterContent(input, t), attachmentNote: t('attachmentNote') };
}

/** The second half of makeLetterDocument: the document to keep, from the prepared letter and the PDF of its content. */
export function letterDocumentOf(prepared: PreparedLetter, pdf: Uint8Array): StoredDocument & { readonly mailMessage?: MailMessageRequest } {
  const { request, creditor, input, textVersion, debtor, content } = prepared;
  const pdfBase64 = bytesToBase64(pdf);
  const eml = input.debtor.email ? letterEmlFromContent(content, prepared.attachmentNote, pdfBase64, { from: { name: creditor.name, address: creditor.email }, to: { ...(input.debtor.contactName && { name: input.debtor.contactName }), address: input.debtor.email }, date: new Date(request.at) }) : undefined;
  const fileName = `${debtor.customerCode}-${request.step}-${request.today}`;
  return {
    id: `${request.actionId}:letter`,
    debtorId: debtor.id,
    actionId: request.actionId,
    step: request.step,
    language: input.language,
    createdAt: request.at,
    fileName,
    pdfBase64,
    ...(eml !== undefined && { eml }),
    currency: input.currency,
    totalDueMinor: letterFigures(input).totalDueMinor,
    paymentReference: input.paymentReference.replace(/\s/g, ''),
    invoiceNumbers: input.invoices.map((invoice) => invoice.number),
    textVersion,
    // What the e-mail outbox sends (not stored with the document): subject and text in the debtor's language.
    ...(input.debtor.email && { mailMessage: letterMailMessage(input, content, { key: `${request.actionId}:letter`, debtorId: debtor.id, fileName, pdfBase64 }) }),
  };
}

/**
 * Makes the letter of a dunning step — the PDF and the e-mail draft, in the debtor's language and under its
 * law — and returns it as the document to keep. Kredo does not post or mail it: the controller saves the
 * PDF or opens the draft in their mail program; what is kept is exactly what was made.
 */
export async function makeLetterDocument(db: KredoDb, request: LetterRequest & { readonly actionId: string; readonly at: string }, batch?: LetterBatch): Promise<(StoredDocument & { readonly mailMessage?: MailMessageRequest }) | undefined> {
  const prepared = await prepareLetter(db, request, batch);
  return prepared && letterDocumentOf(prepared, await letterPdfFromContent(prepared.content));
}
