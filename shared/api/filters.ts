// Sort and filter specifications of the grid, facets and row deletion.
import { z } from 'zod';
import { PdActionSchema, PdKindSchema } from './personal';
import { RuleSchema } from '../rules/schema';

export const SortSchema = z.object({ column: z.string(), dir: z.enum(['asc', 'desc']) });
export type Sort = z.infer<typeof SortSchema>;

/** A filter on one column (display name). Text filters compare the raw text; number/date filters cast. */
export const FilterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), column: z.string(), op: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith']), value: z.string() }),
  z.object({ kind: z.literal('blank'), column: z.string(), blank: z.boolean() }),
  z.object({ kind: z.literal('number'), column: z.string(), min: z.number().nullable(), max: z.number().nullable() }),
  z.object({ kind: z.literal('date'), column: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
  /** The value is one of these (a text-facet selection; null selects missing cells). */
  z.object({ kind: z.literal('in'), column: z.string(), values: z.array(z.string().nullable()).min(1).max(10000) }),
  /** The non-empty value does not fit the column's inferred type (the type facet). */
  z.object({ kind: z.literal('mismatch'), column: z.string() }),
  /**
   * The row's equivalence class over the quasi-identifiers `columns` (after their `actions`) has fewer
   * than `k` rows: the rows that break k-anonymity. `column` is the first quasi-identifier.
   */
  z.object({
    kind: z.literal('smallClass'), column: z.string(), columns: z.array(z.string()).min(1).max(16), k: z.number().int().min(1),
    actions: z.record(z.string(), PdActionSchema).optional(), kinds: z.record(z.string(), PdKindSchema).optional(),
  }),
  /** These rows, by row id (the leakage panel's offending rows); `label` says which they are, `column` is the first compared column. */
  z.object({ kind: z.literal('rows'), column: z.string(), rids: z.array(z.number().int()).min(1).max(20000), label: z.string().max(200) }),
  /** The rows a quality rule fails on (`column`: the rule's first column, for display). */
  z.object({ kind: z.literal('rule'), column: z.string(), rule: RuleSchema }),
]);
export type Filter = z.infer<typeof FilterSchema>;
