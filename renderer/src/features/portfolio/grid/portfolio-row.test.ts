import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_POLICY } from '../../../../../shared/domain/dunning/credit-policy';
import { demoPolicy, handledAction } from '../../../../../shared/domain/dunning/test-dunning';
import { testSummary } from '../../../../../shared/domain/summaries/test-summary';
import { toIsoDate } from '../../../../../shared/time/iso-date';
import type { StoredDebtor } from '../../../data/db/schema';
import { buildPortfolioRows } from './portfolio-row';

const debtor = (id: string, segment = 'standard'): StoredDebtor => ({
  id, chunkId: 0, customerCode: `C-${id}`, name: `Debtor ${id}`, country: 'NL', currency: 'EUR', paymentTermsDays: 30, language: 'nl', jurisdiction: 'NL',
  identifiers: [], contacts: [], segment, createdOn: toIsoDate('2025-01-01'),
});
const summary = (id: string, oldestDueDate: string | undefined) => ({ ...testSummary({ debtorId: id, open: oldestDueDate ? 100_000 : 0, overdue: oldestDueDate ? 100_000 : 0 }), oldestDueDate: oldestDueDate === undefined ? undefined : toIsoDate(oldestDueDate) });

describe('the Portfolio’s Next action column', () => {
  it('shows each debtor’s next dunning step and its date from its summary and last step, not “–” for everyone', () => {
    const rows = buildPortfolioRows({
      debtorChunks: [{ chunkId: 0, debtors: [debtor('1'), debtor('2'), debtor('3'), debtor('4', 'key-account')] }],
      summaryChunks: [{ chunkId: 0, asOf: toIsoDate('2026-11-24'), summaries: [summary('1', '2026-10-01'), summary('2', '2026-10-01'), summary('3', undefined), summary('4', '2026-11-20')] }],
      dunningActions: [handledAction('2', 'reminder-1', ['2|A'], '2026-10-07'), handledAction('2', 'phone-call', ['2|A'], '2026-10-15')],
      creditPolicy: DEFAULT_CREDIT_POLICY,
      insurancePolicy: demoPolicy,
    });
    const next = Object.fromEntries(rows.map((row) => [row.debtorId, row.nextAction]));
    expect(next).toEqual({
      '1': { step: 'reminder-1', on: '2026-10-06' },
      '2': { step: 'reminder-2', on: '2026-10-22' },
      '3': undefined,
      '4': { step: 'reminder-1', on: '2026-11-30' },
    });
    expect(rows.find((row) => row.debtorId === '2')?.dunningStage).toBe('phone-call');
  });
});
