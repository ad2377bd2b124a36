// Reading a recipe file in the browser: JSON and the recipe's shape (the columns it needs that the
// dataset lacks come from shared/ops/columns). The engine validates every operation again when the recipe is applied; this check is
// here to explain problems before anything is sent, without bundling the zod schemas.
import type { Recipe } from '../../../shared/ops/schema';

const OP_NAMES = new Set([
  'trim', 'case', 'replace', 'nullTokens', 'castNumber', 'castDate', 'castBoolean', 'unicode', 'stripHtml', 'fixMojibake',
  'massEdit', 'fill', 'split', 'merge', 'rename', 'drop', 'duplicate', 'reorder', 'deleteRows', 'editCell',
]);

export type ReadRecipe = { ok: true; recipe: Recipe } | { ok: false; message: string };

export function readRecipe(text: string): ReadRecipe {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `This file is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || !('tidysetRecipe' in data)) {
    return { ok: false, message: 'This JSON file is not a Tidyset recipe: it has no “tidysetRecipe” field. Save recipes from the history panel.' };
  }
  const r = data as { tidysetRecipe: unknown; operations?: unknown };
  if (r.tidysetRecipe !== 1) return { ok: false, message: `This recipe has format version ${JSON.stringify(r.tidysetRecipe)}; this version of Tidyset reads version 1.` };
  if (!Array.isArray(r.operations)) return { ok: false, message: 'This recipe has no list of operations.' };
  for (const [i, op] of r.operations.entries()) {
    const name = op && typeof op === 'object' ? (op as { op?: unknown }).op : undefined;
    if (typeof name !== 'string' || !OP_NAMES.has(name)) {
      return { ok: false, message: `Step ${i + 1} of the recipe is not an operation Tidyset knows (${JSON.stringify(name ?? op)}).` };
    }
  }
  return { ok: true, recipe: data as Recipe };
}

/** A likely match for a missing column among the dataset's columns: same name in another case, or one name inside the other. */
export function guessColumn(missing: string, have: readonly string[]): string {
  const m = missing.toLowerCase().replace(/[\s_-]+/g, '');
  const norm = (h: string) => h.toLowerCase().replace(/[\s_-]+/g, '');
  const same = have.filter((h) => norm(h) === m);
  if (same.length === 1) return same[0]!;
  const near = have.filter((h) => norm(h).includes(m) || m.includes(norm(h)));
  return near.length === 1 ? near[0]! : '';
}
