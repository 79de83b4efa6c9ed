import type { Debtor } from '../domain/debtors/debtor';
import { applyAllocations } from '../domain/ledger/allocate';
import { DISPUTE_REASONS, itemId, type DebtorLedger, type LedgerAllocation, type LedgerItem, type LedgerPayment } from '../domain/ledger/ledger-types';
import { createBetalingskenmerk } from '../domain/references/betalingskenmerk';
import { createIban } from '../domain/references/iban';
import { createSwedishOcr } from '../domain/references/swedish-ocr';
import type { SeededRandom } from '../random/seeded-random';
import { addDays, fromDayNumber, toDayNumber, type IsoDate } from '../time/iso-date';
import { COUNTRY_PROFILES, type GeneratedCountry } from './country-profiles';
import type { DebtorTraits } from './debtor-traits';

/** What the plan gave this debtor. */
export interface LedgerCounts {
  readonly invoices: number;
  readonly creditNotes: number;
  readonly itemOffset: number;
  readonly paymentsPerPaidInvoice: number;
  readonly historyDays: number;
}

const MEAN_INVOICE_EUR = { 'key-account': 25_000, standard: 3_000, small: 600 } as const;
/** Short payments are chased; only recent ones are still partly open. */
const SHORT_PAYMENT_WINDOW_DAYS = 60;

function paymentReference(country: GeneratedCountry, sequence: number): string {
  if (country === 'NL') return createBetalingskenmerk(String(sequence));
  if (country === 'SE') return createSwedishOcr(String(sequence));
  return '';
}

