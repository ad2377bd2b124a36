// Page object for the Profile and Drift views and the Rules panel of the dataset screen.
import type { Locator, Page } from 'playwright-core';

export class ProfilePage {
  constructor(readonly page: Page) {}

  async openProfile(): Promise<void> {
    await this.page.getByTestId('view-profile').click();
    await this.page.getByTestId('profile-cards').waitFor();
  }

  card(column: string): Locator {
    return this.page.locator(`[data-testid="profile-card"][data-column="${column}"]`);
  }

  async openRules(): Promise<Locator> {
    await this.page.getByTestId('toggle-rules').click();
    const panel = this.page.getByTestId('rules-panel');
    await panel.waitFor();
    return panel;
  }

  suggestion(panel: Locator, text: string): Locator {
    return panel.getByTestId('suggestion').filter({ hasText: text });
  }

  rule(panel: Locator, text: string): Locator {
    return panel.getByTestId('rule').filter({ hasText: text });
  }

  async openDrift(): Promise<Locator> {
    await this.page.getByTestId('view-profile').click();
    await this.page.getByTestId('open-drift').click();
    const view = this.page.getByTestId('drift-view');
    await view.waitFor();
    return view;
  }

  driftCard(column: string): Locator {
    return this.page.locator(`[data-testid="drift-card"][data-column="${column}"]`);
  }
}
