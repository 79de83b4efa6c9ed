import { transferHandlers, type TransferHandler } from 'comlink';
import { KredoError } from '../../../../shared/errors/kredo-error';

interface SerializedThrow {
  readonly isError: boolean;
  readonly value: Record<string, unknown>;
}

type ThrowHandler = TransferHandler<{ value: unknown }, SerializedThrow>;
type Coded = Error & { readonly code: string; readonly params?: unknown };

/**
 * Comlink's 'throw' handler with an error's code and parameters kept both ways: `isCoded` says which errors
 * carry a code worth keeping, `rebuild` makes the error a code arrives as on this side. A callback the UI
 * gives the worker (queueing an e-mail, say) throws across too, so each side needs both halves: without the
 * UI's half, "still in the outbox, use Send again" reached the screen as "something went wrong" (issue 16).
 */
export function codedThrowHandler(base: ThrowHandler, isCoded: (error: unknown) => error is Coded, rebuild: (code: string, params: unknown) => Error): ThrowHandler {
  return {
    canHandle: base.canHandle,
    serialize(thrown: { value: unknown }) {
      const [serialized, transferables] = base.serialize(thrown);
      const error = thrown.value;
      if (isCoded(error)) return [{ ...serialized, value: { ...serialized.value, code: error.code, params: error.params } }, transferables];
      return [serialized, transferables];
    },
    deserialize(serialized: SerializedThrow) {
      const { code, params } = serialized.value ?? {};
      if (serialized.isError && typeof code === 'string') throw rebuild(code, params);
      return base.deserialize(serialized);
    },
  };
}

/**
 * Comlink sends a thrown Error across as its message, name and stack only. This keeps a KredoError's
 * code and parameters too, so the UI can show "the backup is damaged" or "file X, row 7" in the user's
 * language instead of the generic message (the UI turns it back with toStoreError); a coded error thrown by
 * a UI callback arrives here as a KredoError, so it goes back to the UI with its code. Call once in the worker.
 */
export function keepErrorCodesAcrossComlink(): void {
  const base = transferHandlers.get('throw') as ThrowHandler;
  transferHandlers.set('throw', codedThrowHandler(base, (error): error is Coded => error instanceof KredoError, (code, params) => new KredoError(code, params as ConstructorParameters<typeof KredoError>[1])));
}
