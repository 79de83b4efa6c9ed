import type { DunningLetterInput, LetterCostCode } from './dunning-letter';
import { isAnnounced, sumMinor, type LetterFigures } from './letter-figures';
import type { LetterFormat } from './letter-format';
import { formatIban } from '../../../shared/domain/references/iban';
import type { LetterTranslator } from './letter-translator';
import { fillPlaceholders, ownText, type LetterPlaceholder } from './letter-free-texts';

/**
 * The running text of a letter, chosen by step and jurisdiction. The legal wording follows the law the
 * letter is written under, in whichever language the debtor reads:
 * - NL formal notice: the fourteen-day letter (art. 6:96 lid 6 BW) gives "fourteen days after receipt
 *   of this letter" in words (a date or "after the letter's date" makes it defective, HR 25-11-2016)
 *   and names the WIK costs that fall due if that term passes.
 * - SE formal notice: the creditor's own final demand, "slutligt betalningskrav" — not "inkassokrav", which
 *   is the collection demand of inkassolagen and lag 1981:739 4 § p.2 (shared/i18n/glossary.ts). It still
 *   says what inkassolagen 5 § and god inkassosed ask of a demand: who claims what, a last day to pay,
 *   what happens then, and until when objections can be made.
 * - GB formal notice: a final demand naming the Late Payment of Commercial Debts (Interest) Act 1998.
 */

/** The facts a controller's free text may name (letter-free-texts.ts), as this letter prints them. */
export function placeholderValues(input: DunningLetterInput, format: LetterFormat): Record<LetterPlaceholder, string> {
  const contact = input.debtor.contactName?.trim();
  return {
    debtorName: input.debtor.name,
    contactName: contact ? contact : input.debtor.name,
    customerCode: input.debtor.customerCode,
    date: format.longDate(input.letterDate),
    creditorName: input.creditor.name,
    phone: input.creditor.phone,
    email: input.creditor.email,
  };
}

/**
 * Before the invoice table: what this letter is and what it asks. A controller's own opening replaces the
 * reminders' first paragraph; in a formal notice it comes before the statement of default or final demand,
 * which the law asks for and so stays generated. The request (total, term) is always generated.
 */
export function openingParagraphs(input: DunningLetterInput, t: LetterTranslator, format: LetterFormat, figures: LetterFigures): string[] {
  const values = { total: format.money(figures.totalDueMinor), payBy: format.longDate(input.payBy) };
  const own = ownText(input.texts, 'opening');
  const opening = own === undefined ? undefined : fillPlaceholders(own, placeholderValues(input, format));
  if (input.step === 'formal-notice') {
    return [...(opening === undefined ? [] : [opening]), t(`intro.formal-notice.${input.jurisdiction}`), t(`request.formal-notice.${input.jurisdiction}`, values)];
  }
  return [opening ?? t(`intro.${input.step}`), t(`request.${input.step}`, values)];
}

/** After the table and its totals: the legal basis, the consequences, how to pay, and the closing. */
export function closingParagraphs(input: DunningLetterInput, t: LetterTranslator, format: LetterFormat, figures: LetterFigures): string[] {
  const paragraphs: string[] = [];
  const payBy = format.longDate(input.payBy);
  const interest = interestParagraph(input, t, format, figures);
  if (interest) paragraphs.push(interest);
  paragraphs.push(...costNotes(input, t, format));

  if (input.step === 'formal-notice') {
    const announcedWik = input.costs.filter((cost) => isAnnounced(cost) && cost.code === 'NL_WIK');
    if (announcedWik.length > 0) {
      const costs = sumMinor(announcedWik.map((cost) => cost.amountMinor));
      paragraphs.push(t('wikAnnounced', { costs: format.money(costs), totalIfUnpaid: format.money(figures.totalIfUnpaidMinor) }));
    }
    paragraphs.push(t(`consequence.${input.jurisdiction}`, { payBy }));
    // The Dutch fourteen-day letter names no date (see above), so objections too are "within this term".
    paragraphs.push(input.jurisdiction === 'NL' ? t('objection.withinTerm') : t('objection.byDate', { payBy }));
  }

  paragraphs.push(paymentInstruction(input, t));
  const own = ownText(input.texts, 'closing');
  if (own !== undefined) {
    paragraphs.push(fillPlaceholders(own, placeholderValues(input, format)));
    return paragraphs;
  }
  const contact = t('closing.contact', { phone: input.creditor.phone, email: input.creditor.email, customerCode: input.debtor.customerCode });
  paragraphs.push(`${t('closing.alreadyPaid')} ${contact}`);
  return paragraphs;
}

function interestParagraph(input: DunningLetterInput, t: LetterTranslator, format: LetterFormat, figures: LetterFigures): string | undefined {
  if (figures.interestMinor === 0) return undefined;
  const sentences = [t(`interest.${input.jurisdiction}`)];
  if (input.interestRateBp !== undefined) sentences.push(t('interest.rate', { rate: format.rate(input.interestRateBp) }));
  sentences.push(t('interest.accrues'));
  return sentences.join(' ');
}

/** One note per kind of cost due now, citing its legal basis (an announced cost has its own paragraph). */
function costNotes(input: DunningLetterInput, t: LetterTranslator, format: LetterFormat): string[] {
  const firstAmount = new Map<LetterCostCode, number>();
  for (const cost of input.costs) {
    if (!isAnnounced(cost) && !firstAmount.has(cost.code)) firstAmount.set(cost.code, cost.amountMinor);
  }
  return [...firstAmount].map(([code, amountMinor]) => t(`costNote.${code}`, { amount: format.money(amountMinor) }));
}

function paymentInstruction(input: DunningLetterInput, t: LetterTranslator): string {
  const { creditor } = input;
  const values = { iban: formatIban(creditor.iban), bic: creditor.bic, creditor: creditor.name, reference: input.paymentReference, referenceTerm: t(`payment.referenceTerm.${input.paymentReferenceScheme}`) };
  return creditor.bankgiro ? t('payment.bankgiro', { ...values, bankgiro: creditor.bankgiro }) : t('payment.iban', values);
}
