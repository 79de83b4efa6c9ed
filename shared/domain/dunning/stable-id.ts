import { cyrb53 } from '../../hash/cyrb53';

/**
 * A short fingerprint of a set of ids (order does not matter), so a consolidated entry's id follows from
 * what it is about: the same invoices give the same id on every run, on every computer. Two different sets
 * of one debtor's invoices colliding under a 53-bit hash is not a practical risk.
 */
export function fingerprintOf(ids: readonly string[]): string {
  return cyrb53([...ids].sort().join('\n')).toString(36);
}
