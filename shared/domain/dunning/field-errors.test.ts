import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateWith } from './field-errors';

const schema = z
  .object({ steps: z.array(z.object({ days: z.number().int() })), total: z.number() })
  .superRefine((value, ctx) => {
    if (value.total < 0) ctx.addIssue({ code: 'custom', path: ['total'], message: 'negative', params: { reason: 'negativeTotal', total: value.total } });
  });

describe('field errors', () => {
  it('name each wrong field as a dotted path, with zod\'s code or our own reason', () => {
    const result = validateWith(schema, { steps: [{ days: 1 }, { days: 'two' }], total: -1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map(({ field, code }) => [field, code])).toEqual([['steps.1.days', 'invalid_type']]);
    }
    const custom = validateWith(schema, { steps: [], total: -1 });
    expect(custom).toEqual({ ok: false, errors: [{ field: 'total', code: 'negativeTotal', message: 'negative', params: { reason: 'negativeTotal', total: -1 } }] });
  });
});
