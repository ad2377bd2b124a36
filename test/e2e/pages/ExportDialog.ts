// Page object for the export dialog: format, rows, columns, destination, overwrite question, result.
import type { Locator, Page } from 'playwright-core';

export class ExportDialog {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('export-dialog');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('export-open').click();
    await this.root.waitFor();
  }

  async format(f: 'csv' | 'jsonl'): Promise<void> {
    await this.root.getByTestId(`export-format-${f}`).check();
  }

  async rows(which: 'all' | 'view'): Promise<void> {
    await this.root.getByTestId(`export-rows-${which}`).check();
  }

  column(name: string): Locator {
    return this.root.locator(`[data-testid="export-column"][data-column="${name}"]`);
  }

  /** Ticks exactly these columns. */
  async onlyColumns(names: string[]): Promise<void> {
    await this.root.getByTestId('export-columns-none').click();
    for (const n of names) await this.column(n).check();
  }

  async destination(folder: string): Promise<void> {
    await this.root.getByTestId('export-folder').fill(folder);
  }

  async start(): Promise<void> {
    await this.root.getByTestId('export-start').click();
  }

  confirm(): Locator {
    return this.root.getByTestId('export-confirm');
  }

  async replace(): Promise<void> {
    await this.root.getByTestId('export-replace').click();
  }

  result(): Locator {
    return this.root.getByTestId('export-result');
  }

  /** The result's file rows: path and the size shown. */
  async files(): Promise<Array<{ path: string; size: string }>> {
    const rows = this.root.getByTestId('export-file');
    const out: Array<{ path: string; size: string }> = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const r = rows.nth(i);
      out.push({ path: (await r.getAttribute('data-path')) ?? '', size: ((await r.getByTestId('export-file-size').textContent()) ?? '').trim() });
    }
    return out;
  }

  async close(): Promise<void> {
    await this.root.getByTestId('export-close').click();
    await this.root.waitFor({ state: 'detached' });
  }
}
