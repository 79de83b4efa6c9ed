import { APP_NAME } from '../../../shared/app-identity';
import { SUPPORTED_LANGUAGES, type Language } from '../../../shared/i18n/languages';
import type { MainTFunction } from '../i18n/main-i18n';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { WORK_SCREENS } from '../../../shared/navigation/screens';

/** What a menu item does: a command for the renderer, or something the main process handles itself. */
export type MenuAction =
  | { readonly kind: 'renderer'; readonly command: MenuCommand }
  | { readonly kind: 'set-language'; readonly language: Language }
  | { readonly kind: 'open-log-folder' }
  | { readonly kind: 'show-crash-reports' }
  | { readonly kind: 'about' };

/** Electron's built-in roles we use; Electron implements them natively (clipboard, zoom, window). */
export type MenuRole =
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'reload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'front' | 'close' | 'quit' | 'about'
  | 'hide' | 'hideOthers' | 'unhide' | 'services' | 'window' | 'help';

export interface MenuItemSpec {
  readonly label?: string;
  readonly role?: MenuRole;
  readonly type?: 'separator' | 'radio';
  readonly checked?: boolean;
  readonly accelerator?: string;
  readonly action?: MenuAction;
  readonly submenu?: readonly MenuItemSpec[];
}

export interface MenuContext {
  readonly platform: NodeJS.Platform;
  readonly language: Language;
  readonly isDevelopment: boolean;
  readonly t: MainTFunction;
  /** Shown in the language menu: each language's own name, never translated. */
  readonly languageNames: Readonly<Record<Language, string>>;
}

const SEPARATOR: MenuItemSpec = { type: 'separator' };

/**
 * The application menu as plain data, so its structure is unit-tested without Electron. It follows each
 * platform's habits (Apple Human Interface Guidelines, "The menu bar"; Windows "Menus" guidelines):
 * on macOS the first menu is the app menu holding About, Settings… (⌘,), Services, Hide and Quit (⌘Q) and
 * there is a Window menu; on Windows and Linux Settings and Exit live in File, About in Help.
 * `CmdOrCtrl` becomes ⌘ on macOS and Ctrl elsewhere.
 */
export function buildMenuTemplate(context: MenuContext): MenuItemSpec[] {
  const { t, platform } = context;
  const isMac = platform === 'darwin';
  const renderer = (command: MenuCommand): MenuAction => ({ kind: 'renderer', command });
  const settingsItem: MenuItemSpec = {
    label: t('menu:settings'),
    accelerator: 'CmdOrCtrl+,',
    action: renderer({ type: 'navigate', screen: 'settings' }),
  };
  const aboutItem: MenuItemSpec = { label: t('menu:about'), action: { kind: 'about' } };

  const appMenu: MenuItemSpec = {
    label: APP_NAME,
    submenu: [
      aboutItem,
      SEPARATOR,
      settingsItem,
      SEPARATOR,
      { label: t('menu:services'), role: 'services' },
      SEPARATOR,
      { label: t('menu:hide'), role: 'hide' },
      { label: t('menu:hideOthers'), role: 'hideOthers' },
      { label: t('menu:showAll'), role: 'unhide' },
      SEPARATOR,
      { label: t('menu:quit'), role: 'quit' },
    ],
  };

  const fileMenu: MenuItemSpec = {
    label: t('menu:file'),
    submenu: [
      { label: t('menu:import'), accelerator: 'CmdOrCtrl+O', action: renderer({ type: 'import' }) },
      ...(isMac ? [] : [SEPARATOR, settingsItem, SEPARATOR, { label: t('menu:exit'), role: 'quit' } as const]),
    ],
  };

  const editMenu: MenuItemSpec = {
    label: t('menu:edit'),
    submenu: [
      { label: t('menu:undo'), role: 'undo' },
      { label: t('menu:redo'), role: 'redo' },
      SEPARATOR,
      { label: t('menu:cut'), role: 'cut' },
      { label: t('menu:copy'), role: 'copy' },
      { label: t('menu:paste'), role: 'paste' },
      { label: t('menu:selectAll'), role: 'selectAll' },
    ],
  };

  const screenItems: MenuItemSpec[] = WORK_SCREENS.map((screen, index) => ({
    label: t(`common:screens.${screen}`),
    accelerator: `CmdOrCtrl+${index + 1}`,
    action: renderer({ type: 'navigate', screen }),
  }));

  const viewMenu: MenuItemSpec = {
    label: t('menu:view'),
    submenu: [
      ...screenItems,
      SEPARATOR,
      { label: t('menu:resetZoom'), role: 'resetZoom' },
      { label: t('menu:zoomIn'), role: 'zoomIn' },
      { label: t('menu:zoomOut'), role: 'zoomOut' },
      SEPARATOR,
      { label: t('menu:fullScreen'), role: 'togglefullscreen' },
      ...(context.isDevelopment
        ? [SEPARATOR, { label: t('menu:reload'), role: 'reload' } as const, { label: t('menu:toggleDevTools'), role: 'toggleDevTools' } as const]
        : []),
    ],
  };

  const languageMenu: MenuItemSpec = {
    label: t('menu:language'),
    submenu: SUPPORTED_LANGUAGES.map((language) => ({
      label: context.languageNames[language],
      type: 'radio' as const,
      checked: language === context.language,
      action: { kind: 'set-language' as const, language },
    })),
  };

  const windowMenu: MenuItemSpec = {
    label: t('menu:window'),
    role: 'window',
    submenu: [
      { label: t('menu:minimize'), role: 'minimize' },
      { label: t('menu:zoom'), role: 'zoom' },
      SEPARATOR,
      { label: t('menu:front'), role: 'front' },
    ],
  };

  const helpMenu: MenuItemSpec = {
    label: t('menu:help'),
    role: 'help',
    submenu: [
      { label: t('menu:shortcuts'), accelerator: 'CmdOrCtrl+/', action: renderer({ type: 'show-shortcuts' }) },
      { label: t('menu:openLogFolder'), action: { kind: 'open-log-folder' } },
      { label: t('menu:showCrashReports'), action: { kind: 'show-crash-reports' } },
      ...(isMac ? [] : [SEPARATOR, aboutItem]),
    ],
  };

  return isMac
    ? [appMenu, fileMenu, editMenu, viewMenu, languageMenu, windowMenu, helpMenu]
    : [fileMenu, editMenu, viewMenu, languageMenu, helpMenu];
}
