// Calls the Tidyset API from inside the page (the session cookie authorises it), to read back exactly
// what the engine stored after an action in the UI.
import type { Page } from 'playwright-core';

export class GridApi {
  constructor(readonly page: Page) {}

  async call<T>(method: string, input: unknown): Promise<T> {
    const reply = await this.page.evaluate(
      async ([m, body]) => {
        const res = await fetch(`/api/call/${m}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body });
        return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      },
      [method, JSON.stringify(input)] as const,
    );
    if (!reply.ok) throw new Error(`${method}: ${reply.error?.message ?? 'failed'}`);
    return reply.value as T;
  }

  /** One column of the first `limit` rows in the dataset's order, as stored. */
  async column(dataset: string, column: string, limit = 100): Promise<(string | null)[]> {
    const ds = await this.call<{ columns: { name: string }[] }>('datasets.get', { dataset });
    const i = ds.columns.findIndex((c) => c.name === column);
    const block = await this.call<{ rows: (string | null)[][] }>('rows.page', { dataset, offset: 0, limit });
    return block.rows.map((r) => r[i] ?? null);
  }

  async historyLength(dataset: string): Promise<number> {
    return (await this.call<unknown[]>('history.list', { dataset })).length;
  }
}
