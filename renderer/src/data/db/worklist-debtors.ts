import { letterReach } from '../../../../shared/domain/debtors/debtor-master-data';
import type { DebtorChunk, StoredDebtor } from './schema';

/** What the Dunning worklist reads of a debtor: its name and segment to plan, grade to score, the rest to show. */
export type WorklistDebtorFacts = Pick<StoredDebtor, 'id' | 'name' | 'segment' | 'grade' | 'customerCode' | 'country'> & {
  /** letterReach (debtor-master-data.ts): whether a letter has a usable address, an e-mail. */
  readonly letterReach: { readonly address: boolean; readonly email: boolean };
};

/** Bits of `reach`: a usable letter address, a reminder e-mail. */
const ADDRESS = 1;
const EMAIL = 2;

/**
 * One debtor chunk's debtors as the Dunning worklist reads them (migration 0024), column by column: a tier-L
 * worklist read every debtor whole — addresses, contacts, aliases — to use six fields and whether a letter
 * can reach it (issue 14). Derived from the chunk on every write of it (worklist-debtors-middleware.ts).
 */
export interface WorklistDebtorChunk {
  readonly chunkId: number;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly segments: readonly string[];
  readonly grades: readonly (StoredDebtor['grade'] | undefined)[];
  readonly customerCodes: readonly string[];
  readonly countries: readonly StoredDebtor['country'][];
  /** Per debtor, ADDRESS and EMAIL bits. */
  readonly reach: Uint8Array;
}

export function worklistDebtorsOf(chunk: Pick<DebtorChunk, 'chunkId' | 'debtors'>): WorklistDebtorChunk {
  const { debtors } = chunk;
  return {
    chunkId: chunk.chunkId,
    ids: debtors.map((debtor) => debtor.id),
    names: debtors.map((debtor) => debtor.name),
    segments: debtors.map((debtor) => debtor.segment),
    grades: debtors.map((debtor) => debtor.grade),
    customerCodes: debtors.map((debtor) => debtor.customerCode),
    countries: debtors.map((debtor) => debtor.country),
    reach: Uint8Array.from(debtors, (debtor) => {
      const reach = letterReach(debtor);
      return (reach.address ? ADDRESS : 0) | (reach.email ? EMAIL : 0);
    }),
  };
}

/** The facts of the chunk's debtors `wanted` asks for, by id. */
export function worklistDebtorFacts(chunk: WorklistDebtorChunk, wanted: (debtorId: string) => boolean): WorklistDebtorFacts[] {
  const facts: WorklistDebtorFacts[] = [];
  chunk.ids.forEach((id, index) => {
    if (!wanted(id)) return;
    const grade = chunk.grades[index];
    const reach = chunk.reach[index]!;
    facts.push({ id, name: chunk.names[index]!, segment: chunk.segments[index]!, ...(grade && { grade }), customerCode: chunk.customerCodes[index]!, country: chunk.countries[index]!, letterReach: { address: (reach & ADDRESS) !== 0, email: (reach & EMAIL) !== 0 } });
  });
  return facts;
}
