import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import type { AgeingReportRequest } from './ageing-report-request';
import type * as LoadPdfMake from '../../documents/load-pdfmake';
import type * as LoadAgeingReport from './load-ageing-report';

const events: string[] = [];

vi.mock('../../documents/load-pdfmake', async (original) => {
  const actual = await original<typeof LoadPdfMake>();
  return {
    ...actual,
    loadPdfMake: () => {
      events.push('pdfmake loading');
      return actual.loadPdfMake();
    },
  };
});

vi.mock('./load-ageing-report', async (original) => {
  const actual = await original<typeof LoadAgeingReport>();
  return {
    ...actual,
    loadAgeingReport: async (...args: Parameters<typeof actual.loadAgeingReport>) => {
      events.push('store read');
      const data = await actual.loadAgeingReport(...args);
      events.push('store read done');
      return data;
    },
  };
});

const { makeAgeingReportPdf } = await import('./make-ageing-report-pdf');

const request: AgeingReportRequest = {
  today: '2026-11-24' as IsoDate,
  generatedAt: '2026-11-24T09:00:00.000Z',
  formatLocale: 'en-GB',
  bucketLabels: ['Not due', '1–30', '31–60', '61–90', '> 90'],
  kpis: [],
  text: {
    title: 'Ageing report', subtitle: 'As of 24 Nov 2026', generated: 'Generated', summaryHeading: 'Portfolio', countryHeading: 'By country', currencyHeading: 'By currency', debtorHeading: 'Debtors',
    columns: { name: 'Debtor', open: 'Open', overdue: 'Overdue', daysOverdue: 'Days overdue', risk: 'Risk' }, totalLabel: 'Total', pageTemplate: 'Page {{page}} of {{pages}}', unknownCountry: 'Unknown', otherDebtorsTemplates: { one: '{{count}} other', other: '{{count}} others' },
  },
};

let db: KredoDb | undefined;
afterEach(() => db?.close());

describe('makeAgeingReportPdf', () => {
  it('starts loading pdfmake and its fonts before it reads the store, so the two overlap (issue 14: the report ≤ 2 s)', async () => {
    db = new KredoDb('make-ageing-report-pdf-test');
    // An empty store: no report, and nothing to lay out; pdfmake was asked for all the same, first.
    expect(await makeAgeingReportPdf(db, request)).toBeUndefined();
    expect(events.slice(0, 3)).toEqual(['pdfmake loading', 'store read', 'store read done']);
  });
});
