// Page object for the Privacy screen: the erase search, the matches, the erase panel and the audit log.
import type { Locator, Page } from 'playwright-core';

export class PrivacyPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('open-privacy').click();
    await this.page.getByTestId('privacy').waitFor();
  }

  async search(value: string): Promise<void> {
    await this.page.getByTestId('erase-value').fill(value);
    await this.page.getByTestId('erase-search').click();
    await this.page.getByTestId('erase-matches').or(this.page.getByTestId('erase-none')).waitFor();
  }

  group(dataset: string): Locator {
    return this.page.getByTestId(`erase-group-${dataset}`);
  }

  /** The marked (matching) cells of a dataset's group, as text. */
  async hits(dataset: string): Promise<string[]> {
    return this.group(dataset).locator('td.erase-hit').allInnerTexts();
  }

  async erase(reason: string, mode: 'delete' | 'blank' = 'delete'): Promise<Locator> {
    await this.page.getByTestId(`erase-mode-${mode}`).check();
    await this.page.getByTestId('erase-reason').fill(reason);
    await this.page.getByTestId('erase-run').click();
    await this.page.getByTestId('erase-confirm').waitFor();
    return this.page.getByTestId('erase-confirm');
  }

  async confirm(): Promise<Locator> {
    await this.page.getByTestId('erase-confirm-run').click();
    const result = this.page.getByTestId('erase-result');
    await result.waitFor({ timeout: 60_000 });
    return result;
  }

  async openAudit(): Promise<Locator> {
    await this.page.getByTestId('erase-show-audit').click();
    const log = this.page.getByTestId('audit-log');
    await log.waitFor();
    return log;
  }
}
