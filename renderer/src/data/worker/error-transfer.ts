import { transferHandlers, type TransferHandler } from 'comlink';
import { KredoError } from '../../../../shared/errors/kredo-error';

interface SerializedThrow {
  readonly isError: boolean;
  readonly value: Record<string, unknown>;
}

/**
 * Comlink sends a thrown Error across as its message, name and stack only. This keeps a KredoError's
 * code and parameters too, so the UI can show "the backup is damaged" or "file X, row 7" in the user's
 * language instead of the generic message (the UI turns it back with toStoreError). Call once in the worker.
 */
export function keepErrorCodesAcrossComlink(): void {
  const base = transferHandlers.get('throw') as TransferHandler<{ value: unknown }, SerializedThrow>;
  transferHandlers.set('throw', {
    canHandle: base.canHandle,
    serialize(thrown: { value: unknown }) {
      const [serialized, transferables] = base.serialize(thrown);
      const error = thrown.value;
      if (error instanceof KredoError) return [{ ...serialized, value: { ...serialized.value, code: error.code, params: error.params } }, transferables];
      return [serialized, transferables];
    },
    deserialize: base.deserialize,
  } satisfies TransferHandler<{ value: unknown }, SerializedThrow>);
}
