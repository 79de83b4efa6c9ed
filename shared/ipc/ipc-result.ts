/**
 * What crosses the IPC boundary for every call: a value or a serialised error. Errors travel as data
 * because Electron flattens a thrown error to a prefixed message string, and the renderer needs the code
 * and parameters to show a translated message.
 */
export type ErrorParams = Readonly<Record<string, string | number>>;

export interface SerializedError {
  /** A key in the `errors` namespace, for example `ipc.invalidRequest`. */
  readonly code: string;
  readonly params?: ErrorParams;
}

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SerializedError };
