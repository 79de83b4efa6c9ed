import { DEMO_DEBTORS, countStoredRecords, expectedDemo } from './demo-portfolio';
import { E2E_TODAY, expect, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

test('the demo portfolio keeps every record through a reload and a restart', async ({ kredo }) => {
  const expected = expectedDemo(E2E_TODAY).counts;
  await new WelcomePage(kredo.page, 'en').openDemoPortfolio();
  await new PortfolioPage(kredo.page, 'en').expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  expect(await kredo.page.evaluate(countStoredRecords)).toEqual(expected);

  await kredo.page.reload();
  await new PortfolioPage(kredo.page, 'en').expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  expect(await kredo.page.evaluate(countStoredRecords)).toEqual(expected);

  const restarted = await kredo.restart();
  const shell = new AppShellPage(restarted.page, 'en');
  await expect(shell.heading).toHaveText(shell.titleOf('portfolio'));
  await expect(new WelcomePage(restarted.page, 'en').heading).toBeHidden();
  expect(await restarted.page.evaluate(countStoredRecords)).toEqual(expected);
});

test.describe(() => {
  test.use({ start: 'demo' });

  test('Settings shows the version and log file and opens the log folder', async ({ kredo }) => {
    const shell = new AppShellPage(kredo.page, 'en');
    await shell.open('settings');
    await expect(shell.main.getByText(kredo.host.services.logger.filePath)).toBeVisible();
    await shell.main.getByRole('button', { name: 'Open log folder' }).click();
    // Settings has other live regions (the Updates section's note): the one that answers this button.
    await expect(shell.main.getByRole('status').filter({ hasText: 'log folder' })).toHaveText('The log folder has been opened.');
    expect(kredo.opened).toEqual([`${kredo.userDataDir}/logs`]);
  });

  test('a column widened by dragging its edge keeps its width after leaving the screen and a restart, and comes back to default', async ({ kredo }) => {
    const portfolio = new PortfolioPage(kredo.page, 'en');
    await portfolio.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
    const width = async (grid: PortfolioPage) => (await grid.columnHeader('Exposure').boundingBox())!.width;
    const before = await width(portfolio);

    // The controller drags the right edge of the Exposure heading 120 px to the right.
    const edge = (await portfolio.columnHeader('Exposure').locator('.grid-resize').boundingBox())!;
    await kredo.page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await kredo.page.mouse.down();
    await kredo.page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + edge.height / 2, { steps: 4 });
    await kredo.page.mouse.move(edge.x + edge.width / 2 + 120, edge.y + edge.height / 2, { steps: 4 });
    await kredo.page.mouse.up();
    await expect.poll(() => width(portfolio)).toBeGreaterThan(before + 110);
    const widened = await width(portfolio);
    // The body's cells follow the heading: the first row's Exposure cell is as wide.
    const headers = await portfolio.columnHeaders.allTextContents();
    const cell = portfolio.rows.first().getByRole('gridcell').nth(headers.findIndex((text) => text.replace(/[▲▼]/g, '').trim() === 'Exposure'));
    expect(Math.round((await cell.boundingBox())!.width)).toBe(Math.round(widened));

    const shell = new AppShellPage(kredo.page, 'en');
    await shell.open('limits');
    await shell.open('portfolio');
    await expect.poll(() => width(portfolio)).toBeCloseTo(widened, 0);

    const restarted = await kredo.restart();
    const again = new PortfolioPage(restarted.page, 'en');
    await again.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
    await expect.poll(() => width(again)).toBeCloseTo(widened, 0);

    // A double-click on the edge gives the column its default width back, and that too is kept.
    await again.columnHeader('Exposure').locator('.grid-resize').dblclick();
    await expect.poll(() => width(again)).toBeCloseTo(before, 0);

    // From the keyboard: Alt+→ on the heading widens it; the Columns menu's reset brings back the default.
    await again.columnHeader('Exposure').getByRole('button').focus();
    await restarted.page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => width(again)).toBeGreaterThan(before + 10);
    await restarted.page.getByText('Columns', { exact: true }).click();
    await restarted.page.getByRole('button', { name: 'Default column widths' }).click();
    await expect.poll(() => width(again)).toBeCloseTo(before, 0);
    await expect(restarted.page.getByRole('button', { name: 'Default column widths' })).toBeDisabled();
  });
});
