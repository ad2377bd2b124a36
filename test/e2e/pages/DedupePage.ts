// Page object for the Find duplicates and Link screens: setup (columns, blocking), the run, keyboard
// review with the threshold, the resolve dialog and the link results.
import type { Locator, Page } from 'playwright-core';

export class DedupePage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('dedupe-screen');
  }

  /** From the dataset screen: Dataset ▾ → Find duplicates… or Link with another dataset… */
  async openFromDataset(mode: 'duplicates' | 'link'): Promise<void> {
    await this.page.getByTestId('dataset-menu').click();
    await this.page.getByRole('menuitem', { name: mode === 'duplicates' ? 'Find duplicates…' : 'Link with another dataset…' }).click();
    await this.page.locator(`[data-testid="dedupe-screen"][data-mode="${mode}"]:not([data-view=""])`).waitFor();
  }

  async waitView(view: 'setup' | 'review'): Promise<void> {
    await this.page.locator(`[data-testid="dedupe-screen"][data-view="${view}"]`).waitFor();
  }

  /** Waits until the suggested columns are shown and the blocking report has counted them. */
  async setupReady(): Promise<void> {
    await this.root.getByTestId('compare-columns').waitFor();
    await this.root.locator('[data-testid="blocking-report"][data-loading="false"] [data-testid="blocking-comparisons"]').waitFor();
  }

  /** Columns ticked for comparing, in table order. */
  async comparedColumns(): Promise<string[]> {
    return this.root.locator('[data-testid="compare-column"][data-on="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-column') ?? ''));
  }

  column(name: string): Locator {
    return this.root.locator(`[data-testid="compare-column"][data-column="${name}"]`);
  }

  async setCompared(name: string, on: boolean): Promise<void> {
    await this.column(name).getByRole('checkbox', { name: `Compare ${name}` }).setChecked(on);
  }

  async comparisons(): Promise<number> {
    const text = (await this.root.getByTestId('blocking-comparisons').textContent()) ?? '';
    return Number(text.replace(/,/g, '').match(/\d+/)?.[0] ?? NaN);
  }

  async pickOther(name: string): Promise<void> {
    await this.root.getByTestId('link-other').selectOption(name);
  }

  /** Starts the run and waits for the review to be ready. */
  async run(): Promise<void> {
    await this.root.getByTestId('run-start').click();
    await this.waitView('review');
    await this.reviewReady();
  }

  review(): Locator {
    return this.root.getByTestId('review');
  }

  async reviewReady(): Promise<void> {
    await this.root.locator('[data-testid="review"][data-state="ready"]').waitFor();
    await this.root.locator('[data-testid="threshold-counts"][data-pending="false"]').waitFor();
  }

  async count(which: 'pairs' | 'clusters' | 'records'): Promise<number> {
    return Number(((await this.root.getByTestId(`count-${which}`).textContent()) ?? '').replace(/,/g, ''));
  }

  /** The id of the cluster (or pair) under review. */
  async current(): Promise<string> {
    return (await this.review().getAttribute('data-current')) ?? '';
  }

  /** Presses a review key and, for Y/N/S, waits until the label is stored and the model re-fitted. */
  async press(key: 'ArrowUp' | 'ArrowDown' | 'y' | 'n' | 's', labelsAfter?: number): Promise<void> {
    await this.page.keyboard.press(key);
    if (labelsAfter !== undefined) {
      await this.root.locator(`[data-testid="model-state"][data-labels="${labelsAfter}"][data-refitting="false"]`).waitFor();
      await this.reviewReady();
    }
  }

  clusterItem(id: string): Locator {
    return this.root.locator(`[data-testid="cluster-item"][data-cluster="${id}"]`);
  }

  compareRows(): Locator {
    return this.root.locator('[data-testid="compare-row"]');
  }

  async setThreshold(value: number): Promise<void> {
    await this.root.getByTestId('threshold-number').fill(String(value));
    await this.reviewReady();
  }

  resolveDialog(): Locator {
    return this.page.getByTestId('resolve-dialog');
  }

  async openResolve(): Promise<Locator> {
    await this.root.getByTestId('open-resolve').click();
    await this.resolveDialog().waitFor();
    return this.resolveDialog();
  }

  linkResults(): Locator {
    return this.root.getByTestId('link-results');
  }
}
