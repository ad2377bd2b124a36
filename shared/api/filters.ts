// Sort and filter specifications of the grid, facets and row deletion.
import { z } from 'zod';
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
  /** The rows a quality rule fails on (`column`: the rule's first column, for display). */
  z.object({ kind: z.literal('rule'), column: z.string(), rule: RuleSchema }),
]);
export type Filter = z.infer<typeof FilterSchema>;
