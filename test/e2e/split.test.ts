// End-to-end: the "Export splits" dialog — live preview of a stratified + grouped split, the leakage
// panel clicking through to the offending rows in the grid, a Parquet split written and read back
// by DuckDB, and the manifest and datasheet shown in the app. Screenshots at 1400×900 and 1000×700.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../helpers/cli';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { SplitDialog } from './pages/SplitDialog';
import type { Served } from './serve';

const skip = skipReason();
const ROWS = 600;

/** Visits of 120 patients with a skewed label; rows 581–600 repeat rows 1–20 (other case) under new patients. */
function visitsCsv(): string {
  const lines = ['visit,patient,label,note'];
  for (let i = 1; i <= ROWS - 20; i++) lines.push(`${i},p${(i * 7) % 120},${i % 5 === 0 ? 'rare' : i % 2 ? 'flu' : 'cold'},note ${i}`);
  for (let i = 1; i <= 20; i++) lines.push(`${i},P${(i * 7) % 120},${i % 5 === 0 ? 'RARE' : i % 2 ? 'FLU' : 'COLD'},NOTE ${i}`);
  return lines.join('\n') + '\n';
}

for (const [width, height] of [[1400, 900], [1000, 700]] as const) {
  describe(`export splits at ${width}×${height}`, { skip }, () => {
    let served: Served;
    let browser: Browser;
    let page: Page;
    let tmp: string;
    const pageErrors: string[] = [];

    before(async () => {
      ({ served, browser, page } = await openApp({ width, height, pageErrors }));
      tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-split-'));
      writeFileSync(path.join(tmp, 'visits.csv'), visitsCsv());
      const r = runCli(['import', path.join(tmp, 'visits.csv'), '--name', 'visits'], served.workspace);
      assert.equal(r.status, 0, r.stderr);
      const catalog = new CatalogPage(page);
      await catalog.open(served.url);
      await catalog.openDataset('visits');
      await new DatasetPage(page).waitReady();
    });
    after(async () => {
      await closeApp(browser, served);
      rmSync(tmp, { recursive: true, force: true });
    });

    test('the preview shows rows, groups and class balance per part of a stratified + grouped split', async () => {
      const dialog = new SplitDialog(page);
      await dialog.open();
      await dialog.previewPart('train').getByText('480 rows').waitFor();
      await dialog.strategy('stratified-grouped', { stratify: 'label', group: 'patient' });
      await dialog.previewPart('train').getByText(/groups/).waitFor();
      const facts = await dialog.root.getByTestId('split-preview').innerText();
      assert.match(facts, /stratified \+ grouped/);
      assert.match(facts, /flu/);
      await screenshot(page, `split-dialog-${width}x${height}`);
    });

    test('the leakage panel finds the duplicated rows of a random split and shows them in the grid', async () => {
      const dialog = new SplitDialog(page);
      await dialog.strategy('random');
      await dialog.previewPart('train').getByText('480 rows').waitFor();
      const summary = await dialog.checkLeakage();
      assert.match(await summary.innerText(), /Leakage found/);
      const exact = dialog.root.getByTestId('leak-exact');
      const count = Number((await exact.locator('.split-leak-count').innerText()).replace(/,/g, ''));
      assert.ok(count > 0 && count <= 20, `exact duplicates: ${count}`);
      await screenshot(page, `split-leakage-${width}x${height}`);
      await exact.getByTestId('leak-show-exact').click();
      await dialog.root.waitFor({ state: 'detached' });
      const bar = page.getByTestId('row-selection');
      await bar.waitFor();
      const grid = new DatasetPage(page);
      const shown = Number((await bar.innerText()).match(/Showing (\d+)/)![1]);
      await grid.status('filtered').getByText(`${shown} match filters`).waitFor();
      // Every shown row is one of the duplicated visits (1–20 in either case).
      const visits = (await grid.columnValues('visit')).map(Number);
      assert.ok(visits.length > 0 && visits.every((v) => v >= 1 && v <= 20), visits.join(','));
      await screenshot(page, `split-leak-rows-${width}x${height}`);
      await page.getByTestId('row-selection-clear').click();
      await bar.waitFor({ state: 'detached' });
    });

    test('a stratified + grouped split written as Parquet: the manifest and datasheet shown, the files read by DuckDB', async () => {
      const dialog = new SplitDialog(page);
      await dialog.open();
      await dialog.strategy('stratified-grouped', { stratify: 'label', group: 'patient' });
      await dialog.previewPart('train').getByText(/groups/).waitFor();
      const out = path.join(tmp, `out-${width}`);
      await dialog.write('parquet', out);
      const result = dialog.root.getByTestId('split-result');
      for (const part of ['train', 'val', 'test']) assert.equal(await result.getByTestId(`verify-${part}`).innerText(), 'ok');
      assert.match(await dialog.root.getByTestId('split-datasheet').innerText(), /## Composition[\s\S]*stratified by `label`, grouped by `patient`/);
      await screenshot(page, `split-result-${width}x${height}`);
      await dialog.root.getByTestId('tab-manifest').click();
      assert.match(await dialog.root.getByTestId('split-manifest').innerText(), /"strategy": "stratified-grouped"/);
      assert.deepEqual(readdirSync(out).sort(), ['DATASHEET.md', 'manifest.json', 'test.parquet', 'train.parquet', 'val.parquet']);
      const conn = await (await DuckDBInstance.create(':memory:')).connect();
      const glob = `'${path.join(out, '*.parquet')}'`;
      const rows = await conn.runAndReadAll(`SELECT count(*)::INTEGER, count(DISTINCT patient)::INTEGER FROM read_parquet(${glob})`);
      assert.deepEqual(rows.getRows()[0], [ROWS, 140]);
      const shared = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM (SELECT patient FROM read_parquet(${glob}, filename = true) GROUP BY patient HAVING count(DISTINCT filename) > 1)`);
      assert.deepEqual(shared.getRows()[0], [0], 'a patient is in two parts');
      await dialog.root.getByTestId('split-close').click();
      assert.deepEqual(pageErrors, []);
    });
  });
}
