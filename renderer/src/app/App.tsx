import { WelcomeScreen } from '../features/welcome/WelcomeScreen';
import { useEffect } from 'react';
import { useDailyBackup } from '../data/backup/use-daily-backup';
import { dataWorker } from '../data/data-client';
import { usePortfolioStatus } from '../data/queries/use-portfolio';
import { useClock } from './app-clock';
import { useLanguageFromMainProcess } from '../i18n/use-language';
import { AppShell } from './AppShell';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';
import { useMenuCommands } from './use-menu-commands';
import { useNavigationStore } from './navigation-store';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useImportEvents } from '../features/imports/use-import-events';
import { useMailOutcomes } from '../features/mail/use-mail-outcomes';
import { useInsurerSync } from '../features/sync/use-insurer-sync';

/**
 * The root: the welcome screen while the store is empty and the user has not chosen how to start, the
 * app shell otherwise. Menu commands, shortcuts and language changes from the main process apply in both.
 */
export function App() {
  useLanguageFromMainProcess();
  useMenuCommands();
  useKeyboardShortcuts();
  useImportEvents();
  useMailOutcomes();
  const status = usePortfolioStatus();
  const clock = useClock();
  const today = clock.today();

  // Ageing moves every day: bring yesterday's summaries up to date in the background.
  useEffect(() => {
    if (status === 'ready') void dataWorker().refreshSummariesIfStale({ today }).catch(() => undefined);
  }, [status, today]);
  const hasLeftWelcome = useNavigationStore((state) => state.hasLeftWelcome);
  useDailyBackup(status, clock);
  useInsurerSync(status);

  if (status === 'loading') return null;
  return (
    <>
      {status === 'empty' && !hasLeftWelcome ? <WelcomeScreen /> : <AppShell />}
      <ShortcutsDialog />
    </>
  );
}
