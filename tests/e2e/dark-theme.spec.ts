import type { Locator, Page } from '@playwright/test';
import { DEMO_DEBTORS } from './demo-portfolio';
import { expect, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

/**
 * Issue 17: a dark theme following the operating system. Chromium is told the system prefers dark
 * (prefers-color-scheme); the shell's colours change, and text keeps WCAG 2.1 AA contrast (4.5:1) on the
 * background it is drawn on.
 */
type Rgb = readonly [number, number, number];

/** The colour an element's text is drawn in, and the first opaque background behind it. */
async function colours(element: Locator): Promise<{ text: Rgb; background: Rgb }> {
  const [text, background] = await element.evaluate((node) => {
    const parse = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    let behind: Element | null = node;
    let background = parse('rgba(0, 0, 0, 0)');
    while (behind) {
      background = parse(getComputedStyle(behind).backgroundColor);
      if (background.length === 3 || background[3] === 1) break;
      behind = behind.parentElement;
    }
    return [parse(getComputedStyle(node).color), background] as const;
  });
  return { text: text.slice(0, 3) as unknown as Rgb, background: background.slice(0, 3) as unknown as Rgb };
}

/** WCAG 2.1 contrast ratio of two sRGB colours. */
function contrast(a: Rgb, b: Rgb): number {
  const luminance = (rgb: Rgb) => {
    const [r, g, bl] = rgb.map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function samples(page: Page): Record<string, Locator> {
  const shell = new AppShellPage(page, 'en');
  const portfolio = new PortfolioPage(page, 'en');
  return {
    heading: shell.heading,
    intro: shell.main.locator('p').first(),
    navigation: page.getByRole('navigation').getByRole('button', { name: 'Limits' }),
    gridHeading: portfolio.columnHeaders.first().getByRole('button'),
    gridCell: portfolio.rows.first().getByRole('gridcell').nth(1),
    debtorLink: portfolio.rows.first().getByRole('button').first(),
  };
}

test('with the system set to dark, the shell turns dark and its text keeps AA contrast', async ({ kredo }) => {
  const { page } = kredo;
  await page.emulateMedia({ colorScheme: 'light' });
  await new WelcomePage(page, 'en').openDemoPortfolio();
  await new PortfolioPage(page, 'en').expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  const light: Record<string, { text: Rgb; background: Rgb }> = {};
  for (const [name, element] of Object.entries(samples(page))) light[name] = await colours(element);

  await page.emulateMedia({ colorScheme: 'dark' });
  for (const [name, element] of Object.entries(samples(page))) {
    const dark = await colours(element);
    expect.soft(dark.background, `${name}: background`).not.toEqual(light[name]!.background);
    expect.soft(contrast(dark.text, dark.background), `${name}: contrast in dark`).toBeGreaterThanOrEqual(4.5);
  }
  // The page itself: a dark background under light text.
  const root = await colours(new AppShellPage(page, 'en').main);
  expect(contrast(root.background, [0, 0, 0])).toBeLessThan(1.5);
  expect(contrast(root.text, [255, 255, 255])).toBeLessThan(1.5);
  // Form controls and scroll bars follow (color-scheme), so no white search box sits in the dark.
  const search = await colours(new PortfolioPage(page, 'en').search);
  expect(contrast(search.background, [0, 0, 0])).toBeLessThan(2);
});
