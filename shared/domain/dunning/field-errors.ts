import type { z } from 'zod';

/**
 * One reason an edited policy or plan was refused, naming the field as a dotted path
 * ("ladders.standard.steps.2.waitDays") so the editor can put the message next to that input. `code` is
 * stable for translation (zod's issue code, or our own reason for rules across fields); `message` is
 * zod's English text, for logs only: the UI shows its own translation of `code`.
 */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Our own reasons travel in a custom issue's params: `{ reason: 'sumMismatch', … }`. */
function toFieldError(issue: z.core.$ZodIssue): FieldError {
  // Bounds travel too, so the editor can say "at least 1" in the user's language.
  const bounds: Record<string, unknown> | undefined = issue.code === 'too_small' ? { minimum: Number(issue.minimum) } : issue.code === 'too_big' ? { maximum: Number(issue.maximum) } : undefined;
  const params: Record<string, unknown> | undefined = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : bounds;
  const reason = typeof params?.['reason'] === 'string' ? params['reason'] : undefined;
  return {
    field: issue.path.map(String).join('.'),
    code: reason ?? issue.code ?? 'invalid',
    message: issue.message,
    ...(params && { params }),
  };
}

/** Parses `input` with `schema`: the typed value, or every problem at once (an editor shows them all). */
export function validateWith<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map(toFieldError) };
}
