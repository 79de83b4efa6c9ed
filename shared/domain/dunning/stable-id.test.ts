import { describe, expect, it } from 'vitest';
import { fingerprintOf } from './stable-id';

describe('the fingerprint of a set of ids', () => {
  it('is the same whatever the order, and differs when an invoice is added or changed', () => {
    const ids = ['d1|F-1', 'd1|F-2', 'd1|F-3'];
    expect(fingerprintOf([...ids].reverse())).toBe(fingerprintOf(ids));
    const others = [fingerprintOf(ids.slice(0, 2)), fingerprintOf([...ids, 'd1|F-4']), fingerprintOf(['d1|F-1', 'd1|F-2', 'd1|F-30'])];
    expect(new Set([fingerprintOf(ids), ...others]).size).toBe(4);
  });
});
