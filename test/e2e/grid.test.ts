// End-to-end: the grid as a spreadsheet user expects it — multi-line cells edited without losing line
// breaks, ↵ markers, a value viewer for long values, range selection copied as TSV, Ctrl+End/Home,
// widths and facets remembered across reloads, facet search and "show more", ISO date filters, and a
// narrow window where the grid keeps a usable width.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot, skipReason, UI_WAIT_MS } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { CleanPage } from './pages/CleanPage';
import { DatasetPage } from './pages/DatasetPage';
import { FacetsPanel } from './pages/FacetsPanel';
import { GridApi } from './pages/GridApi';
import { HistoryPanel } from './pages/HistoryPanel';
import { ScanDialog } from './pages/ScanDialog';
import { ROOT, startServe, type Served } from './serve';

// Functions passed to page.evaluate/waitForFunction run in the page; this tsconfig has no DOM types.
interface PageEl {
  getAttribute(n: string): string | null;
  getBoundingClientRect(): { width: number };
  value: string;
}
declare const document: { querySelectorAll(s: string): ArrayLike<PageEl> & Iterable<PageEl>; querySelector(s: string): PageEl | null; activeElement: unknown };
declare const KeyboardEvent: new (type: string, init: Record<string, unknown>) => unknown;
declare const navigator: { clipboard: { readText(): Promise<string> } };

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'grid-e2e');
const skip = skipReason();
const BIG = 100_000;
const CODES = 700;

