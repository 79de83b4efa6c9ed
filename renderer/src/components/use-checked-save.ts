import { useState } from 'react';
import type { FieldError } from '../../../shared/domain/dunning/field-errors';
import { useErrorMessage } from '../i18n/use-error-message';

/**
 * Saving a form whose input the data worker checks and that closes once saved (the debtor's settings, its
 * contacts and addresses, a payment plan): `save` runs `submit`, keeps the field problems it returns in
 * `errors` (for useFieldProblems) and calls `onDone` when there were none; a failure of the call itself is
 * `failure`, in the user's language. `isSaving` is true meanwhile, so the save button can wait.
 */
export function useCheckedSave(submit: () => Promise<{ readonly errors: readonly FieldError[] }>, onDone: () => void) {
  const errorMessage = useErrorMessage();
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [failure, setFailure] = useState<string>();
  const [isSaving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setFailure(undefined);
    try {
      const result = await submit();
      setErrors(result.errors);
      if (result.errors.length === 0) onDone();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return { errors, failure, isSaving, save };
}
