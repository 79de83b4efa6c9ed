import { BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { APP_NAME } from '../../../shared/app-identity';
import { LANGUAGE_NAMES } from '../../../shared/i18n/languages';
import type { MainServices } from '../main-services';
import type { CrashReports } from '../services/crash-reports';
import { errorFields } from '../services/logger';
import { electronDesktop } from './electron-desktop';
import { buildMenuTemplate, type MenuAction, type MenuItemSpec } from '../menu/menu-template';

/** Installs the application menu and rebuilds it whenever the language changes. */
export function installApplicationMenu(
  services: MainServices,
  options: { appVersion: string; isDevelopment: boolean; crashReports: CrashReports },
): void {
  const apply = () => {
    const language = services.settings.get().language;
    const template = buildMenuTemplate({
      platform: process.platform,
      language,
      isDevelopment: options.isDevelopment,
      t: services.translator(language),
      languageNames: LANGUAGE_NAMES,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template.map((item) => toElectronItem(item, run))));
  };

  const run = (action: MenuAction) => {
    switch (action.kind) {
      case 'renderer':
        services.events.publish('onMenuCommand', action.command);
        return;
      case 'set-language':
        void services.settings.setLanguage(action.language);
        return;
      case 'open-log-folder':
        void services.handlers.openLogFolder({});
        return;
      case 'show-crash-reports':
        void showCrashReports(services, options.crashReports);
        return;
      case 'about': {
        const t = services.translator(services.settings.get().language);
        const parent = BrowserWindow.getFocusedWindow();
        const box = { type: 'info' as const, title: t('menu:about'), message: APP_NAME, detail: t('menu:aboutDetail', { version: options.appVersion }) };
        void (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
        return;
      }
    }
  };

  apply();
  services.settings.onChange(apply);
}

/** Opens the folder with the crash reports, or says in a message box that there are none (an empty folder would puzzle). */
async function showCrashReports(services: MainServices, crashReports: CrashReports): Promise<void> {
  try {
    if ((await crashReports.count()) > 0) {
      await electronDesktop.openPath(crashReports.folder);
      return;
    }
    const t = services.translator(services.settings.get().language);
    const parent = BrowserWindow.getFocusedWindow();
    const box = { type: 'info' as const, title: t('menu:showCrashReports'), message: t('menu:noCrashReports'), detail: t('menu:noCrashReportsDetail') };
    await (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
  } catch (error) {
    services.logger.error('Could not show the crash reports', errorFields(error));
  }
}

function toElectronItem(item: MenuItemSpec, run: (action: MenuAction) => void): MenuItemConstructorOptions {
  const action = item.action;
  return {
    ...(item.label !== undefined && { label: item.label }),
    ...(item.role !== undefined && { role: item.role }),
    ...(item.type !== undefined && { type: item.type }),
    ...(item.checked !== undefined && { checked: item.checked }),
    ...(item.accelerator !== undefined && { accelerator: item.accelerator }),
    ...(action && { click: () => run(action) }),
    ...(item.submenu && { submenu: item.submenu.map((child) => toElectronItem(child, run)) }),
  };
}
