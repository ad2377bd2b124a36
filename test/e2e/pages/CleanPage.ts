// Page object for cleaning on the dataset screen: column menus, the operation dialog and its preview,
// toasts, the toolbar, and cell values read exactly (leading and trailing spaces included).
import type { Locator, Page } from 'playwright-core';

export class CleanPage {
  readonly dialog: Locator;
  readonly preview: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('op-dialog');
    this.preview = this.dialog.getByTestId('preview');
  }

  /** Opens a column's menu from its header ▾ button. */
  async openMenu(column: string): Promise<Locator> {
    await this.page.locator(`.ag-header-cell[col-id="${column}"] [data-testid="column-menu-button"]`).click();
    const menu = this.page.getByTestId('column-menu');
    await menu.waitFor();
    return menu;
  }

  /** Column menu → item (e.g. "Trim whitespace…", "Text facet"). */
  async choose(column: string, item: string): Promise<void> {
    const menu = await this.openMenu(column);
    await menu.getByRole('menuitem', { name: item, exact: true }).click();
    await menu.waitFor({ state: 'detached' });
  }

  /** Waits until the preview has answered for the operation as it stands. */
  async previewReady(): Promise<Locator> {
    await this.dialog.locator('[data-testid="preview"][data-state="ready"]').waitFor();
    return this.preview;
  }

  async previewCount(which: 'changed' | 'failed'): Promise<number> {
    return Number(await this.preview.getByTestId(`preview-${which}`).getAttribute('data-count'));
  }

  /** The preview's before → after pairs, as exact values. */
  async previewRows(): Promise<{ before: string; after: string }[]> {
    const rows = this.preview.getByTestId('preview-row');
    const out: { before: string; after: string }[] = [];
    for (const row of await rows.all()) {
      const before = (await row.getByTestId('preview-before').locator('[data-value]').getAttribute('data-value')) ?? '';
      const after = (await row.getByTestId('preview-after').locator('[data-value]').getAttribute('data-value')) ?? '';
      out.push({ before, after });
    }
    return out;
  }

  /** Presses Enter in the dialog and waits for it to close (the operation applied). */
  async applyWithEnter(): Promise<void> {
    await this.page.keyboard.press('Enter');
    await this.dialog.waitFor({ state: 'detached' });
  }

  toast(text: string | RegExp): Locator {
    return this.page.getByTestId('toast').filter({ hasText: text });
  }

  /** The cell of row `rid` (the engine's row id, ag-grid's row-id) in column `col`, whichever columns are scrolled into view. */
  cellByRid(rid: number, col: string): Locator {
    return this.page.getByTestId('data-grid').locator(`[role="row"][row-id="${rid}"] [role="gridcell"][col-id="${col}"]`);
  }

  /**
   * Waits until the cell of row `rid` in `col` holds exactly `text` (spaces count). XPath compares the
   * text as it is (text matchers normalise whitespace) and needs no eval, which the app's CSP forbids.
   */
  async waitForCell(rid: number, col: string, text: string): Promise<void> {
    await this.page
      .getByTestId('data-grid')
      .locator(`[role="row"][row-id="${rid}"]`)
      .locator(`xpath=.//*[@role="gridcell" and @col-id=${xpathLiteral(col)} and string(.)=${xpathLiteral(text)}]`)
      .waitFor();
  }

  toolbarButton(testId: 'undo' | 'redo' | 'delete-rows' | 'toggle-facets' | 'toggle-history' | 'toggle-metadata'): Locator {
    return this.page.getByTestId(testId);
  }

  /** Opens a right or left panel if it is not open yet. */
  async showPanel(which: 'history' | 'facets'): Promise<void> {
    const toggle = this.toolbarButton(which === 'history' ? 'toggle-history' : 'toggle-facets');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await this.page.getByTestId(`${which}-panel`).waitFor();
  }
}

/** A string as an XPath literal, whatever quotes it holds. */
function xpathLiteral(s: string): string {
  if (!s.includes('"')) return `"${s}"`;
  if (!s.includes("'")) return `'${s}'`;
  return `concat(${s.split('"').map((p) => `"${p}"`).join(`, '"', `)})`;
}
