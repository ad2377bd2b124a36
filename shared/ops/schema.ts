// The cleaning operations as data: the recipe format. Operations name columns, never positions.
import { z } from 'zod';
import { PdActionSchema, PdCategorySchema, PdKindSchema } from '../api/personal';
import { FilterSchema } from '../api/filters';

const Col = z.string().min(1);

/**
 * The rows a row-scoped operation applies to: the grid's filters and facet selections when it was
 * applied (all of them must match). Absent or empty: every row. Recorded in the history and the
 * recipe, and honoured on redo and replay.
 */
export const WhereSchema = z.array(FilterSchema).max(32).optional();
// Rename, drop, duplicate and reorder read the key too, so that the engine refuses a non-empty one by
// name (they change the whole column list); a union's own error would only say "invalid input".
const where = { where: WhereSchema };

export const NULL_TOKENS_DEFAULT = ['', 'N/A', 'n/a', '-', 'NULL', 'null', '?', 'NA', 'none'];

/** Operations that rewrite the values of one column, one value at a time. */
export const ValueOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('trim'), column: Col, ...where, collapse: z.boolean().default(true) }),
  z.object({ op: z.literal('case'), column: Col, ...where, mode: z.enum(['upper', 'lower', 'title']) }),
  z.object({
    op: z.literal('replace'), column: Col, ...where, find: z.string().min(1), replace: z.string(),
    mode: z.enum(['literal', 'regex', 'whole']).default('literal'), caseSensitive: z.boolean().default(true),
  }),
  z.object({ op: z.literal('nullTokens'), column: Col, ...where, tokens: z.array(z.string()).default(NULL_TOKENS_DEFAULT) }),
  z.object({ op: z.literal('castNumber'), column: Col, ...where, locale: z.enum(['auto', 'dot', 'comma']).default('auto') }),
  z.object({ op: z.literal('castDate'), column: Col, ...where, order: z.enum(['dayFirst', 'monthFirst']).default('dayFirst') }),
  z.object({ op: z.literal('castBoolean'), column: Col, ...where }),
  z.object({ op: z.literal('unicode'), column: Col, ...where, form: z.enum(['NFC', 'NFKC']).default('NFC') }),
  z.object({ op: z.literal('stripHtml'), column: Col, ...where }),
  z.object({ op: z.literal('fixMojibake'), column: Col, ...where }),
  /** Every value equal to one of `from` becomes `to` (mass edit, facet edit, cluster merge). */
  z.object({ op: z.literal('massEdit'), column: Col, ...where, edits: z.array(z.object({ from: z.array(z.string()).min(1), to: z.string() })).min(1) }),
]);
export type ValueOp = z.infer<typeof ValueOpSchema>;

export const OpSchema = z.union([
  ValueOpSchema,
  z.discriminatedUnion('op', [
    z.object({
      op: z.literal('fill'), column: Col, method: z.enum(['constant', 'mean', 'median', 'mode', 'previous', 'next']),
      value: z.string().optional(), ...where,
    }),
    z.object({
      op: z.literal('split'), column: Col, by: z.enum(['delimiter', 'regex']), separator: z.string().min(1),
      maxParts: z.number().int().min(2).max(100).optional(), names: z.array(z.string().min(1)).optional(),
      keepOriginal: z.boolean().default(true), ...where,
    }),
    z.object({ op: z.literal('merge'), columns: z.array(Col).min(2), separator: z.string().default(' '), name: Col, keepOriginals: z.boolean().default(true), ...where }),
    z.object({ op: z.literal('rename'), ...where, column: Col, to: Col }),
    z.object({ op: z.literal('drop'), ...where, column: Col }),
    z.object({ op: z.literal('duplicate'), ...where, column: Col, name: Col }),
    z.object({ op: z.literal('reorder'), ...where, columns: z.array(Col).min(1) }),
    /** Deletes the rows matching the filters (the grid's current filter or facet selection). */
    z.object({ op: z.literal('deleteRows'), filters: z.array(FilterSchema).min(1) }),
    /**
     * One cell. `rid` addresses the row in this dataset; on replay elsewhere the row is found by
     * `key` (a column the user picked and that row's value in it).
     */
    z.object({
      op: z.literal('editCell'), column: Col, rid: z.number().int(), value: z.string().nullable(),
      key: z.object({ column: Col, value: z.string().nullable() }).nullable().default(null),
    }),
  ]),
]);
export type Op = z.infer<typeof OpSchema>;
export type OpInput = z.input<typeof OpSchema>;

export const RECIPE_VERSION = 1;

/** A column's personal-data tag as a recipe carries it (by column name at the end of the recipe); applying restores it. */
export const RecipeTagSchema = z.object({
  column: z.string(),
  kind: PdKindSchema,
  category: PdCategorySchema,
  action: PdActionSchema.nullable().default(null),
});
export type RecipeTag = z.infer<typeof RecipeTagSchema>;

/** A saved history: operations in order, replayable on another dataset. */
export const RecipeSchema = z.object({
  tidysetRecipe: z.literal(RECIPE_VERSION),
  createdAt: z.string().optional(),
  source: z.object({ dataset: z.string(), sha256: z.string().nullable().optional() }).optional(),
  operations: z.array(OpSchema),
  /** The tags the user confirmed (and their export actions); older recipes have none. */
  tags: z.array(RecipeTagSchema).optional(),
});
export type Recipe = z.infer<typeof RecipeSchema>;
