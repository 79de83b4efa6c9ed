/**
 * cyrb53, a public-domain 53-bit string hash: fast, well mixed and the same on every computer, for ids and
 * fingerprints that must follow from content (a consolidated dunning entry's id, an imported row's content).
 * Not cryptographic: use it where a chance collision (about 1 in 2^53) is harmless, never against an attacker.
 */
export function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * cyrb53 over several values without joining them into one string first: a million-row import hashes ten
 * fields per row, and the joined strings were a large share of its garbage. Each value is followed by a
 * U+0000 separator (as a join would), a number is mixed in as its two 32-bit halves. Reset before each use.
 */
export class Cyrb53Stream {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  reset(): this {
    this.h1 = 0xdeadbeef;
    this.h2 = 0x41c6ce57;
    return this;
  }

  private mix(code: number): void {
    this.h1 = Math.imul(this.h1 ^ code, 2654435761);
    this.h2 = Math.imul(this.h2 ^ code, 1597334677);
  }

  text(value: string): this {
    // The state in locals while the characters are mixed in (as mix does, one at a time), not two field
    // writes per character: a million-row import hashes some 70 million characters.
    let { h1, h2 } = this;
    for (let index = 0; index < value.length; index += 1) {
      const code = value.charCodeAt(index);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.mix(0);
    return this;
  }

  /** A number (an amount in minor units: an integer within ±2^53), or nothing, told apart from 0 and ''. */
  number(value: number | undefined): this {
    if (value !== undefined) {
      this.mix(1);
      this.mix(value | 0);
      this.mix(Math.floor(value / 4294967296) | 0);
    }
    this.mix(0);
    return this;
  }

  digest(): number {
    const h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}
