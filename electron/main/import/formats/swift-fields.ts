import { ImportFileError } from '../import-error';

export interface SwiftField {
  /** `20`, `25`, `60F`, `61`, `86`, … */
  readonly tag: string;
  /** The field's text; continuation lines are joined with `\n`. */
  readonly value: string;
  /** The file line the field starts on, for messages. */
  readonly line: number;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isCapital = (code: number) => code >= 65 && code <= 90;

/** The tag of a line that starts a field (`:61:…`, `:28C:…`), or undefined for a continuation line. */
function tagOf(line: string): string | undefined {
  if (line.charCodeAt(0) !== 58 || !isDigit(line.charCodeAt(1)) || !isDigit(line.charCodeAt(2))) return undefined;
  if (line.charCodeAt(3) === 58) return line.slice(1, 3);
  if (isCapital(line.charCodeAt(3)) && line.charCodeAt(4) === 58) return line.slice(1, 4);
  return undefined;
}

/**
 * Removes SWIFT FIN block headers from the start of a line (`{1:F01…}{2:I940…}{3:{108:…}}{4:`), matching
 * braces by counting them in one pass. Tells whether block 2 names an MT942.
 */
function stripBlocks(line: string): { rest: string; isMt942: boolean } {
  let rest = line;
  let isMt942 = false;
  while (rest.startsWith('{')) {
    if (rest.startsWith('{4:')) {
      rest = rest.slice(3);
      continue;
    }
    if (/^\{2:[IO]942/.test(rest)) isMt942 = true;
    let depth = 0;
    let end = -1;
    for (let index = 0; index < rest.length; index += 1) {
      if (rest[index] === '{') depth += 1;
      else if (rest[index] === '}' && (depth -= 1) === 0) {
        end = index;
        break;
      }
    }
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return { rest, isMt942 };
}

/**
 * Splits an MT940/MT942 text into its fields in one pass over its lines, refusing a file beyond `limits`
 * (more lines, or a longer line or field, than any bank writes). Lines before the first field (Rabobank's
 * `:940:`, a FIN header) and message ends (`-`, `-}`) are not fields.
 */
export function splitSwiftFields(text: string, file: string, limits: { readonly lineChars: number; readonly fieldChars: number; readonly lines: number }): { fields: SwiftField[]; isMt942: boolean } {
  const fields: SwiftField[] = [];
  let isMt942 = false;
  let lineNumber = 0;
  let current: { tag: string; parts: string[]; length: number; line: number } | undefined;
  const finish = () => {
    if (current) fields.push({ tag: current.tag, value: current.parts.join('\n'), line: current.line });
    current = undefined;
  };
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNumber += 1;
    if (lineNumber > limits.lines) throw new ImportFileError('statementTooManyLines', { file, limit: limits.lines });
    if (end - start > limits.lineChars) throw new ImportFileError('statementLineTooLong', { file, line: lineNumber, limit: limits.lineChars });
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    start = end + 1;
    if (line.startsWith('{')) {
      const stripped = stripBlocks(line);
      isMt942 ||= stripped.isMt942;
      line = stripped.rest;
    }
    const trimmed = line.trim();
    if (trimmed === '-' || trimmed.startsWith('-}')) {
      finish();
      continue;
    }
    const tag = tagOf(line);
    if (tag) {
      finish();
      current = { tag, parts: [line.slice(tag.length + 2)], length: line.length, line: lineNumber };
    } else if (current && trimmed !== '') {
      current.length += line.length + 1;
      if (current.length > limits.fieldChars) throw new ImportFileError('statementFieldTooLong', { file, line: current.line, limit: limits.fieldChars });
      current.parts.push(line);
    }
    if (end === text.length) break;
  }
  finish();
  return { fields, isMt942 };
}