function accountNumber(country: GeneratedCountry, random: SeededRandom): string {
  const digits = (count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');
  const bank = random.pick(COUNTRY_PROFILES[country].banks);
  if (country === 'NL') return createIban('NL', `${bank}0${digits(9)}`);
  if (country === 'SE') return createIban('SE', `${bank}${digits(16)}`);
  return createIban('GB', `${bank}${digits(14)}`);
}

/** Splits `total` things into `parts` groups of at least one. */
function groupSizes(total: number, parts: number, random: SeededRandom): number[] {
  const sizes = new Array<number>(parts).fill(1);
  for (let left = total - parts; left > 0; left -= 1) {
    const index = random.int(0, parts - 1);
    sizes[index] = sizes[index]! + 1;
  }
  return sizes;
}

/**
 * One debtor's ledger. Invoices are issued evenly over the tier's history; each is paid when this debtor
 * pays (due date plus its usual lateness), so what is still open is what such a customer would still owe
 * today. A defaulting debtor stopped paying some months ago. Paid invoices are settled in payment runs
 * (one payment often covers several), with the references and remittance texts a bank statement carries;
 * some recent payments are short or over. Credit notes correct earlier invoices; a few invoices are disputed.
 */
export function generateLedger(debtor: Debtor, traits: DebtorTraits, counts: LedgerCounts, random: SeededRandom, today: IsoDate): DebtorLedger {
  const country = traits.country;
  const profile = COUNTRY_PROFILES[country];
  const terms = debtor.paymentTermsDays;
  const mean = MEAN_INVOICE_EUR[traits.segment] * profile.amountScale;
  const todayDay = toDayNumber(today);

  const dates: IsoDate[] = [];
  for (let index = 0; index < counts.invoices; index += 1) dates.push(addDays(today, -random.int(0, counts.historyDays)));
  dates.sort();

  const items: LedgerItem[] = dates.map((invoiceDate, index) => {
    const sequence = counts.itemOffset + index + 1;
    const amountMinor = Math.max(1_000, Math.round(mean * Math.exp(0.8 * random.normal() - 0.32)) * 100);
    return {
      id: itemId(debtor.id, String(10_000_000 + sequence)),
      debtorId: debtor.id,
      number: String(10_000_000 + sequence),
      kind: 'invoice',
      invoiceDate,
      dueDate: addDays(invoiceDate, terms),
      currency: debtor.currency,
      amountMinor,
      vatMinor: Math.round((amountMinor * profile.vatBp) / (10_000 + profile.vatBp)),
      openMinor: amountMinor,
      paymentReference: paymentReference(country, sequence),
    };
  });

  // When each invoice gets paid, if it has been by today.
  const [early, late] = traits.profile.latenessDays;
  const stopped = traits.profile.stoppedPayingDaysAgo;
  const lastPayingDay = stopped ? todayDay - random.int(stopped[0], stopped[1]) : todayDay;
  const paidOn = items.map((item) => Math.max(toDayNumber(item.invoiceDate), toDayNumber(item.dueDate) + random.int(early, late)));

  // Credit notes correct an earlier invoice; most are set against it straight away.
  const creditAllocations = [];
  const creditLeft = new Map<string, number>();
  for (let index = 0; index < counts.creditNotes && items.length > 0; index += 1) {
    const target = items[random.int(0, counts.invoices - 1)]!;
    const sequence = counts.itemOffset + counts.invoices + index + 1;
    const issued = addDays(target.invoiceDate, random.int(3, 30));
    const date = issued > today ? today : issued;
    const amountMinor = -Math.max(100, Math.round((target.amountMinor * random.int(10, 100)) / 100));
    const creditNote: LedgerItem = {
      id: itemId(debtor.id, String(10_000_000 + sequence)),
      debtorId: debtor.id,
      number: String(10_000_000 + sequence),
      kind: 'credit-note',
      invoiceDate: date,
      dueDate: date,
      currency: debtor.currency,
      amountMinor,
      vatMinor: Math.round((amountMinor * profile.vatBp) / (10_000 + profile.vatBp)),
      openMinor: amountMinor,
      paymentReference: '',
    };
    items.push(creditNote);
    const targetOpen = creditLeft.get(target.id) ?? target.amountMinor;
    const credited = Math.min(-amountMinor, targetOpen);
    if (random.next() < 0.75 && credited > 0) {
      creditAllocations.push({ itemId: target.id, source: { kind: 'credit-note' as const, itemId: creditNote.id }, amountMinor: credited, date });
      creditLeft.set(target.id, targetOpen - credited);
    }
  }
  let ledger: DebtorLedger = applyAllocations({ debtorId: debtor.id, items, payments: [], allocations: [] }, creditAllocations);

  // Paid invoices are settled in payment runs. Allocations are planned here and applied once (booking
  // payment by payment would copy the ledger each time, slow for the largest debtors).
  const iban = accountNumber(country, random);
  const open = new Map(ledger.items.map((item) => [item.id, item.openMinor]));
  const paid = items.map((item, index) => ({ item, day: paidOn[index]! })).filter(({ day }) => day <= lastPayingDay).sort((a, b) => a.day - b.day);
  const paymentCount = paid.length === 0 ? 0 : Math.min(paid.length, Math.max(1, Math.round(paid.length * counts.paymentsPerPaidInvoice)));
  const payments: LedgerPayment[] = [];
  const paymentAllocations: LedgerAllocation[] = [];
  let next = 0;
  groupSizes(paid.length, paymentCount, random).forEach((size, index) => {
    const group = paid.slice(next, next + size);
    next += size;
    const date = fromDayNumber(group.at(-1)!.day);
    const owed = group.reduce((sum, { item }) => sum + open.get(item.id)!, 0);
    const isRecent = todayDay - group.at(-1)!.day <= SHORT_PAYMENT_WINDOW_DAYS;
    const roll = random.next();
    const amountMinor = owed <= 0 ? 100 : isRecent && roll < 0.08 ? Math.round((owed * random.int(60, 95)) / 100) : roll > 0.98 ? owed + Math.round((owed * random.int(1, 3)) / 100) : owed;
    const paymentId = `${debtor.id}-P${index + 1}`;
    let left = amountMinor;
    for (const { item } of group) {
      const amount = Math.min(left, open.get(item.id)!);
      if (amount <= 0) continue;
      paymentAllocations.push({ itemId: item.id, source: { kind: 'payment', paymentId }, amountMinor: amount, date });
      open.set(item.id, open.get(item.id)! - amount);
      left -= amount;
    }
    const single = group.length === 1 && group[0]!.item.paymentReference !== '';
    payments.push({
      id: paymentId,
      debtorId: debtor.id,
      date,
      currency: debtor.currency,
      amountMinor,
      unappliedMinor: amountMinor,
      reference: single ? group[0]!.item.paymentReference : '',
      remittance: single ? '' : `${country === 'NL' ? 'Factuur' : country === 'SE' ? 'Fakturor' : 'Invoices'} ${group.map(({ item }) => item.number).join(', ')}`,
      counterpartyName: random.next() < 0.3 ? debtor.name.toUpperCase() : debtor.name,
      counterpartyIban: iban,
    });
  });
  ledger = applyAllocations({ ...ledger, payments }, paymentAllocations);

  // A few open invoices are disputed.
  return {
    ...ledger,
    items: ledger.items.map((item) => {
      if (item.kind !== 'invoice' || item.openMinor <= 0 || random.next() >= 0.05) return item;
      const since = addDays(item.dueDate, random.int(-5, 20));
      return { ...item, dispute: { reason: random.pick(DISPUTE_REASONS), since: since > today ? today : since } };
    }),
  };
}
