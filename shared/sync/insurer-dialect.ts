/**
 * The API dialects Kredo speaks with an insurer (issue 18, insurer-apis.md §1 and §3): Kredo's own canonical
 * API (what the built-in sandbox speaks first), and Atradius's published REST API. Allianz Trade's
 * (API key → bearer token, riskinfo v3 covers with asynchronous jobs) is the next dialect; it is listed so
 * Settings can say it is coming, and it is not accepted anywhere yet.
 */
export const INSURER_DIALECTS = ['canonical', 'atradius'] as const;
export type InsurerDialect = (typeof INSURER_DIALECTS)[number];

/** What a dialect's API can do, so the screens offer only what will work and say where the rest is done. */
export interface DialectCapabilities {
  /** Overdue notifications, collection handovers and claims through the API. */
  readonly lossSubmissions: boolean;
  /** A change feed with a cursor; without one Kredo polls the covers changed since a watermark. */
  readonly changeFeed: boolean;
}

export const DIALECT_CAPABILITIES: Readonly<Record<InsurerDialect, DialectCapabilities>> = {
  canonical: { lossSubmissions: true, changeFeed: true },
  // Atradius publishes buyer and cover management; no public material shows overdue, collection or claim
  // routes (a "Non-Payments API" is named in one third-party note only, unverified): those go through Atrium.
  atradius: { lossSubmissions: false, changeFeed: false },
};

/** The secrets each dialect signs in with: one API key, or Atradius's app key, client id and client secret. */
export const DIALECT_SECRETS = {
  canonical: ['apiKey'],
  atradius: ['appKey', 'clientId', 'clientSecret'],
} as const satisfies Record<InsurerDialect, readonly string[]>;

/** Where a dialect's test environment is, offered as the address to start with (insurer-apis.md §1.2.2: test first). */
export const DIALECT_TEST_URLS: Readonly<Record<InsurerDialect, string>> = { canonical: '', atradius: 'https://api-uat.atradius.com' };
