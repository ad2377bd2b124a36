// The column menu's catalogue: its entries, the operation each dialog starts from, the dialog's title,
// and what keeps an operation from being applied yet.
import type { Column } from '../../../shared/api/catalog';
import type { OpInput } from '../../../shared/ops/schema';
import type { MenuEntry } from '../../components/Menu';
import type { FacetKind } from '../facets/facetStore';
import { NULL_TOKENS_DEFAULT } from './nullTokens';

/** Operations opened in the operation dialog from a column's menu. */
export type DialogOp = Exclude<OpInput['op'], 'reorder' | 'deleteRows' | 'editCell' | 'dedupe' | 'linkKey'>;

export const FACET_ENTRIES: Record<string, FacetKind> = {
  'facet:text': 'text',
  'facet:numeric': 'numeric',
  'facet:blank': 'blank',
  'facet:type': 'type',
};

export const COLUMN_MENU: readonly MenuEntry[] = [
  { kind: 'heading', label: 'Facet' },
  { kind: 'item', id: 'facet:text', label: 'Text facet' },
  { kind: 'item', id: 'facet:numeric', label: 'Numeric facet' },
  { kind: 'item', id: 'facet:blank', label: 'Blank / non-blank facet' },
  { kind: 'item', id: 'facet:type', label: 'Values that don’t fit the type' },
  { kind: 'heading', label: 'Clean' },
  { kind: 'item', id: 'trim', label: 'Trim whitespace…' },
  { kind: 'item', id: 'case', label: 'Change case…' },
  { kind: 'item', id: 'replace', label: 'Find and replace…' },
  { kind: 'item', id: 'nullTokens', label: 'Missing-value tokens…' },
  { kind: 'item', id: 'fill', label: 'Fill empty cells…' },
  { kind: 'item', id: 'massEdit', label: 'Mass edit values…' },
  { kind: 'item', id: 'cluster', label: 'Cluster and edit…' },
  { kind: 'item', id: 'stripHtml', label: 'Strip HTML…' },
  { kind: 'item', id: 'fixMojibake', label: 'Repair mojibake…', hint: 'Ã© → é' },
  { kind: 'item', id: 'unicode', label: 'Normalise Unicode…' },
  { kind: 'heading', label: 'Convert' },
  { kind: 'item', id: 'castNumber', label: 'To number…' },
  { kind: 'item', id: 'castDate', label: 'To date…' },
  { kind: 'item', id: 'castBoolean', label: 'To true/false…' },
  { kind: 'heading', label: 'Column' },
  { kind: 'item', id: 'split', label: 'Split…' },
  { kind: 'item', id: 'merge', label: 'Merge with other columns…' },
  { kind: 'item', id: 'rename', label: 'Rename…' },
  { kind: 'item', id: 'duplicate', label: 'Duplicate…' },
  { kind: 'item', id: 'reorder', label: 'Reorder columns…', hint: 'or drag headers' },
  { kind: 'item', id: 'pin', label: 'Pin to the left' },
  { kind: 'item', id: 'drop', label: 'Drop…' },
];

