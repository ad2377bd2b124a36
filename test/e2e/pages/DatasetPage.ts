// Page object for the dataset screen: the grid (cells by row id and col-id), its filters, status bar and metadata panel.
import type { Locator, Page } from 'playwright-core';

export class DatasetPage {
  readonly grid: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByTestId('data-grid');
  }

  async waitReady(): Promise<void> {
    await this.page.locator('[data-testid="data-grid"][data-ready="true"]').waitFor();
  }

  /** The body row whose `keyCol` cell reads exactly `key` (ag-grid 36 renders pinned and scrolling cells in one row). */
  rowWhere(keyCol: string, key: string): Locator {
    return this.grid
      .locator('[role="row"].ag-row')
      .filter({ has: this.page.locator(`[role="gridcell"][col-id="${keyCol}"]`).getByText(key, { exact: true }) });
  }

  cell(keyCol: string, key: string, col: string): Locator {
    return this.rowWhere(keyCol, key).locator(`[role="gridcell"][col-id="${col}"]`);
  }

  /** Cells of a column in display order (top to bottom of the rendered rows). */
  async columnValues(col: string): Promise<string[]> {
    return this.grid.locator(`[role="row"].ag-row [role="gridcell"][col-id="${col}"]`).evaluateAll((cells) =>
      cells
        .map((c) => ({ top: (c.closest('[role="row"]') ?? c).getBoundingClientRect().top, text: (c.textContent ?? '').trim() }))
        .sort((a, b) => a.top - b.top)
        .map((c) => c.text),
    );
  }

  header(col: string): Locator {
    return this.grid.locator(`.ag-header-cell:not(.ag-floating-filter)[col-id="${col}"]`);
  }

  /** Clicks a header's label (shift for a secondary sort). */
  async sortBy(col: string, shift = false): Promise<void> {
    await this.header(col).locator('.ag-header-cell-label').click({ modifiers: shift ? ['Shift'] : [] });
  }

  floatingFilter(col: string): Locator {
    return this.grid.locator(`.ag-header-cell.ag-floating-filter[col-id="${col}"] input`);
  }

  status(part: 'total' | 'filtered' | 'selected' | 'focused'): Locator {
    return this.page.getByTestId(`status-${part}`);
  }

  /** The multi-line cell editor (a popup over the cell) and its text area. */
  editor(): Locator {
    return this.page.getByTestId('cell-editor').locator('textarea');
  }

  /** Double-click, replace the text, Enter to save; waits for the editor to close. */
  async editCell(cell: Locator, value: string): Promise<void> {
    await cell.dblclick();
    const input = this.editor();
    await input.fill(value);
    await input.press('Enter');
    await input.waitFor({ state: 'detached' });
  }

  /** The value viewer dialog (Shift+F2, or a double-click on a value cut for the cell). */
  viewer(): Locator {
    return this.page.getByTestId('value-viewer');
  }

  /** Cells marked as inside the selected range. */
  rangeCells(): Locator {
    return this.grid.locator('[role="gridcell"].cell-in-range');
  }

  metadata(): Locator {
    return this.page.getByTestId('metadata-panel');
  }

  columnMeta(col: string): Locator {
    return this.metadata().locator(`[data-testid="column-meta"][data-column="${col}"]`);
  }
}
