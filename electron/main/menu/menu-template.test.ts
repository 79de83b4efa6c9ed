import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES } from '../../../shared/i18n/languages';
import { createMainTranslator } from '../i18n/main-i18n';
import { buildMenuTemplate, type MenuItemSpec } from './menu-template';

const translator = createMainTranslator();
const build = (platform: NodeJS.Platform, language: 'en' | 'nl' | 'sv' = 'en') =>
  buildMenuTemplate({ platform, language, isDevelopment: false, t: translator(language), languageNames: LANGUAGE_NAMES });

const labels = (items: readonly MenuItemSpec[] | undefined) => (items ?? []).filter((item) => item.type !== 'separator').map((item) => item.label);
const find = (items: readonly MenuItemSpec[] | undefined, label: string) => (items ?? []).find((item) => item.label === label);

describe('application menu', () => {
  it('follows macOS habits: app menu first with About, Settings (⌘,) and Quit, and a Window menu', () => {
    const menu = build('darwin');
    expect(labels(menu)).toEqual(['Kredo', 'File', 'Edit', 'View', 'Language', 'Window', 'Help']);
    const appMenu = menu[0]!.submenu;
    expect(labels(appMenu)).toEqual(['About Kredo', 'Settings…', 'Services', 'Hide Kredo', 'Hide Others', 'Show All', 'Quit Kredo']);
    expect(find(appMenu, 'Settings…')?.accelerator).toBe('CmdOrCtrl+,');
    expect(find(appMenu, 'Quit Kredo')?.role).toBe('quit');
    expect(labels(find(menu, 'File')?.submenu)).toEqual(['Import…']);
  });

  it('follows Windows habits: Settings and Exit in File, About in Help, no Window menu', () => {
    const menu = build('win32');
    expect(labels(menu)).toEqual(['File', 'Edit', 'View', 'Language', 'Help']);
    expect(labels(find(menu, 'File')?.submenu)).toEqual(['Import…', 'Settings…', 'Exit']);
    expect(labels(find(menu, 'Help')?.submenu)).toEqual(['Keyboard Shortcuts', 'Open Log Folder', 'Show Crash Reports', 'About Kredo']);
  });

  it('offers the crash reports kept on this computer from Help, on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(find(find(build(platform), 'Help')?.submenu, 'Show Crash Reports')?.action).toEqual({ kind: 'show-crash-reports' });
    }
    expect(labels(find(build('win32', 'nl'), 'Help')?.submenu)).toContain('Crashrapporten tonen');
    expect(labels(find(build('win32', 'sv'), 'Hjälp')?.submenu)).toContain('Visa kraschrapporter');
  });

  it('offers Import… on Ctrl/Cmd+O and the six work screens on Ctrl/Cmd+1…6', () => {
    const menu = build('win32');
    expect(find(find(menu, 'File')?.submenu, 'Import…')).toMatchObject({ accelerator: 'CmdOrCtrl+O', action: { kind: 'renderer', command: { type: 'import' } } });
    const view = find(menu, 'View')?.submenu ?? [];
    expect(view.filter((item) => item.accelerator?.match(/^CmdOrCtrl\+\d$/)).map((item) => [item.label, item.accelerator])).toEqual([
      ['Portfolio', 'CmdOrCtrl+1'],
      ['Limits', 'CmdOrCtrl+2'],
      ['Ageing', 'CmdOrCtrl+3'],
      ['Dunning', 'CmdOrCtrl+4'],
      ['Insurer sync', 'CmdOrCtrl+5'],
      ['Imports', 'CmdOrCtrl+6'],
    ]);
  });

  it('shows developer tools only in development', () => {
    const roles = (menu: MenuItemSpec[]) => (find(menu, 'View')?.submenu ?? []).map((item) => item.role);
    expect(roles(build('linux'))).not.toContain('toggleDevTools');
    const dev = buildMenuTemplate({ platform: 'linux', language: 'en', isDevelopment: true, t: translator('en'), languageNames: LANGUAGE_NAMES });
    expect(roles(dev)).toContain('toggleDevTools');
  });

  it('is translated, with every language listed under its own name and the current one checked', () => {
    const dutch = build('win32', 'nl');
    expect(labels(dutch)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Taal', 'Help']);
    expect(find(dutch, 'Taal')?.submenu?.map((item) => [item.label, item.checked])).toEqual([
      ['English', false],
      ['Nederlands', true],
      ['Svenska', false],
    ]);
    const swedish = build('darwin', 'sv');
    expect(labels(swedish)).toEqual(['Kredo', 'Arkiv', 'Redigera', 'Visa', 'Språk', 'Fönster', 'Hjälp']);
    expect(labels(find(swedish, 'Arkiv')?.submenu)).toEqual(['Importera…']);
  });
});
