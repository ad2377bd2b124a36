// Page object for export protection: the action selects (export dialog and Protection panel), the
// direct-identifier confirmation, and the k-anonymity card with its "show rows below k" buttons.
import type { Locator, Page } from 'playwright-core';

export class ProtectionPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('protection-panel');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('toggle-protection').click();
    await this.root.getByTestId('protect-table').waitFor();
  }

  /** Chooses an action (the select's value: keep, drop, mask, hash, year, month, band5, band10, prefix, round, suppress) in `scope`. */
  static async setAction(scope: Locator, column: string, choice: string): Promise<void> {
    const row = scope.locator(`[data-testid="protect-row"][data-column="${column}"]`);
    const select = row.getByTestId('action-select');
    await select.selectOption(choice);
    // The choice is stored in the catalog; the select shows it once the new overview came back.
    await scope.page().waitForFunction(([el, v]) => (el as unknown as { value: string }).value === v, [await select.elementHandle(), choice] as const);
  }

  kanon(): Locator {
    return this.root.getByTestId('kanon-card');
  }

  async count(k: number): Promise<void> {
    const card = this.kanon();
    await card.getByTestId('kanon-k').fill(String(k));
    await card.getByTestId('kanon-run').click();
    await card.getByTestId('kanon-result').waitFor();
  }

  /** The figure shown for a statistic (k-value, below) on one side. */
  async figure(stat: 'kanon-k-value' | 'kanon-below', side: 'before' | 'after'): Promise<number> {
    const t = (await this.kanon().getByTestId(`${stat}-${side}`).textContent()) ?? '';
    return Number(t.replace(/[^\d]/g, ''));
  }
}
