// Page object for the scan dialog: folder, scan, the files found, imports and their errors.
import type { Locator, Page } from 'playwright-core';

export class ScanDialog {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('scan-dialog');
  }

  /** Opens the dialog with the keyboard shortcut. */
  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+o');
    await this.root.waitFor();
  }

  async scan(folder: string): Promise<void> {
    await this.root.getByTestId('scan-path').fill(folder);
    await this.root.getByTestId('start-scan').click();
    await this.root.getByTestId('scan-summary').waitFor();
  }

  sourceRow(file: string): Locator {
    return this.root.locator(`[data-testid="source-row"][data-path="${file}"]`);
  }

  async selectOnly(files: string[]): Promise<void> {
    const all = this.root.getByRole('checkbox', { name: 'Select all importable files' });
    await all.check();
    await all.uncheck();
    for (const f of files) await this.sourceRow(f).getByRole('checkbox').check();
  }

  /** Opens the import options of one file (the row's "Options…" button) and returns the options dialog. */
  async openOptions(file: string): Promise<Locator> {
    await this.sourceRow(file).getByRole('button', { name: /^Import options for / }).click();
    const dialog = this.page.getByTestId('import-options-dialog');
    await dialog.waitFor();
    return dialog;
  }

  customTag(file: string): Locator {
    return this.sourceRow(file).getByTestId('custom-tag');
  }

  async setSkipMalformed(on: boolean): Promise<void> {
    await this.root.getByTestId('skip-malformed').setChecked(on);
  }

  /** Starts importing the selected files and waits until their import items are new jobs (a retry replaces a failed one). */
  async importSelected(): Promise<void> {
    const items = this.root.locator('[data-testid="import-item"]');
    const before = new Set(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-job'))));
    await this.root.getByTestId('import-selected').click();
    await this.page.waitForFunction(
      ([ids]) => {
        // Runs in the page; this tsconfig has no DOM types.
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ getAttribute(n: string): string | null }> } }).document;
        const now = [...doc.querySelectorAll('[data-testid="import-item"]')].map((e) => e.getAttribute('data-job'));
        return now.length > 0 && now.every((id) => !ids.includes(id));
      },
      [[...before]] as const,
    );
  }

  importItem(file: string): Locator {
    return this.root.locator(`[data-testid="import-item"][data-file="${file}"]`);
  }

  /** Waits until the import of `file` has ended and returns its state. */
  async importEnded(file: string): Promise<string> {
    const ended = this.root.locator(`[data-testid="import-item"][data-file="${file}"]:not([data-state="running"])`);
    await ended.waitFor();
    return (await ended.getAttribute('data-state')) ?? '';
  }

  errors(): Locator {
    return this.root.getByTestId('import-errors');
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.root.waitFor({ state: 'detached' });
  }
}
