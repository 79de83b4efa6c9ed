import type { Debtor } from '../../../../shared/domain/debtors/debtor';
import { debtorFromImport, importedDebtorId } from '../../../../shared/import/debtor-from-import';
import type { CustomerLines } from '../../../../shared/import/open-item-lines';
import { diffOpenItems, type OpenItemsDiff } from '../../../../shared/import/plan-open-items';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { StoreIndex } from './chunk-loader';

interface Ahead {
  /** How many lines the customer had when worked out: more since, and it is worked out again at the end. */
  readonly count: number;
  readonly debtor: Debtor;
  readonly diff: OpenItemsDiff;
}

/**
 * The new debtors of a first import (and their ledgers) worked out while the file is still arriving, so the
 * comparison after the parse finds them done (issue 14: at tier L that is 20,000 debtors and a million
 * items, some seconds after the parse). A customer is worked out once a batch comes that does not
 * continue it — an export lists each customer's lines together, so it is then most likely complete. What
 * is worked out is only a guess kept aside: it is taken only for the very same lines, still as many, the
 * same debtor id and payment term; anything else is worked out at the end as before (resolveDebtors,
 * prepareOpenItems), so the result is always what those would give.
 */
export class NewLedgersAhead {
  private readonly ahead = new Map<CustomerLines, Ahead>();
  private previous: readonly string[] = [];
  private readonly known: ReadonlySet<string>;

  constructor(
    private readonly index: StoreIndex,
    private readonly linesOf: (customerCode: string) => CustomerLines | undefined,
    private readonly today: IsoDate,
  ) {
    // Codes the store knows (as a debtor's code or one it learned): such customers are compared, not created.
    const known = new Set<string>();
    for (const debtor of index.byId.values()) for (const code of [debtor.customerCode, ...(debtor.aliases?.customerCodes ?? [])]) known.add(code);
    this.known = known;
  }

  /** After each batch, with the customer codes it holds: works out those of the batch before that it does not continue. */
  onBatch(codes: readonly string[]): void {
    const current = new Set(codes);
    for (const code of this.previous) if (!current.has(code)) this.workOut(code);
    this.previous = codes;
  }

  private workOut(customerCode: string): void {
    const lines = this.linesOf(customerCode);
    const id = importedDebtorId(customerCode);
    // A known code, or an id already taken (the new debtor would get another): left to the end.
    if (!lines || this.known.has(customerCode) || this.index.byId.has(id)) return;
    const records = lines.records();
    const debtor = debtorFromImport(id, records, this.today, undefined, lines.facts);
    const diff = diffOpenItems({ debtorId: id, items: [], payments: [], allocations: [] }, records, { today: this.today, paymentTermsDays: debtor.paymentTermsDays, isFullExport: false });
    this.ahead.set(lines, { count: lines.count, debtor, diff });
  }

  private take(lines: CustomerLines, id: string): Ahead | undefined {
    const ahead = this.ahead.get(lines);
    return ahead && ahead.count === lines.count && ahead.debtor.id === id ? ahead : undefined;
  }

  /** The new debtor `debtorFromImport(id, lines.records(), today, undefined, lines.facts)` gives, if worked out already. */
  debtorOf(id: string, lines: CustomerLines): Debtor | undefined {
    return this.take(lines, id)?.debtor;
  }

  /** What `diffOpenItems` gives for a new debtor's empty ledger and these lines, if worked out already; taken once. */
  diffOf(debtor: Debtor, lines: CustomerLines): OpenItemsDiff | undefined {
    const ahead = this.take(lines, debtor.id);
    this.ahead.delete(lines);
    return ahead && ahead.debtor.paymentTermsDays === debtor.paymentTermsDays ? ahead.diff : undefined;
  }
}
