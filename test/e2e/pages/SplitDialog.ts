// Page object for the "Export splits" dialog: parts, strategy, format, folder, preview, leakage, write, result.
import type { Locator, Page } from 'playwright-core';

export class SplitDialog {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('split-dialog');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('split-open').click();
    await this.root.waitFor();
  }

  async strategy(value: string, columns: Record<string, string> = {}): Promise<void> {
    await this.root.getByTestId('split-strategy').selectOption(value);
    for (const [field, col] of Object.entries(columns)) await this.root.getByTestId(`split-${field}`).selectOption(col);
  }

  /** The preview bar of a part once it shows this many rows. */
  previewPart(part: string): Locator {
    return this.root.getByTestId(`split-preview-${part}`);
  }

  async checkLeakage(): Promise<Locator> {
    await this.root.getByTestId('leak-check').click();
    const summary = this.root.getByTestId('leak-summary');
    await summary.waitFor();
    return summary;
  }

  async write(format: 'csv' | 'jsonl' | 'parquet', folder: string): Promise<void> {
    await this.root.getByTestId(`split-format-${format}`).check();
    await this.root.getByTestId('split-folder').fill(folder);
    await this.root.getByTestId('split-write').click();
    await this.root.getByTestId('split-result').waitFor({ timeout: 60_000 });
  }
}
