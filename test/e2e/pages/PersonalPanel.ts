// Page object for the Personal data panel of the dataset screen, the header badges and the mask toggle.
import type { Locator, Page } from 'playwright-core';

export class PersonalPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('personal-panel');
  }

  async open(): Promise<void> {
    if (!(await this.root.isVisible())) await this.page.getByTestId('toggle-personal').click();
    await this.root.waitFor();
  }

  row(column: string): Locator {
    return this.root.locator(`[data-testid="pd-row"][data-column="${column}"]`);
  }

  /** The badge in a grid column's header. */
  badge(column: string): Locator {
    return this.page.locator(`[data-testid="data-grid"] .ag-header-cell:not(.ag-floating-filter)[col-id="${column}"] [data-testid="pd-badge"]`);
  }

  async confirm(column: string): Promise<void> {
    await this.row(column).getByTestId('pd-confirm').click();
    await this.page.locator(`[data-testid="pd-row"][data-column="${column}"][data-status="confirmed"]`).waitFor();
  }

  async change(column: string, kind: string, category: string): Promise<void> {
    const row = this.row(column);
    await row.getByTestId('pd-change').click();
    await row.getByTestId('pd-kind-select').selectOption(kind);
    await row.getByTestId('pd-category-select').selectOption(category);
    await row.getByTestId('pd-save').click();
    await this.page.locator(`[data-testid="pd-row"][data-column="${column}"][data-status="confirmed"][data-kind="${kind}"]`).waitFor();
  }

  maskToggle(): Locator {
    return this.page.getByTestId('toggle-mask');
  }
}
