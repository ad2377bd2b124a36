// End-to-end: personal data — detection runs after an import, the panel shows each column's finding with
// its evidence, the user confirms and overrides tags, badges follow, direct columns can be masked, and
// tags are found by the dataset search.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { PersonalPanel } from './pages/PersonalPanel';
import { ScanDialog } from './pages/ScanDialog';
import { ROOT, type Served } from './serve';

const FOLDER = path.join(ROOT, 'test', 'fixtures', 'personal');
const CUSTOMERS = path.join(FOLDER, 'customers.csv');
const skip = skipReason();

describe('personal data in the app', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let grid: DatasetPage;
  let panel: PersonalPanel;
  const pageErrors: string[] = [];

  before(async () => {
    ({ served, browser, page } = await openApp({ width: 1400, height: 900, pageErrors }));
    grid = new DatasetPage(page);
    panel = new PersonalPanel(page);
  });
  after(() => closeApp(browser, served));

  test('an import is followed by detection: badges appear on the personal columns', async () => {
    const catalog = new CatalogPage(page);
    const scan = new ScanDialog(page);
    await catalog.open(served.url);
    await scan.openWithShortcut();
    await scan.scan(FOLDER);
    await scan.selectOnly([CUSTOMERS]);
    await scan.importSelected();
    assert.equal(await scan.importEnded(CUSTOMERS), 'done');
    await scan.close();
    await catalog.openDataset('customers');
    await grid.waitReady();
    // The detect job ends on its own after the import; its end reloads the tags.
    await panel.badge('email').waitFor();
    for (const [column, kind] of [['email', 'email'], ['personnummer', 'national_id_se'], ['phone', 'phone'], ['full_name', 'person_name'], ['city', 'location']] as const) {
      assert.equal(await panel.badge(column).getAttribute('data-kind'), kind, column);
      assert.equal(await panel.badge(column).getAttribute('data-status'), 'suggested', column);
    }
    assert.equal(await panel.badge('plan').count(), 0, 'no badge on a column that is not personal');
  });

  test('the panel lists every column with its finding and evidence', async () => {
    await panel.open();
    assert.equal(await panel.root.getByTestId('pd-row').count(), 9);
    const pnr = panel.row('personnummer');
    assert.equal(await pnr.getAttribute('data-kind'), 'national_id_se');
    const evidence = await pnr.getByTestId('pd-evidence').innerText();
    assert.match(evidence, /header “personnummer”/);
    assert.match(evidence, /60 of 60 sampled values pass/);
    assert.match(evidence, /•/, 'examples are masked');
    assert.doesNotMatch(evidence, /\d{8}-\d{4}/, 'no whole personnummer is shown');
    await screenshot(page, 'personal-01-panel-1400');
  });

  test('confirm a suggestion, override another, mark one not personal; the badges follow', async () => {
    await panel.confirm('email');
    assert.equal(await panel.badge('email').getAttribute('data-status'), 'confirmed');
    await panel.change('customer_id', 'none', 'direct');
    await panel.badge('customer_id').waitFor();
    assert.equal(await panel.badge('customer_id').getAttribute('data-category'), 'direct');
    await panel.row('city').getByTestId('pd-not-personal').click();
    await page.locator('[data-testid="pd-row"][data-column="city"][data-status="confirmed"][data-kind="none"]').waitFor();
    await page.locator('[data-testid="data-grid"] .ag-header-cell[col-id="city"] [data-testid="pd-badge"]').waitFor({ state: 'detached' });
    // Detecting again keeps what the user decided.
    await panel.root.getByTestId('pd-detect').click();
    await panel.root.getByTestId('pd-detect').getByText('Detect again').waitFor();
    assert.equal(await panel.row('city').getAttribute('data-kind'), 'none');
    assert.equal(await panel.row('customer_id').getAttribute('data-status'), 'confirmed');
    await screenshot(page, 'personal-02-confirmed-1400');
  });

  test('the mask toggle hides the values of direct columns in the grid, and shows them again', async () => {
    const first = async (col: string) => (await grid.columnValues(col))[0];
    assert.equal(await first('email'), 'sofia.nilsson1@example.se');
    await panel.maskToggle().click();
    await page.locator('[data-testid="toggle-mask"][aria-pressed="true"]').waitFor();
    await grid.grid.locator('[role="gridcell"][col-id="email"].cell-masked').first().waitFor();
    assert.match((await first('email')) ?? '', /^•+\.•+@•+\.se$/);
    assert.match((await first('personnummer')) ?? '', /^•{8}-••93$/);
    await screenshot(page, 'personal-03-masked-1400');
    await page.getByTestId('toggle-personal').click();
    await panel.root.waitFor({ state: 'detached' });
    assert.equal(await first('city'), 'Stockholm', 'columns that are not direct stay readable');
    await screenshot(page, 'personal-03b-masked-no-panel-1400');
    await panel.open();
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'personal-04-masked-1000');
    await panel.maskToggle().click();
    await page.locator('[data-testid="toggle-mask"][aria-pressed="false"]').waitFor();
    await grid.grid.locator('[role="gridcell"][col-id="email"].cell-masked').first().waitFor({ state: 'detached' });
    assert.equal(await first('email'), 'sofia.nilsson1@example.se');
    await screenshot(page, 'personal-05-panel-1000');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test('tags are found by the dataset search', async () => {
    const list = await new CatalogPage(page).search('national_id_se');
    await list.getByText('column personnummer · personal data: national_id_se (direct, suggested)').waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