function unusedName(base: string, columns: readonly Column[]): string {
  const names = new Set(columns.map((c) => c.name));
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** The operation a dialog starts from, with the defaults a person would most often pick. */
export function initialOp(kind: DialogOp, column: string, columns: readonly Column[]): OpInput {
  switch (kind) {
    case 'trim': return { op: 'trim', column, collapse: true };
    case 'case': return { op: 'case', column, mode: 'title' };
    case 'replace': return { op: 'replace', column, find: '', replace: '', mode: 'literal', caseSensitive: true };
    case 'nullTokens': return { op: 'nullTokens', column, tokens: [...NULL_TOKENS_DEFAULT] };
    case 'castNumber': return { op: 'castNumber', column, locale: 'auto' };
    case 'castDate': return { op: 'castDate', column, order: 'dayFirst' };
    case 'castBoolean': return { op: 'castBoolean', column };
    case 'unicode': return { op: 'unicode', column, form: 'NFC' };
    case 'stripHtml': return { op: 'stripHtml', column };
    case 'fixMojibake': return { op: 'fixMojibake', column };
    case 'massEdit': return { op: 'massEdit', column, edits: [] };
    case 'fill': return { op: 'fill', column, method: 'constant', value: '' };
    case 'split': return { op: 'split', column, by: 'delimiter', separator: ',', keepOriginal: true };
    case 'merge': {
      const i = columns.findIndex((c) => c.name === column);
      const next = columns[i + 1]?.name ?? columns[i - 1]?.name;
      const picked = columns.map((c) => c.name).filter((n) => n === column || n === next);
      return { op: 'merge', columns: picked, separator: ' ', name: unusedName(picked.join('_'), columns), keepOriginals: true };
    }
    case 'rename': return { op: 'rename', column, to: column };
    case 'duplicate': return { op: 'duplicate', column, name: unusedName(`${column} copy`, columns) };
    case 'drop': return { op: 'drop', column };
  }
}

/** The dialog's title for an operation on a column. */
export function dialogTitle(op: OpInput): string {
  switch (op.op) {
    case 'trim': return `Trim whitespace in ${op.column}`;
    case 'case': return `Change case in ${op.column}`;
    case 'replace': return `Find and replace in ${op.column}`;
    case 'nullTokens': return `Missing-value tokens in ${op.column}`;
    case 'castNumber': return `Convert ${op.column} to numbers`;
    case 'castDate': return `Convert ${op.column} to dates`;
    case 'castBoolean': return `Convert ${op.column} to true/false`;
    case 'unicode': return `Normalise Unicode in ${op.column}`;
    case 'stripHtml': return `Strip HTML in ${op.column}`;
    case 'fixMojibake': return `Repair mojibake in ${op.column}`;
    case 'massEdit': return `Mass edit ${op.column}`;
    case 'fill': return `Fill empty cells in ${op.column}`;
    case 'split': return `Split ${op.column}`;
    case 'merge': return 'Merge columns';
    case 'rename': return `Rename ${op.column}`;
    case 'duplicate': return `Duplicate ${op.column}`;
    case 'drop': return `Drop ${op.column}`;
    case 'reorder': return 'Reorder columns';
    case 'deleteRows': return 'Delete rows';
    case 'editCell': return `Edit a cell in ${op.column}`;
    case 'dedupe': return op.action === 'addColumn' ? 'Add duplicate cluster ids' : 'Keep one record per cluster';
    case 'linkKey': return `Add the linked key of ${op.other}`;
  }
}

/** Why the operation cannot be applied as it stands (shown next to a disabled Apply), or null. */
export function problemOf(op: OpInput, columns: readonly Column[]): string | null {
  const taken = (n: string) => columns.some((c) => c.name === n);
  switch (op.op) {
    case 'replace': return op.find ? null : 'Type the text to find.';
    case 'massEdit': return op.edits.length ? null : 'Type a new value for at least one value.';
    case 'fill': return op.method === 'constant' && !op.value ? 'Type the value to fill empty cells with.' : null;
    case 'split': return op.separator ? null : `Type the ${op.by === 'regex' ? 'pattern' : 'delimiter'} to split at.`;
    case 'merge':
      if (op.columns.length < 2) return 'Pick at least two columns.';
      return !op.name.trim() ? 'Name the new column.' : taken(op.name) ? `There is already a column called ${op.name}.` : null;
    case 'rename':
      if (!op.to.trim() || op.to === op.column) return 'Type the new name.';
      return taken(op.to) ? `There is already a column called ${op.to}.` : null;
    case 'duplicate':
      return !op.name.trim() ? 'Name the copy.' : taken(op.name) ? `There is already a column called ${op.name}.` : null;
    default: return null;
  }
}
