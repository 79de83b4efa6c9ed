/**
 * The free paragraphs of a letter the controller may word themselves (issue 16, item 4): the salutation,
 * the opening and the closing, per language and letter step. Everything the law asks a letter to say —
 * the invoices, amounts, statutory interest and costs, the term to pay, the Dutch statement of default,
 * the Swedish and British final demand, how to pay — stays generated and cannot be edited here.
 *
 * A text may name a few facts of the letter in braces, `{debtorName}`; any other name in braces is
 * refused when saved, so a typing slip never reaches a debtor as "{debtorNaam}".
 */

export const FREE_TEXT_PARTS = ['salutation', 'opening', 'closing'] as const;
export type FreeTextPart = (typeof FREE_TEXT_PARTS)[number];

/** A controller's wording for some of the free paragraphs; a part left out (or blank) keeps Kredo's text. */
export type LetterFreeTexts = Partial<Readonly<Record<FreeTextPart, string>>>;

/**
 * The facts a free text may name. No amount and no date to pay: those belong to the generated parts (and
 * a Dutch fourteen-day letter must not name a date at all, HR 25-11-2016).
 */
export const LETTER_PLACEHOLDERS = ['debtorName', 'contactName', 'customerCode', 'date', 'creditorName', 'phone', 'email'] as const;
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The names in braces that are not placeholders, each once, in the order they appear. */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!(LETTER_PLACEHOLDERS as readonly string[]).includes(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** Whether the text names this placeholder (a salutation naming the contact needs one to greet). */
export const namesPlaceholder = (text: string, name: LetterPlaceholder): boolean => text.includes(`{${name}}`);

/** The text with each placeholder replaced by its value; assumes `unknownPlaceholders` found none. */
export function fillPlaceholders(text: string, values: Readonly<Record<LetterPlaceholder, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => ((LETTER_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as LetterPlaceholder] : whole));
}

/** The controller's text for a part, or undefined when Kredo's own text applies (none, or only spaces). */
export function ownText(texts: LetterFreeTexts | undefined, part: FreeTextPart): string | undefined {
  const text = texts?.[part]?.trim();
  return text ? text : undefined;
}
