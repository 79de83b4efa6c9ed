import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BankTransaction } from '../../../shared/import/bank-transaction';
import { camtStatement } from '../../../tests/bench/tools/camt-statement';
import { hostileBankFiles } from '../../../tests/support/hostile-inputs';
import { expectTranslatedRefusal, fuzzOptions } from '../../../tests/support/fuzz';
import { decodeText } from './decode-text';
import { CAMT_LIMITS, CAMT_REPEATED, parseCamt, readCamtTree } from './formats/camt';
import { DEFAULT_XML_LIMITS, parseSafeXml } from './safe-xml';
import { readXmlTree } from './stream-xml';

/**
 * The camt reader moved from fast-xml-parser to saxes (issue 14). The oracle is the parser it replaced,
 * parseSafeXml, which UBL still uses: on every XML file of tests/fixtures/imports (bank files and
 * e-invoices from the published specs, and the hostile ones) both give the same tree or the same refusal,
 * and every camt fixture yields the same lines read either way. Fuzzing (fast-check: random bytes,
 * truncations, mutations) holds that saxes never crashes or hangs, only refuses with a translated message
 * naming the file, and that where both parsers read a mutated file they read the same tree.
 */
const FIXTURES = path.resolve('tests/fixtures/imports');
const XML_FIXTURES = readdirSync(FIXTURES).filter((name) => name.endsWith('.xml'));
const CAMT_FIXTURES = XML_FIXTURES.filter((name) => name.startsWith('camt'));
const REPEATED = CAMT_REPEATED;
const textOf = (name: string) => decodeText(new Uint8Array(readFileSync(path.join(FIXTURES, name)))).text;

/** A tree as plain data (saxes' nodes have no prototype), or the refusal's code. */
function outcome(read: () => unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(read()));
  } catch (error) {
    return { refused: (error as { code?: unknown }).code ?? String(error) };
  }
}

const viaSaxes = (text: string, limits = CAMT_LIMITS) => outcome(() => readXmlTree(text, 'f.xml', REPEATED, limits));
const viaFastXml = (text: string, limits = CAMT_LIMITS) => outcome(() => parseSafeXml(text, 'f.xml', REPEATED, limits));

describe('readXmlTree against fast-xml-parser (the oracle)', () => {
  it('finds the fixtures it compares', () => {
    expect(CAMT_FIXTURES.length).toBeGreaterThanOrEqual(4);
    expect(XML_FIXTURES.length).toBeGreaterThan(CAMT_FIXTURES.length);
  });

  for (const name of XML_FIXTURES) {
    it(`reads ${name} into the same tree, or refuses it the same way`, () => {
      const text = textOf(name);
      expect(viaSaxes(text, DEFAULT_XML_LIMITS)).toEqual(viaFastXml(text, DEFAULT_XML_LIMITS));
    });
  }

  for (const name of CAMT_FIXTURES) {
    it(`yields the same lines, balances and refusals from ${name} as the fast-xml-parser reading`, () => {
      const text = textOf(name);
      const oracle = readCamtTree(parseSafeXml(text, name, REPEATED, CAMT_LIMITS), text, name);
      const lines = parseCamt(text, name);
      expect(lines.statements.flatMap((statement) => statement.transactions).length).toBeGreaterThan(0);
      expect(lines).toEqual(oracle);
    });
  }

  it('reads the hostile bank files the same way', () => {
    const camtFiles = Object.values(hostileBankFiles).filter((file) => file.format === 'camt');
    expect(camtFiles.length).toBeGreaterThanOrEqual(3);
    for (const file of camtFiles) {
      const text = file.build();
      const refusal = viaSaxes(text);
      expect(refusal, file.name).toEqual({ refused: expect.stringMatching(/^import\.xml/) });
      expect(refusal, file.name).toEqual(viaFastXml(text));
    }
  });

  it('reads a statement with escaped text, CDATA, comments, prefixes and attributes like fast-xml-parser', () => {
    const lines = Array.from({ length: 40 }, (_, index) => ({
      bankReference: `R&D <${index}>`,
      bookingDate: '2026-11-24',
      valueDate: '2026-11-25',
      amountMinor: 100 + index,
      currency: index % 3 === 0 ? 'SEK' : 'EUR',
      counterpartyName: `"Åkesson" & Söner ${index}`,
      structuredReference: index % 2 ? `RF18 ${index}` : '',
      remittance: `  Faktura ${index}  `,
    })) as unknown as BankTransaction[];
    const statement = camtStatement(lines)
      .replace('<GrpHdr>', '<!-- header --><GrpHdr>')
      .replace('<MsgId>BENCH</MsgId>', '<MsgId><![CDATA[BENCH <1>]]></MsgId><n:Extra xmlns:n="urn:x" n:kind=" a ">x</n:Extra>');
    expect(viaSaxes(statement)).toEqual(viaFastXml(statement));
    expect(parseCamt(statement, 'f.xml')).toEqual(readCamtTree(parseSafeXml(statement, 'f.xml', REPEATED, CAMT_LIMITS), statement, 'f.xml'));
  });

  it('gives an element named like an Object property no way into the prototype', () => {
    const tree = readXmlTree('<Document><__proto__><polluted>yes</polluted></__proto__><constructor>c</constructor></Document>', 'f.xml', REPEATED, CAMT_LIMITS);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.parse(JSON.stringify(tree))).toEqual({ Document: { ['__proto__']: { polluted: 'yes' }, constructor: 'c' } });
  });
});

