import type { Content } from 'pdfmake/interfaces';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfSafeText } from '../documents/pdf-safe-text';
import { invoiceTable, letterShell, totalsTable } from './letter-document';
import type { StatementContent } from './statement-content';

/**
 * The pdfmake document of a statement of account, on the same page as a dunning letter (letterhead, address
 * in the envelope window, references, footer): per currency its open items, the ageing row and the totals,
 * then the payments received since the last statement, the policy-currency total and how to pay.
 */
export function statementDocument(content: StatementContent): TDocumentDefinitions {
  const paragraph = (text: string): Content => ({ text: pdfSafeText(text), style: 'paragraph' });
  const heading = (text: string): Content => ({ text: pdfSafeText(text), bold: true, fontSize: 10.5, margin: [0, 8, 0, 2] });
  const sections = content.sections.flatMap((section): Content[] => [heading(section.heading), invoiceTable(section.items), invoiceTable(section.ageing), totalsTable(section.totals)]);
  const payments: Content[] = [heading(content.payments.heading), ...(content.payments.table ? [invoiceTable(content.payments.table)] : []), ...(content.payments.note ? [paragraph(content.payments.note)] : []), ...(content.payments.totals.length > 0 ? [totalsTable(content.payments.totals)] : [])];
  return letterShell(content, [
    paragraph(content.salutation),
    paragraph(content.intro),
    ...sections,
    ...(content.emptyNote ? [paragraph(content.emptyNote)] : []),
    ...payments,
    ...(content.policyTotal ? [{ text: pdfSafeText(content.policyTotal), bold: true, margin: [0, 4, 0, 8] as [number, number, number, number] }] : []),
    ...content.closing.slice(0, -1).map(paragraph),
    {
      unbreakable: true,
      stack: [...content.closing.slice(-1).map(paragraph), { text: pdfSafeText(content.signOff), margin: [0, 4, 0, 22] }, ...content.signature.map((line, index) => ({ text: pdfSafeText(line), bold: index === 0 }))],
    },
  ]);
}
