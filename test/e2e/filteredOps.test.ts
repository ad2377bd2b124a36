// End-to-end: an operation applies to the filtered rows (a facet selection), the dialog says how many of
// how many, only those rows change (read back through the API), undo restores them, and the switch
// applies to every row; a recipe shows "step n of N" with a bar, and Cancel leaves the dataset as it was.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot, skipReason, UI_WAIT_MS } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { CleanPage } from './pages/CleanPage';
import { DatasetPage } from './pages/DatasetPage';
import { FacetsPanel } from './pages/FacetsPanel';
import { HistoryPanel } from './pages/HistoryPanel';
import { RecipeDialogs } from './pages/RecipeDialogs';
import { ScanDialog } from './pages/ScanDialog';
import { startServe, type Served } from './serve';

const skip = skipReason();
const ROWS = 2000;
/** Rows 1, 4, 7, … are in Lund: 667 of 2,000. */
const LUND = Math.ceil(ROWS / 3);

describe('operations on the filtered rows, and cancelling a recipe', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let grid: DatasetPage;
  let clean: CleanPage;
  let facets: FacetsPanel;
  let history: HistoryPanel;
  let recipes: RecipeDialogs;
  let data: string;
  const pageErrors: string[] = [];

  /** Calls the API as the page does, with the serve token. */
  function call<T>(method: string, input: unknown): Promise<T> {
    const body = JSON.stringify(input);
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: served.port, method: 'POST', path: `/api/call/${method}`, headers: { Authorization: `Bearer ${served.token}`, 'Content-Type': 'application/json' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            const reply = JSON.parse(text) as { ok: boolean; value?: T; error?: { message: string } };
            if (reply.ok) resolve(reply.value as T);
            else reject(new Error(`${method}: ${reply.error?.message}`));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** The name column of every row, by row id, read through the API. */
  async function names(): Promise<string[]> {
    const out: string[] = [];
    for (let offset = 0; offset < ROWS; offset += 1000) {
      const b = await call<{ rows: Array<Array<string | null>> }>('rows.page', { dataset: 'towns', offset, limit: 1000 });
      out.push(...b.rows.map((r) => r[1] ?? ''));
    }
    return out;
  }

  before(async () => {
    data = mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-filtered-'));
    const lines = ['id,name,city'];
    for (let i = 1; i <= ROWS; i++) lines.push(`${i},name ${i},${i % 3 === 1 ? 'Lund' : i % 3 === 2 ? 'Malmö' : 'Uppsala'}`);
    writeFileSync(path.join(data, 'towns.csv'), lines.join('\n') + '\n');
    // Test-only hook: a recipe job waits before its step 2 until it is cancelled (see main/core/clean/recipes.ts).
    process.env.TIDYSET_TEST = '1';
    process.env.TIDYSET_TEST_RECIPE_PAUSE = '2';
    served = await startServe();
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(UI_WAIT_MS);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    grid = new DatasetPage(page);
    clean = new CleanPage(page);
    facets = new FacetsPanel(page);
    history = new HistoryPanel(page);
    recipes = new RecipeDialogs(page);
  });

  after(async () => {
    await browser?.close();
    await served?.stop();
    rmSync(data, { recursive: true, force: true });
  });

  test('import, and filter city to Lund with a text facet', async () => {
    const catalog = new CatalogPage(page);
    const scan = new ScanDialog(page);
    await catalog.open(served.url);
    await scan.openWithShortcut();
    await scan.scan(data);
    const file = path.join(data, 'towns.csv');
    await scan.selectOnly([file]);
    await scan.importSelected();
    assert.equal(await scan.importEnded(file), 'done');
    await scan.close();
    await catalog.openDataset('towns');
    await grid.waitReady();
    await clean.showPanel('history');
    await clean.choose('city', 'Text facet');
    const city = await facets.settled('text', 'city');
    await facets.waitForCount(city, 'Lund', LUND);
    await facets.pick(city, 'Lund');
    await grid.status('filtered').getByText(`${LUND} match filters`).waitFor();
  });

  test('Change case says it applies to the filtered rows, changes only those, and undo restores them', async () => {
    const original = await names();
    await clean.choose('name', 'Change case…');
    await clean.previewReady();
    const scope = clean.dialog.getByTestId('op-scope');
    await scope.getByTestId('op-scope-text').getByText(`Applies to ${LUND} filtered rows of 2,000`, { exact: true }).waitFor();
    assert.match((await scope.textContent()) ?? '', /where city is “Lund”/);
    assert.equal(await clean.previewCount('changed'), LUND);
    await screenshot(page, 'filtered-01-dialog-1400');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'filtered-02-dialog-1000');
    await page.setViewportSize({ width: 1400, height: 900 });

    await clean.applyWithEnter();
    await history.waitForPosition(1);
    assert.deepEqual(await history.descriptions(), ['Title-case “name” in the rows where “city” is “Lund”']);
    const after = await names();
    for (let i = 0; i < ROWS; i++) assert.equal(after[i], (i + 1) % 3 === 1 ? `Name ${i + 1}` : original[i], `row ${i + 1}`);

    await clean.toolbarButton('undo').click();
    await history.waitForPosition(0);
    assert.deepEqual(await names(), original);
  });

  test('the switch applies the operation to all rows instead', async () => {
    const original = await names();
    await clean.choose('name', 'Change case…');
    await clean.previewReady();
    await clean.dialog.getByTestId('op-scope-all').check();
    await clean.dialog.getByTestId('op-scope-text').getByText('Applies to all 2,000 rows', { exact: true }).waitFor();
    await clean.dialog.locator(`[data-testid="preview"][data-state="ready"] [data-testid="preview-changed"][data-count="${ROWS}"]`).waitFor();
    await screenshot(page, 'filtered-03-all-rows');
    await clean.applyWithEnter();
    await history.waitForPosition(1);
    assert.deepEqual(await history.descriptions(), ['Title-case “name”']);
    assert.ok((await names()).every((n, i) => n === `Name ${i + 1}`));
    await clean.toolbarButton('undo').click();
    await history.waitForPosition(0);
    assert.deepEqual(await names(), original);
  });

  test('a column operation says the filter does not apply to it', async () => {
    await clean.choose('name', 'Rename…');
    await clean.dialog.locator('[data-testid="op-scope"][data-scope="whole"]').getByText('Renaming changes the whole column, in all 2,000 rows: the filter does not apply.').waitFor();
    await page.keyboard.press('Escape');
    await clean.dialog.waitFor({ state: 'detached' });
  });

  test('a recipe shows step n of N with a bar; Cancel leaves the dataset as it was', async () => {
    const original = await names();
    // The history as it was, bar the time stamps of the steps put back on the redo stack.
    const steps = async () => (await call<Array<{ createdAt?: string }>>('history.list', { dataset: 'towns' })).map(({ createdAt: _, ...rest }) => rest);
    const historyBefore = await steps();
    await recipes.open();
    const recipe = { tidysetRecipe: 1, operations: [
      { op: 'case', column: 'name', mode: 'upper' },
      { op: 'replace', column: 'name', find: 'NAME', replace: 'N' },
      { op: 'trim', column: 'name' },
    ] };
    await recipes.choose({ name: 'three-steps.json', text: JSON.stringify(recipe) });
    await recipes.apply.getByTestId('recipe-step').nth(2).waitFor();
    await recipes.confirm();
    // The job holds before step 2 (the test hook) after step 1 has changed every row.
    const progress = recipes.apply.getByTestId('recipe-progress');
    await progress.getByTestId('recipe-progress-text').getByText('Step 2 of 3: Replace “NAME” with “N” in “name”').waitFor();
    await progress.getByRole('progressbar').waitFor();
    await recipes.apply.locator('.recipe-step-done').getByText('Change case to upper').waitFor();
    await recipes.apply.locator('.recipe-step-current').getByText('Replace “NAME” with “N”').waitFor();
    assert.equal(await progress.getAttribute('data-done'), '1');
    assert.equal(await progress.getAttribute('data-total'), '3');
    await screenshot(page, 'filtered-04-recipe-progress-1400');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'filtered-05-recipe-progress-1000');
    await page.setViewportSize({ width: 1400, height: 900 });

    await recipes.apply.getByTestId('apply-recipe-cancel').click();
    await recipes.apply.getByTestId('recipe-cancelled').getByText('Cancelled: nothing was applied, towns is as it was.').waitFor();
    await screenshot(page, 'filtered-06-recipe-cancelled');
    assert.deepEqual(await names(), original);
    // The history too, the step undone before the recipe still redoable.
    assert.deepEqual(await steps(), historyBefore);
    await history.waitForPosition(0);
    assert.deepEqual(pageErrors, []);
  });
});
