import { amountKeyOf, groupAmountKeyOf, parseBankLineId, type ParsedBankLineId } from './bank-line-id';
import type { StoredBankLines } from './stored-bank-lines';

/**
 * The bank lines Kredo already has (booked payments and lines waiting for review), as far as the lines of
 * a new file could be one of them: a statement already imported in any format (CAMT.053, CAMT.054, MT940,
 * BgMax) changes nothing when it comes again in another (issue 12, item 7).
 *
 * A new line is known when a stored line has its id; or was stored under its legacy id (before ids carried
 * their identity); or has the same direction, amount and currency, shares a date and an account form, and
 * shares a reference — unless both carry an end-to-end id and the ids differ (then they are two payments).
 * Bank entries holding several transactions (a batch, a bankgiro deposit) are read by some formats as one
 * line and by others as their parts: a new line equal to an entry whose parts are stored is known, and so are
 * new parts of an entry stored whole. Each stored line answers for one new line (or one entry's parts) only,
 * so a payment made twice on the same day is not lost when both arrive — in whatever order, when the new
 * lines are given to the constructor (`lineIds`; decidePayments always does).
 */
export class KnownBankLines {
  private readonly exact = new Set<string>();
  private readonly legacy = new Set<string>();
  private readonly byAmount = new Map<string, ParsedBankLineId[]>();
  private readonly byGroupAmount = new Map<string, ParsedBankLineId[]>();
  /** Stored line (or stored entry, by its group signature) → the new line or entry that claimed it. */
  private readonly claims = new Map<string, string>();
  private readonly wanted: { readonly ids: ReadonlySet<string>; readonly legacies: ReadonlySet<string>; readonly amountKeys: ReadonlySet<string> } | undefined;

  /** With `lineIds`, only stored lines that could be one of those lines are kept (see offer). */
  constructor(storedIds: Iterable<string> = [], lineIds?: Iterable<string>) {
    if (lineIds) {
      const ids = new Set(lineIds);
      const legacies = new Set<string>();
      const amountKeys = new Set<string>();
      for (const id of ids) {
        const parsed = parseBankLineId(id);
        legacies.add(parsed.legacy);
        if (parsed.amountKey) amountKeys.add(parsed.amountKey);
        if (parsed.group) amountKeys.add(parsed.group.amountKey);
      }
      this.wanted = { ids, legacies, amountKeys };
    } else {
      this.wanted = undefined;
    }
    for (const id of storedIds) this.offer(id);
  }

  /**
   * The same as `new KnownBankLines(ids, lineIds)` for the ids `stored` was made of, but reading only the
   * stored lines of the new lines' amounts (and the legacy ids) instead of offering every stored line.
   */
  static among(stored: StoredBankLines, lineIds: Iterable<string>): KnownBankLines {
    const known = new KnownBankLines([], lineIds);
    const wanted = known.wanted!;
    for (const id of stored.legacy) known.offer(id);
    // A stored line with one of the new lines' ids has that line's amount key, or an empty one (never wanted by amount).
    for (const amountKey of [...wanted.amountKeys, '']) {
      for (const id of stored.byAmountKey.get(amountKey) ?? []) {
        if (wanted.ids.has(id)) known.exact.add(id);
        if (wanted.amountKeys.has(amountKey)) add(known.byAmount, amountKey, parseBankLineId(id));
      }
    }
    for (const groupKey of wanted.amountKeys) for (const id of stored.byGroupAmountKey.get(groupKey) ?? []) add(known.byGroupAmount, groupKey, parseBankLineId(id));
    return known;
  }

