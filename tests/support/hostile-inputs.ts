import { MAX_SHEET_ROWS, MAX_WORKBOOK_CELLS } from '../../electron/main/import/import-limits';
import type { ImportDialect } from '../../shared/ipc/import-contract';
import { mt940Statement } from './mt940-statement';
import { makeZip, workbookParts } from './zip-file';

/**
 * The hostile files of issue 12 (item 5), written once: the tests check that each is refused with the
 * right code (electron/main/import/hostile-imports.test.ts, formats/bank-statements.test.ts) and
 * `npm run bench -- hostile` times the same files against the issue's "under 2 s each" (tests assert no
 * wall-clock budgets). Contents are built on demand: some take tens of MB while being built.
 */
export interface HostileFile<Content extends string | Buffer = string | Buffer> {
  /** What the file is, as the benchmark's table names it. */
  readonly label: string;
  /** The name it is imported under, which the refusal names. */
  readonly name: string;
  build(): Content;
}

/** A table taken in through the import service; with a dialect, its rows are read (the refusal is per row). */
export interface HostileTable extends HostileFile {
  readonly dialect?: ImportDialect;
}

/** A bank file handed to its parser. */
export interface HostileBankFile extends HostileFile<string> {
  readonly format: 'mt940' | 'bgmax' | 'camt';
}

/** Excel's way of writing a row of ten numbered cells, so the workbook packs like a real one. */
function tooManyCellsSheet(): string {
  const rows: string[] = [];
  for (let row = 1; row * 10 <= MAX_WORKBOOK_CELLS + 10; row += 1) rows.push(`<row r="${row}">${'ABCDEFGHIJ'.split('').map((column) => `<c r="${column}${row}"><v>${row % 97}</v></c>`).join('')}</row>`);
  return `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

export const hostileTables = {
  separatorLine: { label: '5 MB single line full of separators', name: 'one-line.csv', build: () => 'a;'.repeat(2_500_000) },
  blobLine: { label: '5 MB single line without separators', name: 'blob.txt', build: () => 'x'.repeat(5_000_000) },
  longCustomerName: {
    label: '5 MB customer name in one row',
    name: 'long-name.csv',
    build: () => `Debiteurnummer;Naam;Factuurnummer;Factuurdatum;Openstaand\n1001;${'B'.repeat(5_000_000)};F1;01-10-2026;10,00\n1002;Mulder Transport B.V.;F2;01-10-2026;20,00\n`,
    dialect: { decimal: ',', dateFormat: 'DD-MM-YYYY', defaultCurrency: 'EUR' },
  },
  zipBomb: { label: 'xlsx zip bomb (unpacks to 50 MB, 2 M cells)', name: 'openstaand.xlsx', build: () => makeZip(workbookParts(`<worksheet><sheetData>${'<row><c><v>0</v></c></row>'.repeat(2_000_000)}</sheetData></worksheet>`)) },
  lyingPart: { label: 'xlsx part lying about its size', name: 'liar.xlsx', build: () => makeZip(workbookParts(`<worksheet><sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(20_000)}</sheetData></worksheet>`, 1_000)) },
  tooManyCells: { label: 'xlsx with more cells than the worker holds', name: 'huge.xlsx', build: () => makeZip(workbookParts(tooManyCellsSheet())) },
  rowBeyondExcel: { label: 'xlsx row beyond Excel’s limit', name: 'far.xlsx', build: () => makeZip(workbookParts(`<worksheet><sheetData><row r="${MAX_SHEET_ROWS + 1}"><c r="A${MAX_SHEET_ROWS + 1}"><v>1</v></c></row></sheetData></worksheet>`)) },
} as const satisfies Record<string, HostileTable>;

export const hostileBankFiles = {
  mt940LongLine: { label: 'MT940 0.5 MB line', name: 'long.sta', format: 'mt940', build: () => `:20:X\n:86:${'{1:'.repeat(170_000)}` },
  mt940SlashField: { label: 'MT940 field of 8,000 lines of slashes', name: 'slashes.sta', format: 'mt940', build: () => mt940Statement([':61:261123C10,00NTRFNONREF', `:86:/REMI/${Array.from({ length: 8_000 }, () => '/'.repeat(60)).join('\n')}`]) },
  mt940ManyLines: { label: 'MT940 of 4 million lines', name: 'lines.sta', format: 'mt940', build: () => ':\n'.repeat(4_000_001) },
  bgMaxLongLine: { label: 'BgMax 20 KB line', name: 'bg.txt', format: 'bgmax', build: () => `01BGMAX${' '.repeat(20_000)}` },
  xmlAttributes: { label: 'camt XML with 300,000 attributes', name: 'attributes.xml', format: 'camt', build: () => `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt${Array.from({ length: 300_000 }, (_, index) => ` a${index}="1"`).join('')}/></Document>` },
  xmlDeep: { label: 'XML nested 100,000 deep', name: 'deep.xml', format: 'camt', build: () => `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}` },
  xmlHugeValue: { label: 'XML value of 200,000 characters', name: 'value.xml', format: 'camt', build: () => `<Document><Ustrd>${'x'.repeat(200_000)}</Ustrd></Document>` },
} as const satisfies Record<string, HostileBankFile>;
