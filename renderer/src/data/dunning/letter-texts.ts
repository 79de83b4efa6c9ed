import { KredoError } from '../../../../shared/errors/kredo-error';
import { SUPPORTED_LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { LETTER_STEPS, type LetterStep } from '../../letters/dunning-letter';
import { FREE_TEXT_PARTS, unknownPlaceholders, type LetterFreeTexts } from '../../letters/letter-free-texts';
import type { KredoDb } from '../db/kredo-db';
import type { LetterTextVersion } from '../db/schema';

/** The wording a letter of one language and step is made with: the newest saved version, or Kredo's own (version 0). */
export interface LetterTextsInUse {
  readonly version: number;
  readonly texts: LetterFreeTexts;
}

export const KREDO_WORDING: LetterTextsInUse = { version: 0, texts: {} };

const keyOf = (language: string, step: string): string => `${language}:${step}`;

/**
 * The wording in use for every language and step, read once for a batch of letters: the newest version of
 * each. Three languages times three steps, a handful of versions each: the whole table is small.
 */
export async function loadLetterTextsInUse(db: KredoDb): Promise<ReadonlyMap<string, LetterTextsInUse>> {
  const newest = new Map<string, LetterTextsInUse>();
  for (const row of await db.letterTexts.toArray()) {
    if ((newest.get(row.key)?.version ?? 0) < row.version) newest.set(row.key, { version: row.version, texts: row.texts });
  }
  return newest;
}

export const letterTextsFor = (inUse: ReadonlyMap<string, LetterTextsInUse>, language: string, step: string): LetterTextsInUse => inUse.get(keyOf(language, step)) ?? KREDO_WORDING;

/** Every saved version of one language and step, newest first (Settings › Letter texts shows them). */
export async function letterTextHistory(db: KredoDb, request: { readonly language: Language; readonly step: LetterStep }): Promise<LetterTextVersion[]> {
  const rows = await db.letterTexts.where('key').equals(keyOf(request.language, request.step)).toArray();
  return rows.sort((a, b) => b.version - a.version);
}

/**
 * Saves the controller's salutation, opening and closing as the next version for the language and step;
 * blank parts keep Kredo's wording, so saving none (a reset) is a version too and the history shows it.
 * A name in braces that is not a placeholder is refused (`letterTexts.unknownPlaceholder`) and nothing is
 * stored. Letters already made keep the wording they were made with: their PDFs are kept as made.
 */
export async function saveLetterTexts(db: KredoDb, request: { readonly language: Language; readonly step: LetterStep; readonly texts: LetterFreeTexts; readonly at: string }): Promise<LetterTextVersion> {
  if (!SUPPORTED_LANGUAGES.includes(request.language) || !LETTER_STEPS.includes(request.step)) throw new KredoError('dunning.unknownLetterText');
  const texts: Partial<Record<(typeof FREE_TEXT_PARTS)[number], string>> = {};
  for (const part of FREE_TEXT_PARTS) {
    const text = request.texts[part];
    if (typeof text !== 'string' || text.trim() === '') continue;
    const unknown = unknownPlaceholders(text)[0];
    if (unknown !== undefined) throw new KredoError('dunning.unknownPlaceholder', { placeholder: `{${unknown}}`, part });
    texts[part] = text.trim();
  }
  const key = keyOf(request.language, request.step);
  return db.transaction('rw', [db.letterTexts, db.audit], async () => {
    const version = (await db.letterTexts.where('key').equals(key).toArray()).reduce((highest, row) => Math.max(highest, row.version), 0) + 1;
    const row: LetterTextVersion = { id: `${key}:${version}`, key, language: request.language, step: request.step, version, texts, savedAt: request.at };
    await db.letterTexts.add(row);
    await db.audit.add({ at: request.at, actor: 'user', action: 'policy.letterTextsChanged', entityType: 'policy', entityId: key, details: { language: request.language, step: request.step, version, reset: Object.keys(texts).length === 0 } });
    return row;
  });
}
