// Which columns operations read, and which a recipe needs that a dataset lacks — zod-free, so the
// renderer can use it without bundling the schemas.
import type { Filter } from '../api/filters';
import type { Op } from './schema';

/** Operations that take a `where` (the rows they apply to); the others change whole columns or one cell. */
export const ROW_SCOPED_OPS: ReadonlySet<string> = new Set([
  'trim', 'case', 'replace', 'nullTokens', 'castNumber', 'castDate', 'castBoolean', 'unicode', 'stripHtml',
  'fixMojibake', 'massEdit', 'fill', 'split', 'merge',
]);

/** The filters an operation is restricted to (none: every row). */
export function whereOf(op: { where?: readonly Filter[] | undefined }): Filter[] {
  return op.where ? [...op.where] : [];
}

/** The existing columns an operation reads (merge/reorder lists, filter columns, a cell's key). */
export function columnsOf(op: Op): string[] {
  const own = ownColumns(op);
  for (const f of 'where' in op && op.where ? op.where : []) if (!own.includes(f.column)) own.push(f.column);
  return own;
}

function ownColumns(op: Op): string[] {
  switch (op.op) {
    case 'merge':
    case 'reorder':
      return [...op.columns];
    case 'deleteRows':
      return op.filters.map((f) => f.column);
    case 'editCell':
      return op.key ? [op.column, op.key.column] : [op.column];
    case 'dedupe':
    case 'linkKey': {
      const cols = op.config.comparisons.map((c) => c.column);
      if (op.op === 'dedupe') for (const r of op.rules) cols.push(r.column, ...(r.by ? [r.by] : []));
      return [...new Set(cols)];
    }
    default:
      return [op.column];
  }
}

/**
 * Columns the operations read, in order, before any earlier operation of theirs creates them, that
 * `have` lacks: what a column mapping must supply. Renames, drops, duplicates, merges and splits
 * are followed (split parts without declared names are `<column> 1…maxParts`, at most 20).
 */
export function missingColumns(ops: readonly Op[], have: readonly string[]): string[] {
  const names = new Set(have);
  const missing: string[] = [];
  for (const op of ops) {
    for (const c of columnsOf(op)) if (!names.has(c) && !missing.includes(c)) missing.push(c);
    switch (op.op) {
      case 'rename':
        names.delete(op.column);
        names.add(op.to);
        break;
      case 'drop':
        names.delete(op.column);
        break;
      case 'duplicate':
      case 'linkKey':
        names.add(op.name);
        break;
      case 'dedupe':
        if (op.action === 'addColumn') names.add(op.name);
        break;
      case 'merge':
        names.add(op.name);
        if (!op.keepOriginals) op.columns.forEach((c) => names.delete(c));
        break;
      case 'split':
        (op.names ?? []).forEach((n) => names.add(n));
        if (!op.names) for (let i = 1; i <= (op.maxParts ?? 20); i++) names.add(`${op.column} ${i}`);
        if (!op.keepOriginal) names.delete(op.column);
        break;
    }
  }
  return missing;
}
