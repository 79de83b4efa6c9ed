import { describe, expect, it } from 'vitest';
import { isScreen, screenForShortcutDigit } from './screens';

describe('screen shortcuts', () => {
  it('maps digits 1–6 to the work screens in navigation order', () => {
    expect([1, 2, 3, 4, 5, 6].map(screenForShortcutDigit)).toEqual(['portfolio', 'limits', 'ageing', 'dunning', 'sync', 'imports']);
  });

  it('has no screen for 0, 7 and higher, or non-digits', () => {
    expect(screenForShortcutDigit(0)).toBeUndefined();
    expect(screenForShortcutDigit(7)).toBeUndefined();
    expect(screenForShortcutDigit(Number.NaN)).toBeUndefined();
  });

  it('recognises screen names', () => {
    expect(isScreen('settings')).toBe(true);
    expect(isScreen('admin')).toBe(false);
  });
});