/** Characters XML gives meaning to, so mutations hit the parser's decisions, not only the text. */
const SIGNIFICANT = [...'<>/="\'&;!?[]-: \n#x0123456789ABCDEFabcdef'];
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'duplicate'),
  character: fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ minLength: 1, maxLength: 1 })),
  length: fc.integer({ min: 1, max: 40 }),
});

function mutate(text: string, mutations: readonly { at: number; kind: string; character: string; length: number }[]): string {
  let result = text;
  for (const { at, kind, character, length } of mutations) {
    const index = result.length === 0 ? 0 : at % result.length;
    if (kind === 'delete') result = result.slice(0, index) + result.slice(index + length);
    else if (kind === 'insert') result = result.slice(0, index) + character.repeat(length % 3 === 0 ? length : 1) + result.slice(index);
    else if (kind === 'duplicate') result = result.slice(0, index + length) + result.slice(index, index + length) + result.slice(index + length);
    else result = result.slice(0, index) + character + result.slice(index + 1);
  }
  return result;
}

/** Never a crash: a tree, or a translated refusal naming the file. */
function readsOrRefuses(text: string): void {
  try {
    readXmlTree(text, 'fuzzed.xml', REPEATED, CAMT_LIMITS);
  } catch (error) {
    expectTranslatedRefusal(error, { file: 'fuzzed.xml', namespace: 'import' });
  }
}

describe('readXmlTree fuzz', () => {
  it('fuzz: random bytes end in a tree or a translated refusal', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3_000 }), (bytes) => readsOrRefuses(decodeText(bytes).text)),
      fuzzOptions(100),
    );
  });

  for (const name of CAMT_FIXTURES) {
    const text = textOf(name);
    it(`fuzz ${name}: every truncation ends in a tree or a translated refusal`, () => {
      fc.assert(
        fc.property(fc.nat({ max: text.length }), (length) => readsOrRefuses(text.slice(0, length))),
        fuzzOptions(60),
      );
    });

    // Where both parsers take a mutated file, it yields the same lines (or the same refusal) either way; the
    // trees may differ where camt does not look (a processing instruction `<?ml …?>` is a node to one only).
    it(`fuzz ${name}: a mutated file is refused, or yields the lines the fast-xml-parser reading yields`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
          const mutated = mutate(text, mutations);
          readsOrRefuses(mutated);
          const streamed = outcome(() => readXmlTree(mutated, name, REPEATED, CAMT_LIMITS));
          const oracle = outcome(() => parseSafeXml(mutated, name, REPEATED, CAMT_LIMITS));
          if ('refused' in (streamed as object) || 'refused' in (oracle as object)) return;
          expect(outcome(() => parseCamt(mutated, name))).toEqual(outcome(() => readCamtTree(parseSafeXml(mutated, name, REPEATED, CAMT_LIMITS), mutated, name)));
        }),
        fuzzOptions(80),
      );
    });
  }
});
