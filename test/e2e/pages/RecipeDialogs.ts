// Page object for saving a recipe (a download) and applying one (file, steps, column mapping, errors).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export class RecipeDialogs {
  readonly apply: Locator;
  constructor(readonly page: Page) {
    this.apply = page.getByTestId('apply-recipe-dialog');
  }

  /** Saves the recipe from the history panel (optionally with a row key) into `dir`; returns the file's name, path and JSON. */
  async save(dir: string, rowKey?: string): Promise<{ name: string; path: string; recipe: { operations: { op: string; column?: string }[] } }> {
    await this.page.getByTestId('save-recipe').click();
    const dialog = this.page.getByTestId('save-recipe-dialog');
    await dialog.waitFor();
    if (rowKey) await dialog.getByTestId('recipe-row-key').selectOption(rowKey);
    const [download] = await Promise.all([this.page.waitForEvent('download'), dialog.getByTestId('save-recipe-confirm').click()]);
    const name = download.suggestedFilename();
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    await download.saveAs(file);
    await dialog.waitFor({ state: 'detached' });
    return { name, path: file, recipe: JSON.parse(readFileSync(file, 'utf8')) as { operations: { op: string; column?: string }[] } };
  }

  async open(): Promise<void> {
    await this.page.getByTestId('apply-recipe').click();
    await this.apply.waitFor();
  }

  async choose(file: string | { name: string; text: string }): Promise<void> {
    const input = this.apply.getByTestId('recipe-file');
    if (typeof file === 'string') await input.setInputFiles(file);
    else await input.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  }

  mapping(column: string): Locator {
    return this.apply.locator(`[data-testid="column-map"][data-column="${column}"]`);
  }

  error(): Locator {
    return this.apply.getByTestId('recipe-error');
  }

  async confirm(): Promise<void> {
    await this.apply.getByTestId('apply-recipe-confirm').click();
  }
}
