import path from 'node:path';
import { z } from 'zod';
import type { Language } from '../../../shared/i18n/languages';
import { languageSchema } from '../../../shared/ipc/contract';
import { insurerConnectionSettingsSchema, SANDBOX_CONNECTION, type InsurerConnectionSettings } from '../../../shared/ipc/insurer-contract';
import { updateSettingsSchema, UPDATES_OFF, type UpdateSettings } from '../../../shared/ipc/update-contract';
import { mailSettingsSchema, type MailSettings } from '../../../shared/ipc/mail-contract';
import { readJsonFile, writeJsonFileAtomic } from './json-file';
import type { Logger } from './logger';

const settingsSchema = z.object({
  language: languageSchema,
  /** A folder whose new files are imported by themselves (Settings › Imports); null when none is set. */
  watchedFolder: z.string().nullable().default(null),
  /** The currency of amounts in imported files that do not state one. */
  homeCurrency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  /** Which insurer the sync talks to; the API key is not here but in the secret store. */
  insurer: insurerConnectionSettingsSchema.default(SANDBOX_CONNECTION),
  /** The update channel (Settings › Updates): off until the user gives a feed address. */
  updates: updateSettingsSchema.default(UPDATES_OFF),
  /** Settings › E-mail: the controller's mailbox (the password is in the secret store); null until set. */
  mail: mailSettingsSchema.nullable().default(null),
});

export type Settings = z.output<typeof settingsSchema>;

export interface SettingsStore {
  get(): Settings;
  setLanguage(language: Language): Promise<Settings>;
  /** Changes the import settings (watched folder, home currency). */
  setImportSettings(patch: Partial<Pick<Settings, 'watchedFolder' | 'homeCurrency'>>): Promise<Settings>;
  setInsurerConnection(connection: InsurerConnectionSettings): Promise<Settings>;
  setUpdateSettings(updates: UpdateSettings): Promise<Settings>;
  setMailSettings(mail: MailSettings): Promise<Settings>;
  /** Called after every change, whoever made it: the renderer, the menu, or a test. */
  onChange(listener: (settings: Settings, previous: Settings) => void): () => void;
}

/**
 * The user's preferences, kept by the main process in `settings.json` under the user-data folder, so both
 * the Electron window and the Chromium host see the same choices and the menu can be built before the
 * renderer has loaded.
 */
export async function openSettingsStore(options: {
  userDataDir: string;
  defaults: Pick<Settings, 'language'> & Partial<Settings>;
  logger: Logger;
}): Promise<SettingsStore> {
  const file = path.join(options.userDataDir, 'settings.json');
  let current: Settings = { watchedFolder: null, homeCurrency: 'EUR', insurer: SANDBOX_CONNECTION, updates: UPDATES_OFF, mail: null, ...options.defaults, ...(await readJsonFile(file, settingsSchema, options.logger)) };
  const listeners = new Set<(settings: Settings, previous: Settings) => void>();

  async function update(next: Settings): Promise<Settings> {
    const previous = current;
    await writeJsonFileAtomic(file, next);
    current = next;
    for (const listener of listeners) listener(current, previous);
    return current;
  }

  return {
    get: () => current,
    setLanguage: async (language) => (language === current.language ? current : update({ ...current, language })),
    setImportSettings: (patch) => update({ ...current, ...patch }),
    setInsurerConnection: (insurer) => update({ ...current, insurer }),
    setUpdateSettings: (updates) => update({ ...current, updates }),
    setMailSettings: (mail) => update({ ...current, mail }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
