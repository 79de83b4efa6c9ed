import type { I18nNamespace } from './namespaces';

/**
 * Kredo's glossary: one entry per concept of credit control and trade-credit insurance, with the word a
 * credit professional in the Netherlands and in Sweden uses for it. `npm run check:i18n` holds every
 * translation to it (shared/i18n/glossary-check.ts): a Dutch or Swedish text whose English source uses a
 * concept's English word must use that concept's word, and a variant the glossary forbids fails wherever
 * it appears. The UI and the letters share the namespaces the check reads, so both speak the same terms.
 *
 * Sources: the law texts and insurer material in ../shared/reference (law-and-formats.md A.2–A.3,
 * insurer-apis.md), the statutory wording (BW, räntelagen, lag 1981:739, inkassolagen 1974:182) and the
 * words Dutch and Swedish insurers and credit managers use in their own material.
 *
 * Patterns: `uses` and `forbidden` match anywhere in a word, case-insensitively, because Dutch and Swedish
 * build compounds ("kredietlimiet", "limitändring"); the English side matches whole words only.
 */

export interface GlossaryTerm {
  /** The word to use: what the check asks for when a text fails. */
  readonly term: string;
  /** Any of these (case-insensitive, inside a word) shows the text uses the term: inflections, compounds. */
  readonly uses: readonly string[];
  /** Variants that are wrong for this concept, each with why; a text holding one fails. */
  readonly forbidden?: readonly { readonly pattern: string; readonly why: string }[];
}

export interface GlossaryEntry {
  /** The concept, in English, as the check names it. */
  readonly concept: string;
  /** The English words this entry governs (whole words, case-insensitive). */
  readonly en: readonly string[];
  readonly nl: GlossaryTerm;
  readonly sv: GlossaryTerm;
  /** Where the concept applies, when its English word means something else elsewhere (default: everywhere). */
  readonly namespaces?: readonly I18nNamespace[];
  /** `<language> <namespace>:<key>` → why that text rightly uses another word. */
  readonly exempt?: Readonly<Record<string, string>>;
  /** Why these are the words. */
  readonly why: string;
}

