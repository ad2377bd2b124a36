// Finds an installed Chromium, Chrome or Edge and launches it for the e2e tests; without one they fail under CI and skip elsewhere.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, startServe, type Served } from './serve';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/**
 * Where Chromium, Chrome and Edge are usually installed, per platform (the paths Playwright's `chrome`
 * and `msedge` channels look in, plus distribution Chromium packages), in order of preference.
 */
export function browserCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => !!r);
    const rel = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return rel.flatMap((r) => roots.map((root) => path.win32.join(root, r)));
  }
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const home = env['HOME'];
    return apps.flatMap((a) => [path.posix.join('/Applications', a), ...(home ? [path.posix.join(home, 'Applications', a)] : [])]);
  }
  return [
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/opt/microsoft/msedge/msedge',
  ];
}

/** The browser to drive: $TIDYSET_CHROMIUM if set, else the first installed candidate, else null. */
export function findBrowser(exists: (p: string) => boolean = existsSync): string | null {
  const forced = process.env.TIDYSET_CHROMIUM;
  if (forced) return exists(forced) ? forced : null;
  return browserCandidates().find(exists) ?? null;
}

export const CHROMIUM = findBrowser();

/** Why the browser cannot run here, or null when it can. */
export function browserMissing(): string | null {
  if (CHROMIUM) return null;
  if (process.env.TIDYSET_CHROMIUM) return `TIDYSET_CHROMIUM=${process.env.TIDYSET_CHROMIUM} does not exist`;
  return `no Chrome, Chromium or Edge found (looked in ${browserCandidates().join(', ')}); install one (Debian: apt-get install -y chromium) or set TIDYSET_CHROMIUM=/path/to/browser`;
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
    executablePath: CHROMIUM ?? undefined,
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

/** What most specs start with: `tidyset serve` on a fresh workspace, the browser and one page. */
export interface OpenedApp {
  served: Served;
  browser: Browser;
  page: Page;
}

/**
 * How long a page waits for an element or a state before the test fails. Generous: every wait is on a
 * ready signal, so a passing run never waits this long, and a loaded CI machine (two cores shared with
 * the server, the browser and the scan or import it drives) must not turn slowness into a failure.
 */
export const UI_WAIT_MS = 45_000;

/**
 * Starts serve and the browser and opens a page of the given size; page errors go to `pageErrors`
 * when it is given, so a spec can assert there were none.
 */
export async function openApp(opts: { width: number; height: number; timeoutMs?: number; pageErrors?: string[] }): Promise<OpenedApp> {
  const served = await startServe();
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: opts.width, height: opts.height } });
  page.setDefaultTimeout(Math.max(opts.timeoutMs ?? 0, UI_WAIT_MS));
  if (opts.pageErrors) page.on('pageerror', (e) => opts.pageErrors!.push(e.message));
  return { served, browser, page };
}

/** Closes what openApp opened (either may be missing when its before hook failed). */
export async function closeApp(browser: Browser | undefined, served: Served | undefined): Promise<void> {
  await browser?.close();
  await served?.stop();
}
