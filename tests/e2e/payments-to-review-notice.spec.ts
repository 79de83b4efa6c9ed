import { expect, test } from './fixtures';
import { texts } from './locale-texts';
import { ImportsPage } from './page-models/imports-page';
import { PortfolioPage } from './page-models/portfolio-page';

test.use({ start: 'demo' });

const en = texts('en');

/**
 * Issue 17: the message on Payments to review "never goes away and covers table rows". It now stands
 * above the table, beside the rows rather than over them, until the controller closes it.
 */
test('the message after taking a payment off Payments to review stands above the table, covers no row, and goes when closed', async ({ kredo }) => {
  const page = kredo.page;
  await page.setViewportSize({ width: 1280, height: 720 });
  await new PortfolioPage(page, 'en').expectCount(200, 200);
  const imports = new ImportsPage(page, 'en');
  // The ABN AMRO statement's payments are for invoices the demo does not hold: they wait for review.
  await imports.importFixture(kredo.answerFileDialogs, 'camt053-v02-abn-amro.xml');
  await imports.open();

  const rows = imports.reviewSection.getByRole('row');
  const before = await rows.count();
  expect(before, 'a header and at least two payments').toBeGreaterThanOrEqual(3);
  await rows.nth(1).getByRole('button', { name: en.imports.review.dismiss }).click();
  await expect(rows).toHaveCount(before - 1);

  const message = imports.reviewSection.getByRole('status').filter({ hasText: /taken off the list/ });
  await expect(message).toBeVisible();
  // Over no row: the message's box ends above the table's first row, and what is drawn at each of that
  // row's cells is the row itself, not the message.
  await rows.nth(1).getByRole('cell').first().scrollIntoViewIfNeeded();
  const messageBox = (await message.boundingBox())!;
  const firstRow = (await rows.nth(1).boundingBox())!;
  expect(messageBox.y + messageBox.height).toBeLessThanOrEqual(firstRow.y);
  for (const cell of await rows.nth(1).getByRole('cell').all()) {
    expect(await cell.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return element.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
    })).toBe(true);
  }

  await message.getByRole('button', { name: en.common.actions.close }).click();
  await expect(message).toBeHidden();
  await expect(rows).toHaveCount(before - 1);
});
