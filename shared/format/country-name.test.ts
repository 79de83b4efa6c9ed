import { describe, expect, it } from 'vitest';
import { countryNamer } from './country-name';

describe('country names', () => {
  it('names a known code in the language asked for', () => {
    expect(countryNamer('nl', 'Onbekend land')('SE')).toBe('Zweden');
    expect(countryNamer('sv', 'Okänt land')('NL')).toBe('Nederländerna');
  });

  it('shows the translated "unknown country" for ZZ, never Intl’s "Unknown Region"', () => {
    expect(countryNamer('en', 'Unknown country')('ZZ')).toBe('Unknown country');
    expect(countryNamer('nl', 'Onbekend land')('ZZ')).toBe('Onbekend land');
    expect(countryNamer('sv', 'Okänt land')('')).toBe('Okänt land');
  });

  it('shows a code it cannot name as the code', () => {
    expect(countryNamer('en', 'Unknown country')('XK')).toBe('Kosovo');
    expect(countryNamer('en', 'Unknown country')('Holland')).toBe('Holland');
  });
});