/** Whole-word pattern for the regular-expression source `words` (Unicode letters, unlike `\b`). */
export const word = (words: string): string => `(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`;

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    concept: 'credit limit',
    en: ['limits?', 'credit limits?'],
    nl: { term: 'kredietlimiet', uses: ['limiet'], forbidden: [{ pattern: 'kredietgrens', why: 'Dutch insurers and credit managers say (krediet)limiet' }] },
    sv: { term: 'kreditlimit', uses: ['limit'], forbidden: [{ pattern: 'kreditgräns', why: 'kreditförsäkringsbolagen (Atradius, Allianz Trade, Coface) säger kreditlimit' }] },
    namespaces: ['common', 'shell', 'welcome', 'portfolio', 'limits', 'ageing', 'dunning', 'sync', 'debtor', 'reports', 'settings'],
    why: 'The amount up to which the insurer covers deliveries to one buyer, or the company’s own ceiling.',
  },
  {
    concept: 'cover',
    en: ['cover', 'covers', 'covered', 'uncovered'],
    nl: { term: 'dekking', uses: ['dekking', 'dekt', 'dekken', 'gedekt'] },
    sv: { term: 'täckning', uses: ['täck'] },
    namespaces: ['common', 'portfolio', 'limits', 'ageing', 'dunning', 'sync', 'debtor', 'reports', 'settings', 'errors'],
    why: 'What the credit-insurance policy insures; in Swedish “täckning” (the insurer “täcker”), not “skydd”.',
  },
  {
    concept: 'grade (the insurer’s risk grade of a buyer)',
    en: ['grades?', 'graded'],
    nl: { term: 'rating', uses: ['rating'], forbidden: [{ pattern: word('graad|cijfer'), why: 'Dutch insurers call the 1–10 grade a rating' }] },
    sv: {
      term: 'riskklass',
      uses: ['riskklass'],
      forbidden: [{ pattern: 'betyg', why: '“betyg” is a school mark; Swedish credit people call a 1–10 risk grade riskklass' }],
    },
    why: 'Allianz Trade grades buyers 1 (best) to 10 (default) (insurer-apis.md 1.1.7).',
  },
  {
    concept: 'overdue notification',
    en: ['overdue notifications?', 'notif(?:y|ying|ied)(?: the insurer of)?(?: the| this| these)? overdue'],
    nl: {
      term: 'melding van betalingsachterstand',
      uses: ['meld\\p{L}*[^.]*achterst', 'achterst\\p{L}*[^.]*meld'],
    },
    sv: {
      term: 'anmälan om förfallen fordran',
      uses: ['anmäl\\p{L}*[^.]*förfall', 'förfall\\p{L}*[^.]*anmäl'],
      forbidden: [{ pattern: 'förfallorapport', why: 'a förfallorapport is an ageing list; what goes to the insurer is an anmälan om förfallen fordran' }],
    },
    why: 'Reporting a buyer’s unpaid invoices to the insurer within the policy’s term; a missed one costs the cover (insurer-apis.md 1.1.6, Allianz CH).',
  },
  {
    concept: 'formal notice',
    en: ['formal notices?'],
    nl: { term: 'ingebrekestelling', uses: ['ingebrekestelling', 'in gebreke'] },
    sv: {
      term: 'slutligt betalningskrav',
      uses: ['betalningskrav'],
      forbidden: [{
        pattern: 'inkassokrav',
        why: 'an inkassokrav is the collection demand of inkassolagen 5 § and lag 1981:739 (law-and-formats.md A.3.2); a creditor’s own last demand before inkasso is a (slutligt) betalningskrav',
      }],
    },
    exempt: {
      'sv letters:intro.formal-notice.NL': 'a Swedish letter under Dutch law names the Dutch legal act, ingebrekestelling, as such',
    },
    why: 'The last letter of the dunning ladder: under Dutch law it puts the debtor in default (art. 6:82 BW) and is the fourteen-day letter of art. 6:96 lid 6 BW.',
  },
  {
    concept: 'key account',
    en: ['key accounts?'],
    nl: {
      term: 'key accounts',
      uses: ['key account'],
      forbidden: [{ pattern: 'sleutelklant', why: 'Dutch credit and sales people say “key accounts”; “sleutelklanten” is a literal translation nobody uses' }],
    },
    sv: { term: 'nyckelkunder', uses: ['nyckelkund'] },
    why: 'The segment of the largest customers, dunned by the account manager first.',
  },
  {
    concept: 'dunning',
    en: ['dunning'],
    nl: { term: 'aanmaningen', uses: ['aanma', 'aangemaand'], forbidden: [{ pattern: word('dunning'), why: 'English left in a Dutch text' }] },
    sv: { term: 'kravhantering', uses: ['krav', 'påminnelse'], forbidden: [{ pattern: word('dunning'), why: 'English left in a Swedish text' }] },
    why: 'Chasing overdue invoices step by step: reminders, calls, the final demand.',
  },
  {
    concept: 'reminder',
    en: ['reminders?', 'payment reminders?'],
    nl: { term: 'herinnering', uses: ['herinnering', 'aanmaning'] },
    sv: { term: 'påminnelse', uses: ['påminnelse'] },
    namespaces: ['dunning', 'debtor', 'letters', 'settings', 'sync'],
    why: 'A payment reminder; “påminnelseavgift” (lag 1981:739, 2 §) is charged for one.',
  },
  {
    concept: 'statement of account',
    en: ['statements? of account', 'account statements?'],
    nl: { term: 'rekeningoverzicht', uses: ['rekeningoverzicht', 'saldo-overzicht'] },
    sv: { term: 'kontoutdrag', uses: ['kontoutdrag', 'saldobesked'] },
    why: 'The list of a debtor’s open items sent to it; claim dossiers need one (insurer-apis.md 1.9).',
  },
  {
    concept: 'DSO',
    en: ['DSO'],
    nl: { term: 'DSO', uses: [word('DSO')] },
    sv: { term: 'DSO', uses: [word('DSO')] },
    why: 'Days sales outstanding: credit managers in both countries use the English abbreviation.',
  },
  {
    concept: 'credit note',
    en: ['credit notes?'],
    nl: { term: 'creditnota', uses: ['creditnota'] },
    sv: {
      term: 'kreditfaktura',
      uses: ['kreditfaktur'],
      forbidden: [{ pattern: 'kreditnot', why: 'Swedish bookkeeping (BFL, Skatteverket, every ERP) calls it kreditfaktura' }],
    },
    why: 'A negative invoice that lowers what the debtor owes.',
  },
  {
    concept: 'payment plan',
    en: ['payment plans?', 'instalment plans?'],
    nl: { term: 'betalingsregeling', uses: ['betalingsregeling'] },
    sv: { term: 'avbetalningsplan', uses: ['avbetalningsplan', 'amorteringsplan'] },
    why: 'Instalments agreed with the debtor; lag 1981:739 calls it amorteringsplan (law-and-formats.md A.3.2).',
  },
  {
    concept: 'dispute',
    en: ['disputes?', 'disputed'],
    nl: { term: 'betwisting (geschil)', uses: ['betwist', 'geschil'] },
    sv: { term: 'bestridande (tvist)', uses: ['bestrid', 'bestrit', 'tvist'] },
    why: 'An invoice the debtor contests: not dunned and not insured until resolved (insurer-apis.md 1.2).',
  },
  {
    concept: 'handover to collection',
    en: ['collection agenc(?:y|ies)', 'debt collectors?', '(?:hand|pass)(?:s|ed|ing)? (?:\\p{L}+ )?(?:over )?(?:to|for) collection'],
    nl: { term: 'uit handen geven (incasso)', uses: ['incasso', 'uit handen'] },
    sv: { term: 'lämna till inkasso', uses: ['inkasso'] },
    why: 'Passing an unpaid claim to a collection agency or the insurer’s collection service.',
  },
  {
    concept: 'statutory interest',
    en: ['statutory interest', 'statutory commercial interest', 'late[- ]payment interest'],
    nl: { term: 'wettelijke handelsrente', uses: ['wettelijke (handels)?rente', 'vertragingsrente'] },
    sv: { term: 'dröjsmålsränta', uses: ['dröjsmålsränta', 'lagstadgad (dröjsmåls|handels)?ränta', 'handelsränta'] },
    why: 'Art. 6:119a BW (ECB + 8 pp) and 6 § räntelagen (referensränta + 8 pp) (law-and-formats.md A.1–A.3).',
  },
  {
    concept: 'collection costs',
    en: ['collection costs', 'recovery costs', 'extrajudicial collection costs'],
    nl: { term: 'buitengerechtelijke incassokosten', uses: ['incassokosten', 'invorderingskosten'] },
    sv: { term: 'inkassokostnader', uses: ['inkassokostnad', 'indrivningskostnad', 'förseningsersättning'] },
    why: 'The Dutch WIK staffel (Besluit vergoeding voor buitengerechtelijke incassokosten) and the Swedish lag 1981:739; the Directive’s Dutch and Swedish texts say invorderings-/indrivningskosten.',
  },
  {
    concept: 'claim (on the credit insurer)',
    // "Letters claim interest / this rate": the verb is not the insurer's claim.
    en: ['claims?(?! (?:interest|this|the|that|it)\\b)'],
    nl: { term: 'schadeclaim', uses: ['claim', 'schade'] },
    sv: { term: 'skadeanmälan', uses: ['skade', 'skada'] },
    namespaces: ['sync', 'limits', 'dunning', 'settings', 'errors', 'debtor'],
    why: 'Asking the insurer to pay a loss; Swedish insurers say anmäla skada / skadeanmälan.',
  },
  {
    concept: 'claim (the debt a letter demands)',
    en: ['claims?'],
    nl: { term: 'vordering', uses: ['vordering'] },
    sv: { term: 'fordran', uses: ['fordran', 'fordring', 'krav'] },
    namespaces: ['letters'],
    why: 'In a letter to the debtor “claim” is the debt itself: vordering, fordran.',
  },
  {
    concept: 'promise to pay',
    en: ['promises? to pay'],
    nl: { term: 'betalingsbelofte', uses: ['betalingsbelofte'] },
    sv: { term: 'betalningslöfte', uses: ['betalningslöfte'] },
    why: 'A date the debtor promised to pay by; dunning waits until then.',
  },
  {
    concept: 'days overdue',
    en: ['days overdue', 'days late', 'days past due'],
    nl: { term: 'dagen te laat', uses: ['dagen te laat', 'dagen na (de )?vervaldatum', 'dagen over', 'dagen vervallen'] },
    sv: {
      term: 'dröjsmålsdagar',
      uses: ['dröjsmålsdagar', 'dagar efter förfall', 'dagar (för )?sent', 'dagar försen'],
      forbidden: [
        { pattern: word('dagar sen'), why: '“dagar sen” does not agree with anything: say dröjsmålsdagar (as the letters do), or n dagar försenad' },
        {
          // "betalade 12 dagar sent" is good Swedish (the adverb hangs on the verb); a heading or "antal dagar sent" has no verb to hang on.
          pattern: '(?:^|antal )dagar sent(?![\\p{L}\\p{N}])',
          why: '“Dagar sent” as a heading or after “antal” has no verb for “sent” to qualify: say dröjsmålsdagar (or dagar för sent); after a number in a sentence it is fine',
        },
      ],
    },
    why: 'How long an invoice has been unpaid after its due date.',
  },
  {
    concept: 'exposure',
    en: ['exposure'],
    nl: { term: 'blootstelling (uitstaand saldo)', uses: ['blootstelling', 'uitstaand'] },
    sv: { term: 'exponering (utestående)', uses: ['exponering', 'utestående'] },
    why: 'What a debtor owes now (open items), set against its limit; Dutch and Swedish credit managers say uitstaand saldo / utestående as often as blootstelling / exponering.',
  },
  {
    concept: 'insurer',
    en: ['insurers?', 'insurer’s', "insurer's"],
    nl: { term: 'verzekeraar', uses: ['verzekeraar'] },
    sv: { term: 'försäkringsbolaget', uses: ['försäkringsbolag', 'kreditförsäkr', 'försäkringsgivare'] },
    why: 'The trade-credit insurer (Atradius, Allianz Trade, Coface); in Swedish the company is the försäkringsbolag.',
  },
  {
    concept: 'deductible',
    en: ['deductibles?'],
    nl: { term: 'eigen risico', uses: ['eigen risico'] },
    sv: { term: 'självrisk', uses: ['självrisk'] },
    why: 'The part of a loss the policy does not pay.',
  },
  {
    concept: 'discretionary limit',
    en: ['discretionary limits?'],
    nl: { term: 'discretionaire limiet', uses: ['discretionaire limiet'] },
    sv: { term: 'diskretionär limit', uses: ['diskretionär(a)? limit'] },
    why: 'A limit the insured may set itself under the policy, up to its discretionary maximum (insurer-apis.md 1.2).',
  },
  {
    concept: 'stop supplies',
    en: ['stop supplies', 'supply ban', 'supplies must stop'],
    nl: { term: 'leveringsstop', uses: ['leveringsstop', 'leveringen (moeten )?stop'] },
    sv: { term: 'leveransstopp', uses: ['leveransstopp', 'stoppa leveranser', 'leveranser måste stoppas'] },
    why: 'The insurer’s order to deliver no more on credit once the maximum extension period has passed (insurer-apis.md 4).',
  },
  {
    concept: 'debtor',
    en: ['debtors?', 'debtor’s'],
    nl: { term: 'debiteur', uses: ['debiteur'] },
    sv: { term: 'kund', uses: ['kund', 'gäldenär'], forbidden: [{ pattern: word('debitor(er|n|erna)?'), why: 'a Germanism: Swedish kundreskontra says kund' }] },
    namespaces: ['common', 'shell', 'welcome', 'portfolio', 'limits', 'ageing', 'dunning', 'sync', 'debtor', 'reports', 'settings'],
    why: 'A customer who owes the company money; Swedish credit people work in the kundreskontra and say kund.',
  },
  {
    concept: 'turnover declaration',
    en: ['turnover declarations?', 'sales declarations?'],
    nl: { term: 'omzetopgave', uses: ['omzetopgave'], forbidden: [{ pattern: 'omzetaangifte', why: 'an aangifte is what goes to the Belastingdienst (aangifte omzetbelasting); credit insurers ask for an omzetopgave' }] },
    sv: { term: 'omsättningsrapportering', uses: ['omsättningsrapport', 'omsättningsdeklaration'] },
    why: 'The insurable turnover per period and country the insured reports to the credit insurer, on which the premium is settled (insurer-apis.md §1.2.1, §2.3 step 12). Dutch credit insurers say omzetopgave; Swedish material says rapportera omsättningen (omsättningsrapportering), also omsättningsdeklaration — not checked against an insurer’s own Swedish policy text.',
  },
];

