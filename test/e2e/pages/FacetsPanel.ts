// Page object for the facets panel: facets by kind and column, their values, selections and inline edits.
import type { Locator, Page } from 'playwright-core';

export class FacetsPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('facets-panel');
  }

  facet(kind: 'text' | 'numeric' | 'blank' | 'type', column: string): Locator {
    return this.root.locator(`[data-testid="facet"][data-kind="${kind}"][data-column="${column}"]`);
  }

  /** The facet once it has answered for the current filters and data. */
  async settled(kind: 'text' | 'numeric' | 'blank' | 'type', column: string): Promise<Locator> {
    const f = this.root.locator(`[data-testid="facet"][data-kind="${kind}"][data-column="${column}"][data-loading="false"]`);
    await f.waitFor();
    return f;
  }

  value(facet: Locator, value: string): Locator {
    return facet.locator(`[data-testid="facet-value"][data-value="${value}"]`);
  }

  /** Waits until a value of a text facet shows `count` rows. */
  async waitForCount(facet: Locator, value: string, count: number): Promise<void> {
    await facet.locator(`[data-testid="facet-value"][data-value="${value}"][data-count="${count}"]`).waitFor();
  }

  async pick(facet: Locator, value: string, additive = false): Promise<void> {
    await this.value(facet, value).locator('.facet-value-main').click({ modifiers: additive ? ['Control'] : [] });
  }

  /** Changes a value everywhere through the facet's inline edit. */
  async edit(facet: Locator, value: string, to: string): Promise<void> {
    const row = this.value(facet, value);
    await row.hover();
    await row.getByTestId('facet-edit').click();
    const input = facet.getByTestId('facet-edit-input');
    await input.fill(to);
    await input.press('Enter');
    await input.waitFor({ state: 'detached' });
  }
}
