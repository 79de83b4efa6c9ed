/**
 * Writes data tier L as an ERP open-items export (for the import benchmark), in a process of its own.
 * Usage: node --import tsx tests/bench/tools/write-tier-l-export.ts <file>; prints the number of rows.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { DATA_TIERS, DEMO_SEED } from '../../../shared/generator/data-tiers';
import { generateChunk, generatePolicy } from '../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../shared/generator/plan-portfolio';
import { toDecimalString } from '../../../shared/money/money';
import type { IsoDate } from '../../../shared/time/iso-date';

const TODAY = '2026-11-24' as IsoDate;

/**
 * Writes tier L as an ERP open-items export: every one of its 1,000,000 invoices and credit notes as
 * a row with its full amount open, in the Dutch dialect (semicolons, decimal commas, DD-MM-YYYY).
 */
async function writeTierLExport(file: string): Promise<number> {
  const plan = planPortfolio(DATA_TIERS.L, { seed: DEMO_SEED, today: TODAY });
  const policy = generatePolicy(TODAY);
  const out = createWriteStream(file, { encoding: 'utf8' });
  const dutch = (date: string) => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
  let rows = 0;
  out.write('Debiteurnummer;Naam;Factuurnummer;Factuurdatum;Vervaldatum;Openstaand bedrag;Valuta;Betalingskenmerk\n');
  for (let chunkId = 0; chunkId < plan.chunkCount; chunkId += 1) {
    const chunk = generateChunk(plan, policy, chunkId);
    const lines: string[] = [];
    chunk.debtors.forEach((debtor, slot) => {
      for (const item of chunk.ledgers[slot]!.items) {
        const amount = toDecimalString({ amountMinor: item.amountMinor, currency: item.currency }).replace('.', ',');
        lines.push(`${debtor.customerCode};${debtor.name.replace(/;/g, ' ')};${item.number};${dutch(item.invoiceDate)};${dutch(item.dueDate)};${amount};${item.currency};${item.paymentReference}`);
        rows += 1;
      }
    });
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

const file = process.argv[2];
if (!file) throw new Error('Usage: write-tier-l-export.ts <file>');
console.log(await writeTierLExport(file));
