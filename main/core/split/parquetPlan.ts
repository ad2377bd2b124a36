// Decides each column's Parquet type before a Parquet export: the inferred type when every value of
// the column fits it, text otherwise (one schema for every part; the misfits are reported).
import type { ColumnType } from '../../../shared/api/catalog';
import type { Db } from '../db/open';
import type { StoredColumn } from '../db/repos/datasets';
import { parquetConverter, type ParquetColumn } from './parquetSink';

const KIND: Record<ColumnType, ParquetColumn['kind']> = {
  integer: 'int64', decimal: 'double', boolean: 'boolean', date: 'date', datetime: 'timestamp', text: 'string', empty: 'string',
};

export interface ParquetPlan {
  /** Per column (in the order given) its Parquet kind. */
  kinds: Array<ParquetColumn['kind']>;
  /** Typed columns written as text because some values do not fit their type: how many. */
  asText: Record<string, number>;
}

/**
 * Counts per typed column the values that do not convert (one pass inside SQLite). `cols[i]` null
 * means an output column made by a transform (protection): it is written as text.
 */
export function planParquet(db: Db, cols: Array<StoredColumn | null>, names: string[]): ParquetPlan {
  const kinds = cols.map((c) => (c ? KIND[c.type] : 'string'));
  const typed = cols.flatMap((c, i) => (c && kinds[i] !== 'string' ? [i] : []));
  const asText: Record<string, number> = {};
  if (!typed.length) return { kinds, asText };
  const conv = new Map<string, (v: string) => unknown>();
  db.function('tidyset_pq_misfit', { deterministic: true }, (v: unknown, kind: unknown, comma: unknown) => {
    if (typeof v !== 'string' || v === '') return 0;
    const key = `${kind}:${comma}`;
    let f = conv.get(key);
    if (!f) conv.set(key, (f = parquetConverter(kind as ParquetColumn['kind'], comma === 1)));
    return f(v) === undefined ? 1 : 0;
  });
  const sums = typed.map((i) => `sum(tidyset_pq_misfit(${cols[i]!.physical}, '${kinds[i]}', ${cols[i]!.detail?.decimalSeparator === ',' ? 1 : 0}))`);
  const row = db.prepare(`SELECT ${sums.join(', ')} FROM rows`).raw(true).get() as Array<number | null>;
  typed.forEach((i, j) => {
    const bad = row[j] ?? 0;
    if (bad > 0) {
      kinds[i] = 'string';
      asText[names[i]!] = bad;
    }
  });
  return { kinds, asText };
}
