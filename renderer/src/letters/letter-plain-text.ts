import type { LetterContent } from './letter-content';

/**
 * The letter as the text of an e-mail: the same words and figures as the PDF, one paragraph a line
 * (mail programs wrap them), each invoice on a line of its own with the column names spelled out,
 * since a table cannot be lined up in a proportional font. Lines are separated by "\n".
 */
export function letterPlainText(content: LetterContent, attachmentNote: string): string {
  const [numberColumn, ...otherColumns] = content.table.columns;
  const invoices = content.table.rows.map((row) => {
    const [number = '', ...cells] = row;
    const details = otherColumns.map((column, i) => `${column.label} ${cells[i] ?? ''}`).join(', ');
    return `- ${numberColumn?.label ?? ''} ${number}: ${details}`;
  });
  const totals = content.totals.map((line) => `${line.label}: ${line.amount}`);
  const blocks = [
    [content.salutation],
    ...content.opening.map((paragraph) => [paragraph]),
    invoices,
    totals,
    ...content.closing.map((paragraph) => [paragraph]),
    [attachmentNote],
    [content.signOff, '', ...content.signature],
    // The signature separator "-- " lets mail programs recognise what follows as the signature block.
    ['-- ', ...content.footer],
  ];
  return blocks.map((lines) => lines.join('\n')).join('\n\n');
}
