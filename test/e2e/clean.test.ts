// End-to-end: cleaning in the browser against `tidyset serve` — operations with a preview, undo/redo from
// the keyboard, a history that survives a reload, facets, row deletion, and a recipe replayed elsewhere.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { NULL_TOKENS_DEFAULT } from '../../shared/ops/schema';
import { NULL_TOKENS_DEFAULT as RENDERER_TOKENS } from '../../renderer/features/clean/nullTokens';
import { launch, screenshot, skipReason, UI_WAIT_MS } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { CleanPage } from './pages/CleanPage';
import { DatasetPage } from './pages/DatasetPage';
import { FacetsPanel } from './pages/FacetsPanel';
import { HistoryPanel } from './pages/HistoryPanel';
import { RecipeDialogs } from './pages/RecipeDialogs';
import { ScanDialog } from './pages/ScanDialog';
import { ROOT, startServe, type Served } from './serve';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'e2e');
const file = (name: string) => path.join(FIXTURES, name);
const skip = skipReason();

describe('cleaning in the browser', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let grid: DatasetPage;
  let clean: CleanPage;
  let facets: FacetsPanel;
  let history: HistoryPanel;
  let recipes: RecipeDialogs;
  let recipeFile = '';
  const pageErrors: string[] = [];

  before(async () => {
    served = await startServe();
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
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
  });

  test('the renderer offers the engine’s default missing-value tokens', () => {
    assert.deepEqual([...RENDERER_TOKENS], NULL_TOKENS_DEFAULT);
  });

  test('import the messy fixture and its renamed twin', async () => {
    const catalog = new CatalogPage(page);
    const scan = new ScanDialog(page);
    await catalog.open(served.url);
    await scan.openWithShortcut();
    await scan.scan(FIXTURES);
    await scan.selectOnly([file('messy.csv'), file('messy-renamed.csv')]);
    await scan.importSelected();
    assert.equal(await scan.importEnded(file('messy.csv')), 'done');
    assert.equal(await scan.importEnded(file('messy-renamed.csv')), 'done');
    await scan.close();
    await catalog.openDataset('messy');
    await grid.waitReady();
    await clean.showPanel('history');
    await history.root.getByTestId('history-empty').getByText('No operations yet — clean a column from its header menu').waitFor();
  });

  test('trim with a preview, apply with Enter, undo and redo from the keyboard', async () => {
    await clean.choose('name', 'Trim whitespace…');
    await clean.previewReady();
    assert.equal(await clean.previewCount('changed'), 4);
    assert.deepEqual(await clean.previewRows(), [
      { before: '  Alice Smith', after: 'Alice Smith' },
      { before: 'Bob Jones  ', after: 'Bob Jones' },
      { before: 'carol  white', after: 'carol white' },
      { before: ' Eve Adams ', after: 'Eve Adams' },
    ]);
    await screenshot(page, 'clean-01-trim-preview');

    await clean.applyWithEnter();
    await clean.toast('Trimmed 4 cells in name').getByRole('button', { name: 'Undo' }).waitFor();
    await clean.waitForCell(1, 'name', 'Alice Smith');
    await history.waitForPosition(1);
    await screenshot(page, 'clean-02-trimmed');

    await page.keyboard.press('Control+z');
    await clean.waitForCell(1, 'name', '  Alice Smith');
    await history.waitForPosition(0);
    assert.equal(await history.step(1).getAttribute('data-state'), 'undone');

    await page.keyboard.press('Control+Shift+z');
    await clean.waitForCell(1, 'name', 'Alice Smith');
    await history.waitForPosition(1);
  });

  test('after a reload the history still lists the step and the grid shows its result', async () => {
    await page.reload();
    await grid.waitReady();
    await history.waitForPosition(1);
    assert.deepEqual(await history.descriptions(), ['Trim and collapse whitespace in “name”']);
    assert.equal(await history.step(1).getAttribute('aria-current'), 'step');
    await clean.waitForCell(3, 'name', 'carol white');
    await screenshot(page, 'clean-03-history-after-reload');
  });

  test('a text facet filters the grid; editing a value changes it everywhere', async () => {
    await clean.choose('country', 'Text facet');
    const country = await facets.settled('text', 'country');
    await facets.waitForCount(country, 'EN', 3);
    await facets.pick(country, 'EN');
    await grid.status('filtered').getByText('3 match filters').waitFor();
    assert.deepEqual([...new Set(await grid.columnValues('country'))], ['EN']);
    await screenshot(page, 'clean-04-text-facet');

    await facets.edit(country, 'English', 'EN');
    await facets.waitForCount(country, 'EN', 4);
    await grid.status('filtered').getByText('4 match filters').waitFor();
    await clean.waitForCell(2, 'country', 'EN');
    await history.waitForPosition(2);
    assert.equal((await history.descriptions())[1], 'Change “English” to “EN” in “country”');

    // Ctrl-click adds a value to the selection.
    await facets.pick(country, 'en', true);
    await grid.status('filtered').getByText('5 match filters').waitFor();
    await country.getByTestId('facet-reset').click();
    await grid.status('filtered').waitFor({ state: 'detached' });
  });

  test('rows matching a facet selection are deleted after a confirmation, and come back with undo', async () => {
    const country = await facets.settled('text', 'country');
    await facets.pick(country, 'N/A');
    await clean.toolbarButton('delete-rows').getByText('Delete 1 matching row…').click();
    const dialog = page.getByTestId('delete-rows-dialog');
    await dialog.getByText('country is “N/A”').waitFor();
    await screenshot(page, 'clean-05-delete-rows');
    await dialog.getByTestId('confirm-delete-rows').click();
    await dialog.waitFor({ state: 'detached' });
    await grid.status('total').getByText('7 rows').waitFor();
    await grid.status('filtered').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await grid.status('total').getByText('8 rows').waitFor();
    await clean.waitForCell(7, 'country', 'N/A');
  });

  test('a cast to number says how many values it cannot convert', async () => {
    await clean.choose('amount', 'To number…');
    await clean.previewReady();
    assert.equal(await clean.previewCount('failed'), 2);
    await clean.preview.getByText('2 values could not be converted and stay as they are').waitFor();
    assert.equal(await clean.previewCount('changed'), 1);
    assert.deepEqual(await clean.previewRows(), [{ before: '1 200', after: '1200' }]);
    await screenshot(page, 'clean-06-cast-preview');
    await clean.applyWithEnter();
    await clean.toast('Converted 1 cell of amount to numbers · 2 values not converted').waitFor();
    await clean.waitForCell(4, 'amount', '1200');

    // The numeric facet selects a range: 7, 8.25, 12.50 and 15 lie between 5 and 20.
    await clean.choose('amount', 'Numeric facet');
    const amount = await facets.settled('numeric', 'amount');
    await amount.getByText('6 numbers · 2 not numbers').waitFor();
    await amount.getByTestId('facet-min').fill('5');
    await amount.getByTestId('facet-max').fill('20');
    await amount.getByTestId('facet-max').press('Enter');
    await grid.status('filtered').getByText('4 match filters').waitFor();
    await screenshot(page, 'clean-07-numeric-facet');
    await amount.getByTestId('facet-reset').click();
    await grid.status('filtered').waitFor({ state: 'detached' });
  });

  test('save the recipe with a row key', async () => {
    const saved = await recipes.save(path.join(ROOT, 'test-results', 'downloads'), 'id');
    recipeFile = saved.path;
    assert.equal(saved.name, 'messy.recipe.json');
    // The undone deletion was dropped when the cast was applied after it.
    assert.deepEqual(saved.recipe.operations.map((o) => `${o.op} ${o.column}`), ['trim name', 'massEdit country', 'castNumber amount']);
  });

  test('the recipe replays on the renamed twin through the column mapping', async () => {
    await page.locator('#dataset-list').getByRole('link', { name: /^messy-renamed/ }).click();
    await page.locator('[data-testid="dataset-screen"][data-dataset="messy-renamed"]').waitFor();
    await grid.waitReady();
    await history.root.getByTestId('history-empty').waitFor();
    await recipes.open();
    await recipes.choose(recipeFile);
    await recipes.apply.getByTestId('recipe-step').nth(2).waitFor();
    assert.equal(await recipes.mapping('name').inputValue(), 'full_name', 'the likely column is proposed');
    await recipes.mapping('name').selectOption('');
    await recipes.apply.getByText('Choose a column for name.').waitFor();
    await recipes.mapping('name').selectOption('full_name');
    await screenshot(page, 'clean-08-recipe-mapping');
    await recipes.confirm();
    await recipes.apply.waitFor({ state: 'detached' });
    await clean.toast('Applied the recipe: 3 steps').waitFor();
    await clean.waitForCell(1, 'full_name', 'Alice Smith');
    await clean.waitForCell(2, 'country', 'EN');
    await clean.waitForCell(4, 'amount', '1200');
    await history.waitForPosition(3);
  });

  test('a bad file, a file that is not a recipe and a failing step are explained; nothing is applied', async () => {
    await recipes.open();
    await recipes.choose({ name: 'broken.json', text: '{"tidysetRecipe": 1, "operations": [' });
    await recipes.error().getByText(/not valid JSON/).waitFor();
    await recipes.choose({ name: 'other.json', text: '{"rows": []}' });
    await recipes.error().getByText(/not a Tidyset recipe/).waitFor();
    const failing = { tidysetRecipe: 1, operations: [{ op: 'case', column: 'full_name', mode: 'upper' }, { op: 'replace', column: 'bio', find: '(', replace: '', mode: 'regex' }] };
    await recipes.choose({ name: 'failing.json', text: JSON.stringify(failing) });
    await recipes.confirm();
    await recipes.error().getByText(/^Nothing was applied: /).waitFor();
    await screenshot(page, 'clean-09-recipe-error');
    await page.keyboard.press('Escape');
    await recipes.apply.waitFor({ state: 'detached' });
    await history.waitForPosition(3);
    assert.equal(await history.steps().and(page.locator('[data-state="done"]')).count(), 3);
    await clean.waitForCell(1, 'full_name', 'Alice Smith');
  });

  test('the column menu works from the keyboard, and a cell edit shows in the history', async () => {
    await clean.cellByRid(1, 'bio').click();
    await page.keyboard.press('Alt+ArrowDown');
    const menu = page.getByTestId('column-menu');
    await menu.waitFor();
    await page.keyboard.type('str');
    await menu.getByRole('menuitem', { name: 'Strip HTML…' }).and(page.locator(':focus')).waitFor();
    await screenshot(page, 'clean-10-menu-keyboard');
    await page.keyboard.press('Enter');
    await clean.previewReady();
    assert.deepEqual(await clean.previewRows(), [
      { before: '<b>VIP</b> customer', after: 'VIP customer' },
      { before: 'new &amp; shiny', after: 'new & shiny' },
    ]);
    await clean.applyWithEnter();
    await clean.waitForCell(1, 'bio', 'VIP customer');

    await grid.editCell(clean.cellByRid(3, 'full_name'), 'Carol White');
    await history.waitForPosition(5);
    assert.match((await history.descriptions())[4] ?? '', /^Edit cell “full_name” of row 3/);
  });

  test('clicking a step in the history goes back to it, and forward again', async () => {
    await history.step(1).getByRole('button').click();
    await history.waitForPosition(1);
    await clean.waitForCell(2, 'country', 'English');
    assert.deepEqual(await history.steps().evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), ['done', 'undone', 'undone', 'undone', 'undone']);
    await screenshot(page, 'clean-11-history-jump');
    await history.step(5).getByRole('button').click();
    await history.waitForPosition(5);
    await clean.waitForCell(3, 'full_name', 'Carol White');
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
