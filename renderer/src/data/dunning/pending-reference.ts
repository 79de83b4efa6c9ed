import { paymentReferenceScheme, type PaymentReferenceScheme } from '../../../../shared/domain/references/letter-payment-reference';
import type { Language } from '../../../../shared/i18n/languages';
import { letterTranslator } from '../../letters/letter-translator';

/**
 * What a preview prints where the payment reference goes while the letter or statement has no number yet
 * (issue 16): in the debtor's language, "[given when the letter is made]". A preview takes no number — one
 * taken and never used would leave a gap, and the next free number is no promise, since any letter made
 * before this one takes it — so a reference shown there could be read to a debtor on the phone and then
 * belong to another letter. The scheme is the payer's all the same, so the label above it is right.
 */
export function pendingReference(payerCountry: string, language: Language, kind: 'letter' | 'statement'): { readonly scheme: PaymentReferenceScheme; readonly printed: string } {
  return { scheme: paymentReferenceScheme(payerCountry), printed: letterTranslator(language)(`preview.referencePending.${kind}`) };
}