/** 700 distinct codes (for "show more" past 500) and one 100k-character value. */
function writeMany(dir: string): string {
  const lines = ['id,code,big'];
  for (let i = 1; i <= CODES; i++) lines.push(`${i},code-${String(i).padStart(4, '0')},${i === 1 ? 'x'.repeat(BIG) : `b${i}`}`);
  const file = path.join(dir, 'many.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('the grid in the browser', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let grid: DatasetPage;
  let clean: CleanPage;
  let facets: FacetsPanel;
  let history: HistoryPanel;
  let api: GridApi;
  let temp = '';
  const pageErrors: string[] = [];

  const cell = (id: string, col: string) => grid.cell('id', id, col);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const openDataset = async (name: string) => {
    await page.locator('#dataset-list').getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await page.locator(`[data-testid="dataset-screen"][data-dataset="${name}"]`).waitFor();
    await grid.waitReady();
  };

  before(async () => {
    served = await startServe();
    // Generated fixtures live next to the workspace, in the same temporary folder.
    temp = mkdtempSync(path.join(path.dirname(served.workspace), 'tidyset-grid-fixtures-'));
    writeMany(temp);
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(served.url).origin });
    page = await context.newPage();
    page.setDefaultTimeout(UI_WAIT_MS);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    grid = new DatasetPage(page);
    clean = new CleanPage(page);
    facets = new FacetsPanel(page);
    history = new HistoryPanel(page);
    api = new GridApi(page);
  });

  after(async () => {
    await browser?.close();
    await served?.stop();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  test('import the multi-line fixture and the generated wide-value file', async () => {
    const catalog = new CatalogPage(page);
    const scan = new ScanDialog(page);
    await catalog.open(served.url);
    for (const [dir, file] of [
      [FIXTURES, path.join(FIXTURES, 'multiline.csv')],
      [temp, path.join(temp, 'many.csv')],
    ] as const) {
      await scan.openWithShortcut();
      await scan.scan(dir);
      await scan.selectOnly([file]);
      await scan.importSelected();
      assert.equal(await scan.importEnded(file), 'done');
      await scan.close();
    }
    await openDataset('multiline');
  });

  test('line breaks show as ↵ in cells', async () => {
    assert.equal((await cell('1', 'note').textContent())?.trim(), 'line 0↵line 1');
    assert.equal((await cell('2', 'note').textContent())?.trim(), 'crlf a↵crlf b');
    await screenshot(page, 'grid-01-line-break-markers');
  });

  test('shift+click selects a range of cells and Ctrl+C copies it as quoted TSV', async () => {
    await cell('1', 'note').click();
    await cell('3', 'city').click({ modifiers: ['Shift'] });
    await page.waitForFunction(() => document.querySelectorAll('[role="gridcell"].cell-in-range').length === 6);
    await page.keyboard.press('Control+c');
    const col = await api.column('multiline', 'city', 3);
    const expected = [`"line 0\nline 1"\t${col[0]}`, `"crlf a\r\ncrlf b"\t${col[1]}`, `note 3\t${col[2]}`].join('\n');
    await page.waitForFunction((want) => navigator.clipboard.readText().then((t: string) => t === want), expected);
    await screenshot(page, 'grid-02-range-selection');
  });

  test('shift+arrows extend the range from the focused cell', async () => {
    await cell('4', 'id').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForFunction(() => document.querySelectorAll('[role="gridcell"].cell-in-range').length === 6);
    await page.keyboard.press('Control+c');
    await page.waitForFunction(() => navigator.clipboard.readText().then((t: string) => t === '4\tnote 4\n5\tnote 5\n6\tnote 6'));
  });

  test('shift+arrows pressed faster than the grid reports the focus still extend one range', async () => {
    await cell('4', 'id').click();
    await grid.status('focused').getByText('id · row 4').waitFor();
    // Three keydowns in one task: ag-grid's batched cellFocused events all arrive after the last key.
    await page.evaluate(() => {
      for (const [key, code] of [['ArrowDown', 'ArrowDown'], ['ArrowDown', 'ArrowDown'], ['ArrowRight', 'ArrowRight']]) {
        const target = document.activeElement as unknown as { dispatchEvent(e: unknown): boolean };
        target.dispatchEvent(new KeyboardEvent('keydown', { key, code, shiftKey: true, bubbles: true, cancelable: true }));
      }
    });
    await page.waitForFunction(() => document.querySelectorAll('[role="gridcell"].cell-in-range').length === 6);
    await page.keyboard.press('Control+c');
    await page.waitForFunction(() => navigator.clipboard.readText().then((t: string) => t === '4\tnote 4\n5\tnote 5\n6\tnote 6'));
  });

  test('Ctrl+End and Ctrl+Home move the focus to the last and the first cell', async () => {
    await cell('5', 'note').click();
    await page.keyboard.press('Control+End');
    await grid.status('focused').getByText('when · row 30').waitFor();
    const last = grid.grid.locator('[role="row"][row-index="29"] [role="gridcell"][col-id="when"].ag-cell-focus');
    await last.waitFor();
    // The last row is not under the horizontal scroll bar or the status bar.
    const rowBox = (await last.boundingBox())!;
    const scroll = await grid.grid.locator('.ag-body-horizontal-scroll').boundingBox();
    const status = (await grid.grid.locator('.status-bar').boundingBox())!;
    const floor = Math.min(status.y, scroll && scroll.height > 0 ? scroll.y : Infinity);
    assert.ok(rowBox.y + rowBox.height <= floor + 0.5, `last row ends at ${rowBox.y + rowBox.height}, the scroll bar or status bar starts at ${floor}`);
    await page.keyboard.press('Control+Home');
    await grid.status('focused').getByText('id · row 1').waitFor();
  });

  test('a multi-line edit keeps the line break; opening and closing the editor writes nothing', async () => {
    await clean.showPanel('history');
    const steps0 = await api.historyLength('multiline');

    // Open and Esc, open and Enter without typing: nothing is written.
    await cell('1', 'note').dblclick();
    await grid.editor().waitFor();
    assert.equal(await grid.editor().inputValue(), 'line 0\nline 1');
    await page.keyboard.press('Escape');
    await grid.editor().waitFor({ state: 'detached' });
    await cell('2', 'note').dblclick();
    await grid.editor().waitFor();
    await page.keyboard.press('Enter');
    await grid.editor().waitFor({ state: 'detached' });

    // Type "!" at the end and save with Enter.
    await cell('1', 'note').dblclick();
    await grid.editor().press('End');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('!');
    await page.keyboard.press('Enter');
    await grid.editor().waitFor({ state: 'detached' });
    await history.steps().nth(steps0).waitFor();
    assert.equal(await api.historyLength('multiline'), steps0 + 1, 'one step: the edit, not the opened-and-closed editors');
    const notes = await api.column('multiline', 'note', 3);
    assert.equal(notes[0], 'line 0\nline 1!');
    assert.equal(notes[1], 'crlf a\r\ncrlf b', 'the \\r\\n value is untouched');
    await clean.waitForCell(1, 'note', 'line 0↵line 1!');

    // Shift+Enter inserts a line break; an edited \r\n value keeps \r\n.
    await cell('3', 'note').dblclick();
    await grid.editor().waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('more');
    await screenshot(page, 'grid-03-multiline-editor');
    await page.keyboard.press('Enter');
    await grid.editor().waitFor({ state: 'detached' });
    await history.steps().nth(steps0 + 1).waitFor();
    await cell('2', 'note').dblclick();
    await grid.editor().waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('?');
    await page.keyboard.press('Enter');
    await grid.editor().waitFor({ state: 'detached' });
    await history.steps().nth(steps0 + 2).waitFor();
    const after = await api.column('multiline', 'note', 3);
    assert.deepEqual(after, ['line 0\nline 1!', 'crlf a\r\ncrlf b?', 'note 3\nmore']);
  });

  test('the date filter takes ISO text and marks what is not a date', async () => {
    const input = grid.grid.locator('.ag-header-cell.ag-floating-filter[col-id="when"] [data-testid="iso-date-input"]');
    assert.equal(await input.getAttribute('type'), 'text');
    assert.equal(await input.getAttribute('placeholder'), 'YYYY-MM-DD');
    await input.fill('2024-13-01');
    await grid.grid.locator('.ag-floating-filter[col-id="when"] input.iso-date-input[aria-invalid="true"]').waitFor();
    await input.fill('2024-03-03');
    await grid.status('filtered').getByText(/^1 /).waitFor();
    await input.fill('');
    await grid.status('filtered').waitFor({ state: 'detached' });
  });

  test('the column tooltip does not cover the menu its header opened', async () => {
    const menu = await clean.openMenu('city');
    // The pointer rests on the header while the menu is open: the tooltip is made but never shown.
    await grid.header('city').locator('.header-name').hover();
    const tip = page.locator('.ag-tooltip');
    await tip.waitFor({ state: 'attached' });
    assert.equal(await tip.isVisible(), false, 'the header tooltip shows over the open menu');
    await screenshot(page, 'grid-08-column-menu-no-tooltip');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });

  test('a column width is remembered across a reload', async () => {
    const header = grid.header('city');
    const before = (await header.boundingBox())!;
    const handle = header.locator('.ag-header-cell-resize');
    const hb = (await handle.boundingBox())!;
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await page.mouse.down();
    await page.mouse.move(hb.x + hb.width / 2 + 90, hb.y + hb.height / 2, { steps: 5 });
    await page.mouse.up();
    const widened = (await header.boundingBox())!.width;
    assert.ok(widened > before.width + 60, `widened from ${before.width} to ${widened}`);
    await page.reload();
    await grid.waitReady();
    await page.waitForFunction(
      ([w]) => Math.abs((document.querySelector('.ag-header-cell[col-id="city"]')?.getBoundingClientRect().width ?? 0) - w) < 1,
      [widened] as const,
    );
  });

  test('a column pinned from its menu stays pinned across a reload, and unpins', async () => {
    // Pinned left after the row numbers, the column is the last of the left-pinned ones.
    const pinnedHeader = page.locator('.ag-header-cell.ag-header-cell-last-left-pinned[col-id="city"]');
    assert.equal(await pinnedHeader.count(), 0);
    await clean.choose('city', 'Pin to the left');
    await pinnedHeader.waitFor();
    await page.reload();
    await grid.waitReady();
    await pinnedHeader.waitFor();
    await clean.openMenu('city');
    await screenshot(page, 'grid-pinned-menu-1400x900');
    await page.keyboard.press('Escape');
    await page.getByTestId('column-menu').waitFor({ state: 'detached' });
    await clean.choose('city', 'Unpin');
    await pinnedHeader.waitFor({ state: 'detached' });
    await grid.header('city').waitFor();
  });

  test('facets and their selection are remembered across a reload', async () => {
    await clean.choose('city', 'Text facet');
    const city = await facets.settled('text', 'city');
    await facets.pick(city, 'Lund');
    await grid.status('filtered').getByText(/^6 /).waitFor();
    await page.reload();
    await grid.waitReady();
    const again = await facets.settled('text', 'city');
    await again.locator('[data-testid="facet-value"].selected[data-value="Lund"]').waitFor();
    await grid.status('filtered').getByText(/^6 /).waitFor();
    await again.getByTestId('facet-reset').click();
  });

  test('a facet searches its values and shows more than 500', async () => {
    await openDataset('many');
    await clean.choose('code', 'Text facet');
    const code = await facets.settled('text', 'code');
    assert.equal(await code.locator('[data-testid="facet-value"]').count(), 500);
    await code.getByTestId('facet-show-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="facet"][data-column="code"] [data-testid="facet-value"]').length === n, CODES);
    await code.getByTestId('facet-search').fill('code-0069');
    await page.waitForFunction(() => {
      const vals = [...document.querySelectorAll('[data-testid="facet"][data-column="code"] [data-testid="facet-value"]')];
      return vals.length === 1 && vals[0]!.getAttribute('data-value') === 'code-0069';
    });
    // The card fills the panel's height.
    const card = (await code.boundingBox())!;
    const panel = (await facets.root.locator('.facets-body').boundingBox())!;
    assert.ok(card.height > panel.height - 40, `card ${card.height} px in a ${panel.height} px panel`);
    await screenshot(page, 'grid-04-facet-search');
    await code.getByTestId('facet-search').fill('');
  });

  test('a 100,000-character value opens in the value viewer and copies whole', async () => {
    const big = cell('1', 'big');
    assert.ok(((await big.textContent()) ?? '').length < 2000, 'the cell shows a cut value');
    await big.dblclick();
    const viewer = grid.viewer();
    await viewer.waitFor();
    await viewer.getByTestId('value-viewer-stats').getByText('100,000 characters · 1 line').waitFor();
    assert.equal(await viewer.getByTestId('value-viewer-text').evaluate((t) => (t as unknown as PageEl).value.length), BIG);
    await screenshot(page, 'grid-05-value-viewer');
    await viewer.getByTestId('value-viewer-copy').click();
    await page.waitForFunction((n) => navigator.clipboard.readText().then((t: string) => t.length === n), BIG);
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    // A right-click opens it too, and Shift+F2 from the keyboard.
    await cell('3', 'code').click({ button: 'right' });
    await viewer.getByTestId('value-viewer-text').getByText('code-0003').waitFor();
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    await cell('2', 'code').click();
    await page.keyboard.press('Shift+F2');
    await viewer.getByTestId('value-viewer-text').getByText('code-0002').waitFor();
    await page.keyboard.press('Escape');
  });

  test('a range over rows not loaded yet is fetched and copied whole', async () => {
    await cell('1', 'id').click();
    await page.keyboard.press('Control+Shift+End');
    await grid.status('focused').getByText(`big · row ${CODES}`).waitFor();
    await page.keyboard.press('Control+c');
    const lines = ['1\tcode-0001\t' + 'x'.repeat(BIG)];
    for (let i = 2; i <= CODES; i++) lines.push(`${i}\tcode-${String(i).padStart(4, '0')}\tb${i}`);
    const want = lines.join('\n');
    await page.waitForFunction((w) => navigator.clipboard.readText().then((t: string) => t === w), want);
    await page.keyboard.press('Control+Home');
  });

  test('at 1000×700 with facets and history open the grid keeps a usable width', async () => {
    await clean.showPanel('facets');
    await clean.showPanel('history');
    await screenshot(page, 'grid-06-panels-1400');
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.waitForFunction(() => (document.querySelector('[data-testid="data-grid"]')?.getBoundingClientRect().width ?? 9999) < 760);
    const box = (await grid.grid.boundingBox())!;
    assert.ok(box.width >= 440, `grid ${box.width} px wide at 1000×700`);
    // Nothing covers it: both panels sit beside the grid.
    for (const panel of [facets.root, history.root]) {
      const p = (await panel.boundingBox())!;
      assert.ok(p.x >= box.x + box.width - 0.5 || p.x + p.width <= box.x + 0.5, `panel at ${p.x}–${p.x + p.width} overlaps the grid at ${box.x}–${box.x + box.width}`);
      assert.ok(p.height >= 200, `panel ${p.height} px high`);
      assert.ok(p.x >= 0 && p.x + p.width <= 1000.5, `panel at ${p.x}–${p.x + p.width} is inside the window`);
    }
    // Rows are drawn, not empty cells.
    await cell('1', 'code').waitFor();
    await screenshot(page, 'grid-07-panels-1000x700');
    // The editor and the value viewer fit the small window too.
    await cell('2', 'code').dblclick();
    await grid.editor().waitFor();
    await screenshot(page, 'grid-09-editor-1000x700');
    await page.keyboard.press('Escape');
    await grid.editor().waitFor({ state: 'detached' });
    await cell('1', 'big').dblclick();
    await grid.viewer().waitFor();
    await screenshot(page, 'grid-10-viewer-1000x700');
    await page.keyboard.press('Escape');
    await grid.viewer().waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
