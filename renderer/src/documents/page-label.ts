/**
 * The report's "Page n of m" from a translated template with i18next-style placeholders, such as
 * `t('reports:page', { page: '{{page}}', pages: '{{pages}}' })` → "Sida {{page}} av {{pages}}".
 * A function cannot cross `postMessage`, but a string can: a caller that builds the PDF in a Web Worker
 * sends the template and makes the `page` function inside the worker.
 */
export function pageLabelFromTemplate(template: string): (page: number, pages: number) => string {
  return (page, pages) => template.replace(/\{\{\s*(page|pages)\s*\}\}/g, (_, name: string) => String(name === 'page' ? page : pages));
}
