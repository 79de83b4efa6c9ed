import { z } from 'zod';

/**
 * Updates of the desktop app (Settings › Updates; electron/main/updates/): off until the user gives the
 * address of a generic update feed (the folder holding electron-builder's `latest.yml`). Checking reads only
 * that small file; an installer is downloaded only when the user presses "Install now".
 */

export type UpdateFeedUrlProblem = 'required' | 'invalid' | 'notHttps';

/**
 * What is wrong with a feed address, or undefined. Only https, so nobody between Kredo and the server can
 * swap the metadata (the installer's signature is checked as well); plain http only on this machine, for a
 * test server.
 */
export function updateFeedUrlProblem(url: string): UpdateFeedUrlProblem | undefined {
  if (url.trim() === '') return 'required';
  // A user name or password in the address would be written to the log and settings file: never.
  if (!z.url({ protocol: /^https?$/ }).safeParse(url).success || /^[a-z]+:\/\/[^/?#]*@/i.test(url)) return 'invalid';
  if (/^https:\/\//i.test(url) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?([/?#]|$)/i.test(url)) return undefined;
  return 'notHttps';
}

export const updateFeedUrlSchema = z
  .string()
  .max(500)
  .refine((url) => updateFeedUrlProblem(url) === undefined, 'an https address');

export const updateSettingsSchema = z
  .strictObject({ enabled: z.boolean(), url: updateFeedUrlSchema.nullable() })
  .refine((settings) => !settings.enabled || settings.url !== null, { path: ['url'], message: 'an address is needed to check' });
export type UpdateSettings = z.output<typeof updateSettingsSchema>;
export const UPDATES_OFF: UpdateSettings = { enabled: false, url: null };

const version = z.string().min(1).max(64);

/** Where the update channel stands, as the Settings section and the banner show it. */
export const updateStatusSchema = z.discriminatedUnion('state', [
  /** This host does not update itself (the Chromium host, a development build). */
  z.strictObject({ state: z.literal('unsupported') }),
  z.strictObject({ state: z.literal('off') }),
  /** Up to date as of `checkedAt` (ISO instant), or not checked yet. */
  z.strictObject({ state: z.literal('idle'), checkedAt: z.string().nullable() }),
  z.strictObject({ state: z.literal('checking') }),
  z.strictObject({
    state: z.literal('available'),
    version,
    releaseDate: z.string().max(64).nullable(),
    releaseNotes: z.string().max(5000).nullable(),
  }),
  /** The user said "Later": shown again from `remindAt` (ISO instant) or at the next start. */
  z.strictObject({ state: z.literal('deferred'), version, remindAt: z.string() }),
  z.strictObject({ state: z.literal('downloading'), version, percent: z.number().int().min(0).max(100) }),
  /** Downloaded; Kredo is quitting to run the installer. */
  z.strictObject({ state: z.literal('installing'), version }),
  /** A KredoError code in the `errors` namespace. */
  z.strictObject({ state: z.literal('error'), code: z.enum(['update.checkFailed', 'update.downloadFailed']) }),
]);
export type UpdateStatus = z.output<typeof updateStatusSchema>;

const updateView = z.strictObject({ settings: updateSettingsSchema, status: updateStatusSchema });
export type UpdateView = z.output<typeof updateView>;

export const updateContract = {
  updateGetStatus: { request: z.strictObject({}), response: updateView },
  updateSetSettings: { request: updateSettingsSchema, response: updateView },
  updateCheck: { request: z.strictObject({}), response: updateView },
  updateInstall: { request: z.strictObject({}), response: updateView },
  updateDefer: { request: z.strictObject({}), response: updateView },
} as const;

export const updateEventContract = {
  onUpdateStatus: z.strictObject({ status: updateStatusSchema }),
} as const;
