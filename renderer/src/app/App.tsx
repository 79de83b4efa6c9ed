import { WelcomeScreen } from '../features/welcome/WelcomeScreen';
import { usePortfolioStatus } from '../data/portfolio-queries';
import { useLanguageFromMainProcess } from '../i18n/use-language';
import { AppShell } from './AppShell';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';
import { useMenuCommands } from './use-menu-commands';
import { useNavigationStore } from './navigation-store';
import { ShortcutsDialog } from './ShortcutsDialog';

/**
 * The root: the welcome screen while the store is empty and the user has not chosen how to start, the
 * app shell otherwise. Menu commands, shortcuts and language changes from the main process apply in both.
 */
export function App() {
  useLanguageFromMainProcess();
  useMenuCommands();
  useKeyboardShortcuts();
  const status = usePortfolioStatus();
  const hasLeftWelcome = useNavigationStore((state) => state.hasLeftWelcome);

  if (status === 'loading') return null;
  return (
    <>
      {status === 'empty' && !hasLeftWelcome ? <WelcomeScreen /> : <AppShell />}
      <ShortcutsDialog />
    </>
  );
}
