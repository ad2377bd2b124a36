// End-to-end: override how a file is read before importing it (dataset name, header row) from the scan dialog.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { ScanDialog } from './pages/ScanDialog';
import { ROOT, type Served } from './serve';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'e2e');
const PRODUCTS = path.join(FIXTURES, 'products.csv');
const skip = skipReason();

describe('import options', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    ({ served, browser, page } = await openApp({ width: 1440, height: 900, pageErrors }));
  });

  after(() => closeApp(browser, served));

  test('a file imports with a custom name and no header row', async () => {
    const catalog = new CatalogPage(page);
    const scan = new ScanDialog(page);
    const grid = new DatasetPage(page);
    await catalog.open(served.url);
    await scan.openWithShortcut();
    await scan.scan(FIXTURES);
    await scan.selectOnly([PRODUCTS]);

    // Esc cancels the options dialog and leaves the scan dialog open.
    let options = await scan.openOptions(PRODUCTS);
    await options.getByLabel('Dataset name').fill('ignored');
    await page.keyboard.press('Escape');
    await options.waitFor({ state: 'detached' });
    assert.equal(await scan.root.isVisible(), true, 'the scan dialog stays open');
    assert.equal(await scan.customTag(PRODUCTS).count(), 0, 'a cancelled dialog keeps nothing');

    options = await scan.openOptions(PRODUCTS);
    const name = options.getByLabel('Dataset name');
    await name.and(page.locator(':focus')).waitFor();
    assert.equal(await name.inputValue(), '', 'the cancelled name was not kept');
    assert.equal(await name.getAttribute('placeholder'), 'products');
    assert.match((await options.getByLabel('Delimiter').locator('option[value=""]').textContent()) ?? '', /Detected \(semicolon\)/);
    await name.fill('products-custom');
    await options.getByLabel('First line is a header row').selectOption('no');
    await screenshot(page, '12-import-options');
    await name.press('Enter');
    await options.waitFor({ state: 'detached' });
    await scan.customTag(PRODUCTS).waitFor();

    await scan.importSelected();
    assert.equal(await scan.importEnded(PRODUCTS), 'done');
    await scan.importItem(PRODUCTS).getByRole('button', { name: 'products-custom' }).waitFor();
    await scan.close();

    await catalog.openDataset('products-custom');
    await grid.waitReady();
    await grid.cell('column_1', 'sku', 'column_2').waitFor();
    assert.equal((await grid.columnValues('column_1'))[0], 'sku', 'the header line is the first row');
    assert.equal((await grid.columnValues('column_2'))[0], 'product');
    assert.match((await grid.status('total').textContent()) ?? '', /^8 rows$/);
    assert.deepEqual(pageErrors, []);
  });
});
