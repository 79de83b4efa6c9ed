import { useEffect } from 'react';
import { screenForShortcutDigit } from '../../../shared/navigation/screens';
import { useBootstrap } from './bootstrap-context';
import { useNavigationStore } from './navigation-store';

/**
 * The menu's keyboard shortcuts, for the Chromium host, which has no native menu. In the desktop app the
 * menu's accelerators handle these keys, so the page leaves them alone there to avoid acting twice.
 */
export function useKeyboardShortcuts(): void {
  const { host, platform } = useBootstrap();
  useEffect(() => {
    if (host !== 'chromium') return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const hasModifier = platform === 'darwin' ? event.metaKey : event.ctrlKey;
      if (!hasModifier || event.altKey || event.shiftKey) return;
      const store = useNavigationStore.getState();
      const screen = screenForShortcutDigit(Number(event.key));
      if (screen) store.leaveWelcome(screen);
      else if (event.key === ',') store.leaveWelcome('settings');
      else if (event.key === 'o') store.leaveWelcome('imports');
      else if (event.key === '/') store.setShortcutsOpen(true);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [host, platform]);
}
