/**
 * A short fingerprint of a set of ids (order does not matter), so a consolidated entry's id follows from
 * what it is about: the same invoices give the same id on every run, on every computer. cyrb53, a public
 * domain 53-bit string hash: two different sets of one debtor's invoices colliding is not a practical risk.
 */
export function fingerprintOf(ids: readonly string[]): string {
  const text = [...ids].sort().join('\n');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
