/**
 * Ageing results: for each group (a debtor, a country, a currency or the whole portfolio) and currency,
 * the open amount in each bucket plus three extra columns. Amounts are whole minor units held in doubles,
 * which add exactly up to 2^53; amounts in different currencies are never added together here.
 */
export const EXTRA_COLUMNS = { credits: 0, unappliedCash: 1, disputed: 2 } as const;
const EXTRA_COLUMN_COUNT = 3;

export class AgeingTable {
  readonly cells: Float64Array;
  private readonly width: number;

  /**
   * `cells`, when given, is zeroed storage of exactly the table's size that the caller reuses from one
   * table to the next (summarising a tier-L portfolio chunk by chunk would otherwise allocate thousands of
   * buffers, and their garbage collection cost more than the ageing itself).
   */
  constructor(
    readonly groupCount: number,
    readonly currencies: readonly string[],
    readonly bucketCount: number,
    cells?: Float64Array,
  ) {
    this.width = bucketCount + EXTRA_COLUMN_COUNT;
    const size = groupCount * currencies.length * this.width;
    if (cells && cells.length !== size) throw new RangeError(`An ageing table of ${size} cells, not ${cells.length}`);
    this.cells = cells ?? new Float64Array(size);
  }

  private offset(group: number, currency: number): number {
    return (group * this.currencies.length + currency) * this.width;
  }

  addToBucket(group: number, currency: number, bucket: number, amountMinor: number): void {
    const cell = this.offset(group, currency) + bucket;
    this.cells[cell] = this.cells[cell]! + amountMinor;
  }

  addToExtra(group: number, currency: number, column: keyof typeof EXTRA_COLUMNS, amountMinor: number): void {
    const cell = this.offset(group, currency) + this.bucketCount + EXTRA_COLUMNS[column];
    this.cells[cell] = this.cells[cell]! + amountMinor;
  }

  /** Open invoice amounts per bucket (credit notes and unapplied cash are not in the buckets). */
  buckets(group: number, currency: string): number[] {
    const index = this.currencies.indexOf(currency);
    if (index < 0) return new Array<number>(this.bucketCount).fill(0);
    const start = this.offset(group, index);
    return Array.from(this.cells.subarray(start, start + this.bucketCount));
  }

  extra(group: number, currency: string, column: keyof typeof EXTRA_COLUMNS): number {
    const index = this.currencies.indexOf(currency);
    return index < 0 ? 0 : this.cells[this.offset(group, index) + this.bucketCount + EXTRA_COLUMNS[column]]!;
  }

  /** Invoices open across all buckets. */
  totalOpen(group: number, currency: string): number {
    return this.buckets(group, currency).reduce((sum, amount) => sum + amount, 0);
  }

  /** Net balance: open invoices less unused credit notes and unapplied cash ("netted per customer"). */
  net(group: number, currency: string): number {
    return this.totalOpen(group, currency) + this.extra(group, currency, 'credits') - this.extra(group, currency, 'unappliedCash');
  }
}
