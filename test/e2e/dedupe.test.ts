// End-to-end: Find duplicates on febrl in the browser — suggested columns and the blocking report,
// the run with progress, keyboard review (↑/↓, Y, N, S) that re-fits the model, the threshold with live
// counts, the cluster id column added as a history step and undone — and fodors linked to zagat, with
// the link table exported and zagat's key added as a column.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { DedupePage } from './pages/DedupePage';
import { GridApi } from './pages/GridApi';
import { HistoryPanel } from './pages/HistoryPanel';
import { ScanDialog } from './pages/ScanDialog';
import type { Served } from './serve';
import { ROOT } from './serve';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(ROOT, '..', 'shared', 'data');
const FILES = {
  febrl: path.join(DATA, 'febrl', 'dataset1.csv'),
  fodors: path.join(DATA, 'fodors-zagat', 'fodors.csv'),
  zagats: path.join(DATA, 'fodors-zagat', 'zagats.csv'),
};
const missing = Object.values(FILES).find((f) => !existsSync(f));
const skip = skipReason() || (missing ? `e2e dedupe skipped: ${missing} not found (set TIDYSET_DATA_DIR to the shared data folder)` : false);

/** Both window sizes the screens are checked at. */
async function shots(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1400`);
  await page.setViewportSize({ width: 1000, height: 700 });
  await screenshot(page, `${name}-1000`);
  await page.setViewportSize({ width: 1400, height: 900 });
}

describe('find duplicates, review, resolve and link in the browser', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let dedupe: DedupePage;
  let grid: DatasetPage;
  let history: HistoryPanel;
  let catalog: CatalogPage;
  const pageErrors: string[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-dedupe-'));
    copyFileSync(FILES.febrl, path.join(dir, 'febrl1.csv'));
    copyFileSync(FILES.fodors, path.join(dir, 'fodors.csv'));
    copyFileSync(FILES.zagats, path.join(dir, 'zagats.csv'));
    // Bad input: a name prefix shared by every record (the block guard must name its key) and a column that is all blank.
    const rows = Array.from({ length: 3000 }, (_, i) => `p${i},person ${i % 1500},SE,`);
    writeFileSync(path.join(dir, 'people.csv'), `id,name,country,notes\n${rows.join('\n')}\n`);
    ({ served, browser, page } = await openApp({ width: 1400, height: 900, timeoutMs: 30_000, pageErrors }));
    dedupe = new DedupePage(page);
    grid = new DatasetPage(page);
    history = new HistoryPanel(page);
    catalog = new CatalogPage(page);
  });

  after(async () => {
    await closeApp(browser, served);
    rmSync(dir, { recursive: true, force: true });
  });

  test('import febrl, fodors, zagat and a file of bad input', async () => {
    const scan = new ScanDialog(page);
    await catalog.open(served.url);
    await scan.openWithShortcut();
    await scan.scan(dir);
    const files = ['febrl1.csv', 'fodors.csv', 'zagats.csv', 'people.csv'].map((f) => path.join(dir, f));
    await scan.selectOnly(files);
    await scan.importSelected();
    for (const f of files) assert.equal(await scan.importEnded(f), 'done');
    await scan.close();
  });

  test('Find duplicates suggests the identifying columns and counts the blocks before running', async () => {
    await catalog.openDataset('febrl1');
    await grid.waitReady();
    await dedupe.openFromDataset('duplicates');
    await dedupe.waitView('setup');
    await dedupe.setupReady();
    const compared = await dedupe.comparedColumns();
    assert.ok(compared.includes('surname'), `surname is suggested (got ${compared.join(', ')})`);
    assert.ok(!compared.includes('rec_id'), 'the record id is not compared');
    const n = await dedupe.comparisons();
    assert.ok(n > 0 && n < (1000 * 999) / 2, `blocking compares fewer pairs than all (${n})`);
    assert.ok((await dedupe.root.getByTestId('blocking-key').count()) > 0);
    await shots(page, 'dedupe-01-setup');
  });

  test('the run shows its progress and opens the review, least certain first', async () => {
    await dedupe.run();
    const clusters = await dedupe.count('clusters');
    const pairs = await dedupe.count('pairs');
    assert.ok(clusters > 300 && clusters <= 600, `about 500 duplicate pairs in febrl 1 (clusters: ${clusters})`);
    assert.ok(pairs >= clusters);
    assert.ok((await dedupe.compareRows().count()) >= 3, 'the compared columns are shown side by side');
    assert.equal(await dedupe.root.locator('[data-testid="cluster-item"]').first().getAttribute('aria-current'), 'true');
    await shots(page, 'dedupe-02-review');
  });

  test('keyboard review: ↓ moves, Y and N label and re-fit, S splits', async () => {
    const first = await dedupe.current();
    await dedupe.press('ArrowDown');
    assert.notEqual(await dedupe.current(), first);
    await dedupe.press('ArrowUp');
    assert.equal(await dedupe.current(), first);
    await dedupe.press('y', 1);
    assert.notEqual(await dedupe.current(), first, 'Y moves on to the next cluster');
    const second = await dedupe.current();
    await dedupe.press('n', 2);
    assert.notEqual(await dedupe.current(), second);
    await dedupe.press('s', 3);
    await dedupe.root.getByTestId('model-state').getByText('Model fitted with 3 labels').waitFor();
    await shots(page, 'dedupe-03-reviewed');
  });

  test('the threshold slider updates the counts live', async () => {
    const low = await dedupe.count('pairs');
    await dedupe.setThreshold(0.99);
    const high = await dedupe.count('pairs');
    assert.ok(high <= low, `fewer pairs at 0.99 (${high}) than at the default (${low})`);
    await dedupe.setThreshold(0.5);
  });

  test('resolve: add a cluster_id column; history shows the step and undo removes it', async () => {
    const dialog = await dedupe.openResolve();
    await shots(page, 'dedupe-04-resolve');
    await dialog.getByTestId('resolve-keep-one').check();
    await dialog.getByTestId('survivorship').waitFor();
    await screenshot(page, 'dedupe-05-resolve-keep-one-1400');
    await dialog.getByTestId('resolve-add-column').check();
    assert.equal(await dialog.getByTestId('resolve-column').inputValue(), 'cluster_id');
    await dialog.getByTestId('resolve-apply').click();
    await page.locator('[data-testid="dataset-screen"][data-dataset="febrl1"]').waitFor();
    await grid.waitReady();
    await history.waitForPosition(1);
    const [desc] = await history.descriptions();
    assert.match(desc ?? '', /cluster_id/);
    await page.getByText('1,000 rows × 12 columns').waitFor();
    const ids = await new GridApi(page).column('febrl1', 'cluster_id', 1000);
    assert.equal(ids.filter((v) => v === null || v === '').length, 0, 'every record has a cluster id');
    const distinct = new Set(ids).size;
    assert.ok(distinct < 1000 && distinct >= 500, `duplicates share an id (${distinct} ids for 1,000 records)`);
    await shots(page, 'dedupe-06-cluster-column');
    await page.getByTestId('undo').click();
    await history.waitForPosition(0);
    await page.getByText('1,000 rows × 11 columns').waitFor();
    const after = await new GridApi(page).call<{ columns: { name: string }[] }>('datasets.get', { dataset: 'febrl1' });
    assert.ok(!after.columns.some((c) => c.name === 'cluster_id'), 'undo removes the column');
  });

  test('the review survives a reload: the screen reopens on the stored result', async () => {
    await dedupe.openFromDataset('duplicates');
    await dedupe.waitView('review');
    await dedupe.reviewReady();
    await dedupe.root.getByTestId('model-state').getByText('Model fitted with 3 labels').waitFor();
  });

  test('a run shows its progress and Cancel stops it, keeping the earlier result', async () => {
    await dedupe.root.getByTestId('step-setup').click();
    await dedupe.setupReady();
    await dedupe.root.getByTestId('run-start').click();
    await dedupe.root.getByTestId('run-progress').waitFor();
    await dedupe.root.getByTestId('run-cancel').click();
    await dedupe.root.getByTestId('run-note').getByText('Cancelled; nothing was kept.').waitFor();
    await dedupe.root.getByTestId('step-review').click();
    await dedupe.reviewReady();
    await dedupe.root.getByTestId('model-state').getByText('Model fitted with 3 labels').waitFor();
  });

  test('resolve: keep one record per cluster deletes the others; undo brings them back', async () => {
    const dialog = await dedupe.openResolve();
    await dialog.getByTestId('resolve-keep-one').check();
    await dialog.getByRole('combobox', { name: 'Survivorship for given_name' }).selectOption('longest');
    await dialog.getByTestId('resolve-apply').click();
    await page.locator('[data-testid="dataset-screen"][data-dataset="febrl1"]').waitFor();
    const sub = page.getByText(/^(?!1,000 )[\d,]+ rows × 11 columns/);
    await sub.waitFor();
    const rows = Number(((await sub.textContent()) ?? '').replace(/,/g, '').match(/^\d+/)?.[0]);
    assert.ok(rows >= 500 && rows < 1000, `one record per cluster kept (${rows} rows)`);
    const position = Number(await history.root.getAttribute('data-position'));
    assert.ok(position >= 1);
    assert.match((await history.step(position).locator('.history-desc').textContent()) ?? '', /^Keep one record per duplicate cluster/);
    await page.getByTestId('undo').click();
    await history.waitForPosition(position - 1);
    await page.getByText('1,000 rows × 11 columns').waitFor();
  });

  test('link fodors to zagat: map columns, review, export the link table, add zagat’s id', async () => {
    await catalog.goHome();
    await catalog.openDataset('fodors');
    await grid.waitReady();
    await dedupe.openFromDataset('link');
    await dedupe.waitView('setup');
    await dedupe.root.getByTestId('link-choose').waitFor();
    await shots(page, 'dedupe-07-link-choose');
    await dedupe.pickOther('zagats');
    await dedupe.setupReady();
    const compared = await dedupe.comparedColumns();
    assert.ok(compared.includes('name'), `name is compared (got ${compared.join(', ')})`);
    await shots(page, 'dedupe-08-link-setup');
    await dedupe.run();
    const links = await dedupe.count('pairs');
    assert.ok(links > 60 && links <= 331, `about 112 links (got ${links})`);
    await dedupe.press('y', 1);
    await shots(page, 'dedupe-09-link-review');

    const out = path.join(dir, 'links.csv');
    await dedupe.linkResults().getByTestId('link-out').fill(out);
    await dedupe.linkResults().getByTestId('link-export').click();
    await dedupe.linkResults().getByTestId('link-message').getByText(/^Wrote \d+ links/).waitFor();
    const lines = readFileSync(out, 'utf8').trim().split(/\r?\n/);
    assert.equal(lines[0], 'a_key,b_key,score');
    assert.ok(lines.length - 1 > 60);

    await dedupe.linkResults().getByTestId('link-key-b-column').selectOption('id');
    await dedupe.linkResults().getByTestId('link-add-name').fill('zagat_id');
    await dedupe.linkResults().getByTestId('link-add-key').click();
    await page.locator('[data-testid="dataset-screen"][data-dataset="fodors"]').waitFor();
    await history.waitForPosition(1);
    await page.getByText('533 rows × 7 columns').waitFor();
    const linked = (await new GridApi(page).column('fodors', 'zagat_id', 1000)).filter((v) => v !== null && v !== '');
    assert.ok(linked.length > 60 && linked.length <= 331, `fodors rows with a zagat id: ${linked.length}`);
    await screenshot(page, 'dedupe-10-linked-key-1400');
    assert.deepEqual(pageErrors, []);
  });

  test('bad input: the blocking report names the keys that would explode and the blank column', async () => {
    await catalog.goHome();
    await catalog.openDataset('people');
    await grid.waitReady();
    await dedupe.openFromDataset('duplicates');
    await dedupe.waitView('setup');
    await dedupe.setupReady();
    for (const c of await dedupe.comparedColumns()) await dedupe.setCompared(c, false);
    await dedupe.setCompared('name', true);
    await dedupe.setCompared('notes', true);
    const warnings = dedupe.root.getByTestId('blocking-warning');
    // Every name starts "person ": its prefix and phonetic blocks hold all 3,000 records.
    await warnings.filter({ hasText: /key "name: [^"]+" would explode/ }).first().waitFor();
    await warnings.filter({ hasText: /"notes" is blank in every record/ }).waitFor();
    await dedupe.root.getByText(/[2-9] blocking warnings/).waitFor();
    await shots(page, 'dedupe-11-bad-input');
    assert.deepEqual(pageErrors, []);
  });
});
