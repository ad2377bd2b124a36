// Words for operations in the UI: which ones have a value preview, and what an applied one did, in a sentence.
import type { OpInput } from '../../../shared/ops/schema';
import { formatCount } from '../../components/format';

export type OpKind = OpInput['op'];

/** Operations that rewrite one column value by value; `ops.preview` answers for these. */
const VALUE_OPS = new Set<OpKind>(['trim', 'case', 'replace', 'nullTokens', 'castNumber', 'castDate', 'castBoolean', 'unicode', 'stripHtml', 'fixMojibake', 'massEdit']);

export function isValueOp(op: OpInput): boolean {
  return VALUE_OPS.has(op.op);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export interface StepResult {
  description: string;
  detail: { changed: number; failed?: number };
}

/** A past-tense sentence for the toast after an operation: "Trimmed 3 cells in name". */
export function doneText(op: OpInput, step: StepResult): string {
  const n = step.detail.changed;
  const cells = plural(n, 'cell');
  const failed = step.detail.failed ? ` · ${plural(step.detail.failed, 'value')} not converted` : '';
  switch (op.op) {
    case 'trim':
      return `Trimmed ${cells} in ${op.column}`;
    case 'case':
      return `Changed the case of ${cells} in ${op.column}`;
    case 'replace':
      return `Replaced text in ${cells} of ${op.column}`;
    case 'nullTokens':
      return `Emptied ${plural(n, 'missing-value token')} in ${op.column}`;
    case 'castNumber':
      return `Converted ${cells} of ${op.column} to numbers${failed}`;
    case 'castDate':
      return `Converted ${cells} of ${op.column} to dates${failed}`;
    case 'castBoolean':
      return `Converted ${cells} of ${op.column} to true/false${failed}`;
    case 'unicode':
      return `Normalised ${cells} in ${op.column}`;
    case 'stripHtml':
      return `Stripped HTML from ${cells} in ${op.column}`;
    case 'fixMojibake':
      return `Repaired ${cells} in ${op.column}`;
    case 'massEdit':
      return `Changed ${cells} in ${op.column}`;
    case 'fill':
      return `Filled ${plural(n, 'empty cell')} in ${op.column}`;
    case 'split':
      return `Split ${op.column} into new columns`;
    case 'merge':
      return `Merged ${op.columns.join(', ')} into ${op.name}`;
    case 'rename':
      return `Renamed ${op.column} to ${op.to}`;
    case 'drop':
      return `Dropped column ${op.column}`;
    case 'duplicate':
      return `Duplicated ${op.column} as ${op.name}`;
    case 'reorder':
      return 'Reordered columns';
    case 'deleteRows':
      return `Deleted ${plural(n, 'row')}`;
    case 'editCell':
      return `Edited a cell in ${op.column}`;
    case 'dedupe':
      return op.action === 'addColumn' ? `Added cluster ids as ${op.name ?? 'cluster_id'}` : `Kept one record per cluster, deleted ${plural(n, 'row')}`;
    case 'linkKey':
      return `Added ${op.name} (${plural(n, 'linked row')})`;
  }
}

/** What the changed count of a history step counts, for the history panel ("4 cells", "2 rows"), or null. */
export function changedText(op: { op?: unknown } | null | undefined, changed: number): string | null {
  const kind = (op && typeof op.op === 'string' ? op.op : '') as OpKind;
  if (kind === 'deleteRows') return plural(changed, 'row');
  // An erasure (not a recipe operation): rows deleted, or cells blanked.
  if ((kind as string) === 'erase') return plural(changed, (op as { mode?: unknown }).mode === 'blank' ? 'cell' : 'row');
  if (kind === 'rename' || kind === 'drop' || kind === 'reorder') return null;
  if (kind === 'split' || kind === 'merge' || kind === 'duplicate') return plural(changed, 'row');
  return plural(changed, 'cell');
}
