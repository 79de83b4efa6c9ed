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
  /** The debtor whose page is open over the portfolio, if any. */
  readonly debtorId: string | undefined;
  /** The ledger chunk that held it when opened: saves a search through the store. */
  readonly debtorChunkId: number | undefined;
  /** The part of the debtor page to open at (`masterData`: the contacts and addresses form, from the worklist). */
  readonly debtorSection?: string | undefined;
  /** The Settings section to scroll to when Settings opens (a notice's "Add exchange rates", say). */
  readonly settingsSection: string | undefined;
  navigate(screen: Screen): void;
  openSettings(section: string): void;
  openDebtor(debtorId: string, chunkId?: number, section?: string): void;
  closeDebtor(): void;
  leaveWelcome(screen: Screen): void;
  setShortcutsOpen(isOpen: boolean): void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  screen: 'portfolio',
  hasLeftWelcome: false,
  isShortcutsOpen: false,
  debtorId: undefined,
  debtorChunkId: undefined,
  settingsSection: undefined,
  navigate: (screen) => set({ screen, debtorId: undefined, settingsSection: undefined }),
  openSettings: (settingsSection) => set({ screen: 'settings', debtorId: undefined, settingsSection }),
  openDebtor: (debtorId, debtorChunkId, debtorSection) => set({ screen: 'portfolio', debtorId, debtorChunkId, debtorSection }),
  closeDebtor: () => set({ debtorId: undefined }),
  leaveWelcome: (screen) => set({ screen, hasLeftWelcome: true }),
  setShortcutsOpen: (isShortcutsOpen) => set({ isShortcutsOpen }),
}));
