// Launches the system Chromium for the e2e tests; without it the tests fail under CI and skip elsewhere.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './serve';

export const CHROMIUM = process.env.TIDYSET_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** Why the browser cannot run here, or null when it can. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium, or set TIDYSET_CHROMIUM)`;
}

/** Under CI a missing browser is a failure, never a skip. */
export function skipReason(): string | false {
  const missing = browserMissing();
  if (!missing) return false;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`e2e: ${missing}; CI=true so this fails instead of skipping`);
  return `e2e skipped: ${missing}`;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Show real scrollbars as a desktop does; hidden ones make ag-grid overlay the last row with its scroll strip.
    ignoreDefaultArgs: ['--hide-scrollbars'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