  /** Takes a stored line's id in; cheap for the many that cannot be any of the wanted lines. */
  offer(storedId: string): void {
    const wanted = this.wanted;
    const amountKey = amountKeyOf(storedId);
    if (amountKey === undefined) {
      if (!wanted || wanted.ids.has(storedId) || wanted.legacies.has(storedId)) this.legacy.add(storedId);
      return;
    }
    if (!wanted || wanted.ids.has(storedId)) this.exact.add(storedId);
    const groupKey = groupAmountKeyOf(storedId);
    const byAmount = !wanted || wanted.amountKeys.has(amountKey);
    const byGroup = groupKey !== undefined && (!wanted || wanted.amountKeys.has(groupKey));
    if (!byAmount && !byGroup) return;
    const parsed = parseBankLineId(storedId);
    if (byAmount) add(this.byAmount, amountKey, parsed);
    if (byGroup) add(this.byGroupAmount, groupKey, parsed);
  }

  /** Whether the line is already known; a stored line recognised here is not recognised again for another line. */
  claim(lineId: string): boolean {
    if (this.exact.has(lineId)) return this.take(lineId, lineId);
    const line = parseBankLineId(lineId);
    if (this.legacy.has(line.legacy) || this.legacy.has(lineId)) return true;
    if (!line.amountKey) return false;

    for (const stored of this.byAmount.get(line.amountKey) ?? []) {
      if (this.isFree(stored.id, lineId) && sameBooking(line, stored, line.identifiers, stored.identifiers)) return this.take(stored.id, lineId);
    }
    if (line.group) {
      // A part of an entry whose whole was stored as one line (an MT940 line of a batch the CAMT splits).
      const group = line.group;
      for (const stored of this.byAmount.get(group.amountKey) ?? []) {
        if (this.isFree(stored.id, group.signature) && sameBooking(line, stored, group.identifiers, stored.identifiers, false)) return this.take(stored.id, group.signature);
      }
    }
    // A whole entry whose parts were stored (the CAMT.053 split, BgMax's payments of one deposit).
    for (const stored of this.byGroupAmount.get(line.amountKey) ?? []) {
      const group = stored.group!;
      if (this.isFree(group.signature, lineId, stored.id) && sameBooking(line, stored, line.identifiers, group.identifiers, false)) return this.take(group.signature, lineId);
    }
    return false;
  }

  /**
   * Whether a stored line (or stored entry, by its signature) may still answer for the claimant. A stored line
   * that is itself one of the new lines answers for that line only (claim finds it by its id first), whichever
   * comes first in the file: of a payment made twice, the one stored is known and the other is new.
   */
  private isFree(stored: string, claimant: string, storedId = stored): boolean {
    if (this.wanted?.ids.has(storedId)) return false;
    const owner = this.claims.get(stored);
    return owner === undefined || owner === claimant;
  }

  private take(stored: string, claimant: string): true {
    this.claims.set(stored, claimant);
    return true;
  }
}

function add(map: Map<string, ParsedBankLineId[]>, key: string, value: ParsedBankLineId): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const intersects = (a: readonly string[], b: readonly string[]) => a.some((value) => b.includes(value));
/** Identifiers compare by their hash, whatever field each came from (a reference in one format is the remittance in another). */
const hashes = (identifiers: readonly string[]) => identifiers.map((identifier) => identifier.slice(1));

/**
 * Whether two lines are the same booking: dates and account forms in common (either may lack accounts),
 * a reference in common, and no two different end-to-end ids (`checkEndToEnd` is off when a whole entry is
 * compared with one of its parts, whose end-to-end ids are the parts').
 */
function sameBooking(line: ParsedBankLineId, stored: ParsedBankLineId, lineIdentifiers: readonly string[], storedIdentifiers: readonly string[], checkEndToEnd = true): boolean {
  if (!intersects(line.dates, stored.dates)) return false;
  if (line.accounts.length > 0 && stored.accounts.length > 0 && !intersects(line.accounts, stored.accounts)) return false;
  if (checkEndToEnd && line.endToEnd && stored.endToEnd && line.endToEnd !== stored.endToEnd) return false;
  return intersects(hashes(lineIdentifiers), hashes(storedIdentifiers));
}
