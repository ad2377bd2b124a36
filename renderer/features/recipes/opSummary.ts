// One short line per recipe step for the apply-recipe dialog. (The engine's own wording lives in main,
// which the renderer cannot import; this one is shorter and names the columns separately.)
import type { Recipe } from '../../../shared/ops/schema';
import { describeFilter } from '../clean/describeFilter';

type Op = Recipe['operations'][number];

/** The step in a few words; a step restricted to filtered rows says which. */
export function opSummary(op: Op): string {
  const what = summary(op);
  const where = 'where' in op && op.where?.length ? op.where : null;
  return where ? `${what}, where ${where.map(describeFilter).join(' and ')}` : what;
}

function summary(op: Op): string {
  switch (op.op) {
    case 'trim': return op.collapse === false ? 'Trim whitespace' : 'Trim and collapse whitespace';
    case 'case': return `Change case to ${op.mode}`;
    case 'replace': return `Replace ${op.mode === 'regex' ? 'pattern ' : op.mode === 'whole' ? 'whole cells ' : ''}“${op.find}” with “${op.replace}”`;
    case 'nullTokens': return `Empty missing-value tokens (${(op.tokens ?? []).filter(Boolean).slice(0, 4).join(', ') || 'defaults'}${(op.tokens ?? []).length > 5 ? ', …' : ''})`;
    case 'castNumber': return 'Convert to numbers';
    case 'castDate': return `Convert to dates (${op.order === 'monthFirst' ? 'month first' : 'day first'})`;
    case 'castBoolean': return 'Convert to true/false';
    case 'unicode': return `Normalise Unicode (${op.form ?? 'NFC'})`;
    case 'stripHtml': return 'Strip HTML';
    case 'fixMojibake': return 'Repair mojibake';
    case 'massEdit': {
      const e = op.edits;
      return e.length === 1 && e[0]!.from.length === 1 ? `Change “${e[0]!.from[0]}” to “${e[0]!.to}”` : `Mass edit ${e.length} values`;
    }
    case 'fill': return op.method === 'constant' ? `Fill empty cells with “${op.value ?? ''}”` : `Fill empty cells (${op.method})`;
    case 'split': return `Split by “${op.separator}”`;
    case 'merge': return `Merge into ${op.name}`;
    case 'rename': return `Rename to ${op.to}`;
    case 'drop': return 'Drop column';
    case 'duplicate': return `Duplicate as ${op.name}`;
    case 'reorder': return 'Reorder columns';
    case 'deleteRows': return `Delete rows matching ${op.filters.length} filter${op.filters.length === 1 ? '' : 's'}`;
    case 'dedupe': return op.action === 'addColumn' ? `Add duplicate cluster ids as ${op.name}` : 'Keep one record per duplicate cluster';
    case 'linkKey': return `Add ${op.keyB} of the linked records of ${op.other} as ${op.name}`;
    case 'editCell': return `Edit one cell${op.key ? ` (row where ${op.key.column} = “${op.key.value ?? ''}”)` : ` (row ${op.rid})`}`;
  }
}
