// Human-readable descriptions of operations, for the history panel and `tidyset history`.
import type { Filter } from '../../../shared/api/filters';
import type { Op } from '../../../shared/ops/schema';
import { describeRule } from '../../../shared/rules/schema';

const q = (s: string) => `“${s}”`;

/** One filter in words, e.g. “city” is “Lund”. */
export function describeFilter(f: Filter): string {
  const c = q(f.column);
  switch (f.kind) {
    case 'text':
      return `${c} ${{ contains: 'contains', notContains: 'does not contain', equals: 'is', notEqual: 'is not', startsWith: 'starts with', endsWith: 'ends with' }[f.op]} ${q(f.value)}`;
    case 'blank':
      return `${c} is ${f.blank ? 'blank' : 'not blank'}`;
    case 'number':
      return `${c} is ${f.min !== null && f.max !== null ? `between ${f.min} and ${f.max}` : f.min !== null ? `≥ ${f.min}` : `≤ ${f.max}`}`;
    case 'date':
      return `${c} is ${f.from && f.to ? `from ${f.from} to ${f.to}` : f.from ? `on or after ${f.from}` : `on or before ${f.to}`}`;
    case 'in': {
      const shown = f.values.slice(0, 3).map((v) => (v === null ? 'missing' : q(v)));
      return `${c} is ${shown.join(', ')}${f.values.length > 3 ? ` or ${f.values.length - 3} more` : ''}`;
    }
    case 'mismatch':
      return `${c} does not fit its type`;
    case 'rows':
      return `the row is one of ${f.rids.length} ${f.label}`;
    case 'smallClass':
      return `the row's class over ${f.columns.map(q).join(', ')} has fewer than ${f.k} rows`;
    case 'rule':
      return `the rule “${describeRule(f.rule)}” fails`;
  }
}

/**
 * One line saying what the operation does, e.g. Trim whitespace in “name”; with a `where`, the rows it
 * applies to: … in the rows where “city” is “Lund”.
 */
export function describeOp(op: Op): string {
  const what = describeWhat(op);
  const where = 'where' in op && op.where?.length ? op.where : null;
  return where ? `${what} in the rows where ${where.map(describeFilter).join(' and ')}` : what;
}

function describeWhat(op: Op): string {
  switch (op.op) {
    case 'trim':
      return `Trim ${op.collapse ? 'and collapse whitespace' : 'whitespace'} in ${q(op.column)}`;
    case 'case':
      return `${{ upper: 'Upper-case', lower: 'Lower-case', title: 'Title-case' }[op.mode]} ${q(op.column)}`;
    case 'replace':
      return op.mode === 'whole'
        ? `Replace cells equal to ${q(op.find)} with ${q(op.replace)} in ${q(op.column)}`
        : `Replace ${op.mode === 'regex' ? 'pattern ' : ''}${q(op.find)} with ${q(op.replace)} in ${q(op.column)}`;
    case 'nullTokens':
      return `Turn missing-value tokens (${op.tokens.filter((t) => t !== '').map((t) => q(t)).join(', ')}) into empty cells in ${q(op.column)}`;
    case 'castNumber':
      return `Convert ${q(op.column)} to numbers${op.locale === 'auto' ? '' : ` (decimal ${op.locale})`}`;
    case 'castDate':
      return `Convert ${q(op.column)} to ISO dates (${op.order === 'dayFirst' ? 'day first' : 'month first'})`;
    case 'castBoolean':
      return `Convert ${q(op.column)} to true/false`;
    case 'unicode':
      return `Normalise Unicode (${op.form}) in ${q(op.column)}`;
    case 'stripHtml':
      return `Strip HTML tags and entities in ${q(op.column)}`;
    case 'fixMojibake':
      return `Repair mojibake in ${q(op.column)}`;
    case 'massEdit': {
      const n = op.edits.reduce((s, e) => s + e.from.length, 0);
      return op.edits.length === 1 && n === 1
        ? `Change ${q(op.edits[0]!.from[0]!)} to ${q(op.edits[0]!.to)} in ${q(op.column)}`
        : `Mass edit ${n} value${n === 1 ? '' : 's'} into ${op.edits.length} in ${q(op.column)}`;
    }
    case 'fill':
      return op.method === 'constant' ? `Fill empty cells of ${q(op.column)} with ${q(op.value ?? '')}` : `Fill empty cells of ${q(op.column)} with the ${op.method === 'mode' ? 'most frequent value' : op.method === 'previous' ? 'previous value' : op.method === 'next' ? 'next value' : op.method}`;
    case 'split':
      return `Split ${q(op.column)} by ${op.by === 'regex' ? 'pattern ' : ''}${q(op.separator)}`;
    case 'merge':
      return `Merge ${op.columns.map(q).join(', ')} into ${q(op.name)}`;
    case 'rename':
      return `Rename ${q(op.column)} to ${q(op.to)}`;
    case 'drop':
      return `Drop column ${q(op.column)}`;
    case 'duplicate':
      return `Duplicate ${q(op.column)} as ${q(op.name)}`;
    case 'reorder':
      return `Reorder columns`;
    case 'deleteRows':
      return `Delete rows where ${op.filters.map(describeFilter).join(' and ')}`;
    case 'dedupe':
      return op.action === 'addColumn'
        ? `Add duplicate cluster ids as ${q(op.name)} (${op.config.comparisons.map((c) => q(c.column)).join(', ')}, threshold ${op.threshold})`
        : `Keep one record per duplicate cluster (${op.config.comparisons.map((c) => q(c.column)).join(', ')}, threshold ${op.threshold})`;
    case 'linkKey':
      return `Add ${q(op.keyB)} of the linked records of ${q(op.other)} as ${q(op.name)}`;
    case 'editCell':
      return `Edit cell ${q(op.column)} of row ${op.rid}${op.key ? ` (${op.key.column} = ${q(op.key.value ?? '∅')})` : ''} to ${q(op.value ?? '∅')}`;
  }
}
