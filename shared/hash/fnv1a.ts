/**
 * FNV-1a, 32 bits: the hash in bank lines' stored ids (bankTransactionId, bankLineId). Short and the same in
 * every process; those ids are stored, so it must never change. Not for anything an attacker chooses to collide.
 */
export function fnv1a32(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value;
}
