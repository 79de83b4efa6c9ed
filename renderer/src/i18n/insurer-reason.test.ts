import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { LOCALE_RESOURCES } from '../../../locales/resources';
import type { Language } from '../../../shared/i18n/languages';
import { insurerReasonText } from './insurer-reason';

function i18nIn(language: Language) {
  const instance = createInstance();
  void instance.init({ resources: LOCALE_RESOURCES, lng: language, fallbackLng: 'en', ns: ['debtor'], defaultNS: 'debtor', initAsync: false, interpolation: { escapeValue: false } });
  return instance;
}

describe('an insurer reason on a Dutch or Swedish screen', () => {
  const refused = { code: 'GRADE', description: 'Buyer grade too weak: no cover available' };

  it('is translated by its code, not shown in the insurer’s English', () => {
    expect(insurerReasonText(refused, i18nIn('nl'))).toBe('De rating van de debiteur is te zwak voor dekking');
    expect(insurerReasonText(refused, i18nIn('sv'))).toBe('Kundens riskklass är för svag för täckning');
    expect(insurerReasonText({ code: 'SUPPLY_BAN', description: 'Stop supplies: deliveries from 2026-03-01 are not covered' }, i18nIn('nl'))).not.toMatch(/deliveries/);
  });

  it('without a known code keeps the insurer’s own words and says whose they are', () => {
    const unknown = { code: 'XY9', description: 'Awaiting audited accounts' };
    expect(insurerReasonText(unknown, i18nIn('nl'))).toBe('Awaiting audited accounts (XY9, tekst van de verzekeraar)');
    expect(insurerReasonText(unknown, i18nIn('sv'))).toBe('Awaiting audited accounts (XY9, försäkringsbolagets text)');
    expect(insurerReasonText({ code: '', description: 'Awaiting audited accounts' }, i18nIn('nl'))).toBe('Awaiting audited accounts (tekst van de verzekeraar)');
  });
});
