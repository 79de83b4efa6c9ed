import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { buildLetterContent } from '../../letters/letter-content';
import { dutchFormalNotice } from '../../letters/letter-test-cases.test-support';
import { letterTranslator } from '../../letters/letter-translator';
import { kredoWording } from './kredo-wording';
import { sampleLetterInput } from './letter-text-sample';

const { creditor } = dutchFormalNotice;

describe('the grey hint of the greeting under Settings › Letter texts', () => {
  it('shows the greeting Kredo writes to a named contact, not only the one for letters without a contact', () => {
    expect(kredoWording('en', 'reminder-1').salutation).toBe('Dear {contactName}, / Dear Sir or Madam,');
    expect(kredoWording('nl', 'reminder-1').salutation).toBe('Geachte {contactName}, / Geachte heer, mevrouw,');
    expect(kredoWording('sv', 'reminder-1').salutation).toBe('Hej {contactName}, / Hej,');
  });

  it('matches the greeting of the sample letter beside it, which is written to a named contact', () => {
    for (const language of ['en', 'nl', 'sv'] as const) {
      const input = sampleLetterInput({ language, step: 'reminder-2', creditor, today: toIsoDate('2026-12-07'), texts: {}, debtor: { name: 'Harrow Ltd', contactName: 'Anna Berg', addressLines: ['1 High Street'] } });
      const greeting = buildLetterContent(input, letterTranslator(language)).salutation;
      expect(kredoWording(language, 'reminder-2').salutation.replace('{contactName}', 'Anna Berg')).toContain(greeting);
    }
  });
});
