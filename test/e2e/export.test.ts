// End-to-end: export from the dataset screen — the grid's filter and sort and a column subset to JSON
// Lines, read back from disk and compared with the rows expected from the fixture; the overwrite question.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatBytes } from '../../renderer/components/format';
import { launch, screenshot, skipReason, UI_WAIT_MS } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { ExportDialog } from './pages/ExportDialog';
import { ScanDialog } from './pages/ScanDialog';
import { ROOT, startServe, type Served } from './serve';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'e2e');
const file = (name: string) => path.join(FIXTURES, name);
const skip = skipReason();

/** The rows of measurements.csv with station Hilo, hottest first (ties: later row first, as the grid orders them). */
function expectedHilo(): Array<{ reading_id: number; station: string; temperature_c: number }> {
  const lines = readFileSync(file('measurements.csv'), 'utf8').trim().split('\n').slice(1);
  return lines
    .map((l, i) => ({ l: l.split(','), rid: i + 1 }))
    .filter((r) => r.l[1] === 'Hilo')
    .sort((a, b) => Number(b.l[3]) - Number(a.l[3]) || b.rid - a.rid)
    .map((r) => ({ reading_id: Number(r.l[0]), station: r.l[1]!, temperature_c: Number(r.l[3]) }));
}

describe('export from the app', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let grid: DatasetPage;
  let dialog: ExportDialog;
  let out: string;
  const pageErrors: string[] = [];

  before(async () => {
    served = await startServe();
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    page.setDefaultTimeout(UI_WAIT_MS);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    grid = new DatasetPage(page);
    dialog = new ExportDialog(page);
    out = path.join(mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-export-')), 'exports');
  });
  after(async () => {
    await browser?.close();
    await served?.stop();
    rmSync(path.dirname(out), { recursive: true, force: true });
  });

  test('import the measurements and show them sorted by temperature (descending) and filtered to Hilo', async () => {
    const catalog = new CatalogPage(page);
    const scan = new ScanDialog(page);
    await catalog.open(served.url);
    await scan.openWithShortcut();
    await scan.scan(FIXTURES);
    await scan.selectOnly([file('measurements.csv')]);
    await scan.importSelected();
    assert.equal(await scan.importEnded(file('measurements.csv')), 'done');
    await scan.close();
    await catalog.openDataset('measurements');
    await grid.waitReady();
    await grid.sortBy('temperature_c');
    await grid.sortBy('temperature_c');
    await grid.floatingFilter('station').fill('Hilo');
    await grid.status('filtered').getByText(`${expectedHilo().length.toLocaleString('en-US')} match filters`).waitFor();
  });

  test('export the filtered, sorted view with three columns as JSON Lines; the file on disk has exactly the expected rows', async () => {
    await dialog.open();
    assert.equal(await dialog.root.getByTestId('export-rows-view').isChecked(), true, 'a filtered view exports the view by default');
    await dialog.format('jsonl');
    await dialog.onlyColumns(['reading_id', 'station', 'temperature_c']);
    await dialog.destination(out);
    await dialog.root.getByTestId('export-view').getByText('sorted by temperature_c ↓').waitFor();
    await screenshot(page, 'export-01-dialog-1400');
    await dialog.start();
    await dialog.result().waitFor();
    await screenshot(page, 'export-02-result-1400');

    const target = path.join(out, 'measurements.jsonl');
    const files = await dialog.files();
    assert.deepEqual(files.map((f) => f.path), [target]);
    assert.equal(files[0]!.size, formatBytes(statSync(target).size), 'the size shown is the size on disk');
    const rows = readFileSync(target, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(rows, expectedHilo());
    // Typed JSON: the numbers are numbers in the file, not strings.
    assert.match(readFileSync(target, 'utf8').split('\n')[0]!, /^\{"reading_id":\d+,"station":"Hilo","temperature_c":-?\d+(\.\d+)?\}$/);

    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.exports.length, 1);
    assert.deepEqual(manifest.exports[0].selection.columns, ['reading_id', 'station', 'temperature_c']);
    assert.deepEqual(manifest.exports[0].selection.sort, [{ column: 'temperature_c', dir: 'desc' }]);
    assert.equal(manifest.exports[0].selection.rows, rows.length);
    await dialog.root.getByTestId('export-manifest').getByText(path.join(out, 'manifest.json')).waitFor();
    await dialog.close();
  });

  test('exporting again into the same folder asks before replacing; Replace rewrites the file and its manifest entry', async () => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await dialog.open();
    await screenshot(page, 'export-03-dialog-1000');
    await dialog.format('jsonl');
    await dialog.rows('all');
    await dialog.destination(out);
    await dialog.start();
    await dialog.confirm().getByText(`${path.join(out, 'measurements.jsonl')} already exists.`).waitFor();
    await screenshot(page, 'export-04-confirm-1000');
    // Nothing was touched while the question is open.
    assert.equal(readFileSync(path.join(out, 'measurements.jsonl'), 'utf8').trim().split('\n').length, expectedHilo().length);
    await dialog.replace();
    await dialog.result().waitFor();
    await screenshot(page, 'export-05-result-1000');
    const rows = readFileSync(path.join(out, 'measurements.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.length, 2000);
    assert.deepEqual(Object.keys(rows[0]), ['reading_id', 'station', 'taken_on', 'temperature_c', 'humidity_pct', 'note']);
    assert.deepEqual(readdirSync(out).sort(), ['manifest.json', 'measurements.jsonl']);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.exports.length, 1);
    assert.equal(manifest.exports[0].selection.rows, 2000);
    await dialog.close();
    assert.deepEqual(pageErrors, []);
  });
});
