// Page object for the history panel: its steps, the current position, and the recipe buttons.
import type { Locator, Page } from 'playwright-core';

export class HistoryPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('history-panel');
  }

  /** Steps after the imported data (seq ≥ 1). */
  steps(): Locator {
    return this.root.locator('[data-testid="history-step"]:not([data-seq="0"])');
  }

  step(seq: number): Locator {
    return this.root.locator(`[data-testid="history-step"][data-seq="${seq}"]`);
  }

  /** Waits until the panel says the data is at step `seq`. */
  async waitForPosition(seq: number): Promise<void> {
    await this.page.locator(`[data-testid="history-panel"][data-position="${seq}"]`).waitFor();
  }

  async descriptions(): Promise<string[]> {
    return this.steps().locator('.history-desc').allTextContents();
  }
}
