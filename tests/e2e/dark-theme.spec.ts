import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { DEMO_DEBTORS } from './demo-portfolio';
import { expect, saveScreenshot, test } from './fixtures';
import { texts } from './locale-texts';
import { AgeingDashboardPage } from './page-models/ageing-dashboard-page';
import { AppShellPage } from './page-models/app-shell-page';
import { DebtorPage } from './page-models/debtor-page';
import { PortfolioPage } from './page-models/portfolio-page';

test.use({ start: 'demo' });

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

interface Mark {
  /** What the mark is (bar, area, line, axis label) and which chart it is in. */
  readonly what: string;
  readonly colour: Rgb;
  /** The first opaque background behind the chart. */
  readonly background: Rgb;
}

/** The colour of every bar, area, line and axis label of the charts inside `scope`, and what they are drawn on. */
async function chartMarks(scope: Locator): Promise<Mark[]> {
  const marks = await scope.evaluate((root) => {
    const parse = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number).slice(0, 3);
    const KINDS: [string, string, 'fill' | 'stroke'][] = [
      ['bar', 'path.recharts-rectangle', 'fill'],
      ['area', 'path.recharts-area-area', 'fill'],
      ['line', 'path.recharts-line-curve', 'stroke'],
      ['axis label', 'text.recharts-cartesian-axis-tick-value', 'fill'],
    ];
    const found: { what: string; colour: number[]; background: number[] }[] = [];
    for (const chart of Array.from(root.querySelectorAll('.recharts-wrapper'))) {
      let behind: Element | null = chart;
      let background: number[] = [];
      while (behind) {
        const value = (getComputedStyle(behind).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
        if (value.length === 3 || value[3] === 1) {
          background = value.slice(0, 3);
          break;
        }
        behind = behind.parentElement;
      }
      const title = chart.querySelector('svg')?.getAttribute('title') ?? chart.closest('section, figure')?.querySelector('h2, h3')?.textContent ?? '';
      for (const [kind, selector, paint] of KINDS) {
        for (const mark of Array.from(chart.querySelectorAll(selector))) {
          const bounds = mark.getBoundingClientRect();
          if (bounds.width === 0 && bounds.height === 0) continue;
          found.push({ what: `${kind} in "${title}"`, colour: parse(getComputedStyle(mark)[paint]), background });
        }
      }
    }
    return found;
  });
  return marks.map((mark) => ({ what: mark.what, colour: mark.colour as unknown as Rgb, background: mark.background as unknown as Rgb }));
}

/**
 * The marks once the charts have drawn: Recharts' ResponsiveContainer lays its bars out only after it has measured
 * its box, a moment after the wrapper is visible (CI saw no bar yet), so wait until every expected kind is there
 * and two reads in a row list the same marks.
 */
async function drawnChartMarks(scope: Locator, kinds: readonly string[]): Promise<Mark[]> {
  let previous = '';
  let marks: Mark[] = [];
  await expect
    .poll(async () => {
      marks = await chartMarks(scope);
      const listed = JSON.stringify(marks.map((mark) => mark.what));
      const settled = listed === previous && kinds.every((kind) => marks.some((mark) => mark.what.startsWith(kind)));
      previous = listed;
      return settled;
    }, { message: `the charts have drawn their ${kinds.join(', ')} marks (found: ${previous})` })
    .toBe(true);
  return marks;
}

/**
 * In dark, each chart mark stands out from the chart's background by 3:1 at least (WCAG 2.1 1.4.11, non-text
 * contrast) and each axis label by 4.5:1 (1.4.3, text): a light-theme navy line or deep red bar vanishes there.
 */
function expectReadableInDark(marks: readonly Mark[]): void {
  for (const mark of marks) {
    const needed = mark.what.startsWith('axis label') ? 4.5 : 3;
    expect.soft(contrast(mark.colour, mark.background), `${mark.what}: rgb(${mark.colour.join(', ')}) on rgb(${mark.background.join(', ')})`).toBeGreaterThanOrEqual(needed);
  }
}

async function colourContrastViolations(page: Page): Promise<string[]> {
  // In the page itself (legacy mode), as seriousAxeViolations in layout-checks.ts says why: no frames to join.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).withRules(['color-contrast']).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`));
}

test('with the system set to dark, the charts take the dark theme’s colours and stand out from it', async ({ kredo }) => {
  const { page } = kredo;
  await page.emulateMedia({ colorScheme: 'light' });
  const portfolio = new PortfolioPage(page, 'en');
  await portfolio.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  const shell = new AppShellPage(page, 'en');
  await shell.open('ageing');
  const dashboard = new AgeingDashboardPage(page, 'en');
  await expect(dashboard.progress).toBeHidden();
  await expect(dashboard.portfolioAmounts().first()).toBeVisible();
  // Every figure of the dashboard draws: ageing bars, trend areas, the DSO line, exposure bars, axis labels.
  const light = await drawnChartMarks(shell.main, ['bar', 'area', 'line', 'axis label']);

  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await chartMarks(shell.main);
  expect(dark.map((mark) => mark.what)).toEqual(light.map((mark) => mark.what));
  // The charts follow the theme: their background is dark, and most bars, areas and lines drawn in the light
  // theme's colours change colour (a mid grey, say, may serve both).
  expect(contrast(dark[0]!.background, [0, 0, 0])).toBeLessThan(1.5);
  const series = dark.flatMap((mark, index) => (mark.what.startsWith('axis label') ? [] : [{ dark: mark.colour.join(), light: light[index]!.colour.join() }]));
  expect(series.filter((mark) => mark.dark !== mark.light).length).toBeGreaterThan(series.length / 2);
  expectReadableInDark(dark);
  expect(await colourContrastViolations(page)).toEqual([]);
  await saveScreenshot(page, 'dark-ageing');

  // A debtor's payment behaviour chart too (the riskiest debtor, first in the grid, has paid invoices).
  await shell.open('portfolio');
  await portfolio.rows.first().getByRole('button').first().click();
  const debtor = new DebtorPage(page, 'en');
  const behaviour = debtor.section(texts('en').debtor.behaviour.title);
  await expect(behaviour.locator('.recharts-wrapper')).toBeVisible();
  const marks = await drawnChartMarks(behaviour, ['bar', 'line', 'axis label']);
  expectReadableInDark(marks);
  // Its tooltip is a dark box with light text, not Recharts' white one.
  await behaviour.locator('.recharts-wrapper').hover();
  const tooltip = await colours(behaviour.locator('.recharts-default-tooltip'));
  expect(contrast(tooltip.background, [0, 0, 0])).toBeLessThan(2);
  expect(contrast(tooltip.text, tooltip.background)).toBeGreaterThanOrEqual(4.5);
  expect(await colourContrastViolations(page)).toEqual([]);
  await behaviour.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'dark-debtor-payment-behaviour');
});
