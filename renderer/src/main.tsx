import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageFromLocales } from '../../shared/i18n/languages';
import { App } from './app/App';
import { clockFor } from './app/app-clock';
import { MigrationBackupFailure } from './app/MigrationBackupFailure';
import { BootstrapContext } from './app/bootstrap-context';
import { StartupFailure } from './app/StartupFailure';
import { ipcBackupSink } from './data/backup/backup-ipc';
import { callback, dataWorker } from './data/data-client';
import { setupI18n } from './i18n/setup-i18n';
import { kredo } from './platform/kredo-api';
import './styles/app.css';
import './styles/dark.css';

function reportUnexpected(message: string, stack: string | undefined, source: string): void {
  void kredo.reportRendererError({ message: message.slice(0, 4000), ...(stack && { stack: stack.slice(0, 20000) }), source }).catch(() => undefined);
}

window.addEventListener('error', (event) => reportUnexpected(event.message, (event.error as Error | undefined)?.stack, 'window.onerror'));
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason as unknown;
  reportUnexpected(reason instanceof Error ? reason.message : String(reason), reason instanceof Error ? reason.stack : undefined, 'unhandledrejection');
});

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  const root = createRoot(container);
  try {
    const bootstrap = await kredo.getBootstrap();
    await setupI18n(bootstrap.language);
    // Before anything opens the store (and so upgrades it): keep a copy of it as it is. Without that copy
    // the upgrade does not run: the app is not shown, so nothing opens the store.
    try {
      await dataWorker().backupBeforeMigrationIfNeeded({ at: clockFor(bootstrap).now().toISOString() }, callback(ipcBackupSink()));
    } catch (error) {
      reportUnexpected(`Backup before the store upgrade failed; the store was left as it was: ${String(error)}`, error instanceof Error ? error.stack : undefined, 'start');
      root.render(<MigrationBackupFailure />);
      return;
    }
    root.render(
      <StrictMode>
        <BootstrapContext value={bootstrap}>
          <App />
        </BootstrapContext>
      </StrictMode>,
    );
  } catch (error) {
    await setupI18n(languageFromLocales(navigator.languages));
    root.render(<StartupFailure error={error} />);
  }
}

void start();
