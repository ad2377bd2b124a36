// Page object for the "Cluster and edit" dialog: method, clusters, their values and new values, merge.
import type { Locator, Page } from 'playwright-core';

export class ClusterDialog {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('cluster-dialog');
  }

  /** Waits until clustering has answered (clusters or the empty state), for a result other than `not`. */
  async ready(not = ''): Promise<void> {
    await this.root.locator(`.cluster-body[data-phase="ready"]:not([data-result="${not}"])`).waitFor();
  }

  async resultId(): Promise<string> {
    return (await this.root.locator('.cluster-body').getAttribute('data-result')) ?? '';
  }

  clusters(): Locator {
    return this.root.getByTestId('cluster');
  }

  /** Each cluster's values, in the order shown. */
  async values(): Promise<string[][]> {
    const out: string[][] = [];
    for (const c of await this.clusters().all()) {
      out.push(await c.getByTestId('cluster-value').locator('[data-value]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value') ?? '')));
    }
    return out;
  }

  async setMethod(method: string): Promise<void> {
    const before = await this.resultId();
    await this.root.getByTestId('cluster-method').selectOption(method);
    await this.ready(before);
  }

  newValue(i: number): Locator {
    return this.clusters().nth(i).getByTestId('cluster-to');
  }
}
