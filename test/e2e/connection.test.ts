// End-to-end: when the server goes away the app says so in plain words with Retry, not "TypeError: Failed to fetch".
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import type { Served } from './serve';

const skip = skipReason();

describe('connection lost', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  before(async () => {
    ({ served, browser, page } = await openApp({ width: 1400, height: 900 }));
  });

  after(() => closeApp(browser, served));

  test('a call that cannot reach the server shows the banner; Retry keeps it while the server is gone', async () => {
    const catalog = new CatalogPage(page);
    await catalog.open(served.url);
    assert.equal(await page.getByTestId('connection-lost').count(), 0);
    await served.stop();
    // Any call now fails: starting a scan is one a user makes.
    await page.keyboard.press('Control+o');
    await page.getByTestId('scan-path').fill('/tmp');
    await page.getByTestId('start-scan').click();
    const banner = page.getByTestId('connection-lost');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /The connection to Tidyset was lost/);
    const error = (await page.getByTestId('scan-error').textContent()) ?? '';
    assert.doesNotMatch(error, /TypeError|Failed to fetch/);
    assert.match(error, /Cannot reach the Tidyset server/);
    await page.keyboard.press('Escape');
    await screenshot(page, '37-connection-lost');
    await page.getByTestId('connection-retry').click();
    await page.getByTestId('connection-retry').and(page.locator(':enabled')).waitFor();
    assert.equal(await banner.isVisible(), true, 'still gone, still said');
  });
});
