import 'fake-indexeddb/auto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { PostalAddress } from '../../../../shared/domain/debtors/debtor';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { StoredDocument } from '../db/schema';
import { loadWorklist } from './load-worklist';
import { inEnvelopeOrder, makePrintBatchPdf, type EnvelopeLetter } from './print-batch';
import { processWorklist } from './process-worklist';

const today = '2026-11-24' as IsoDate;
const BUILD_TIMEOUT_MS = 180_000; // a ceiling for slow CI machines, not a performance assertion

const address = (country: string, postalCode: string): PostalAddress => ({ street: 'Street 1', postalCode, city: 'Town', country: country as PostalAddress['country'] });
const letter = (id: string, debtorName: string, where: PostalAddress | undefined): EnvelopeLetter => ({ letter: { id } as StoredDocument, debtorName, address: where });

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

describe('envelope order', () => {
  it('sorts by country, then postcode as the post reads it, then debtor name; a letter without an address last', () => {
    const order = inEnvelopeOrder(
      [
        letter('a', 'Zeeman B.V.', address('NL', '1012 AB')),
        letter('b', 'Östgöta Plåt AB', address('SE', '114 55')),
        letter('c', 'Abel B.V.', address('NL', '1012ab')),
        letter('d', 'Quirke & Sons Ltd', address('GB', 'SW1A 1AA')),
        letter('e', 'Mail only B.V.', undefined),
        letter('f', 'Bakker B.V.', address('NL', '9711 AA')),
        letter('g', 'Åkerlunds Färg AB', address('SE', '11122')),
      ],
      'sv-SE',
    );
    expect(order.map((entry) => entry.letter.id)).toEqual(['d', 'c', 'a', 'f', 'g', 'b', 'e']);
  });
});

describe('the print batch of a processing run', () => {
  it('is one PDF: a covering list of each letter (debtor, letter, step, amount, reference), then the kept letters in envelope order', async () => {
    const db = await openDemoStore('print-batch', today);
    const request = { today, locale: 'en-GB', leadDays: 7 };
    const reminders = (await loadWorklist(db, request))!.entries.filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1' && entry.letterReach?.address).slice(0, 4);
    expect(reminders).toHaveLength(4);
    const at = `${today}T09:00:00.000Z`;
    const debtorIds = reminders.map((entry) => entry.debtorId);
    expect(await processWorklist(db, { ...request, at, entryIds: reminders.map((entry) => entry.id), debtorIds })).toMatchObject({ done: 4 });
    // An earlier run's letter to one of these debtors is not in this run's batch.
    const letters = (await db.documents.where('debtorId').anyOf(debtorIds).toArray()).filter((kept) => kept.createdAt === at);
    expect(letters).toHaveLength(4);
    await db.documents.put({ ...letters[0]!, id: 'earlier-run', createdAt: `${today}T08:00:00.000Z`, fileName: 'EARLIER-LETTER' });

    const bytes = await makePrintBatchPdf(db, {
      at,
      debtorIds,
      formatLocale: 'en-GB',
      text: {
        title: 'Print batch',
        subtitleTemplates: { one: '{{count}} letter', other: '{{count}} letters' },
        columns: { number: 'No.', debtor: 'Debtor', letter: 'Letter', pages: 'Pages', step: 'Step', amount: 'Amount', reference: 'Reference' },
        pageTemplate: 'Page {{page}} of {{pages}}',
        stepNames: { 'reminder-1': 'First reminder' },
        unknownCountry: 'Unknown country',
      },
    });
    const pages = await pageTexts(bytes!);
    const cover = pages[0]!;
    expect(cover).toContain('Print batch');
    expect(cover).toContain('4 letters');
    expect(cover).not.toContain('EARLIER-LETTER');

    const debtors = new Map((await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors).map((debtor) => [debtor.id, debtor]));
    const expected = inEnvelopeOrder(letters.map((kept) => ({ letter: kept, debtorName: debtors.get(kept.debtorId)!.name, address: debtors.get(kept.debtorId)!.invoiceAddress ?? debtors.get(kept.debtorId)!.address })), 'en-GB');
    // Each letter on the covering list, in the order its pages follow.
    const positions = expected.map(({ letter: kept }) => cover.indexOf(kept.fileName));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const { letter: kept } of expected) {
      expect(cover).toContain(kept.paymentReference!.slice(-6));
      expect(cover).toContain('First reminder');
    }
    // Then the letters themselves, each starting on a page of its own, in the same order.
    const firstPages = expected.map(({ debtorName }) => pages.findIndex((text, index) => index > 0 && text.includes(debtorName)));
    expect(firstPages.every((index) => index > 0)).toBe(true);
    expect([...firstPages].sort((a, b) => a - b)).toEqual(firstPages);
    db.close();
  }, BUILD_TIMEOUT_MS);
});
