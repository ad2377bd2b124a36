// End-to-end: export protection and k-anonymity in Chromium. Columns tagged as the detection code tags
// them; the export dialog's action editor, its refusal of a kept direct identifier until confirmed, the
// files on disk; the Protection panel's k-anonymity before and after a generalisation, and the grid
// filtered to the rows below k.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { applyAction } from '../../main/core/protect/actions';
import { Workspace } from '../../main/core/workspace';
import { runCli } from '../helpers/cli';
import { tagColumn } from '../helpers/protectKit';
import { closeApp, openApp, screenshot, skipReason } from './browser';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { ExportDialog } from './pages/ExportDialog';
import { ProtectionPanel } from './pages/ProtectionPanel';
import type { Served } from './serve';

const skip = skipReason();
const CITIES = ['Lund', 'Malmö', 'Ystad', 'Umeå'];

function patients(): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < 300; i++) {
    const date = `19${50 + (i % 40)}-${String(1 + ((i * 7) % 12)).padStart(2, '0')}-${String(1 + ((i * 13) % 28)).padStart(2, '0')}`;
    rows.push([String(i + 1), `Person ${i + 1}`, `p${i + 1}@example.com`, date, i >= 285 ? 'Kiruna' : CITIES[i % 4]!, i % 3 ? 'flu' : 'asthma']);
  }
  return rows;
}

/** Rows in classes of (year of birth, city) smaller than k, counted here without the engine's SQL. */
function rowsBelowAfterYear(rows: string[][], k: number): number {
  const n = new Map<string, number>();
  for (const r of rows) {
    const key = `${applyAction({ action: 'generalise', to: 'year' }, r[3]!)}|${r[4]}`;
    n.set(key, (n.get(key) ?? 0) + 1);
  }
  return [...n.values()].filter((c) => c < k).reduce((a, c) => a + c, 0);
}

describe('export protection and k-anonymity in the app', { skip }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let tmp: string;
  const rows = patients();
  const pageErrors: string[] = [];

  before(async () => {
    ({ served, browser, page } = await openApp({ width: 1400, height: 900, pageErrors }));
    tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-protect-'));
    const csv = path.join(tmp, 'patients.csv');
    writeFileSync(csv, 'id,name,email,birth_date,city,diagnosis\n' + rows.map((r) => r.join(',')).join('\n') + '\n');
    const imported = runCli(['import', csv, '--name', 'patients'], served.workspace);
    assert.equal(imported.status, 0, imported.stderr);
    const ws = Workspace.open(served.workspace);
    try {
      tagColumn(ws, 'patients', 'name', 'person_name', 'direct');
      tagColumn(ws, 'patients', 'email', 'email', 'direct', { action: 'hash' });
      tagColumn(ws, 'patients', 'birth_date', 'date_of_birth', 'quasi');
      tagColumn(ws, 'patients', 'city', 'location', 'quasi');
    } finally {
      ws.close();
    }
    const catalog = new CatalogPage(page);
    await catalog.open(served.url);
    await catalog.openDataset('patients');
    await new DatasetPage(page).waitReady();
  });
  after(async () => {
    await closeApp(browser, served);
    rmSync(tmp, { recursive: true, force: true });
  });

  test('the export dialog refuses a kept direct identifier until confirmed, and writes what the actions say', async () => {
    const dialog = new ExportDialog(page);
    await dialog.open();
    const warning = dialog.root.getByTestId('export-direct-warning');
    await warning.getByText('name', { exact: true }).waitFor();
    await dialog.destination(path.join(tmp, 'out1'));
    assert.equal(await dialog.root.getByTestId('export-start').isDisabled(), true, 'Export waits for the confirmation');
    await screenshot(page, 'protect-export-refusal-1400x900');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'protect-export-refusal-1000x700');
    await page.setViewportSize({ width: 1400, height: 900 });
    await dialog.root.getByTestId('export-allow-direct').check();
    await dialog.start();
    await dialog.result().waitFor();
    const lines1 = readFileSync(path.join(tmp, 'out1', 'patients.csv'), 'utf8').split('\r\n');
    assert.equal(lines1[0], 'id,name,email,birth_date,city,diagnosis');
    assert.match(lines1[1]!, /^1,Person 1,ps_[0-9a-f]{20},1950-01-01,Lund,asthma$/);
    const m1 = JSON.parse(readFileSync(path.join(tmp, 'out1', 'manifest.json'), 'utf8')).exports[0];
    assert.equal(m1.protection.allowDirect, true);
    await dialog.close();

    // Now protect the name instead: drop it, and generalise the birth date to the year.
    await dialog.open();
    await ProtectionPanel.setAction(dialog.root, 'name', 'drop');
    await ProtectionPanel.setAction(dialog.root, 'birth_date', 'year');
    await warning.waitFor({ state: 'detached' });
    await dialog.root.locator('[data-testid="protect-row"][data-column="birth_date"] [data-testid="protect-example"]').getByText('→ 1950').waitFor();
    await dialog.destination(path.join(tmp, 'out2'));
    await screenshot(page, 'protect-export-actions-1400x900');
    await dialog.start();
    await dialog.result().waitFor();
    await dialog.root.getByTestId('export-protection-summary').getByText('name: drop, email: hash, birth_date: generalise:year').waitFor();
    const lines2 = readFileSync(path.join(tmp, 'out2', 'patients.csv'), 'utf8').split('\r\n');
    assert.equal(lines2[0], 'id,email,birth_date,city,diagnosis');
    assert.equal(lines2[1], `1,${lines1[1]!.split(',')[2]},1950,Lund,asthma`, 'the same pseudonym in both exports');
    const m2 = JSON.parse(readFileSync(path.join(tmp, 'out2', 'manifest.json'), 'utf8')).exports[0];
    assert.deepEqual(m2.protection.columns.map((c: { action: string }) => c.action), ['keep', 'drop', 'hash', 'generalise:year', 'keep', 'keep']);
    await dialog.close();
  });

  test('k-anonymity before and after the generalisation, and the grid filtered to the rows below k', async () => {
    const panel = new ProtectionPanel(page);
    await panel.open();
    const quasi = panel.kanon().getByTestId('kanon-quasi');
    assert.equal(await quasi.locator('[data-column="birth_date"]').isChecked(), true, 'quasi-tagged columns are suggested');
    assert.equal(await quasi.locator('[data-column="city"]').isChecked(), true);
    await panel.count(8);
    assert.equal(await panel.figure('kanon-k-value', 'before'), 1);
    assert.equal(await panel.figure('kanon-below', 'before'), 300);
    const want = rowsBelowAfterYear(rows, 8);
    assert.ok(want > 0 && want < 300, `the fixture has some rows below k after generalising (${want})`);
    assert.equal(await panel.figure('kanon-below', 'after'), want);
    await panel.kanon().getByTestId('class-chart').waitFor();
    await panel.kanon().getByTestId('kanon-show-after').click();
    await page.getByTestId('status-filtered').getByText(`${want} match filters`).waitFor();
    await screenshot(page, 'protect-kanon-1400x900');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'protect-kanon-1000x700');
    await page.setViewportSize({ width: 1400, height: 900 });
    await panel.kanon().getByTestId('kanon-clear').click();
    await page.getByTestId('status-filtered').waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors, []);
  });
});
