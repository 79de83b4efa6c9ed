/**
 * `npm run check:i18n` (part of `npm test`): every language has every namespace file and every key of the
 * English source, with the same {{placeholders}}, no empty texts, and no text left in English; and the
 * Dutch and Swedish texts use the glossary's terms (shared/i18n/glossary.ts, checked by
 * shared/i18n/glossary-check.ts) and the Swedish register (du in the UI, ni in letters). Together
 * with the typed `t()` (locales/i18next.d.ts, checked by tsc) and the lint rule against literal JSX text,
 * this is what keeps Kredo fully Dutch, Swedish and English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGUAGES } from '../shared/i18n/languages';
import { checkGlossary } from '../shared/i18n/glossary-check';
import { I18N_NAMESPACES } from '../shared/i18n/namespaces';

/**
 * Texts that are rightly the same as in English: "Help", "Updates", "Later" and "Details" are Dutch too, "Version" is Swedish too, "Status" and "IBAN" are both, as are the names of central banks and insurers and a rate written as a formula, and key
 * names are what Dutch and Swedish keyboards print on the keys.
 */
const SAME_AS_ENGLISH_ON_PURPOSE: Readonly<Record<string, readonly string[]>> = {
  // Dutch credit managers say "key accounts" (shared/i18n/glossary.ts).
  nl: ['settings:creditPolicy.ladders.key-account', 'settings:creditPolicy.segmentNames.key-account', 'menu:help', 'shell:shortcuts.gridKeys', 'shell:shortcuts.enterKey', 'dunning:plans.status', 'settings:letterhead.fields.iban', 'settings:updates.title', 'settings:updates.later', 'shell:update.later', 'shell:update.details', 'settings:rates.list.pairValue', 'settings:rates.sources.riksbank', 'settings:rates.sources.boe', 'settings:insurer.dialects.atradius', 'settings:insurer.dialects.allianz'],
  sv: ['settings:about.version', 'shell:shortcuts.gridKeys', 'shell:shortcuts.enterKey', 'dunning:plans.status', 'settings:letterhead.fields.iban', 'settings:rates.list.pairValue', 'settings:rates.sources.boe', 'settings:insurer.dialects.atradius', 'settings:insurer.dialects.allianz'],
};

type Flat = Map<string, string>;

function flatten(value: unknown, prefix: string, into: Flat): Flat {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, String(value));
  }
  return into;
}

function placeholders(text: string): string {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]).sort().join(',');
}

const root = path.resolve('locales');
const problems: string[] = [];
const english = new Map<string, Flat>();
/** Every text of each language by `<namespace>:<key>`, for the glossary check. */
const all = { en: new Map<string, string>(), nl: new Map<string, string>(), sv: new Map<string, string>() };

for (const language of SUPPORTED_LANGUAGES) {
  const files = readdirSync(path.join(root, language)).filter((file) => file.endsWith('.json'));
  const namespaces = files.map((file) => file.replace(/\.json$/, ''));
  for (const extra of namespaces.filter((ns) => !(I18N_NAMESPACES as readonly string[]).includes(ns))) {
    problems.push(`locales/${language}/${extra}.json is not a namespace listed in shared/i18n/namespaces.ts`);
  }
  for (const namespace of I18N_NAMESPACES) {
    const file = path.join(root, language, `${namespace}.json`);
    let texts: Flat;
    try {
      texts = flatten(JSON.parse(readFileSync(file, 'utf8')), '', new Map());
    } catch (error) {
      problems.push(`locales/${language}/${namespace}.json: ${(error as Error).message}`);
      continue;
    }
    if (language === 'en') {
      english.set(namespace, texts);
    }
    for (const [key, text] of texts) all[language].set(`${namespace}:${key}`, text);
    const source = english.get(namespace) ?? new Map<string, string>();
    for (const [key, text] of texts) {
      const id = `${namespace}:${key}`;
      if (text.trim() === '') problems.push(`${language} ${id}: empty text`);
      if (language === 'en') continue;
      const englishText = source.get(key);
      if (englishText === undefined) {
        problems.push(`${language} ${id}: not in English (the source language)`);
        continue;
      }
      if (placeholders(text) !== placeholders(englishText)) {
        problems.push(`${language} ${id}: placeholders {{${placeholders(text)}}} differ from English {{${placeholders(englishText)}}}`);
      }
      if (text === englishText && text.length > 3 && !SAME_AS_ENGLISH_ON_PURPOSE[language]?.includes(id)) {
        problems.push(`${language} ${id}: still the English text "${text}"`);
      }
    }
    if (language !== 'en') {
      for (const key of source.keys()) {
        if (!texts.has(key)) problems.push(`${language} ${namespace}:${key}: missing`);
      }
    }
  }
}

problems.push(...checkGlossary(all).map((problem) => problem.message));

if (problems.length > 0) {
  console.error(`Translation check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const keyCount = [...english.values()].reduce((sum, texts) => sum + texts.size, 0);
console.log(`Translations complete: ${keyCount} keys × ${SUPPORTED_LANGUAGES.length} languages in ${I18N_NAMESPACES.length} namespaces.`);
