// End-to-end: "Cluster and edit" in the browser against `tidyset serve` — open it from a column's menu
// and from a text facet, switch methods, edit a new value, merge with Enter (history shows one step),
// undo restores, the empty state, Esc closes; screenshots at 1400×900 and 1000×700.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { CleanPage } from './pages/CleanPage';
import { ClusterDialog } from './pages/ClusterDialog';
import { FacetsPanel } from './pages/FacetsPanel';
import { HistoryPanel } from './pages/HistoryPanel';
import { ScanDialog } from './pages/ScanDialog';
import { mulberry32 } from '../helpers/random';
import type { Served } from './serve';

const skip = skipReason();
const CITIES = ['New York', 'New York', 'New York', 'new york', 'NEW YORK', 'York, New', 'Boston', 'Boston', 'boston', 'Bostn', 'Chicago', 'Chicagoo', 'Zürich', 'Zurich', 'Lund'];

describe('cluster and edit in the browser', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let clean: CleanPage;
  let dialog: ClusterDialog;
  let history: HistoryPanel;
  const pageErrors: string[] = [];

  before(async () => {
    ({ served, browser, page } = await openApp({ width: 1400, height: 900, pageErrors }));
    dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-cluster-'));
    writeFileSync(path.join(dir, 'cities.csv'), `id,city\n${CITIES.map((c, i) => `${i + 1},"${c}"`).join('\n')}\n`);
    // Random words over a small alphabet: Levenshtein radius 4 takes long enough to watch and cancel.
    const rnd = mulberry32(9);
    const word = () => Array.from({ length: 12 }, () => 'abcdefghij'[Math.floor(rnd() * 10)]).join('');
    writeFileSync(path.join(dir, 'words.csv'), `id,w\n${Array.from({ length: 40_000 }, (_, i) => `${i},${word()}`).join('\n')}\n`);
    clean = new CleanPage(page);
    dialog = new ClusterDialog(page);
    history = new HistoryPanel(page);
  });
  after(async () => {
    await closeApp(browser, served);
    rmSync(dir, { recursive: true, force: true });
  });

  test('import a column of city spellings', async () => {
    const catalog = new CatalogPage(page);
    const scan = new ScanDialog(page);
    await catalog.open(served.url);
    await scan.openWithShortcut();
    await scan.scan(dir);
    await scan.selectOnly([path.join(dir, 'cities.csv'), path.join(dir, 'words.csv')]);
    await scan.importSelected();
    for (const f of ['cities.csv', 'words.csv']) {
      const state = await scan.importEnded(path.join(dir, f));
      assert.equal(state, 'done', state === 'done' ? '' : await scan.root.innerText());
    }
    await scan.close();
    await catalog.openDataset('cities');
    await clean.showPanel('history');
  });

  test('the column menu opens the dialog: fingerprint clusters, largest first, with counts', async () => {
    await clean.choose('city', 'Cluster and edit…');
    await dialog.ready();
    assert.deepEqual(await dialog.values(), [['New York', 'NEW YORK', 'York, New', 'new york'], ['Boston', 'boston'], ['Zurich', 'Zürich']]);
    assert.equal(await dialog.newValue(0).inputValue(), 'New York');
    await dialog.root.getByText('3 clusters · 8 values in 11 rows').waitFor();
    await screenshot(page, 'cluster-fingerprint-1400');
  });

  test('switching to nearest neighbour finds the typos', async () => {
    await dialog.setMethod('levenshtein');
    assert.deepEqual((await dialog.values()).map((v) => v[0]), ['New York', 'Boston', 'Chicago', 'Zurich']);
    await dialog.root.getByTestId('cluster-radius').waitFor();
    await dialog.setMethod('jaro-winkler');
    assert.ok((await dialog.values()).some((v) => v.includes('Chicagoo')));
    await screenshot(page, 'cluster-jaro-winkler-1400');
    await dialog.setMethod('fingerprint');
  });

  test('edit a new value, merge the selection with Enter: one history step; what is left re-clusters', async () => {
    await dialog.root.getByTestId('cluster-select-all').click();
    await dialog.root.getByTestId('cluster-foot').getByText('3 of 3 selected').waitFor();
    // Uncheck the third cluster: only the first two merge.
    await dialog.clusters().nth(2).getByTestId('cluster-merge').uncheck();
    await dialog.newValue(1).fill('Boston, MA');
    const before = await dialog.resultId();
    await dialog.newValue(1).press('Enter');
    await dialog.root.getByTestId('cluster-merged').waitFor();
    await dialog.ready(before);
    assert.deepEqual(await dialog.values(), [['Zurich', 'Zürich']]);
    await clean.toast(/Merged 2 clusters in city: 6 cells changed/).waitFor();
    await screenshot(page, 'cluster-after-merge-1400');
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });
    await history.waitForPosition(1);
    assert.deepEqual(await history.descriptions(), ['Mass edit 5 values into 2 in “city”']);
    await clean.waitForCell(4, 'city', 'New York');
    await clean.waitForCell(9, 'city', 'Boston, MA');
  });

  test('undo restores every spelling', async () => {
    await clean.toolbarButton('undo').click();
    await history.waitForPosition(0);
    await clean.waitForCell(4, 'city', 'new york');
    await clean.waitForCell(9, 'city', 'boston');
    await clean.waitForCell(7, 'city', 'Boston');
  });

  test('the text facet opens the dialog too; the empty state names the method; Esc closes', async () => {
    const facets = new FacetsPanel(page);
    await clean.choose('id', 'Text facet');
    const facet = await facets.settled('text', 'id');
    await facet.getByTestId('facet-cluster').click();
    await dialog.ready();
    await dialog.root.getByTestId('cluster-empty').getByText('No clusters found with this method.').waitFor();
    assert.equal(await dialog.root.getByTestId('cluster-apply').isDisabled(), true);
    await screenshot(page, 'cluster-empty-1400');
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });
  });

  test('with a facet selection only those rows are clustered, and the merge changes only them', async () => {
    const facets = new FacetsPanel(page);
    const facet = await facets.settled('text', 'id');
    // Rows 1–6: the New York spellings only.
    await facets.pick(facet, '1');
    for (const id of ['2', '3', '4', '5', '6']) await facets.pick(facet, id, true);
    await clean.choose('city', 'Cluster and edit…');
    await dialog.ready();
    await dialog.root.getByTestId('cluster-scope').waitFor();
    assert.deepEqual(await dialog.values(), [['New York', 'NEW YORK', 'York, New', 'new york']]);
    await screenshot(page, 'cluster-filtered-1400');
    await dialog.clusters().nth(0).getByTestId('cluster-merge').check();
    await dialog.newValue(0).press('Enter');
    await dialog.root.getByTestId('cluster-merged').waitFor();
    await clean.toast(/Merged 1 cluster in city: 3 cells changed/).waitFor();
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });
    await history.waitForPosition(1);
    await clean.waitForCell(4, 'city', 'New York');
    await facet.getByTestId('facet-reset').click();
    await clean.waitForCell(9, 'city', 'boston');
    await clean.toolbarButton('undo').click();
    await history.waitForPosition(0);
  });

  test('a long run shows its progress and Cancel stops it', async () => {
    const catalog = new CatalogPage(page);
    await catalog.goHome();
    await catalog.openDataset('words');
    await clean.choose('w', 'Cluster and edit…');
    await dialog.ready();
    await dialog.root.getByTestId('cluster-method').selectOption('levenshtein');
    await dialog.root.getByTestId('cluster-radius').selectOption('4');
    const running = dialog.root.getByTestId('cluster-running');
    await running.getByText(/Comparing values/).waitFor({ timeout: 60_000 });
    await running.getByRole('progressbar').waitFor();
    await screenshot(page, 'cluster-running-1400');
    await running.getByTestId('cluster-cancel').click();
    await dialog.root.getByTestId('cluster-cancelled').waitFor();
    assert.equal(await dialog.root.getByTestId('cluster-apply').isDisabled(), true);
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });
    await catalog.goHome();
    await catalog.openDataset('cities');
  });

  test('at 1000×700 the dialog fits', async () => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await clean.choose('city', 'Cluster and edit…');
    await dialog.ready();
    const box = await dialog.root.boundingBox();
    assert.ok(box && box.width <= 1000 && box.height <= 700, JSON.stringify(box));
    await screenshot(page, 'cluster-fingerprint-1000');
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors, []);
  });
});
