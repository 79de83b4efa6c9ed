import { create } from 'zustand';
import type { Screen } from '../../../shared/navigation/screens';

/**
 * UI state only (which screen is open, which dialog is showing); never portfolio data, which lives in
 * IndexedDB and is read through live queries.
 */
interface NavigationState {
  readonly screen: Screen;
  /** Whether the user has left the welcome screen in this session (by opening the demo or choosing import). */
  readonly hasLeftWelcome: boolean;
  readonly isShortcutsOpen: boolean;
  navigate(screen: Screen): void;
  leaveWelcome(screen: Screen): void;
  setShortcutsOpen(isOpen: boolean): void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  screen: 'portfolio',
  hasLeftWelcome: false,
  isShortcutsOpen: false,
  navigate: (screen) => set({ screen }),
  leaveWelcome: (screen) => set({ screen, hasLeftWelcome: true }),
  setShortcutsOpen: (isShortcutsOpen) => set({ isShortcutsOpen }),
}));
