// End-to-end: "Try it with sample data" on an empty workspace opens the bundled sample in the grid.
// With TIDYSET_README_SCREENSHOT=1 it also refreshes assets/screenshot.png for the README.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { ROOT, type Served } from './serve';

const skip = skipReason();

describe('sample data', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  before(async () => {
    ({ served, browser, page } = await openApp({ width: 1440, height: 860, timeoutMs: 20_000 }));
  });

  after(() => closeApp(browser, served));

  test('the sample imports and opens in the grid', async () => {
    const catalog = new CatalogPage(page);
    const grid = new DatasetPage(page);
    await catalog.open(served.url);
    await catalog.emptyState().getByTestId('import-sample').click();
    await page.getByTestId('dataset-screen').waitFor();
    await grid.waitReady();
    const name = await page.getByTestId('dataset-title').textContent();
    assert.ok(name, 'the dataset screen names the sample dataset');
    assert.match((await grid.status('total').textContent()) ?? '', /^[1-9][\d,]* rows$/);

    // Describe a column so the panel shows some metadata, then sort by country.
    const spend = grid.columnMeta('monthly_spend');
    await spend.getByTestId('column-description').fill('Average monthly spend as typed by sales');
    await spend.getByTestId('column-unit').fill('EUR');
    await spend.getByTestId('column-unit').press('Enter');
    await spend.locator('input.saving').waitFor({ state: 'detached' });
    // The picture shows the grid at full width; the panel's own look is covered by the other suite's shots.
    await page.getByTestId('toggle-metadata').click();
    await page.getByTestId('metadata-panel').waitFor({ state: 'detached' });
    await grid.sortBy('last_name');
    await grid.grid.locator('.ag-header-cell[col-id="last_name"][aria-sort="ascending"]').waitFor();
    // A filter that shows what the sample is for: one city spelled several ways.
    await grid.floatingFilter('city').fill('mün');
    await grid.status('filtered').getByText(/^[1-9]\d* match filters$/).waitFor();
    const cities = new Set((await grid.columnValues('city')).map((c) => c.toLowerCase()));
    assert.deepEqual([...cities].filter((c) => !c.includes('mün')), [], 'every row left matches the filter');
    // Typing in the filter scrolled the grid sideways; bring the first columns back for the picture.
    await grid.grid.locator('.ag-grid-viewport, .ag-body-horizontal-scroll-viewport').evaluateAll((els) => els.forEach((el) => el.scrollTo({ left: 0 })));
    await page.mouse.move(120, 400);
    await page.locator('.ag-tooltip').waitFor({ state: 'detached' });
    const shot = await screenshot(page, '11-sample-dataset');
    if (process.env.TIDYSET_README_SCREENSHOT === '1') copyFileSync(shot, path.join(ROOT, 'assets', 'screenshot.png'));
  });
});
