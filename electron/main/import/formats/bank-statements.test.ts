import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSwedishOcr } from '../../../../shared/domain/references/swedish-ocr';
import { hostileBankFiles } from '../../../../tests/support/hostile-inputs';
import { mt940Statement as mt940 } from '../../../../tests/support/mt940-statement';
import { intradayReportFormat, sniffFormat } from '../sniff-format';
import { parseBankFile } from './bank-job';
import { parseBgMax } from './bgmax';
import { parseCamt } from './camt';
import { parseMt940 } from './mt940';

/** BgMax files are ISO-8859-1 (Bankgirot's Technical Manual), the others UTF-8. */
const fixture = (name: string) => readFile(path.resolve('tests/fixtures/imports', name), name.endsWith('.txt') ? 'latin1' : 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
const refused = (code: string, params: Record<string, unknown>) => expect.objectContaining({ code: `import.${code}`, params: expect.objectContaining(params) });
const amounts = (parsed: ReturnType<typeof parseMt940>) => parsed.statements.flatMap((statement) => statement.transactions.map((transaction) => transaction.amountMinor));

describe('a statement must be whole and add up (issue 12, item 6)', () => {
  it('refuses an MT940 file cut inside its last transaction, naming the statement', async () => {
    const text = await fixture('mt940-ing.sta');
    // Cut inside the last line's :86: — every line still reads, only the closing balance is gone.
    const cut = text.slice(0, text.indexOf('Kosten betalingsverkeer') + 6);
    expect(() => parseMt940(cut, 'cut.sta')).toThrow(refused('statementIncomplete', { file: 'cut.sta', statement: 'P261123000000001 / 00000' }));
  });

  it('refuses an MT940 statement whose lines do not add up to its closing balance, naming the difference', async () => {
    const text = (await fixture('mt940-ing.sta')).replace(/:61:2611231123C640,00[^]*?(?=:61:)/, '');
    expect(() => parseMt940(text, 'gap.sta')).toThrow(refused('statementUnbalanced', { file: 'gap.sta', statement: 'P261123000000001 / 00000', difference: 640, currency: 'EUR' }));
  });

  it('checks each message of a statement sent in parts (:60M: / :62M:)', () => {
    const part = (number: string, opening: string, closing: string, line: string) => [':20:STMT-9', ':25:NL91ABNA0417164300', `:28C:9/${number}`, `:60${opening}`, line, ':86:Betaling', `:62${closing}`, '-'];
    const whole = [...part('1', 'F:C261122EUR100,00', 'M:C261123EUR150,00', ':61:261123C50,00NTRFNONREF'), ...part('2', 'M:C261123EUR150,00', 'F:C261123EUR175,00', ':61:261123C25,00NTRFNONREF')].join('\n');
    expect(amounts(parseMt940(whole, 'parts.sta'))).toEqual([5_000, 2_500]);
    expect(() => parseMt940(whole.replace('M:C261123EUR150,00\n-', 'M:C261123EUR160,00\n-'), 'parts.sta')).toThrow(refused('statementUnbalanced', { statement: 'STMT-9 / 9/1', difference: 10 }));
  });

  it('reconciles CAMT.053 from OPBD to CLBD (pending entries left out) and refuses one without its closing balance', async () => {
    const text = await fixture('camt053-v02-abn-amro.xml');
    expect(parseCamt(text, 'abn.xml').statements[0]?.transactions).toHaveLength(6);
    expect(() => parseCamt(text.replace(/<Bal><Tp><CdOrPrtry><Cd>CLBD[^]*?<\/Bal>/, ''), 'abn.xml')).toThrow(refused('statementIncomplete', { statement: 'ABN20261123001-1' }));
    expect(() => parseCamt(text.replace('23749.06', '23750.06'), 'abn.xml')).toThrow(refused('statementUnbalanced', { statement: 'ABN20261123001-1', difference: 1 }));
  });

  it('refuses a statement or notification whose summary counts other entries than it holds', async () => {
    const text = (await fixture('camt054-bankgiro-credit.xml')).replace('<NbOfNtries>2</NbOfNtries>', '<NbOfNtries>3</NbOfNtries>');
    expect(() => parseCamt(text, 'bg.xml')).toThrow(refused('statementCountMismatch', { expected: '3', found: 2 }));
  });
});

describe('BgMax and CAMT.054 (issue 12, item 9)', () => {
  it('reads Bankgirot’s BgMax: each payment with its OCR, payer, bankgiro number and serial, dated its deposit', async () => {
    const parsed = parseBgMax(await fixture('bgmax-bankgirot.txt'), 'bgmax.txt');
    expect(parsed.statements.map((statement) => [statement.name, statement.accountIban, statement.currency])).toEqual([['00001', 'BG50501055', 'SEK']]);
    expect(parsed.statements[0]?.transactions).toEqual([
      expect.objectContaining({ direction: 'credit', amountMinor: 4_500_000, structuredReference: createSwedishOcr('20260103'), counterpartyName: 'Lindqvist Bygg AB', counterpartyIban: 'BG56781234', bankReference: '261124000101', bookingDate: '2026-11-24' }),
      // A deduction (TK21) lowers the deposit: money not received.
      expect.objectContaining({ direction: 'debit', amountMinor: 50_000, remittance: 'KREDIT 2026-0103' }),
      // Reference code 5 (a reference Bankgirot could not verify) and the extra references and text: for the matcher to look up.
      expect.objectContaining({ direction: 'credit', amountMinor: 125_000, structuredReference: '', remittance: '123456789 7789 Faktura 7788 och 7789', counterpartyName: 'Ekström Måleri AB' }),
    ]);
  });

  it('refuses a BgMax file whose counts or deposit total are wrong, that is cut short, or that is a test file', async () => {
    const text = await fixture('bgmax-bankgirot.txt');
    expect(() => parseBgMax(text.replace(/^22.*\r\n/m, ''), 'bg.txt')).toThrow(refused('bgmaxCountMismatch', { record: 'TK22/23', expected: 1, found: 0 }));
    expect(() => parseBgMax(text.replace('000000000004575000SEK', '000000000004576000SEK'), 'bg.txt')).toThrow(refused('statementUnbalanced', { statement: '00001', difference: 10, currency: 'SEK' }));
    expect(() => parseBgMax(text.replace('SEK00000003', 'SEK00000004'), 'bg.txt')).toThrow(refused('bgmaxCountMismatch', { record: 'TK15 00001', found: 3 }));
    expect(() => parseBgMax(text.slice(0, text.indexOf('\n15')), 'bg.txt')).toThrow(refused('statementIncomplete', { file: 'bg.txt' }));
    expect(() => parseBgMax(text.replace('123456P', '123456T'), 'bg.txt')).toThrow(refused('bgmaxTestFile', { file: 'bg.txt' }));
  });

  it('reads the bank’s CAMT.054 credit notification of the same payments: OCR, payer’s bankgiro number, Bankgirot’s serial', async () => {
    const parsed = parseCamt(await fixture('camt054-bankgiro-credit.xml'), 'bg.xml');
    expect(parsed.format).toBe('camt.054');
    expect(parsed.statements[0]?.transactions).toEqual([
      expect.objectContaining({ amountMinor: 4_500_000, currency: 'SEK', structuredReference: createSwedishOcr('20260103'), counterpartyIban: 'BG56781234', bankReference: '261124000101' }),
      expect.objectContaining({ amountMinor: 125_000, counterpartyName: 'Ekström Måleri AB', bankReference: '261124000103' }),
    ]);
  });

  it('recognises each kind of bank file by its content', async () => {
    const kind = async (name: string) => sniffFormat(new Uint8Array(await readFile(path.resolve('tests/fixtures/imports', name))));
    expect(await kind('bgmax-bankgirot.txt')).toBe('bgmax');
    expect(await kind('camt054-bankgiro-credit.xml')).toBe('camt054');
    expect(await kind('camt053-v02-ing-batch.xml')).toBe('camt053');
    expect(await kind('mt940-rabobank-structured.sta')).toBe('mt940');
  });
});

describe('other banks’ layouts', () => {
  it('reads ING’s CAMT.053 batch: one line per transaction, the charges taken off, the returned refund not a payment', async () => {
    const parsed = parseCamt(await fixture('camt053-v02-ing-batch.xml'), 'ing.xml');
    expect(parsed.statements[0]?.transactions.map((transaction) => [transaction.amountMinor, transaction.direction, transaction.isReversal, transaction.counterpartyName, transaction.remittance])).toEqual([
      [225_000, 'credit', false, 'Cooperatie De Eendracht UA', 'Factuur 2026-0125'],
      [85_000, 'credit', false, 'Bakker Bouw BV', 'Factuur 2026-0117'],
      [985_500, 'credit', false, 'Smit Installatietechniek BV', '2026-0106'],
      [12_000, 'credit', true, '', 'Terugbetaling creditnota CN-2026-004'],
      [250, 'debit', false, '', 'Kosten betalingsverkeer'],
    ]);
  });

  it('refuses a batch whose transactions do not add up to the entry, on its own', async () => {
    const text = (await fixture('camt053-v02-ing-batch.xml')).replace('<Amt Ccy="EUR">850.00</Amt>', '<Amt Ccy="EUR">851.00</Amt>');
    const parsed = parseCamt(text, 'ing.xml');
    expect(parsed.rejections).toEqual([expect.objectContaining({ row: 1, code: 'bankDetailsMismatch', field: 'bank:Ntry/NtryDtls/TxDtls' })]);
    expect(parsed.statements[0]?.transactions.map((transaction) => transaction.amountMinor)).toEqual([985_500, 12_000, 250]);
  });

  it('reads Rabobank’s MT940 Structured: the :940: line, padded amounts, the counterparty’s IBAN on the :61: line’s second line, /ORDP//NAME/', async () => {
    const parsed = parseMt940(await fixture('mt940-rabobank-structured.sta'), 'rabo.sta');
    expect(parsed.statements[0]).toMatchObject({ accountIban: 'NL06RABO0312345670', currency: 'EUR' });
    expect(parsed.statements[0]?.transactions).toEqual([
      expect.objectContaining({ amountMinor: 64_000, counterpartyIban: 'NL44RABO0123456789', counterpartyName: 'Mulder Transport B.V.', structuredReference: '8000000020260105', endToEndId: 'MULDER-0105' }),
      expect.objectContaining({ amountMinor: 200_000, counterpartyIban: 'NL69INGB0123456789', counterpartyName: 'Cooperatie De Eendracht UA', remittance: 'Factuur 2026-0102 deel 2', endToEndId: '' }),
      expect.objectContaining({ amountMinor: 1_210, direction: 'debit' }),
    ]);
  });
});

describe('known deviations read as meant, anything else refused on its own line (issue 12, item 10)', () => {
  it('reads an amount without its decimal comma, a :61: wrapped before its reference, a value date of 30 February and a guilder balance', () => {
    const text = mt940(
      [':61:2602300302C25NTRFNONREF//B1', ':86:Rente', ':61:2603020302C1234,', '56NTRFNONREF//B2', ':86:Factuur 2026-0101'],
      'C260227NLG2203,71',
      'C260302EUR2259,56',
    );
    const parsed = parseMt940(text, 'quirks.sta');
    expect(parsed.rejections).toEqual([]);
    expect(parsed.statements[0]?.currency).toBe('EUR');
    expect(parsed.statements[0]?.transactions.map((transaction) => [transaction.amountMinor, transaction.valueDate, transaction.bookingDate, transaction.bankReference])).toEqual([
      [2_500, '2026-02-28', '2026-03-02', 'B1'],
      [123_456, '2026-03-02', '2026-03-02', 'B2'],
    ]);
  });

  it('refuses an unreadable :61: line with its reason and reads the rest of the statement', () => {
    const parsed = parseMt940(mt940([':61:261123C10,00NTRFNONREF', ':86:Goed', ':61:2611XXC5,00NTRFNONREF', ':86:Kapot', ':61:261131C5,00NTRFNONREF']), 'mixed.sta');
    expect(parsed.rejections).toEqual([
      { row: 7, field: 'bank::61:', code: 'bankLineUnreadable', value: '2611XXC5,00NTRFNONREF' },
      { row: 9, field: 'bank::61:', code: 'bankDateInvalid', value: '261131' },
    ]);
    expect(amounts(parsed)).toEqual([1_000]);
  });

  it('says what an intraday report is instead of reading it as a statement', () => {
    const mt942 = '{1:F01INGBNL2AXXXX0000000000}{2:I942INGBNL2AXXXXN}{4:\r\n:20:INTRA\r\n:25:NL91ABNA0417164300\r\n:28C:1\r\n:34F:EURC0,00\r\n:13D:2611231200+0100\r\n:61:261123C5,00NTRFNONREF\r\n-}';
    expect(() => parseMt940(mt942, 'intraday.sta')).toThrow(refused('intradayReport', { file: 'intraday.sta', format: 'MT942' }));
    expect(intradayReportFormat(bytes(mt942))).toBe('MT942');
    const camt052 = '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt><Rpt><Id>1</Id></Rpt></BkToCstmrAcctRpt></Document>';
    expect(() => parseCamt(camt052, 'report.xml')).toThrow(refused('intradayReport', { format: 'CAMT.052' }));
    expect(intradayReportFormat(bytes(camt052))).toBe('CAMT.052');
    expect(intradayReportFormat(bytes(mt940([])))).toBeUndefined();
  });
});

describe('hostile bank files finish, refused (issue 12, item 5)', () => {
  // Built in tests/support/hostile-inputs.ts, which the benchmark times too (`npm run bench -- hostile`).
  const { mt940LongLine, mt940SlashField, mt940ManyLines, bgMaxLongLine, xmlAttributes, xmlDeep, xmlHugeValue } = hostileBankFiles;

  it('refuses MT940 beyond its limits: a 0.5 MB line, a field of thousands of slashes, millions of lines', () => {
    expect(() => parseMt940(mt940LongLine.build(), mt940LongLine.name)).toThrow(refused('statementLineTooLong', { line: 2, limit: 10_000 }));
    expect(() => parseMt940(mt940SlashField.build(), mt940SlashField.name)).toThrow(refused('statementFieldTooLong', { limit: 20_000 }));
    expect(() => parseMt940(mt940ManyLines.build(), mt940ManyLines.name)).toThrow(refused('statementTooManyLines', { limit: 4_000_000 }));
    expect(() => parseBgMax(bgMaxLongLine.build(), bgMaxLongLine.name)).toThrow(refused('statementLineTooLong', { line: 1 }));
  }, 60_000);

  it('refuses XML beyond its limits before parsing it: many attributes, deep nesting, a huge value', () => {
    const attributes = xmlAttributes.build();
    expect(attributes.length).toBeGreaterThan(3_000_000);
    expect(() => parseCamt(attributes, xmlAttributes.name)).toThrow(refused('xmlTooManyAttributes', { line: 1, limit: 32 }));
    expect(() => parseCamt(xmlDeep.build(), xmlDeep.name)).toThrow(refused('xmlTooDeep', { limit: 64 }));
    expect(() => parseCamt(xmlHugeValue.build(), xmlHugeValue.name)).toThrow(refused('xmlValueTooLong', { limit: 100_000 }));
    // Within the limits, 1.5 MB of elements with attributes is parsed (and is not a statement).
    const many = `<Document>${'<b x="1" y="2" z="3">t</b>'.repeat(60_000)}</Document>`;
    expect(() => parseCamt(many, 'many.xml')).toThrow(refused('notCamt', { file: 'many.xml' }));
  }, 60_000);

  it('reads every bank fixture through the same entry the import worker uses', async () => {
    for (const [kind, name] of [['camt053', 'camt053-v02-ing-batch.xml'], ['camt054', 'camt054-bankgiro-credit.xml'], ['mt940', 'mt940-rabobank-structured.sta'], ['bgmax', 'bgmax-bankgirot.txt']] as const) {
      const parsed = parseBankFile(kind, new Uint8Array(await readFile(path.resolve('tests/fixtures/imports', name))), name);
      expect(parsed.statements.flatMap((statement) => statement.transactions).length, name).toBeGreaterThan(0);
    }
  });
});
