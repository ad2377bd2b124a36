// Page object for the per-dataset dialogs: delete (with what goes) and re-import with other options.
import type { Locator, Page } from 'playwright-core';

export class DatasetDialogs {
  constructor(readonly page: Page) {}

  deleteDialog(): Locator {
    return this.page.getByTestId('delete-dataset-dialog');
  }

  /** Clicks Delete… in a catalog row and returns the confirmation. */
  async openDelete(scope: Locator): Promise<Locator> {
    await scope.getByTestId('delete-dataset').click();
    return this.waitDeleteDialog();
  }

  /** Chooses "Delete dataset…" from the dataset toolbar's Dataset menu and returns the confirmation. */
  async openDeleteFromToolbar(): Promise<Locator> {
    await this.page.getByRole('toolbar', { name: 'Dataset tools' }).getByTestId('dataset-menu').click();
    await this.page.getByRole('menuitem', { name: 'Delete dataset…' }).click();
    return this.waitDeleteDialog();
  }

  private async waitDeleteDialog(): Promise<Locator> {
    const d = this.deleteDialog();
    await d.getByTestId('confirm-delete').and(this.page.locator(':enabled')).waitFor();
    return d;
  }

  async confirmDelete(): Promise<void> {
    await this.deleteDialog().getByTestId('confirm-delete').click();
    await this.deleteDialog().waitFor({ state: 'detached' });
  }

  /** The import options dialog's preview once it has answered for the current options. */
  preview(dialog: Locator): Locator {
    return dialog.locator('[data-testid="import-preview"][data-loading="false"]');
  }

  /** The preview once it has answered with `n` columns. */
  previewWithColumns(dialog: Locator, n: number): Locator {
    return dialog.locator(`[data-testid="import-preview"][data-loading="false"][data-columns="${n}"]`);
  }

  /** Header cells of the preview table. */
  async previewColumns(dialog: Locator): Promise<string[]> {
    return (await this.preview(dialog).locator('thead th').allTextContents()).map((t) => t.trim());
  }
}
