import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { LOCALE_RESOURCES } from '../../../locales/resources';
import { CUSTOMER_PRESETS } from '../../../shared/import/customer-fields';
import { ERP_PRESETS } from '../../../shared/import/erp-presets';
import type { Language } from '../../../shared/i18n/languages';
import { I18N_NAMESPACES } from '../../../shared/i18n/namespaces';

/**
 * Sentences the screens put together from two texts, composed the way the screens compose them
 * (RiskExplanation's headline, DunningScreen's deadline line), read through i18next as the user reads them.
 */
function translator(language: Language) {
  const instance = createInstance();
  void instance.init({ resources: LOCALE_RESOURCES, lng: language, fallbackLng: 'en', ns: [...I18N_NAMESPACES], defaultNS: 'common', initAsync: false, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('the risk headline on the debtor page', () => {
  const headline = (language: Language) => {
    const t = translator(language);
    return t('debtor:risk.outOf', { level: t('debtor:risk.level.high') });
  };

  it('names the band in lower case inside the sentence, in every language', () => {
    expect(headline('nl')).toBe('van 100 · hoog risico');
    expect(headline('sv')).toBe('av 100 · hög risk');
    expect(headline('en')).toBe('out of 100 · high risk');
  });
});

describe('a passed insurer deadline on the dunning worklist', () => {
  const passed = (language: Language) => {
    const t = translator(language);
    return t('dunning:worklist.deadlinePassed', { deadline: t('dunning:deadlines.overdue-notification'), date: '3 maart 2026', count: 2 });
  };

  it('keeps the task (a command) apart from what happened to its deadline', () => {
    expect(passed('nl')).toBe('Achterstand melden bij de verzekeraar: de termijn is op 3 maart 2026 verstreken (2 dagen geleden)');
    expect(passed('nl')).not.toMatch(/verzekeraar verstreken/);
    expect(passed('sv')).toBe('Anmäl förfallna fakturor till försäkringsbolaget: fristen gick ut den 3 maart 2026 (för 2 dagar sedan)');
    expect(passed('en')).toBe('Notify the insurer of the overdue invoices: the deadline passed on 3 maart 2026 (2 days ago)');
  });
});

describe('a limit decision on the debtor’s timeline', () => {
  const line = (language: Language) => {
    const t = translator(language);
    return t('debtor:timeline.limit', { status: t('limits:stateInSentence.APPROVED'), amount: '€ 10.000,00' });
  };

  it('has the decision in lower case after the word limit', () => {
    expect(line('nl')).toBe('Limiet goedgekeurd: € 10.000,00');
    expect(line('sv')).toBe('Kreditlimit beviljad: € 10.000,00');
    expect(line('en')).toBe('Limit approved: € 10.000,00');
  });
});

describe('the mapping step’s line when it recognises an ERP’s columns', () => {
  const presets = [...ERP_PRESETS, ...CUSTOMER_PRESETS].map((preset) => preset.name);

  it('reads as English for every ERP Kredo knows: never “a AFAS Profit export”', () => {
    const t = translator('en');
    for (const preset of presets) {
      for (const line of [t('imports:mapping.presetApplied', { preset }), t('imports:mapping.customerPresetApplied', { preset })]) {
        expect(line, line).not.toMatch(/\ba [AEIOU]/);
        expect(line).toContain(preset);
      }
    }
  });
});
