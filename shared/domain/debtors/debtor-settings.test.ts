import { describe, expect, it } from 'vitest';
import { changedSettings, validateDebtorSettings } from './debtor-settings';

describe('debtor settings', () => {
  it('accepts a known language, law and country, and trims the segment', () => {
    expect(validateDebtorSettings({ country: 'DE', language: 'en', jurisdiction: 'EU', segment: '  key account ' })).toEqual({ ok: true, value: { country: 'DE', language: 'en', jurisdiction: 'EU', segment: 'key account' } });
  });

  it('names every field that is wrong, for the form to show next to it', () => {
    const result = validateDebtorSettings({ country: 'Nederland', language: 'de', jurisdiction: 'FR', segment: 'x'.repeat(41) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.field, error.code])).toEqual([
      ['country', 'invalid_format'],
      ['language', 'invalid_value'],
      ['jurisdiction', 'invalid_value'],
      ['segment', 'too_big'],
    ]);
    expect(result.errors[3]!.params).toEqual({ maximum: 40 });
  });

  it('lists what changed, before and after, for the audit trail', () => {
    const before = { country: 'ZZ', language: 'en', jurisdiction: 'EU', segment: '' } as const;
    expect(changedSettings(before, { ...before, country: 'SE', jurisdiction: 'SE' })).toEqual({ country: 'SE', countryBefore: 'ZZ', jurisdiction: 'SE', jurisdictionBefore: 'EU' });
    expect(changedSettings(before, before)).toEqual({});
  });
});
