import { useId, type ReactNode } from 'react';
import type { FieldError } from '../../../shared/domain/dunning/field-errors';

export interface FieldProblem {
  /** For the input: marked invalid and described by the message, so a screen reader reads both. */
  readonly props: { readonly 'aria-invalid'?: true; readonly 'aria-describedby'?: string };
  /** The message to show next to the input, or nothing. */
  readonly message: ReactNode;
}

/**
 * Each form field's problem from a data-worker check (`FieldError`s by dotted path), ready to put next to
 * its input. `paths` maps a form field to the path its errors come back under (a nested path's errors count
 * too); `describe` says an error in the user's language.
 */
export function useFieldProblems<F extends string>(errors: readonly FieldError[], paths: Readonly<Record<F, string>>, describe: (error: FieldError) => string): Record<F, FieldProblem> {
  const id = useId();
  const problems = {} as Record<F, FieldProblem>;
  for (const field of Object.keys(paths) as F[]) {
    const path = paths[field];
    const error = errors.find((candidate) => candidate.field === path || candidate.field.startsWith(`${path}.`));
    const describedBy = `${id}-${field}-problem`;
    problems[field] = error ? { props: { 'aria-invalid': true, 'aria-describedby': describedBy }, message: <span id={describedBy} className="error-text">{describe(error)}</span> } : { props: {}, message: undefined };
  }
  return problems;
}
