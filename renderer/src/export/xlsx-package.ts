import { zipSync } from 'fflate';
import { xmlAttribute, xmlText } from './xlsx-xml';

/**
 * One worksheet as an Office Open XML workbook (ECMA-376 Part 1, SpreadsheetML), written as text and zipped
 * with fflate: the parts Excel, LibreOffice and Numbers need and nothing else — the same workbook exceljs
 * wrote for Kredo (a bold header row, frozen, with a filter; one number format and width per column; text
 * in the shared-string table), at a fraction of the cost. exceljs builds an object per cell and its
 * browser build has no streaming writer: 20,000 rows × 26 columns took 3.8–4.1 s (issue 14, target 2 s).
 *
 * Cells are written only as plain values (`<v>`), never formulas (`<f>`): a text cell is a shared string.
 */
export interface XlsxColumn {
  /** In characters, as Excel measures column widths. */
  readonly width: number;
  /** An Excel number format, e.g. `#,##0.00`, `0.0%`, `yyyy-mm-dd`, `@` for text. */
  readonly numberFormat: string;
}

/** A string is written as text, a number as a number (a date as its serial day), null as no cell. */
export type XlsxCell = string | number | null;

export interface XlsxWorkbook {
  readonly sheetName: string;
  readonly title: string;
  readonly creator: string;
  readonly createdAt: Date;
  readonly columns: readonly XlsxColumn[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly XlsxCell[])[];
  /** Deflate level, 1 (fastest) to 9 (smallest). */
  readonly compressionLevel: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

export function writeXlsx(workbook: XlsxWorkbook): Uint8Array {
  const styles = new XlsxStyles();
  const columnStyles = workbook.columns.map((column) => styles.index(column.numberFormat, false));
  const headerStyles = workbook.columns.map((column) => styles.index(column.numberFormat, true));
  const strings = new SharedStrings();
  const letters = workbook.columns.map((_, index) => columnLetters(index));
  const lastCell = workbook.columns.length === 0 ? 'A1' : `${letters[letters.length - 1]}${workbook.rows.length + 1}`;
  const encoder = new TextEncoder();

  // The sheet's XML is encoded a few hundred rows at a time: a tier-L export is some 15 MB of it, never one string.
  const sheet: Uint8Array[] = [encoder.encode(sheetStart(workbook, columnStyles, lastCell))];
  let xml = `<row r="1" s="${styles.index('General', true)}" customFormat="1">`;
  workbook.header.forEach((text, index) => {
    xml += `<c r="${letters[index]}1" s="${headerStyles[index]}" t="s"><v>${strings.index(text)}</v></c>`;
  });
  xml += '</row>';
  workbook.rows.forEach((row, rowIndex) => {
    const r = rowIndex + 2;
    xml += `<row r="${r}">`;
    for (let index = 0; index < row.length; index++) {
      const cell = row[index];
      if (cell === null || cell === undefined) continue; // the column's style formats an empty cell
      const at = `${letters[index]}${r}`;
      xml += typeof cell === 'number' ? `<c r="${at}" s="${columnStyles[index]}"><v>${cell}</v></c>` : `<c r="${at}" s="${columnStyles[index]}" t="s"><v>${strings.index(cell)}</v></c>`;
    }
    xml += '</row>';
    if (rowIndex % ROWS_PER_CHUNK === ROWS_PER_CHUNK - 1) {
      sheet.push(encoder.encode(xml));
      xml = '';
    }
  });
  sheet.push(encoder.encode(`${xml}</sheetData>${workbook.columns.length > 0 ? `<autoFilter ref="A1:${lastCell}"/>` : ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`));

  const text = (part: string) => encoder.encode(XML_DECLARATION + part);
  return zipSync(
    {
      '[Content_Types].xml': text(CONTENT_TYPES),
      '_rels/.rels': text(PACKAGE_RELATIONSHIPS),
      'docProps/core.xml': text(coreProperties(workbook)),
      'docProps/app.xml': text(APP_PROPERTIES),
      'xl/workbook.xml': text(`<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlAttribute(workbook.sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': text(WORKBOOK_RELATIONSHIPS),
      'xl/styles.xml': text(styles.xml()),
      'xl/sharedStrings.xml': text(strings.xml()),
      'xl/worksheets/sheet1.xml': concatenate(sheet),
    },
    { level: workbook.compressionLevel, mtime: workbook.createdAt },
  );
}

const ROWS_PER_CHUNK = 500;
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE = 'http://schemas.openxmlformats.org/package/2006';
const CONTENT = 'application/vnd.openxmlformats-officedocument';

const CONTENT_TYPES =
  `<Types xmlns="${PACKAGE}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT}.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${CONTENT}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT}.spreadsheetml.sharedStrings+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${CONTENT}.extended-properties+xml"/></Types>`;

const PACKAGE_RELATIONSHIPS =
  `<Relationships xmlns="${PACKAGE}/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PACKAGE}/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const WORKBOOK_RELATIONSHIPS =
  `<Relationships xmlns="${PACKAGE}/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

const APP_PROPERTIES = '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Kredo</Application></Properties>';

function coreProperties(workbook: XlsxWorkbook): string {
  const at = workbook.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'); // W3CDTF, whole seconds
  return (
    `<cp:coreProperties xmlns:cp="${PACKAGE}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xmlText(workbook.creator)}</dc:creator><dc:title>${xmlText(workbook.title)}</dc:title>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}

/** The sheet up to its data: size, the header frozen above the rows (the cursor below it), column widths and formats. */
function sheetStart(workbook: XlsxWorkbook, columnStyles: readonly number[], lastCell: string): string {
  const columns = workbook.columns.map((column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" style="${columnStyles[index]}" customWidth="1"/>`).join('');
  return (
    `${XML_DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><dimension ref="A1:${lastCell}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${columns === '' ? '' : `<cols>${columns}</cols>`}<sheetData>`
  );
}

/** A, B, …, Z, AA, AB, … for a zero-based column index. */
function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}

/** Each distinct text once, referred to by its index (what Excel itself writes). */
class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly items: string[] = [];
  private count = 0;

  index(text: string): number {
    this.count += 1;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.items.length;
      this.indexes.set(text, index);
      // Spaces at either end, or a line break, are kept only with xml:space="preserve".
      this.items.push(/^\s|\s$|\n/.test(text) ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`);
    }
    return index;
  }

  xml(): string {
    return `<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30) need no numFmt of their own. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };
const FIRST_CUSTOM_FORMAT = 164;

/** Cell formats (`cellXfs`): one per number format, regular or bold. */
class XlsxStyles {
  private readonly formats: string[] = [];
  private readonly cellFormats: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly indexes = new Map<string, number>([['General\u0000regular', 0]]);

  index(numberFormat: string, isBold: boolean): number {
    const key = `${numberFormat}\u0000${isBold ? 'bold' : 'regular'}`;
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.cellFormats.length;
      this.indexes.set(key, index);
      const formatId = this.formatId(numberFormat);
      this.cellFormats.push(`<xf numFmtId="${formatId}" fontId="${isBold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${formatId === 0 ? '' : ' applyNumberFormat="1"'}${isBold ? ' applyFont="1"' : ''}/>`);
    }
    return index;
  }

  xml(): string {
    const formats = this.formats.map((code, offset) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + offset}" formatCode="${xmlAttribute(code)}"/>`).join('');
    return (
      `<styleSheet xmlns="${MAIN}">${formats === '' ? '' : `<numFmts count="${this.formats.length}">${formats}</numFmts>`}` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.cellFormats.length}">${this.cellFormats.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.formats.indexOf(code);
    if (known >= 0) return FIRST_CUSTOM_FORMAT + known;
    this.formats.push(code);
    return FIRST_CUSTOM_FORMAT + this.formats.length - 1;
  }
}
