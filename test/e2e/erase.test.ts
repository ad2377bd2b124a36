// End-to-end: erase a data subject across two datasets from the Privacy screen (the datasets imported
// and exported by the CLI into the same workspace the app serves), see every match, confirm, read the
// result with the export to re-issue, and find the audit entry; then no workspace file holds the value.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../helpers/cli';
import { filesUnder } from '../../main/core/protect/erase/physical';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { PrivacyPage } from './pages/PrivacyPage';
import type { Served } from './serve';

const skip = skipReason();
const PNR = '19850101-2385';

describe('erase a data subject in the app', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let privacy: PrivacyPage;
  let tmp: string;
  const pageErrors: string[] = [];

  before(async () => {
    ({ served, browser, page } = await openApp({ width: 1400, height: 900, pageErrors }));
    privacy = new PrivacyPage(page);
    tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-erase-'));
    writeFileSync(path.join(tmp, 'customers.csv'), ['id,personnummer,name,email,city',
      `1,${PNR},Zebulon Quixotewright,zq@erase-e2e.example,Lund`, '2,19900202-1234,Anna Berg,anna@example.com,Malmö', '3,19770303-5678,Bo Ek,bo@example.com,Umeå'].join('\n') + '\n');
    writeFileSync(path.join(tmp, 'orders.csv'), ['order,customer,item,total',
      'O-1, 850101-2385 ,Vorpal sprocket kit,120', 'O-2,199002021234,Widget,15', 'O-3,198501012385,Spare sprocket,9'].join('\n') + '\n');
    for (const args of [['import', path.join(tmp, 'customers.csv'), path.join(tmp, 'orders.csv')], ['export', 'customers', '--out', path.join(tmp, 'out'), '--allow-direct']]) {
      const r = runCli(args, served.workspace);
      assert.equal(r.status, 0, r.stderr);
    }
  });
  after(async () => {
    await closeApp(browser, served);
    rmSync(tmp, { recursive: true, force: true });
  });

  test('the search shows every matching row of both datasets, in every form of the id', async () => {
    const catalog = new CatalogPage(page);
    await catalog.open(served.url);
    // The grid's reader holds its connections to the dataset file open while the erasure wipes it.
    await catalog.openDataset('orders');
    await new DatasetPage(page).waitReady();
    await privacy.open();
    await privacy.search(PNR);
    assert.deepEqual(await privacy.hits('customers'), [PNR]);
    assert.deepEqual(await privacy.hits('orders'), ['·850101-2385·', '198501012385'], 'the 10-digit form with spaces and the form without a dash');
    await screenshot(page, 'erase-matches-1400x900');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'erase-matches-1000x700');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test('erase both datasets with a reason: the result lists the counts and the export to re-issue', async () => {
    const dialog = await privacy.erase('GDPR request 2026-117');
    await dialog.getByTestId('erase-confirm-run').getByText('Delete 3 rows').waitFor();
    await screenshot(page, 'erase-confirm-1400x900');
    const result = await privacy.confirm();
    await result.getByText('checked byte by byte').waitFor();
    assert.equal(await result.getByTestId('erase-result-customers').locator('td').nth(1).innerText(), '1');
    assert.equal(await result.getByTestId('erase-result-orders').locator('td').nth(1).innerText(), '2');
    await result.getByTestId('erase-exports').getByText('customers.csv').waitFor();
    await screenshot(page, 'erase-result-1400x900');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'erase-result-1000x700');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test('the audit log has the entry: who, why, how many rows, the hash and never the value', async () => {
    const log = await privacy.openAudit();
    const entry = log.locator('[data-testid^="audit-entry-"]').first();
    await entry.getByText('GDPR request 2026-117').waitFor();
    const text = await entry.innerText();
    assert.match(text, /customers: 1 row deleted; orders: 2 rows deleted/);
    assert.ok(!text.includes(PNR));
    await screenshot(page, 'erase-audit-1400x900');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'erase-audit-1000x700');
    for (const v of [PNR, '850101-2385', 'Zebulon Quixotewright', 'Vorpal sprocket kit']) {
      assert.deepEqual(filesUnder(served.workspace).filter((f) => readFileSync(f).includes(Buffer.from(v))), [], `${v} is in no workspace file`);
    }
    assert.deepEqual(pageErrors, []);
  });
});
