import type { Locator } from '@playwright/test';
import type { Language } from '../../shared/i18n/languages';
import { expect, saveScreenshot, test } from './fixtures';
import { layoutProblems, seriousAxeViolations, SIZE_DEPENDENT_AXE_RULES } from './layout-checks';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { ImportsPage } from './page-models/imports-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

/**
 * Issue 17: every screen in all three languages at the two window sizes controllers use, with axe-core
 * (zero serious or critical violations), no clipped label and no page-level scroll of the shell. One
 * prepared store (the demo portfolio and a Bankgirot file that leaves payments to review) and one page
 * load: the language switches in place and the window is resized, so the walk stays short.
 */
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;
const LANGUAGES: readonly Language[] = ['en', 'nl', 'sv'];

interface Stop {
  readonly name: string;
  /** Opens the screen and waits for what it shows once loaded. */
  readonly visit: (language: Language) => Promise<void>;
  /** What else this screen must show whole at every size. */
  readonly check?: (language: Language, size: string) => Promise<void>;
}

test.describe(() => {
  test.use({ start: 'demo' });

  test('every screen in English, Dutch and Swedish at 1440×900 and 1280×720: axe finds nothing serious, no label is clipped, only content panes scroll', async ({ kredo }) => {
    // 3 languages × 8 screens × 2 sizes, axe in full at the first size: a hang guard, at about twice the ~13
    // minutes the walk took with axe in full at both sizes on this 2-core machine at load 18 (7 December 2026);
    // a quiet machine needs far less.
    test.setTimeout(1_800_000);
    const page = kredo.page;
    await page.setViewportSize(SIZES[0]);
    await new PortfolioPage(page, 'en').expectCount(200, 200);
    const imports = new ImportsPage(page, 'en');
    await imports.importFixture(kredo.answerFileDialogs, 'bgmax-bankgirot.txt');

    const shell = (language: Language) => new AppShellPage(page, language);
    const openScreen = async (language: Language, screen: Parameters<AppShellPage['open']>[0], loaded: (main: Locator) => Locator) => {
      await shell(language).open(screen);
      await expect(shell(language).heading).toHaveText(shell(language).titleOf(screen));
      await expect(loaded(shell(language).main).first()).toBeVisible();
    };
    const stops: Stop[] = [
      { name: 'portfolio', visit: (language) => openScreen(language, 'portfolio', () => new PortfolioPage(page, language).rows) },
      {
        name: 'debtor',
        visit: async (language) => {
          await openScreen(language, 'portfolio', () => new PortfolioPage(page, language).rows);
          await new PortfolioPage(page, language).rows.first().locator('.link-button').click();
          await expect(page.getByRole('region', { name: texts(language).debtor.notes.title, exact: true })).toBeVisible();
        },
      },
      { name: 'limits', visit: (language) => openScreen(language, 'limits', (main) => main.getByRole('heading', { level: 2 })) },
      { name: 'ageing', visit: (language) => openScreen(language, 'ageing', (main) => main.getByRole('table', { name: texts(language).ageing.concentration.title, exact: true })) },
      { name: 'dunning', visit: (language) => openScreen(language, 'dunning', () => page.getByTestId('worklist').getByRole('row').nth(1)) },
      { name: 'sync', visit: (language) => openScreen(language, 'sync', (main) => main.getByRole('button')) },
      {
        name: 'imports',
        visit: (language) => openScreen(language, 'imports', () => new ImportsPage(page, language).reviewSection.getByRole('row').nth(1)),
        // A payment's buttons are all in view beside it, none cut off at the table's edge.
        check: async (language) => {
          const row = new ImportsPage(page, language).reviewSection.getByRole('row').nth(1);
          await row.getByRole('cell').first().scrollIntoViewIfNeeded();
          for (const button of await row.getByRole('button').all()) await expect(button).toBeInViewport({ ratio: 1 });
        },
      },
      {
        name: 'settings',
        visit: (language) => openScreen(language, 'settings', (main) => main.getByRole('heading', { name: texts(language).settings.about.title })),
        // Each section through the list beside them: its heading comes into view with the focus.
        check: async (language, size) => {
          const sections = page.getByRole('navigation', { name: texts(language).settings.sections }).getByRole('link');
          const count = await sections.count();
          expect(count).toBeGreaterThan(8);
          for (let index = 0; index < count; index++) {
            await sections.nth(index).click();
            await expect(page.locator(':focus')).toHaveText((await sections.nth(index).textContent()) ?? '');
            await expect(page.locator(':focus')).toBeInViewport();
            await saveScreenshot(page, `layout-settings-${index + 1}-${language}-${size}`);
          }
        },
      },
    ];

    const findings: string[] = [];
    let current: Language = 'en';
    for (const language of LANGUAGES) {
      // The top bar's picker, by its exact name (Settings › Letter texts has a "Letter language" too).
      await page.getByRole('combobox', { name: texts(current).shell.language.label, exact: true }).selectOption(language);
      current = language;
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      for (const stop of stops) {
        await page.setViewportSize(SIZES[0]);
        await stop.visit(language);
        // The same screen at each size: resizing needs no new visit, so the walk stays short.
        for (const size of SIZES) {
          const where = `${stop.name} in ${language} at ${size.width}×${size.height}`;
          await test.step(where, async () => {
            await page.setViewportSize(size);
            const layout = await layoutProblems(page);
            const found = [
              ...(layout.pageScroll ? [`${where}: ${layout.pageScroll}`] : []),
              ...layout.clipped.map((clipped) => `${where}: clipped ${clipped}`),
              // axe judges the page's markup, names and colours, which the window's size does not change (the
              // same screen in the same state, only resized): all its rules run once per screen and language, at
              // the first size; at the second only those a size can change. Clipping and page scroll depend on
              // the size, so they are asserted at both.
              ...(await seriousAxeViolations(page, size === SIZES[0] ? undefined : SIZE_DEPENDENT_AXE_RULES)).map((violation) => `${where}: axe ${violation}`),
            ];
            // Printed as found, so a long walk that fails shows everything it met on the way.
            for (const line of found) console.log(line);
            findings.push(...found);
            await saveScreenshot(page, `layout-${stop.name}-${language}-${size.width}x${size.height}`);
            await stop.check?.(language, `${size.width}x${size.height}`);
          });
        }
      }
    }
    expect(findings, 'layout and accessibility problems').toEqual([]);
  });
});

test('Settings lists its sections beside them: Tab reaches the list with a visible focus, Enter brings a section into view with the focus on its heading', async ({ kredo }) => {
  const page = kredo.page;
  await page.setViewportSize(SIZES[0]);
  await new WelcomePage(page, 'en').importButton.click();
  const shell = new AppShellPage(page, 'en');
  await shell.open('settings');
  await expect(shell.heading).toHaveText(shell.titleOf('settings'));
  const settings = texts('en').settings;
  const list = page.getByRole('navigation', { name: settings.sections });
  await expect(list.getByRole('link', { name: settings.backups.title, exact: true })).toBeVisible();

  await shell.main.focus();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveText(settings.language.title);
  expect(await focused.evaluate((link) => link.matches(':focus-visible') && getComputedStyle(link).outlineStyle !== 'none')).toBe(true);
  for (let step = 0; step < 20 && (await focused.textContent()) !== settings.backups.title; step++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: settings.backups.title, exact: true });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await saveScreenshot(page, 'settings-sections-backups');
});
