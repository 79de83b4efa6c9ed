import { MAX_LETTER_NUMBER } from '../../../../shared/domain/references/letter-payment-reference';
import type { KredoDb } from '../db/kredo-db';

/**
 * The number of each kept letter, from which its payment reference is made
 * (shared/domain/references/letter-payment-reference.ts). Kredo keeps it unique with one counter in `meta`,
 * and remembers the number given to each dunning action: a letter made again for the same step (processing
 * stopped after the e-mail was queued and before the step was stored, then run again) gets the same number,
 * so the message already on its way and the letter kept quote one reference. Numbers skipped by a letter
 * that was never stored are not reused. Both live in `meta`, so backups and restores carry them.
 */
export const LAST_LETTER_NUMBER_KEY = 'letters.lastNumber';
const actionKey = (actionId: string) => `letters.number:${actionId}`;

const asNumber = (value: unknown): number => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0);

/** The letter number of a dunning action: the one it was given before, else the next one. */
export async function letterNumberFor(db: KredoDb, actionId: string): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const given = asNumber((await db.meta.get(actionKey(actionId)))?.value);
    if (given > 0) return given;
    const next = asNumber((await db.meta.get(LAST_LETTER_NUMBER_KEY))?.value) + 1;
    if (next > MAX_LETTER_NUMBER) throw new RangeError('No letter numbers left');
    await db.meta.bulkPut([
      { key: LAST_LETTER_NUMBER_KEY, value: next },
      { key: actionKey(actionId), value: next },
    ]);
    return next;
  });
}

/**
 * The number a dunning action's letter was already given, if any: the only number a preview may show as the
 * letter's (issue 16). The next free number is no promise — another letter made before this one takes it.
 */
export async function givenLetterNumber(db: KredoDb, actionId: string): Promise<number | undefined> {
  const given = asNumber((await db.meta.get(actionKey(actionId)))?.value);
  return given > 0 ? given : undefined;
}

/** The number the next letter will get (not a promise: see givenLetterNumber). */
export async function nextLetterNumber(db: KredoDb): Promise<number> {
  return asNumber((await db.meta.get(LAST_LETTER_NUMBER_KEY))?.value) + 1;
}
