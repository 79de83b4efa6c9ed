import { letterAddress } from '../../../../shared/domain/debtors/debtor-master-data';
import type { PostalAddress } from '../../../../shared/domain/debtors/debtor';
import { countryNamer } from '../../../../shared/format/country-name';
import { formatMoney } from '../../../../shared/format/format-money';
import { money } from '../../../../shared/money/money';
import { buildPrintBatchPdf, type PrintBatchText } from '../../documents/print-batch/build-print-batch-pdf';
import { base64ToBytes } from '../backup/backup-format';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor, StoredDocument } from '../db/schema';
import { LETTER_STEPS } from '../../letters/dunning-letter';

/** What the UI sends the data worker for a print batch: the run's letters and translated texts only. */
export interface PrintBatchRequest {
  /**
   * The processing run: its moment (`ProcessWorklistRequest.at`, which every letter it made carries as
   * `createdAt`) and the debtors it was for, so only their letters are read.
   */
  readonly at: string;
  readonly debtorIds: readonly string[];
  /** The Intl locale amounts and country names are written in, such as nl-NL. */
  readonly formatLocale: string;
  readonly text: Omit<PrintBatchText, 'subtitle'> & {
    /** "{{count}} letters …" in the language's plural forms, the placeholder left in. */
    readonly subtitleTemplates: { readonly one: string; readonly other: string };
    /** Each letter step's name, such as "Second reminder". */
    readonly stepNames: Readonly<Record<string, string>>;
    /** What a debtor whose country is not known (ZZ) is listed under. */
    readonly unknownCountry: string;
  };
}

/** A letter of the batch with where its envelope goes. */
export interface EnvelopeLetter {
  readonly letter: StoredDocument;
  readonly debtorName: string;
  readonly address: PostalAddress | undefined;
}

/** A postcode as the post sorts it: "1012 ab" and "1012AB" are one, "114 55" and "11455" too. */
const sortablePostcode = (postcode: string): string => postcode.replace(/\s+/g, '').toUpperCase();

/**
 * Envelope order: by destination country, then postcode, then debtor name (then letter, for a debtor with
 * two). The post sorts by destination — PostNL's and PostNord's business mail and Royal Mail's Mailmark are
 * presorted by country and postcode — so a pile in this order is handed in as it comes off the printer, and
 * letters abroad (franked differently) lie together; within a postcode the name is what the controller
 * looks for on the covering list. A letter without a postal address (made for e-mail only) goes last.
 */
export function inEnvelopeOrder(letters: readonly EnvelopeLetter[], locale: string): EnvelopeLetter[] {
  const names = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const key = (entry: EnvelopeLetter) => ({ country: entry.address?.country.toUpperCase() ?? '\uffff', postcode: sortablePostcode(entry.address?.postalCode ?? '') });
  return [...letters].sort((a, b) => {
    const [left, right] = [key(a), key(b)];
    if (left.country !== right.country) return left.country < right.country ? -1 : 1;
    if (left.postcode !== right.postcode) return names.compare(left.postcode, right.postcode);
    return names.compare(a.debtorName, b.debtorName) || (a.letter.id < b.letter.id ? -1 : a.letter.id > b.letter.id ? 1 : 0);
  });
}

async function debtorsById(db: KredoDb, ids: ReadonlySet<string>): Promise<Map<string, StoredDebtor>> {
  const found = new Map<string, StoredDebtor>();
  await db.debtorChunks.each((chunk) => {
    for (const debtor of chunk.debtors) if (ids.has(debtor.id)) found.set(debtor.id, debtor);
  });
  return found;
}

/**
 * The print batch of one processing run: the letters that go by post — those not put into the e-mail
 * outbox, which reach the debtor by e-mail (Settings › E-mail) and are not posted as well — in envelope
 * order after a covering list. Undefined when no letter of the run is to be posted.
 */
export async function makePrintBatchPdf(db: KredoDb, request: PrintBatchRequest): Promise<Uint8Array | undefined> {
  const kept = await db.documents
    .where('debtorId')
    .anyOf([...request.debtorIds])
    .filter((letter) => letter.createdAt === request.at && (LETTER_STEPS as readonly string[]).includes(letter.step) && letter.mail === undefined)
    .toArray();
  if (kept.length === 0) return undefined;
  const debtors = await debtorsById(db, new Set(kept.map((letter) => letter.debtorId)));
  const ordered = inEnvelopeOrder(
    kept.map((letter) => {
      const debtor = debtors.get(letter.debtorId);
      return { letter, debtorName: debtor?.name ?? letter.debtorId, address: debtor && letterAddress(debtor) };
    }),
    request.formatLocale,
  );
  const countryName = countryNamer(request.formatLocale, request.text.unknownCountry);
  const { subtitleTemplates, stepNames, unknownCountry: _unknown, ...text } = request.text;
  const count = new Intl.NumberFormat(request.formatLocale).format(ordered.length);
  const subtitle = subtitleTemplates[new Intl.PluralRules(request.formatLocale).select(ordered.length) === 'one' ? 'one' : 'other'].replace('{{count}}', count);
  return buildPrintBatchPdf(
    ordered.map(({ letter, debtorName, address }) => ({
      pdf: base64ToBytes(letter.pdfBase64),
      debtor: debtorName,
      destination: address ? [`${address.postalCode} ${address.city}`.trim(), countryName(address.country)].join(', ') : '',
      letter: letter.fileName,
      step: stepNames[letter.step] ?? letter.step,
      amount: formatMoney(money(letter.totalDueMinor, letter.currency), request.formatLocale),
      reference: letter.paymentReference ?? '',
    })),
    { ...text, subtitle },
    new Date(request.at),
  );
}
