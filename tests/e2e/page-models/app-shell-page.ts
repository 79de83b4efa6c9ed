import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import type { Screen } from '../../../shared/navigation/screens';
import { texts } from '../locale-texts';

/** The frame of the app: sidebar navigation, language switch and the current screen. */
export class AppShellPage {
  readonly navigation: Locator;
  readonly main: Locator;
  readonly heading: Locator;
  readonly languageSelect: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    const shell = texts(language).shell;
    this.navigation = page.getByRole('navigation', { name: shell.nav.label });
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.languageSelect = page.getByRole('combobox', { name: shell.language.label });
  }

  navItem(screen: Screen): Locator {
    return this.navigation.getByRole('button', { name: texts(this.language).common.screens[screen] });
  }

  async open(screen: Screen): Promise<void> {
    await this.navItem(screen).click();
  }

  /** The title each screen shows as its <h1>, in this page model's language. */
  titleOf(screen: Screen): string {
    const all = texts(this.language);
    const titles: Record<Screen, string> = {
      portfolio: all.portfolio.title,
      limits: all.limits.title,
      ageing: all.ageing.title,
      dunning: all.dunning.title,
      sync: all.sync.title,
      imports: all.imports.title,
      settings: all.settings.title,
    };
    return titles[screen];
  }
}
