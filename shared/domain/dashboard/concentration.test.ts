import { describe, expect, it } from 'vitest';
import { exposureConcentration } from './concentration';

describe('exposureConcentration', () => {
  it('lists the ten largest exposures with their share of the total', () => {
    // D01 … D12 owe €1,000.00 … €12,000.00; €78,000.00 in all, plus one debtor owing nothing.
    const exposures = Array.from({ length: 12 }, (_, index) => ({ debtorId: `D${String(index + 1).padStart(2, '0')}`, exposureMinor: (index + 1) * 100_000 }));
    const result = exposureConcentration([...exposures, { debtorId: 'D00', exposureMinor: 0 }]);
    expect(result.totalExposureMinor).toBe(7_800_000);
    expect(result.top.map((entry) => entry.debtorId)).toEqual(['D12', 'D11', 'D10', 'D09', 'D08', 'D07', 'D06', 'D05', 'D04', 'D03']);
    // 12,000 / 78,000 = 15.384…% → 1538 bp; 3,000 / 78,000 = 3.846…% → 385 bp.
    expect(result.top[0]).toEqual({ debtorId: 'D12', exposureMinor: 1_200_000, shareBp: 1538 });
    expect(result.top[9]).toEqual({ debtorId: 'D03', exposureMinor: 300_000, shareBp: 385 });
    // The top ten hold €75,000.00 of €78,000.00: 96.153…% → 9615 bp.
    expect(result.topExposureMinor).toBe(7_500_000);
    expect(result.topShareBp).toBe(9615);
  });

  it('rounds the top share once from the sum, not from the rounded shares', () => {
    const result = exposureConcentration([{ debtorId: 'A', exposureMinor: 1 }, { debtorId: 'B', exposureMinor: 1 }, { debtorId: 'C', exposureMinor: 1 }], 2);
    expect(result.top.map((entry) => entry.shareBp)).toEqual([3333, 3333]);
    expect(result.topShareBp).toBe(6667);
  });

  it('breaks ties by debtor id and copes with a portfolio without exposure', () => {
    expect(exposureConcentration([{ debtorId: 'B', exposureMinor: 5 }, { debtorId: 'A', exposureMinor: 5 }]).top.map((entry) => entry.debtorId)).toEqual(['A', 'B']);
    expect(exposureConcentration([{ debtorId: 'A', exposureMinor: 0 }])).toEqual({ totalExposureMinor: 0, top: [], topExposureMinor: 0, topShareBp: 0 });
  });
});
