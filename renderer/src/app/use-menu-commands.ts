import { useEffect } from 'react';
import { subscribe } from '../platform/kredo-api';
import { useNavigationStore } from './navigation-store';
import { useImportStore } from '../features/imports/import-store';

/** Carries out what the application menu asks of the page (the desktop app's File, View and Help menus). */
export function useMenuCommands(): void {
  useEffect(
    () =>
      subscribe('onMenuCommand', (command) => {
        const store = useNavigationStore.getState();
        switch (command.type) {
          case 'navigate':
            store.leaveWelcome(command.screen);
            return;
          case 'import':
            store.leaveWelcome('imports');
            void useImportStore.getState().chooseFiles().catch((error: unknown) => useImportStore.getState().refuse([{ name: '', error }]));
            return;
          case 'show-shortcuts':
            store.setShortcutsOpen(true);
            return;
        }
      }),
    [],
  );
}
