import type { OpenItemField } from './open-item-fields';

/**
 * How ERP exports name their columns (law-and-formats.md §B.9). Exact Online's receivables list and
 * Fortnox's invoice list are documented API field names, which their exports reuse; Twinfield's are its
 * browse fields and their Dutch UI labels. AFAS and Visma publish no fixed export layout, so their presets
 * are the Dutch and Swedish column names those programs' users typically see; the generic synonyms below
 * catch the rest.
 */
export interface ErpPreset {
  readonly id: string;
  readonly name: string;
  readonly columns: Partial<Record<OpenItemField, readonly string[]>>;
}

export const ERP_PRESETS: readonly ErpPreset[] = [
  {
    id: 'exact-online',
    name: 'Exact Online',
    columns: {
      customerCode: ['AccountCode'], customerName: ['AccountName'], invoiceNumber: ['InvoiceNumber'], invoiceDate: ['InvoiceDate'],
      dueDate: ['DueDate'], openAmount: ['Amount', 'AmountDC'], currency: ['CurrencyCode'], description: ['Description'], paymentReference: ['YourRef'],
    },
  },
  {
    id: 'twinfield',
    name: 'Twinfield',
    columns: {
      customerCode: ['fin.trs.line.dim2', 'Relatie'], customerName: ['fin.trs.line.dim2name', 'Naam'], invoiceNumber: ['fin.trs.line.invnumber', 'Factuurnr.'],
      invoiceDate: ['fin.trs.head.date', 'Boekdatum'], dueDate: ['fin.trs.line.datedue', 'Vervaldatum'],
      openAmount: ['fin.trs.line.openvaluesigned', 'fin.trs.line.openbasevaluesigned', 'Openstaand bedrag'], amount: ['fin.trs.line.valuesigned', 'Bedrag'],
      currency: ['fin.trs.head.curcode', 'Valuta'],
    },
  },
  {
    id: 'afas',
    name: 'AFAS Profit',
    columns: {
      customerCode: ['Debiteur', 'Debiteurnummer'], customerName: ['Naam debiteur'], invoiceNumber: ['Factuurnummer'], invoiceDate: ['Factuurdatum'],
      dueDate: ['Vervaldatum'], openAmount: ['Saldo', 'Openstaand'], amount: ['Factuurbedrag'], currency: ['Valuta'], paymentReference: ['Betalingskenmerk'],
    },
  },
  {
    id: 'visma',
    name: 'Visma',
    columns: {
      customerCode: ['Kundnr', 'Kundnummer'], customerName: ['Kundnamn'], invoiceNumber: ['Fakturanr', 'Fakturanummer'], invoiceDate: ['Fakturadatum'],
      dueDate: ['Förfallodatum', 'Förfallodag'], openAmount: ['Restbelopp', 'Kvar att betala'], amount: ['Fakturabelopp', 'Belopp'], currency: ['Valuta'], paymentReference: ['OCR', 'OCR-nummer'],
    },
  },
  {
    id: 'fortnox',
    name: 'Fortnox',
    columns: {
      customerCode: ['CustomerNumber'], customerName: ['CustomerName'], invoiceNumber: ['DocumentNumber'], invoiceDate: ['InvoiceDate'], dueDate: ['DueDate'],
      openAmount: ['Balance'], amount: ['Total'], currency: ['Currency'], paymentReference: ['OCR'],
    },
  },
];

/** Generic header synonyms in Dutch, Swedish and English (law-and-formats.md §B.9's recommendation). */
export const HEADER_SYNONYMS: Readonly<Record<OpenItemField, readonly string[]>> = {
  customerCode: ['debiteurnummer', 'debiteurnr', 'debiteur', 'relatiecode', 'relatienummer', 'klantnummer', 'kundnummer', 'kundnr', 'kund-nr', 'customer code', 'customer number', 'customer no', 'account code', 'account'],
  customerName: ['naam', 'debiteurnaam', 'relatienaam', 'klantnaam', 'kundnamn', 'kund', 'customer name', 'customer', 'name', 'company'],
  invoiceNumber: ['factuurnummer', 'factuurnr', 'factuur', 'fakturanummer', 'fakturanr', 'faktura', 'invoice number', 'invoice no', 'invoice', 'document number'],
  invoiceDate: ['factuurdatum', 'boekdatum', 'datum', 'fakturadatum', 'datum faktura', 'invoice date', 'document date', 'date'],
  dueDate: ['vervaldatum', 'vervaldag', 'förfallodatum', 'förfallodag', 'due date', 'payment due'],
  openAmount: ['openstaand bedrag', 'openstaand', 'saldo', 'restbedrag', 'restbelopp', 'kvar att betala', 'utestående', 'open amount', 'outstanding', 'balance', 'amount due'],
  amount: ['factuurbedrag', 'bedrag', 'totaal', 'fakturabelopp', 'belopp', 'total', 'amount', 'invoice amount', 'gross amount'],
  currency: ['valuta', 'munteenheid', 'currency', 'currency code'],
  paymentReference: ['betalingskenmerk', 'kenmerk', 'ocr', 'ocr-nummer', 'referens', 'payment reference', 'reference'],
  vatNumber: ['btw-nummer', 'btw nummer', 'btw-id', 'vat', 'vat number', 'momsregistreringsnummer', 'momsnr'],
  companyNumber: ['kvk', 'kvk-nummer', 'kvk nummer', 'organisationsnummer', 'orgnr', 'org.nr', 'company number', 'registration number'],
  description: ['omschrijving', 'beschrijving', 'beskrivning', 'text', 'description'],
};
