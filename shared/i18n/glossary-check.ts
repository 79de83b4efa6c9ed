import { GLOSSARY, NOT_IN_APP_TEXTS, REGISTER, word, type GlossaryEntry, type GlossaryTerm } from './glossary';

/** Every text of one language, by `<namespace>:<key>`. */
export type LanguageTexts = ReadonlyMap<string, string>;

export interface GlossaryProblem {
  readonly language: 'en' | 'nl' | 'sv';
  /** `<namespace>:<key>` */
  readonly id: string;
  /** The word the glossary asks for. */
  readonly expected: string;
  /** One line: `locales/<language>/<namespace>.json <key>: …`. */
  readonly message: string;
}

/**
 * Placeholders ({{name}}) and nested references ($t(...)) are filled in at run time: their names are not
 * words of the text, so "{{limitMb}}" is no use of "limit".
 */
function wordsOnly(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/\$t\([^)]*\)/g, ' ');
}

const compiled = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let pattern = compiled.get(source);
  if (!pattern) {
    pattern = new RegExp(source, 'iu');
    compiled.set(source, pattern);
  }
  return pattern;
}

function location(language: string, id: string): string {
  const colon = id.indexOf(':');
  return `locales/${language}/${id.slice(0, colon)}.json ${id.slice(colon + 1)}`;
}

function applies(entry: GlossaryEntry, id: string): boolean {
  return !entry.namespaces || entry.namespaces.some((namespace) => id.startsWith(`${namespace}:`));
}

/**
 * Holds the Dutch and Swedish texts to the glossary: where the English text of a key uses a concept's
 * English word, the translation must use the concept's Dutch or Swedish word; a forbidden variant fails
 * wherever it stands; the texts keep their register (Swedish du in the UI and ni in letters, Dutch u); and no text in
 * any language points to what the user does not have (NOT_IN_APP_TEXTS).
 */
export function checkGlossary(
  texts: { readonly en: LanguageTexts; readonly nl: LanguageTexts; readonly sv: LanguageTexts },
  glossary: readonly GlossaryEntry[] = GLOSSARY,
): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  for (const language of ['en', 'nl', 'sv'] as const) {
    for (const [id, raw] of texts[language]) {
      for (const rule of NOT_IN_APP_TEXTS) {
        const found = regex(rule.pattern).exec(wordsOnly(raw));
        if (found) problems.push({ language, id, expected: '', message: `${location(language, id)}: "${found[0]}" — ${rule.why}` });
      }
    }
  }
  for (const language of ['nl', 'sv'] as const) {
    for (const [id, raw] of texts[language]) {
      const text = wordsOnly(raw);
      const english = wordsOnly(texts.en.get(id) ?? '');
      for (const entry of glossary) {
        if (!applies(entry, id) || entry.exempt?.[`${language} ${id}`] !== undefined) continue;
        const term: GlossaryTerm = entry[language];
        const governing = entry.en.find((source) => regex(word(source)).test(english));
        if (governing !== undefined && !term.uses.some((source) => regex(source).test(text))) {
          const said = regex(word(governing)).exec(english)?.[0] ?? governing;
          problems.push({
            language,
            id,
            expected: term.term,
            message: `${location(language, id)}: English says "${said}", so use "${term.term}" (glossary: ${entry.concept})`,
          });
        }
        for (const forbidden of term.forbidden ?? []) {
          const found = regex(forbidden.pattern).exec(text);
          if (found) {
            problems.push({
              language,
              id,
              expected: term.term,
              message: `${location(language, id)}: "${found[0]}" is not the word, use "${term.term}" (glossary: ${entry.concept} — ${forbidden.why})`,
            });
          }
        }
      }
      const letters = id.startsWith('letters:');
      for (const register of REGISTER) {
        if (register.language !== language || (register.namespaces !== 'all' && (register.namespaces === 'letters') !== letters)) continue;
        const found = regex(register.pattern).exec(text);
        if (found) problems.push({ language, id, expected: register.expected, message: `${location(language, id)}: "${found[0]}" — ${register.why}` });
      }
    }
  }
  return problems;
}
