// End-to-end: a folder with a workbook, a SQLite database, a Parquet file and a CSV is scanned; the
// scan table says what each container holds; the sheet "Orders" is chosen in the import options, and the
// workbook and the Parquet file are imported and shown in the grid with the values they hold.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { writeXlsx } from '../helpers/xlsxFixture';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { ScanDialog } from './pages/ScanDialog';
import type { Served } from './serve';

const skip = skipReason();

async function makeFolder(dir: string): Promise<void> {
  writeXlsx(path.join(dir, 'workbook.xlsx'), {
    cellXfs: [0, 14],
    sheets: [
      { name: 'Summary', rows: [['metric', 'value'], ['orders', 3]] },
      {
        name: 'Orders',
        rows: [
          ['order_id', 'customer', 'ordered', 'total'],
          [101, 'Åsa Lind', { v: '45292', s: 1 }, { f: 'SUM(10,2.5)', v: '12.5' }],
          [102, 'Bo Ek', { v: '45293', s: 1 }, 7],
          [103, 'Cy Berg', { v: '45300', s: 1 }, 0.1],
        ],
      },
    ],
  });
  const db = new Database(path.join(dir, 'shop.sqlite'));
  db.exec("CREATE TABLE products (id INTEGER, name TEXT); INSERT INTO products VALUES (1, 'pen'), (2, 'ink'); CREATE TABLE stock (id INTEGER, n INTEGER); INSERT INTO stock VALUES (1, 9223372036854775807);");
  db.close();
  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
  await conn.run(`COPY (SELECT range AS id, 'city ' || range AS city, (range * 1.25)::DECIMAL(10,2) AS price FROM range(40)) TO '${path.join(dir, 'cities.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 16)`);
  conn.closeSync();
  writeFileSync(path.join(dir, 'plain.csv'), 'a,b\n1,2\n');
}

describe('Parquet, XLSX and SQLite in the app', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const pageErrors: string[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-formats-'));
    await makeFolder(dir);
    ({ served, browser, page } = await openApp({ width: 1400, height: 900, pageErrors }));
  });

  after(async () => {
    await closeApp(browser, served);
    rmSync(dir, { recursive: true, force: true });
  });

  test('scan lists sheets and tables; a sheet chosen in the dialog and a Parquet file import into the grid', async () => {
    const catalog = new CatalogPage(page);
    const scan = new ScanDialog(page);
    const file = (n: string) => path.join(dir, n);
    await catalog.open(served.url);
    await scan.openWithShortcut();
    await scan.scan(dir);
    for (const f of ['workbook.xlsx', 'shop.sqlite', 'cities.parquet', 'plain.csv']) {
      assert.equal(await scan.sourceRow(file(f)).getAttribute('data-status'), 'ok', f);
    }
    assert.match((await scan.sourceRow(file('workbook.xlsx')).getByTestId('source-notes').textContent()) ?? '', /sheets: Summary \(2 rows\), Orders \(4 rows\)/);
    assert.match((await scan.sourceRow(file('shop.sqlite')).getByTestId('source-notes').textContent()) ?? '', /tables: products \(2 rows\), stock \(1 row\)/);
    assert.match((await scan.sourceRow(file('cities.parquet')).getByTestId('source-notes').textContent()) ?? '', /40 rows, 3 columns/);
    await screenshot(page, '30-formats-scan-1400');

    const options = await scan.openOptions(file('workbook.xlsx'));
    const picker = options.getByTestId('part-picker');
    await picker.waitFor();
    assert.deepEqual(await picker.getByTestId('part-option').evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())), ['Summary2 rows', 'Orders4 rows']);
    assert.equal(await options.getByTestId('import-preview').count(), 0, 'no text preview for a workbook');
    await picker.locator('[data-part="Orders"] input').check();
    await screenshot(page, '31-formats-sheet-picker-1400');
    await options.getByTestId('import-options-save').click();
    await options.waitFor({ state: 'detached' });
    assert.equal(await scan.customTag(file('workbook.xlsx')).textContent(), 'sheet Orders');

    const sqliteOptions = await scan.openOptions(file('shop.sqlite'));
    await sqliteOptions.getByTestId('part-picker').waitFor();
    assert.match((await sqliteOptions.getByTestId('part-picker').textContent()) ?? '', /Choose one: the database has several tables/);
    await page.keyboard.press('Escape');
    await sqliteOptions.waitFor({ state: 'detached' });

    const parquetOptions = await scan.openOptions(file('cities.parquet'));
    assert.match((await parquetOptions.getByTestId('part-summary').textContent()) ?? '', /40 rows, 3 columns/);
    await page.keyboard.press('Escape');
    await parquetOptions.waitFor({ state: 'detached' });

    await scan.selectOnly([file('workbook.xlsx'), file('cities.parquet')]);
    await scan.importSelected();
    assert.equal(await scan.importEnded(file('workbook.xlsx')), 'done');
    assert.equal(await scan.importEnded(file('cities.parquet')), 'done');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, '32-formats-imported-1000');
    await scan.close();

    const grid = new DatasetPage(page);
    await catalog.openDataset('workbook');
    await grid.waitReady();
    assert.deepEqual(await grid.columnValues('customer'), ['Åsa Lind', 'Bo Ek', 'Cy Berg']);
    assert.deepEqual(await grid.columnValues('ordered'), ['2024-01-01', '2024-01-02', '2024-01-09']);
    assert.deepEqual(await grid.columnValues('total'), ['12.5', '7', '0.1']);
    await screenshot(page, '33-formats-xlsx-grid-1000');
    await page.setViewportSize({ width: 1400, height: 900 });
    await catalog.goHome();
    await catalog.openDataset('cities');
    await grid.waitReady();
    const prices = await grid.columnValues('price');
    assert.deepEqual(prices.slice(0, 3), ['0.00', '1.25', '2.50']);
    await screenshot(page, '34-formats-parquet-grid-1400');
    assert.deepEqual(pageErrors, []);
  });
});
