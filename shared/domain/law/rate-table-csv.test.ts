import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { checkRateFile } from './rate-table-csv';

const context = { today: toIsoDate('2026-12-06'), userRows: [], at: '2026-12-06T09:00:00Z', confirmed: false };

describe('a rates file', () => {
  it('reads table,from,rate,source with commas or semicolons and decimal commas, each row checked', () => {
    const comma = checkRateFile('table,from,rate,source\nSE_REFERENSRANTA,2026-07-01,"2,00",riksbank.se\nuk,2026-08-06,3.75,\n', context);
    expect(comma.problems).toEqual([]);
    expect(comma.rows.map(({ kind, validFrom, rateBp, source }) => [kind, validFrom, rateBp, source])).toEqual([
      ['SE_REFERENSRANTA', '2026-07-01', 200, 'riksbank.se'],
      ['UK_BASE_RATE', '2026-08-06', 375, ''],
    ]);
    const semicolon = checkRateFile('\uFEFFTable;From;Rate;Source\r\nNL_HANDELSRENTE;2027-01-01;10,40;dnb.nl\r\n', context);
    expect(semicolon.rows.map((row) => row.rateBp)).toEqual([1040]);
  });

  it('lets a row count for the rows after it: both half-years of a year in one file', () => {
    const file = checkRateFile('table,from,rate,source\nSE,2026-07-01,2.00,a\nSE,2027-01-01,2.50,b\n', { ...context, today: toIsoDate('2026-12-31') });
    expect(file.problems).toEqual([]);
    expect(file.rows).toHaveLength(2);
  });

  it('imports nothing when a row is wrong, naming each line and problem', () => {
    const file = checkRateFile('table,from,rate,source\nSE,2026-07-01,2.00,ok\nNL,2026-12-01,-1,bad\nXX,2026-07-01,2,\nSE,2026-07-01,2.00,twice\n', context);
    expect(file.rows).toEqual([]);
    expect(file.problems.map(({ line, field, code }) => [line, field, code])).toEqual([
      [3, 'validFrom', 'notHalfYearStart'],
      [3, 'rate', 'belowMinimum'],
      [4, 'kind', 'unknownTable'],
      [5, 'validFrom', 'overlap'],
    ]);
    expect(checkRateFile('kind,date,value\nSE,2026-07-01,2', context).problems).toMatchObject([{ line: 1, code: 'badHeader' }]);
    expect(checkRateFile('table,from,rate,source\n', context).problems).toMatchObject([{ line: 1, code: 'noRows' }]);
  });
});
