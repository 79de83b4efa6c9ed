import { letterPaymentReference } from '../../../../shared/domain/references/letter-payment-reference';
import type { Language } from '../../../../shared/i18n/languages';
import type { CurrencyCode } from '../../../../shared/money/money';
import { addDays, type IsoDate } from '../../../../shared/time/iso-date';
import type { DunningLetterInput, LetterCreditor, LetterJurisdiction, LetterStep } from '../../letters/dunning-letter';
import type { LetterFreeTexts } from '../../letters/letter-free-texts';

/** The law and currency a sample letter in each language is written under: a debtor at home. */
const HOME: Readonly<Record<Language, { readonly jurisdiction: LetterJurisdiction; readonly country: string; readonly currency: CurrencyCode }>> = {
  nl: { jurisdiction: 'NL', country: 'NL', currency: 'EUR' },
  sv: { jurisdiction: 'SE', country: 'SE', currency: 'SEK' },
  en: { jurisdiction: 'GB', country: 'GB', currency: 'GBP' },
};

/**
 * A letter to a made-up debtor at home, for the preview of Settings › Letter texts: the controller's own
 * wording around the paragraphs Kredo writes. One invoice, no interest or costs: those are worked out for
 * each real letter, and the preview says so.
 */
export function sampleLetterInput(request: {
  readonly language: Language;
  readonly step: LetterStep;
  readonly creditor: LetterCreditor;
  readonly today: IsoDate;
  readonly texts: LetterFreeTexts;
  readonly debtor: { readonly name: string; readonly contactName: string; readonly addressLines: readonly string[] };
}): DunningLetterInput {
  const home = HOME[request.language];
  const reference = letterPaymentReference(home.country, 1);
  return {
    language: request.language,
    jurisdiction: home.jurisdiction,
    step: request.step,
    letterDate: request.today,
    payBy: addDays(request.today, 14),
    creditor: request.creditor,
    debtor: { name: request.debtor.name, customerCode: '10001', addressLines: request.debtor.addressLines, contactName: request.debtor.contactName },
    invoices: [{ number: '2026-0101', invoiceDate: addDays(request.today, -60), dueDate: addDays(request.today, -30), currency: home.currency, amountMinor: 125_000, openMinor: 125_000, daysOverdue: 30, interestMinor: 0 }],
    costs: [],
    paymentReference: reference.printed,
    paymentReferenceScheme: reference.scheme,
    currency: home.currency,
    texts: request.texts,
  };
}
