// End-to-end: batch names that would clash, re-scans that untick imported files, Cancel in the scan dialog,
// the live parse preview, and deleting a dataset from the catalog and from the dataset screen.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot, skipReason, UI_WAIT_MS } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetDialogs } from './pages/DatasetDialogs';
import { DatasetPage } from './pages/DatasetPage';
import { ScanDialog } from './pages/ScanDialog';
import { startServe, type Served } from './serve';

const skip = skipReason();

describe('catalog: batches, re-scans, cancel, preview, delete', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const pageErrors: string[] = [];
  const file = (...p: string[]) => path.join(dir, ...p);

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-catalog-'));
    mkdirSync(file('a'));
    mkdirSync(file('b'));
    mkdirSync(file('big'));
    writeFileSync(file('a', 'gt.csv'), 'id,label\n1,cat\n2,dog\n');
    writeFileSync(file('b', 'gt.csv'), 'id,label\n3,owl\n');
    writeFileSync(file('a', 'records.csv'), 'k,v\n1,x\n');
    writeFileSync(file('a', 'hashes.txt'), Array.from({ length: 12 }, (_, i) => `${i}#name ${i}#${i * 2}`).join('\n') + '\n');
    // Big enough that its import is still running when Cancel is clicked (about 60 MB).
    const line = 'id,text,amount\n' + Array.from({ length: 1000 }, (_, i) => `${i},"some text value number ${i}",${i}.25`).join('\n') + '\n';
    writeFileSync(file('big', 'huge.csv'), 'id,text,amount\n' + line.slice(15).repeat(1800));
    served = await startServe();
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(UI_WAIT_MS);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await served?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('two gt.csv in one batch import as gt and gt-2; a re-scan unticks them and says "imported as"', async () => {
    const catalog = new CatalogPage(page);
    const scan = new ScanDialog(page);
    await catalog.open(served.url);
    await scan.openWithShortcut();
    await scan.scan(dir);
    await scan.selectOnly([file('a', 'gt.csv'), file('b', 'gt.csv'), file('a', 'records.csv')]);
    await scan.importSelected();
    for (const f of [file('a', 'gt.csv'), file('b', 'gt.csv'), file('a', 'records.csv')]) assert.equal(await scan.importEnded(f), 'done', f);
    assert.equal(await scan.errors().count(), 0, 'no name clash');
    await scan.importItem(file('a', 'gt.csv')).getByRole('button', { name: 'gt', exact: true }).waitFor();
    await scan.importItem(file('b', 'gt.csv')).getByRole('button', { name: 'gt-2', exact: true }).waitFor();
    await scan.close();
    await catalog.row('gt').waitFor();
    await catalog.row('gt-2').waitFor();

    // Change one file; re-scan: unchanged imports are unticked and say so, the changed one is ticked and says it changed.
    writeFileSync(file('a', 'records.csv'), 'k,v\n1,x\n2,y\n');
    await scan.openWithShortcut();
    await scan.scan(dir);
    const row = (f: string) => scan.sourceRow(f);
    assert.equal(await row(file('a', 'gt.csv')).getByRole('checkbox').isChecked(), false);
    assert.equal(await row(file('b', 'gt.csv')).getByRole('checkbox').isChecked(), false);
    assert.equal((await row(file('a', 'gt.csv')).getByTestId('imported-as').textContent())?.trim(), 'imported as gt');
    assert.equal((await row(file('b', 'gt.csv')).getByTestId('imported-as').textContent())?.trim(), 'imported as gt-2');
    assert.equal(await row(file('a', 'records.csv')).getByRole('checkbox').isChecked(), true, 'a changed file is ticked');
    assert.equal((await row(file('a', 'records.csv')).getByTestId('imported-as').textContent())?.trim(), 'changed since imported as records');
    assert.equal(await row(file('big', 'huge.csv')).getByRole('checkbox').isChecked(), true, 'a new file is ticked');
    await screenshot(page, '30-rescan-imported-as');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, '30-rescan-imported-as-1000');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test('Cancel in the scan dialog stops a running import and nothing is kept', async () => {
    const scan = new ScanDialog(page);
    const huge = file('big', 'huge.csv');
    await scan.selectOnly([huge]);
    await scan.importSelected();
    const item = scan.importItem(huge);
    await item.getByTestId('cancel-import').click();
    assert.equal(await scan.importEnded(huge), 'cancelled');
    await screenshot(page, '31-import-cancelled');
    await scan.close();
    assert.equal(await new CatalogPage(page).row('huge').count(), 0);
  });

  test('the import options preview splits the first rows as the chosen delimiter reads them', async () => {
    const scan = new ScanDialog(page);
    const dialogs = new DatasetDialogs(page);
    const hashes = file('a', 'hashes.txt');
    await scan.openWithShortcut();
    await scan.scan(dir);
    const options = await scan.openOptions(hashes);
    await options.getByLabel('First line is a header row').selectOption('no');
    await options.getByLabel('Delimiter').selectOption(',');
    await dialogs.previewWithColumns(options, 1).waitFor();
    assert.deepEqual(await dialogs.previewColumns(options), ['column_1']);
    assert.match((await options.getByTestId('preview-note').allTextContents()).join(' '), /one column; the lines all contain "#"/);
    await screenshot(page, '32-preview-one-column');
    await options.getByLabel('Delimiter').selectOption('#');
    await dialogs.previewWithColumns(options, 3).waitFor();
    assert.deepEqual(await dialogs.previewColumns(options), ['column_1', 'column_2', 'column_3']);
    const first = await dialogs.preview(options).locator('tbody tr').first().locator('td').allTextContents();
    assert.deepEqual(first, ['0', 'name 0', '0']);
    assert.equal(await dialogs.preview(options).locator('tbody tr').count(), 10, 'the first ten rows');
    await screenshot(page, '33-preview-hash');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, '33-preview-hash-1000');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.keyboard.press('Escape');
    await options.waitFor({ state: 'detached' });
    await scan.close();
  });

  test('delete from the catalog says what goes; delete from the dataset screen returns to the catalog', async () => {
    const catalog = new CatalogPage(page);
    const dialogs = new DatasetDialogs(page);
    const grid = new DatasetPage(page);
    let confirm = await dialogs.openDelete(catalog.row('gt-2'));
    assert.match((await confirm.getByTestId('delete-impact').textContent()) ?? '', /gt-2: 1 row × 2 columns and 0 history steps/);
    await screenshot(page, '34-delete-confirm');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    assert.equal(await catalog.row('gt-2').count(), 1, 'Esc keeps the dataset');
    await dialogs.openDelete(catalog.row('gt-2'));
    await dialogs.confirmDelete();
    await catalog.row('gt-2').waitFor({ state: 'detached' });

    await catalog.openDataset('gt');
    await grid.waitReady();
    await screenshot(page, '35-dataset-toolbar-delete');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, '35-dataset-toolbar-delete-1000');
    await page.setViewportSize({ width: 1400, height: 900 });
    confirm = await dialogs.openDeleteFromToolbar();
    assert.match((await confirm.getByTestId('delete-impact').textContent()) ?? '', /gt: 2 rows × 2 columns/);
    await dialogs.confirmDelete();
    await page.getByTestId('catalog').waitFor();
    assert.equal(await catalog.row('gt').count(), 0);
    assert.equal(await catalog.row('records').count(), 1, 'the others stay');
    assert.deepEqual(pageErrors, []);
  });

  test('re-import with other options replaces the dataset under its name', async () => {
    const catalog = new CatalogPage(page);
    const dialogs = new DatasetDialogs(page);
    const rowsCell = catalog.row('records').locator('td.num').first();
    assert.equal((await rowsCell.textContent())?.trim(), '1');
    await catalog.row('records').getByTestId('reimport-dataset').click();
    const options = page.getByTestId('import-options-dialog');
    await options.getByLabel('First line is a header row').selectOption('no');
    await dialogs.previewWithColumns(options, 2).waitFor();
    assert.deepEqual(await dialogs.previewColumns(options), ['column_1', 'column_2']);
    await screenshot(page, '36-reimport-options');
    await options.getByTestId('import-options-save').click();
    await options.waitFor({ state: 'detached' });
    // records.csv now has a header line and two rows; read without a header it is three rows.
    await catalog.row('records').locator('td.num', { hasText: /^3$/ }).first().waitFor();
    assert.equal(await catalog.table().locator('tr[data-dataset^="records"]').count(), 1, 'replaced, not added');
    await catalog.openDataset('records');
    await new DatasetPage(page).waitReady();
    assert.equal((await new DatasetPage(page).columnValues('column_1'))[0], 'k');
    assert.deepEqual(pageErrors, []);
  });
});