/**
 * How the UI addresses the user, and how the letters address the debtor. The Swedish UI says “du”
 * (project rule, README); a Swedish letter to another company keeps the formal “ni” throughout, so one
 * letter never mixes both. Dutch says “u” everywhere, as Dutch business software and letters do.
 */
export const REGISTER: readonly { readonly language: 'nl' | 'sv'; readonly namespaces: 'letters' | 'ui' | 'all'; readonly expected: string; readonly pattern: string; readonly why: string }[] = [
  { language: 'sv', namespaces: 'ui', expected: 'du', pattern: word('ni|er|ert|era'), why: 'the Swedish UI addresses the user as “du” (du, dig, din, ditt, dina)' },
  { language: 'sv', namespaces: 'letters', expected: 'ni', pattern: word('du|dig|din|ditt|dina'), why: 'a letter to a debtor company addresses it as “ni” throughout' },
  { language: 'nl', namespaces: 'all', expected: 'u', pattern: word('je|jij|jou|jouw'), why: 'Dutch screens and letters address the reader as “u” (u, uw)' },
];

/** Words no text of the app may hold, in any language. */
export const NOT_IN_APP_TEXTS: readonly { readonly pattern: string; readonly why: string }[] = [
  { pattern: word('README'), why: 'the README does not ship with the app: explain in place or name the screen that does' },
];
