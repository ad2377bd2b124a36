// End-to-end: the real UI in Chromium against `tidyset serve` on a fresh workspace — scan, import, grid, edit, errors, auth.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, screenshot, skipReason, UI_WAIT_MS } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { ScanDialog } from './pages/ScanDialog';
import { ROOT, startServe, type Served } from './serve';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'e2e');
const file = (name: string) => path.join(FIXTURES, name);
const skip = skipReason();

/** The measurements fixture, parsed, to know what the grid must show. */
function measurements(): { id: string; station: string; temp: number }[] {
  return readFileSync(file('measurements.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map((f) => ({ id: f[0]!, station: f[1]!, temp: Number(f[3]) }));
}

describe('tidyset in the browser', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let catalog: CatalogPage;
  let scan: ScanDialog;
  let grid: DatasetPage;
  const pageErrors: string[] = [];

  before(async () => {
    served = await startServe();
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(served.url).origin });
    page = await context.newPage();
    page.setDefaultTimeout(UI_WAIT_MS);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    catalog = new CatalogPage(page);
    scan = new ScanDialog(page);
    grid = new DatasetPage(page);
  });

  after(async () => {
    await browser?.close();
    await served?.stop();
  });

  test('a new workspace shows the empty catalog', async () => {
    await catalog.open(served.url);
    await catalog.emptyState().getByRole('button', { name: 'Try it with sample data' }).waitFor();
    await screenshot(page, '01-catalog-empty');
  });

  test('scan the fixtures folder and import two files', async () => {
    await scan.openWithShortcut();
    await screenshot(page, '02-scan-browse');
    await scan.scan(FIXTURES);
    assert.equal(await scan.sourceRow(file('people.csv')).getAttribute('data-status'), 'ok');
    const copy = scan.sourceRow(file('people-copy.csv')).or(scan.sourceRow(file('people.csv')));
    assert.ok(
      (await copy.locator('.tag-dup').count()) >= 1,
      'one of the two byte-identical people files is marked as a duplicate',
    );
    await screenshot(page, '03-scan-results');

    await scan.selectOnly([file('people.csv'), file('measurements.csv')]);
    await scan.importSelected();
    assert.equal(await scan.importEnded(file('people.csv')), 'done');
    assert.equal(await scan.importEnded(file('measurements.csv')), 'done');
    await screenshot(page, '04-scan-imported');
    await scan.close();

    await catalog.row('measurements').waitFor();
    await catalog.row('people').waitFor();
    assert.match((await catalog.row('measurements').textContent()) ?? '', /2,000/);
    await screenshot(page, '05-catalog');
  });

  test('open a dataset, sort, filter and scroll to the last row', async () => {
    const data = measurements();
    await catalog.openDataset('measurements');
    await grid.waitReady();
    await grid.cell('reading_id', '1', 'station').waitFor();
    assert.equal(await grid.cell('reading_id', '1', 'station').textContent(), data[0]!.station);
    assert.match((await grid.status('total').textContent()) ?? '', /2,000 rows/);

    // Descending by temperature: click twice (asc, then desc).
    const hottest = [...data].sort((a, b) => b.temp - a.temp)[0]!;
    await grid.sortBy('temperature_c');
    await grid.sortBy('temperature_c');
    await grid.cell('reading_id', hottest.id, 'temperature_c').waitFor();
    const top = await grid.columnValues('temperature_c');
    assert.equal(Number(top[0]), hottest.temp, `first row after a descending sort has the highest temperature (${top.slice(0, 3).join(', ')})`);

    // Filter station = Hilo through the floating text filter.
    const hilo = data.filter((d) => d.station === 'Hilo').length;
    await grid.floatingFilter('station').fill('Hilo');
    await grid.status('filtered').getByText(`${hilo.toLocaleString('en-US')} match filters`).waitFor();
    const stations = new Set(await grid.columnValues('station'));
    assert.deepEqual([...stations], ['Hilo']);
    await screenshot(page, '06-dataset-sorted-filtered');

    // Clear the filter and the sort, then jump to the last row with the keyboard.
    await grid.floatingFilter('station').fill('');
    await grid.status('filtered').waitFor({ state: 'detached' });
    await grid.sortBy('temperature_c');
    await grid.cell('reading_id', '1', 'reading_id').click();
    await page.keyboard.press('Control+ArrowDown');
    await grid.cell('reading_id', '2000', 'reading_id').waitFor();
    await grid.status('focused').getByText('row 2,000').waitFor();
    await screenshot(page, '07-dataset-last-row');
  });

  test('an edited cell is saved and still there after a reload', async () => {
    // Enter on the focused cell opens the editor (double-click is used for the people dataset below).
    const cell = grid.cell('reading_id', '2000', 'note');
    await cell.click();
    await page.keyboard.press('Enter');
    await grid.editor().fill('edited in e2e');
    await page.keyboard.press('Enter');
    await cell.getByText('edited in e2e').waitFor();
    // Copy the focused cell (Community has no range copy; ours writes TSV to the clipboard).
    await cell.click();
    await page.keyboard.press('Control+c');
    // A string, so the test code needs no DOM types: it runs in the page.
    await page.waitForFunction(`navigator.clipboard.readText().then((t) => t === 'edited in e2e')`);

    await page.reload();
    await grid.waitReady();
    await grid.cell('reading_id', '1', 'reading_id').click();
    await page.keyboard.press('Control+ArrowDown');
    await grid.cell('reading_id', '2000', 'note').getByText('edited in e2e').waitFor();
  });

  test('metadata edits show in the header tooltip and in search', async () => {
    const meta = grid.columnMeta('humidity_pct');
    await meta.getByTestId('column-description').fill('Relative humidity at the station');
    await meta.getByTestId('column-unit').fill('%');
    await meta.getByTestId('column-unit').press('Enter');
    await grid.header('humidity_pct').locator('.header-unit').getByText('%').waitFor();
    await grid.header('humidity_pct').locator('.header-label').hover();
    await page.locator('.ag-tooltip').getByText('Relative humidity at the station').waitFor();
    await screenshot(page, '08-dataset-metadata');

    const results = await catalog.search('relative humidity');
    await results.getByText('measurements').waitFor();
    assert.match((await results.textContent()) ?? '', /humidity_pct/);
    await page.keyboard.press('Escape');
  });

  test('a broken file names the file and line; skipping keeps the good lines', async () => {
    await scan.openWithShortcut();
    await scan.scan(FIXTURES);
    await scan.selectOnly([file('broken.csv')]);
    await scan.importSelected();
    assert.equal(await scan.importEnded(file('broken.csv')), 'failed');
    const message = (await scan.errors().textContent()) ?? '';
    assert.match(message, /broken\.csv/, 'the message names the file');
    assert.match(message, /broken\.csv:4\b|line 4\b/, 'the message names the line');
    await screenshot(page, '09-import-error');

    await scan.setSkipMalformed(true);
    await scan.selectOnly([file('broken.csv')]);
    await scan.importSelected();
    assert.equal(await scan.importEnded(file('broken.csv')), 'done');
    const rejected = scan.importItem(file('broken.csv')).getByTestId('reject-count');
    await rejected.waitFor();
    assert.match((await rejected.textContent()) ?? '', /^[1-9]\d* rejected$/);
    await scan.importItem(file('broken.csv')).getByRole('button', { name: 'View rejected lines' }).click();
    const dialog = page.getByTestId('rejects-dialog');
    await dialog.getByTestId('reject-row').first().waitFor();
    assert.match((await dialog.textContent()) ?? '', /X3,third,30,surplus/);
    await screenshot(page, '10-rejected-lines');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await scan.close();
  });

  test('double-click edits, selected rows copy as TSV, and a rename keeps the grid', async () => {
    await page.locator('#dataset-list').getByRole('link', { name: /^people/ }).click();
    await page.locator('[data-testid="dataset-screen"][data-dataset="people"]').waitFor();
    await grid.waitReady();
    const city = grid.cell('id', '2', 'city');
    await grid.editCell(city, 'Manchester');
    await city.getByText('Manchester', { exact: true }).waitFor();

    // Whole rows are picked on the row numbers; shift+click on data cells selects a cell range instead.
    await grid.cell('id', '1', '__row').click();
    await grid.cell('id', '3', '__row').click({ modifiers: ['Shift'] });
    await grid.status('selected').getByText('3 selected').waitFor();
    await page.keyboard.press('Control+c');
    const expected = readFileSync(file('people.csv'), 'utf8').split('\n').slice(1, 4).map((l) => l.split(',').join('\t'));
    expected[1] = expected[1]!.replace('Wilmslow', 'Manchester');
    await page.waitForFunction(`navigator.clipboard.readText().then((t) => t === ${JSON.stringify(expected.join('\n'))})`);

    const name = grid.metadata().getByTestId('dataset-name');
    await name.fill('staff');
    await name.press('Enter');
    await page.locator('[data-testid="dataset-screen"][data-dataset="staff"]').waitFor();
    assert.equal(new URL(page.url()).hash, '#/d/staff');
    await grid.cell('id', '2', 'city').getByText('Manchester', { exact: true }).waitFor();
    await page.locator('#dataset-list').getByRole('link', { name: /^staff/ }).waitFor();
  });

  test('a request without the token is refused', async () => {
    const origin = new URL(served.url).origin;
    const call = await fetch(`${origin}/api/call/datasets.list`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(call.status, 401);
    const reply = (await call.json()) as { ok: boolean; error?: { code: string } };
    assert.equal(reply.ok, false);
    assert.equal(reply.error?.code, 'UNAUTHORIZED');

    // A browser without the cookie gets the refusal page, not the app.
    const stranger = await browser.newContext();
    const p = await stranger.newPage();
    const res = await p.goto(`${origin}/`);
    assert.equal(res?.status(), 401);
    assert.equal(await p.locator('#root').count(), 0);
    await stranger.close();
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
