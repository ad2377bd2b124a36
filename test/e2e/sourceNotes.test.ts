// End-to-end: the scan table shows the sniffer's notes on a file (an encoding fallback, a space-aligned
// file read as one column, a JSON Lines file with a bad line), and a '#'-separated file is split.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { ScanDialog } from './pages/ScanDialog';
import { ROOT, type Served } from './serve';

const NOTES = path.join(ROOT, 'test', 'fixtures', 'notes');
const skip = skipReason();

describe('source notes in the scan table', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    ({ served, browser, page } = await openApp({ width: 1400, height: 900, pageErrors }));
  });

  after(() => closeApp(browser, served));

  test('notes are shown on the rows they concern, and only there', async () => {
    const catalog = new CatalogPage(page);
    const scan = new ScanDialog(page);
    await catalog.open(served.url);
    await scan.openWithShortcut();
    await scan.scan(NOTES);
    const note = (file: string) => scan.sourceRow(path.join(NOTES, file)).getByTestId('source-notes');
    assert.match((await note('latin1.csv').textContent()) ?? '', /read as Windows-1252/);
    assert.match((await note('aligned.txt').textContent()) ?? '', /runs of spaces between values/);
    assert.match((await note('one-bad.jsonl').textContent()) ?? '', /line 3 is not a JSON object/);
    assert.equal(await note('hash.csv').count(), 0, 'a # file is split, so it needs no note');
    assert.match((await scan.sourceRow(path.join(NOTES, 'hash.csv')).textContent()) ?? '', /#/);
    await screenshot(page, '20-source-notes-1400');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, '20-source-notes-1000');
    assert.deepEqual(pageErrors, []);
  });
});
