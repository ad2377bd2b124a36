// Serve mode's data roots in the UI: the folder browser starts at the first root, shows the roots as
// places, offers no native dialog in a browser, and a path outside the roots is refused.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { ScanDialog } from './pages/ScanDialog';
import { E2E_ROOTS, ROOT, type Served } from './serve';

describe('data roots in the folder browser', { skip: skipReason() }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let scan: ScanDialog;

  before(async () => {
    ({ served, browser, page } = await openApp({ width: 1400, height: 900 }));
    scan = new ScanDialog(page);
    await new CatalogPage(page).open(served.url);
  });
  after(() => closeApp(browser, served));

  test('the browser starts at the first root and lists the roots as places', async () => {
    await scan.openWithShortcut();
    const places = scan.root.getByTestId('folder-places').getByRole('button');
    await places.first().waitFor();
    assert.deepEqual(await places.evaluateAll((bs) => bs.map((b) => b.getAttribute('title'))), served.roots);
    assert.deepEqual(served.roots, E2E_ROOTS);
    assert.equal(await scan.root.getByTestId('pick-folder').count(), 0, 'no native dialog in a browser');
    // The fixtures folder's sub-folders, and no ".." above the root — unless the checkout itself lies
    // inside another root (a clone under the temporary folder), where going up stays inside that root.
    const list = scan.root.getByTestId('folder-list');
    await list.getByRole('option', { name: 'e2e', exact: true }).waitFor();
    const first = E2E_ROOTS[0]!;
    const nested = E2E_ROOTS.slice(1).some((r) => path.relative(r, first) !== '' && !path.relative(r, first).startsWith('..') && !path.isAbsolute(path.relative(r, first)));
    assert.equal(await list.locator('.folder.up').count(), nested ? 1 : 0);
    await screenshot(page, 'roots-1400x900');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'roots-1000x700');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test('a place opens its root; scanning a folder outside the roots is refused', async () => {
    await scan.root.getByTestId('folder-places').getByRole('button', { name: path.basename(E2E_ROOTS[1]!) }).click();
    // The place fills the folder field (a string predicate: this file has no DOM types).
    await page.waitForFunction(`document.querySelector('[data-testid="scan-path"]')?.value === ${JSON.stringify(E2E_ROOTS[1])}`);
    await scan.root.getByTestId('scan-path').fill('/etc');
    await scan.root.getByTestId('start-scan').click();
    const error = scan.root.getByTestId('scan-error');
    await error.waitFor();
    assert.match(await error.innerText(), /outside the data roots/);
    await screenshot(page, 'roots-refused');
  });

  test('a path typed before the browser has loaded its first folder is the one scanned', async () => {
    await page.keyboard.press('Escape');
    await scan.root.waitFor({ state: 'detached' });
    // Hold the browser's first listing until a path has been typed.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/call/fs.list', async (route) => {
      await held;
      await route.continue();
    });
    const folder = path.join(ROOT, 'test', 'fixtures', 'e2e');
    await scan.openWithShortcut();
    await scan.root.getByTestId('scan-path').fill(folder);
    release();
    // The listing of the default folder (the first root) arrives and is shown...
    await scan.root.getByTestId('folder-list').getByRole('option', { name: 'e2e', exact: true }).waitFor();
    await page.unroute('**/api/call/fs.list');
    // ...without replacing what was typed, which is what the scan reads.
    assert.equal(await scan.root.getByTestId('scan-path').inputValue(), folder);
    await scan.root.getByTestId('start-scan').click();
    await scan.root.getByTestId('scan-summary').waitFor();
    const rows = await scan.root.getByTestId('source-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? ''));
    assert.ok(rows.length > 0 && rows.every((p) => p.startsWith(folder + path.sep)), rows.join(', '));
  });
});
