import { describe, expect, it } from 'vitest';
import { LOCALE_RESOURCES } from '../../locales/resources';
import { checkGlossary, type LanguageTexts } from './glossary-check';
import { GLOSSARY } from './glossary';

const texts = (entries: Record<string, string>): LanguageTexts => new Map(Object.entries(entries));

/** One key in three languages. */
function locale(id: string, en: string, nl: string, sv: string) {
  return { en: texts({ [id]: en }), nl: texts({ [id]: nl }), sv: texts({ [id]: sv }) };
}

function flatten(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else into.set(prefix, String(value));
  return into;
}

function repositoryLocale(language: 'en' | 'nl' | 'sv'): Map<string, string> {
  const all = new Map<string, string>();
  for (const [namespace, resource] of Object.entries(LOCALE_RESOURCES[language])) {
    for (const [key, text] of flatten(resource, '', new Map())) all.set(`${namespace}:${key}`, text);
  }
  return all;
}

describe('the glossary check', () => {
  it('fails a Swedish text that calls the insurer’s grade "betyg", naming file, key and the expected term', () => {
    const problems = checkGlossary(locale('portfolio:columns.grade', 'Grade', 'Rating', 'Betyg'));
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^locales\/sv\/portfolio\.json columns\.grade: English says "Grade", so use "riskklass"/),
      expect.stringMatching(/^locales\/sv\/portfolio\.json columns\.grade: "Betyg" is not the word, use "riskklass"/),
    ]);
    expect(problems.every((problem) => problem.language === 'sv' && problem.expected === 'riskklass')).toBe(true);
  });

  it('passes the glossary’s own terms, in compounds and inflections', () => {
    expect(checkGlossary(locale('debtor:identity.grade', 'Insurer grade', 'Rating verzekeraar', 'Försäkringsbolagets riskklass'))).toEqual([]);
    expect(checkGlossary(locale('limits:intro', 'Every limit change', 'Elke limietwijziging', 'Varje limitändring'))).toEqual([]);
  });

  it('fails "Sleutelklanten" for key accounts and "Inkassokrav" for the creditor’s own formal notice', () => {
    const keyAccounts = checkGlossary(locale('settings:segmentNames.key-account', 'Key accounts', 'Sleutelklanten', 'Nyckelkunder'));
    expect(keyAccounts.map((problem) => [problem.language, problem.expected])).toEqual([['nl', 'key accounts'], ['nl', 'key accounts']]);
    const notice = checkGlossary(locale('dunning:steps.formal-notice', 'Formal notice', 'Ingebrekestelling', 'Inkassokrav'));
    expect(notice.map((problem) => problem.expected)).toEqual(['slutligt betalningskrav', 'slutligt betalningskrav']);
  });

  it('fails a forbidden variant even where the English does not use the concept', () => {
    const problems = checkGlossary(locale('dunning:plans.late', '{{count}} late', '{{count}} te laat', '{{count}} dagar sen'));
    expect(problems.map((problem) => problem.expected)).toEqual(['dröjsmålsdagar']);
  });

  it('fails "Dagar sent" as a heading or after "antal", yet passes "betalade {{count}} dagar sent" in a sentence', () => {
    const heading = checkGlossary(locale('debtor:paidInvoices.daysLate', 'Days late', 'Dagen te laat', 'Dagar sent'));
    expect(heading.map((problem) => [problem.language, problem.expected])).toEqual([['sv', 'dröjsmålsdagar']]);
    const caption = checkGlossary(locale('debtor:x.caption', 'Average days late', 'Gemiddeld aantal dagen te laat', 'Genomsnittligt antal dagar sent'));
    expect(caption.map((problem) => problem.expected)).toEqual(['dröjsmålsdagar']);
    expect(checkGlossary(locale('debtor:x.paid', 'paid {{count}} days late', 'betaalde {{count}} dagen te laat', 'betalade {{count}} dagar sent'))).toEqual([]);
  });

  it('reads placeholders as no words: "{{limitMb}} MB" asks for no credit-limit term', () => {
    expect(checkGlossary(locale('errors:import.tooLarge', 'Larger than {{limitMb}} MB', 'Groter dan {{limitMb}} MB', 'Större än {{limitMb}} MB'))).toEqual([]);
  });

  it('holds the Swedish UI to "du" and the Swedish letters to "ni"', () => {
    const ui = checkGlossary(locale('ageing:costOfLoss.result', 'you need {{revenue}}', 'hebt u {{revenue}} nodig', 'behöver ni {{revenue}}'));
    expect(ui.map((problem) => problem.expected)).toEqual(['du']);
    const letter = checkGlossary(locale('letters:closing.alreadyPaid', 'If you have paid', 'Hebt u betaald', 'Om du redan har betalat'));
    expect(letter.map((problem) => problem.expected)).toEqual(['ni']);
    expect(checkGlossary(locale('letters:closing.alreadyPaid', 'If you have paid', 'Hebt u betaald', 'Om ni redan har betalat'))).toEqual([]);
  });

  it('holds the Dutch texts to "u"', () => {
    const problems = checkGlossary(locale('imports:intro', 'You see what changes', 'Je ziet wat er verandert', 'Du ser vad som ändras'));
    expect(problems.map((problem) => [problem.language, problem.expected])).toEqual([['nl', 'u']]);
  });

  it('fails a text in any language that sends the user to the README', () => {
    const problems = checkGlossary(locale('debtor:risk.method', 'The README explains each rule.', 'De README legt het uit.', 'README förklarar det.'));
    expect(problems.map((problem) => problem.language)).toEqual(['en', 'nl', 'sv']);
  });

  it('applies an entry only in its namespaces: a letter’s "claim" is the debt, not an insurance claim', () => {
    const letter = locale('letters:objection.byDate', 'If you dispute this claim', 'Betwist u deze vordering', 'Om ni bestrider kravet');
    expect(checkGlossary(letter)).toEqual([]);
    const sync = locale('sync:losses.action.claim', 'File a claim', 'Vordering indienen', 'Lämna in krav');
    expect(checkGlossary(sync).map((problem) => problem.expected)).toEqual(['schadeclaim', 'skadeanmälan']);
  });

  it('every entry names its English words and a Dutch and Swedish term', () => {
    for (const entry of GLOSSARY) {
      expect(entry.en.length, entry.concept).toBeGreaterThan(0);
      expect(entry.nl.uses.some((source) => new RegExp(source, 'iu').test(entry.nl.term)), `${entry.concept}: nl term matches its own uses`).toBe(true);
      expect(entry.sv.uses.some((source) => new RegExp(source, 'iu').test(entry.sv.term)), `${entry.concept}: sv term matches its own uses`).toBe(true);
    }
  });

  it('passes the repository’s locales', () => {
    expect(checkGlossary({ en: repositoryLocale('en'), nl: repositoryLocale('nl'), sv: repositoryLocale('sv') }).map((problem) => problem.message)).toEqual([]);
  });
});
