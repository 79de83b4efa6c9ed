/**
 * FNV-1a, 32 bits: the hash in stored ids — bank lines' (bankTransactionId, bankLineId) and quarantined
 * insurer items' without an id of their own. Short and the same in every process; it must never change. Not for anything an attacker chooses to collide.
 */
export function fnv1a32(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value;
}
