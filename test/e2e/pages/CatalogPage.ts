// Page object for the app shell and the catalog screen.
import type { Locator, Page } from 'playwright-core';

export class CatalogPage {
  constructor(readonly page: Page) {}

  /** Opens the app (the ready URL carries the token) and waits for the first datasets list. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await this.page.locator('.app[data-ready="true"]').waitFor();
  }

  emptyState(): Locator {
    return this.page.getByTestId('catalog-empty');
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Datasets' });
  }

  row(dataset: string): Locator {
    return this.table().locator(`tr[data-dataset="${dataset}"]`);
  }

  async goHome(): Promise<void> {
    await this.page.getByRole('link', { name: 'Tidyset' }).click();
    await this.page.getByTestId('catalog').waitFor();
  }

  async openDataset(name: string): Promise<void> {
    await this.row(name).click();
    await this.page.locator(`[data-testid="dataset-screen"][data-dataset="${name}"]`).waitFor();
  }

  /** Ctrl+K, type, and the sidebar list of matches. */
  async search(query: string): Promise<Locator> {
    await this.page.keyboard.press('Control+k');
    await this.page.locator('#dataset-search').fill(query);
    return this.page.locator('#dataset-list');
  }
}
