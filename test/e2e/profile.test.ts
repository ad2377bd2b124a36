// End-to-end: the Profile view with histograms (a bar click filters the grid), accepting a suggested
// rule, a failing rule filtering the grid to exactly its rows, header histograms, and drift between
// two parts of a split (train and test) with overlaid histograms.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { GridApi } from './pages/GridApi';
import { ProfilePage } from './pages/ProfilePage';
import type { Served } from './serve';

const skip = skipReason();

/** 600 rows: age 20–79, a city of four, a code that is empty in every 50th row; `shift` moves the ages. */
function rows(n: number, shift: number, cities: string[]): string {
  const out = ['id,age,city,code'];
  for (let i = 1; i <= n; i++) out.push(`${i},${20 + ((i * 7) % 60) + shift},${cities[i % cities.length]},${i % 50 === 0 ? '' : `K-${1000 + i}`}`);
  return out.join('\n') + '\n';
}

describe('profile, rules and drift', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let data: string;
  let grid: DatasetPage;
  let profile: ProfilePage;
  let api: GridApi;
  const pageErrors: string[] = [];

  before(async () => {
    data = mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-profile-'));
    writeFileSync(path.join(data, 'train.csv'), rows(600, 0, ['Lund', 'Malmö', 'Umeå', 'Kiruna']));
    writeFileSync(path.join(data, 'test.csv'), rows(200, 25, ['Lund', 'Malmö', 'Visby', 'Visby']));
    ({ served, browser, page } = await openApp({ width: 1400, height: 900, pageErrors }));
    grid = new DatasetPage(page);
    profile = new ProfilePage(page);
    api = new GridApi(page);
    const catalog = new CatalogPage(page);
    await catalog.open(served.url);
    await api.call('jobs.import', { files: [{ path: path.join(data, 'train.csv'), options: { name: 'train' } }, { path: path.join(data, 'test.csv'), options: { name: 'test' } }] });
    await catalog.row('train').waitFor();
    await catalog.row('test').waitFor();
    await catalog.openDataset('train');
    await grid.waitReady();
  });

  after(async () => {
    await closeApp(browser, served);
    rmSync(data, { recursive: true, force: true });
  });

  test('the Profile view: a card per column with histograms; a bar click filters the grid', async () => {
    await profile.openProfile();
    assert.equal(await page.getByTestId('profile-card').count(), 4);
    const age = profile.card('age');
    await age.getByTestId('profile-histogram').waitFor();
    assert.match((await age.textContent()) ?? '', /distinct60/);
    assert.ok((await age.getByTestId('bar').count()) >= 2);
    await profile.card('city').getByTestId('top-value').first().waitFor();
    await screenshot(page, 'profile-01-view-1400');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'profile-02-view-1000');
    await page.setViewportSize({ width: 1400, height: 900 });
    // The first bar of age: 20 up to the second bin's start.
    await age.getByTestId('bar').first().click();
    await grid.waitReady();
    const filtered = Number(((await grid.status('filtered').textContent()) ?? '').replace(/[^\d]/g, ''));
    assert.ok(filtered > 0 && filtered < 600, `the grid shows the rows of one bar (${filtered})`);
    await page.getByTestId('facet').first().getByRole('button', { name: /Remove the facet/ }).click();
  });

  test('accept a suggested rule; a failing rule shows exactly its rows in the grid', async () => {
    const panel = await profile.openRules();
    await panel.getByTestId('rules-empty').waitFor();
    await panel.getByTestId('rules-suggest').click();
    const unique = profile.suggestion(panel, '"id" is unique');
    await unique.waitFor();
    await screenshot(page, 'profile-03-suggestions-1400');
    await unique.getByTestId('suggestion-accept').click();
    await profile.rule(panel, '"id" is unique').waitFor();
    // A rule the data breaks: 12 rows have no code.
    await panel.locator('summary').click();
    await panel.getByLabel('Rule JSON').fill('{"rule":"notNull","column":"code","severity":"block"}');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    const code = profile.rule(panel, '"code" is never empty');
    await code.waitFor();
    await panel.getByTestId('rules-run').click();
    await panel.getByTestId('rules-summary').getByText(/1 of 2 passed on 600 rows — a blocking rule failed/).waitFor();
    assert.match((await profile.rule(panel, '"id" is unique').textContent()) ?? '', /passed/);
    await screenshot(page, 'profile-04-rules-1400');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'profile-05-rules-1000');
    await page.setViewportSize({ width: 1400, height: 900 });
    await code.getByTestId('rule-failing').click();
    await grid.waitReady();
    await grid.status('filtered').getByText(/12 match/).waitFor();
    assert.deepEqual(await grid.columnValues('code'), Array(12).fill(''));
    await screenshot(page, 'profile-06-failing-rows-1400');
  });

  test('histograms in the grid headers', async () => {
    await profile.openProfile();
    await page.getByTestId('toggle-header-histograms').check();
    await page.getByTestId('view-grid').click();
    await grid.waitReady();
    await page.getByTestId('header-histogram').first().waitFor();
    assert.equal(await page.getByTestId('header-histogram').count(), 4);
    await screenshot(page, 'profile-07-header-histograms-1400');
  });

  test('drift between train and test: flagged columns and overlaid histograms', async () => {
    await page.getByTestId('toggle-rules').click();
    const view = await profile.openDrift();
    await view.getByTestId('drift-other').selectOption('test');
    await view.getByTestId('drift-run').click();
    await view.getByTestId('drift-summary').waitFor();
    assert.equal(await profile.driftCard('age').getAttribute('data-flag'), 'major');
    assert.equal(await profile.driftCard('city').getAttribute('data-flag'), 'major');
    assert.match((await profile.driftCard('city').textContent()) ?? '', /New in test: “Visby”/);
    assert.equal(await profile.driftCard('code').getAttribute('data-flag'), 'none');
    assert.equal(await profile.driftCard('age').locator('[data-testid="drift-histogram"] .bar-b').count(), 20);
    await screenshot(page, 'profile-08-drift-1400');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'profile-09-drift-1000');
    await page.setViewportSize({ width: 1400, height: 900 });
    assert.deepEqual(pageErrors, []);
  });
});
