import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cyrb53, Cyrb53Stream } from './cyrb53';

describe('Cyrb53Stream', () => {
  // Each value is followed by U+0000, as a join would: the stream of texts is cyrb53 of the joined text.
  it('hashes texts as cyrb53 hashes them joined, each followed by U+0000 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }), (texts) => {
        const stream = new Cyrb53Stream();
        for (const text of texts) stream.text(text);
        expect(stream.digest()).toBe(cyrb53(texts.map((text) => `${text}\u0000`).join('')));
      }),
      { numRuns: 2_000 },
    );
  });

  it('starts again after a reset', () => {
    const stream = new Cyrb53Stream();
    const first = stream.text('Bakker Bouw B.V.').number(123_456).digest();
    stream.reset().text('something else');
    expect(stream.reset().text('Bakker Bouw B.V.').number(123_456).digest()).toBe(first);
  });
});
