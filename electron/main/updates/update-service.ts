import type { UpdateSettings, UpdateStatus, UpdateView } from '../../../shared/ipc/update-contract';
import type { Clock } from '../../../shared/time/clock';
import { errorFields, type Logger } from '../services/logger';
import type { SettingsStore } from '../services/settings-store';

/** A newer release the feed offers. */
export interface UpdateOffer {
  readonly version: string;
  readonly releaseDate: string | null;
  readonly releaseNotes: string | null;
}

/**
 * What the update service needs of an updater. Electron's is electron-updater behind
 * platform/electron-updater.ts; tests use a fake. None of these runs unless the user turned updates on.
 */
export interface UpdaterPort {
  /** Points the updater at a generic feed: the folder that holds `latest.yml` / `latest-mac.yml`. */
  setFeedUrl(url: string): void;
  /** Reads the feed's metadata (a few hundred bytes); the newer release, or null when this one is current. */
  check(): Promise<UpdateOffer | null>;
  /** Downloads the release last offered, reporting progress in percent. Only after "Install now". */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Quits Kredo and runs the downloaded installer. */
  quitAndInstall(): void;
}

/** Runs `run` every `everyMs` until the returned function is called. */
export type Scheduler = (run: () => void, everyMs: number) => () => void;

export interface UpdateService {
  view(): UpdateView;
  /** Saves the settings; turning on (or changing the address) checks at once, turning off stops the checks. */
  setSettings(settings: UpdateSettings): Promise<UpdateView>;
  /** "Check now". */
  check(): Promise<UpdateView>;
  /** "Install now": starts the download; progress and the restart follow as status events. */
  install(): Promise<UpdateView>;
  /** "Later": the offer is hidden until the reminder (see REMIND_AFTER_MS) or the next start. */
  defer(): Promise<UpdateView>;
  /** Checks now and periodically if updates were left on. */
  start(): void;
  stop(): void;
  /** Resolves once no check or download is running. */
  idle(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;
/** How often a running Kredo looks at the feed while updates are on. */
export const CHECK_EVERY_MS = 4 * HOUR_MS;
/** How long "Later" keeps an offer out of sight. */
export const REMIND_AFTER_MS = 24 * HOUR_MS;
const MAX_RELEASE_NOTES = 5000;

const everyInterval: Scheduler = (run, everyMs) => {
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
};

export interface UpdateServiceOptions {
  /** Undefined where the app cannot update itself (the Chromium host, a development build). */
  readonly updater: UpdaterPort | undefined;
  readonly settings: SettingsStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly onStatus: (status: UpdateStatus) => void;
  readonly schedule?: Scheduler;
}

/**
 * The update channel's state machine (Settings › Updates and the banner): off → checking → up to date or
 * available → deferred ("Later") or downloading ("Install now") → installing. Nothing is downloaded without
 * the user's "Install now"; checking reads only the feed's metadata, and only once the user gave its address.
 */
export function createUpdateService(options: UpdateServiceOptions): UpdateService {
  const { updater, settings, clock, logger } = options;
  const schedule = options.schedule ?? everyInterval;
  const current = () => settings.get().updates;
  const isOn = () => updater !== undefined && current().enabled && current().url !== null;

  let status: UpdateStatus = initialStatus();
  let offer: UpdateOffer | undefined;
  let remindAt = 0;
  let cancelSchedule: (() => void) | undefined;
  let checking: Promise<void> | undefined;
  let downloading: Promise<void> | undefined;
  // Bumped whenever the settings change, so a check or download begun under the old ones cannot land.
  let generation = 0;

  function initialStatus(): UpdateStatus {
    if (!updater) return { state: 'unsupported' };
    return isOn() ? { state: 'idle', checkedAt: null } : { state: 'off' };
  }

  function setStatus(next: UpdateStatus): void {
    status = next;
    options.onStatus(next);
  }

  const view = (): UpdateView => ({ settings: current(), status });
  const isBusy = () => status.state === 'downloading' || status.state === 'installing';

  async function runCheck(quiet: boolean): Promise<void> {
    const started = generation;
    if (!quiet) setStatus({ state: 'checking' });
    try {
      const found = await updater!.check();
      if (started !== generation || isBusy()) return;
      if (!found) {
        offer = undefined;
        setStatus({ state: 'idle', checkedAt: clock.now().toISOString() });
        return;
      }
      const sameAsDeferred = offer?.version === found.version && status.state === 'deferred';
      offer = { ...found, releaseNotes: found.releaseNotes?.slice(0, MAX_RELEASE_NOTES) ?? null };
      if (sameAsDeferred && clock.now().getTime() < remindAt) {
        setStatus({ state: 'deferred', version: found.version, remindAt: new Date(remindAt).toISOString() });
        return;
      }
      logger.info('An update is available', { version: found.version });
      setStatus({ state: 'available', ...offer });
    } catch (error) {
      if (started !== generation) return;
      logger.warn('Checking for updates failed', errorFields(error));
      setStatus({ state: 'error', code: 'update.checkFailed' });
    }
  }

  function checkOnce(quiet: boolean): Promise<void> {
    if (!isOn() || isBusy()) return Promise.resolve();
    checking ??= runCheck(quiet).finally(() => {
      checking = undefined;
    });
    return checking;
  }

  function applySettings(): void {
    generation += 1;
    cancelSchedule?.();
    cancelSchedule = undefined;
    offer = undefined;
    if (!updater) return;
    if (!isOn()) {
      setStatus({ state: 'off' });
      return;
    }
    updater.setFeedUrl(current().url!);
    cancelSchedule = schedule(() => void checkOnce(true), CHECK_EVERY_MS);
    void checkOnce(false);
  }

  async function download(version: string): Promise<void> {
    const started = generation;
    let shown = 0;
    setStatus({ state: 'downloading', version, percent: 0 });
    try {
      await updater!.download((progress) => {
        const percent = Math.min(100, Math.max(0, Math.floor(progress)));
        if (percent === shown || started !== generation) return;
        shown = percent;
        setStatus({ state: 'downloading', version, percent });
      });
      if (started !== generation) return;
      logger.info('Update downloaded; quitting to install it', { version });
      setStatus({ state: 'installing', version });
      updater!.quitAndInstall();
    } catch (error) {
      if (started !== generation) return;
      logger.warn('Downloading the update failed', { version, ...errorFields(error) });
      setStatus({ state: 'error', code: 'update.downloadFailed' });
    }
  }

  return {
    view,
    async setSettings(next) {
      const previous = current();
      await settings.setUpdateSettings(next);
      if (previous.enabled !== next.enabled || previous.url !== next.url) applySettings();
      return view();
    },
    async check() {
      await checkOnce(false);
      return view();
    },
    async install() {
      if (isOn() && offer && (status.state === 'available' || status.state === 'deferred')) {
        const version = offer.version;
        downloading = download(version).finally(() => {
          downloading = undefined;
        });
      }
      return view();
    },
    async defer() {
      if (status.state === 'available') {
        remindAt = clock.now().getTime() + REMIND_AFTER_MS;
        setStatus({ state: 'deferred', version: status.version, remindAt: new Date(remindAt).toISOString() });
      }
      return view();
    },
    start() {
      if (isOn()) applySettings();
    },
    stop() {
      cancelSchedule?.();
      cancelSchedule = undefined;
    },
    async idle() {
      while (checking || downloading) await Promise.all([checking, downloading]);
    },
  };
}
