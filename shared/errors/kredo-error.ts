import type { ErrorParams, SerializedError } from '../ipc/ipc-result';

/**
 * An error the user should read. `code` is a key in the `errors` namespace of the locales, so the message
 * appears in the user's language wherever it is shown; `params` fill the message's placeholders (a file
 * name, a row number, a field).
 */
export class KredoError extends Error {
  readonly code: string;
  readonly params: ErrorParams | undefined;

  constructor(code: string, params?: ErrorParams, options?: { cause?: unknown }) {
    super(params ? `${code} ${JSON.stringify(params)}` : code, options);
    this.name = 'KredoError';
    this.code = code;
    this.params = params;
  }

  toSerialized(): SerializedError {
    return this.params ? { code: this.code, params: this.params } : { code: this.code };
  }
}

/** The code shown when something failed that the user cannot act on; details go to the log file. */
export const INTERNAL_ERROR_CODE = 'internal';

export function serializeError(error: unknown): SerializedError {
  return error instanceof KredoError ? error.toSerialized() : { code: INTERNAL_ERROR_CODE };
}
