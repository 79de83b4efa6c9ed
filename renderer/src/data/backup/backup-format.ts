import type { BackupReason } from '../../../../shared/ipc/contract';

/**
 * A Kredo backup: gzip-compressed JSON lines. The first line is the header; each further line is one
 * record, `{"t": table, "v": value}`. Typed arrays (the ledger columns) are written as
 * `{"$typed": "Float64Array", "base64": "…"}`, since JSON has no binary type.
 */
export const BACKUP_FORMAT = 'kredo-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly schemaVersion: number;
  readonly createdAt: string;
  readonly reason: BackupReason;
  /** Records per table, checked again on restore. */
  readonly counts: Readonly<Record<string, number>>;
  /** Debtors in the backup, to show what it holds. */
  readonly debtors: number;
}

export interface BackupLine {
  readonly t: string;
  readonly v: unknown;
}

const TYPED_ARRAYS = { Int32Array, Float64Array, Uint8Array, Uint16Array, Uint32Array, Int8Array, Int16Array, Float32Array } as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** JSON.stringify replacer: typed arrays become tagged base64. */
export function encodeTyped(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name as TypedArrayName;
    if (name in TYPED_ARRAYS) return { $typed: name, base64: bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  return value;
}

/** JSON.parse reviver: tagged base64 becomes the typed array again. */
export function decodeTyped(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && '$typed' in value && 'base64' in value) {
    const { $typed, base64 } = value as { $typed: string; base64: string };
    const Type = TYPED_ARRAYS[$typed as TypedArrayName];
    if (!Type) throw new Error(`Unknown typed array ${$typed}`);
    const bytes = base64ToBytes(base64);
    return new Type(bytes.buffer, 0, bytes.byteLength / Type.BYTES_PER_ELEMENT);
  }
  return value;
}
