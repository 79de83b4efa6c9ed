import type { StatementContent, StatementTable } from './statement-content';

/** A table as lines of an e-mail: one line a row, each cell named by its column (a proportional font lines nothing up). */
function tableLines(table: StatementTable): string[] {
  const [first, ...others] = table.columns;
  return table.rows.map((row) => {
    const [head = '', ...cells] = row;
    const details = others.map((column, i) => `${column.label} ${cells[i] ?? ''}`.trim()).filter((cell) => cell !== '').join(', ');
    return `- ${first?.label ?? ''} ${head}: ${details}`;
  });
}

/** The statement as the text of an e-mail: the same words and figures as the PDF, lines separated by "\n". */
export function statementPlainText(content: StatementContent, attachmentNote: string): string {
  const sections = content.sections.map((section) => [
    section.heading,
    ...tableLines(section.items),
    section.ageing.columns.map((column, i) => `${column.label}: ${section.ageing.rows[0]?.[i] ?? ''}`).join(', '),
    ...section.totals.map((line) => `${line.label}: ${line.amount}`),
  ]);
  const payments = [content.payments.heading, ...(content.payments.table ? tableLines(content.payments.table) : []), ...(content.payments.note ? [content.payments.note] : []), ...content.payments.totals.map((line) => `${line.label}: ${line.amount}`)];
  const blocks = [
    [content.salutation],
    [content.intro],
    ...sections,
    ...(content.emptyNote ? [[content.emptyNote]] : []),
    payments,
    ...(content.policyTotal ? [[content.policyTotal]] : []),
    ...content.closing.map((paragraph) => [paragraph]),
    [attachmentNote],
    [content.signOff, '', ...content.signature],
    ['-- ', ...content.footer],
  ];
  return blocks.map((lines) => lines.join('\n')).join('\n\n');
}
