import { describe, expect, it } from 'vitest';
import type { DunningLetterInput } from './dunning-letter';
import { buildLetterContent, type LetterContent } from './letter-content';
import { unknownPlaceholders } from './letter-free-texts';
import { letterPlainText } from './letter-plain-text';
import { letterTranslator } from './letter-translator';
import { dutchFormalNotice } from './letter-test-cases.test-support';

const build = (input: DunningLetterInput): LetterContent => buildLetterContent(input, letterTranslator(input.language));
const dutchReminder: DunningLetterInput = { ...dutchFormalNotice, step: 'reminder-1', costs: [] };

describe('the controller’s own salutation, opening and closing', () => {
  it('replace Kredo’s wording of a reminder, with the placeholders filled in, while the request, figures and payment details stay generated', () => {
    const standard = build(dutchReminder);
    const own = build({
      ...dutchReminder,
      texts: {
        salutation: 'Beste {contactName},',
        opening: 'Wij zien dat {debtorName} (klant {customerCode}) per {date} nog facturen open heeft staan.',
        closing: 'Vragen? Bel {creditorName} op {phone} of mail {email}.',
      },
    });
    expect(own.salutation).toBe('Beste mevrouw J. de Vries,');
    expect(own.opening[0]).toBe('Wij zien dat Bakkerij De Gouden Korenschoof B.V. (klant K-10023) per 2 maart 2026 nog facturen open heeft staan.');
    expect(own.opening.slice(1)).toEqual(standard.opening.slice(1));
    expect(own.closing.at(-1)).toBe('Vragen? Bel Van der Berg Technische Groothandel B.V. op 010 123 45 67 of mail debiteuren@vanderberg-tg.nl.');
    expect(own.closing.slice(0, -1)).toEqual(standard.closing.slice(0, -1));
    expect(own.totals).toEqual(standard.totals);
    expect(own.table).toEqual(standard.table);
    expect(letterPlainText(own, '')).toContain('Wij zien dat Bakkerij De Gouden Korenschoof B.V.');
  });

  it('keep the statement of default of a Dutch formal notice: an own opening comes before it, never instead', () => {
    const standard = build(dutchFormalNotice);
    const own = build({ ...dutchFormalNotice, texts: { opening: 'Wij hebben nog steeds niets van u gehoord.' } });
    expect(own.opening).toEqual(['Wij hebben nog steeds niets van u gehoord.', ...standard.opening]);
    expect(own.opening.join(' ')).toContain('stellen wij u hierbij in gebreke');
  });

  it('fall back to Kredo’s text when left blank, and to “Geachte heer, mevrouw” when a greeting names a contact the debtor lacks', () => {
    const standard = build(dutchReminder);
    expect(build({ ...dutchReminder, texts: { opening: '   ', closing: '' } })).toEqual(standard);
    const anonymous = { ...dutchReminder, debtor: { name: dutchReminder.debtor.name, customerCode: 'K-10023', addressLines: dutchReminder.debtor.addressLines } };
    expect(build({ ...anonymous, texts: { salutation: 'Beste {contactName},' } }).salutation).toBe('Geachte heer, mevrouw,');
    expect(build({ ...anonymous, texts: { salutation: 'Aan {debtorName},' } }).salutation).toBe('Aan Bakkerij De Gouden Korenschoof B.V.,');
  });

  it('name each unknown placeholder once, so a typing slip is refused before it reaches a debtor', () => {
    expect(unknownPlaceholders('Beste {contactName}, {debtorNaam} en {debtorNaam} {bedrag} {}')).toEqual(['debtorNaam', 'bedrag', '']);
    expect(unknownPlaceholders('Beste {contactName}, per {date}')).toEqual([]);
  });
});
