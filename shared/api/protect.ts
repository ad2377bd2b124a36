// Contract of export protection and k-anonymity: the actions of a dataset's tagged columns, the
// workspace secret's state, and k-anonymity before and after the actions.
import { z } from 'zod';
import { FilterSchema } from './filters';
import { PdActionSchema, PdCategorySchema, PdKindSchema } from './personal';

const DatasetRef = z.object({ dataset: z.string().min(1) });

export const SecretStateSchema = z.object({
  ok: z.boolean(),
  /** Why pseudonyms cannot be made (a missing or corrupt secret file), or null. */
  problem: z.string().nullable(),
  current: z.object({ fingerprint: z.string(), createdAt: z.string() }).nullable(),
  retired: z.array(z.object({ fingerprint: z.string(), createdAt: z.string(), retiredAt: z.string().nullable(), why: z.enum(['rotated', 'lost']).nullable() })),
});
export type SecretState = z.infer<typeof SecretStateSchema>;

export const ColumnProtectionSchema = z.object({
  column: z.string(),
  type: z.string(),
  /** The column's tag (null: untagged, written as it is). */
  kind: PdKindSchema.nullable(),
  category: PdCategorySchema.nullable(),
  status: z.enum(['suggested', 'confirmed']).nullable(),
  /** The export action (null: keep). */
  action: PdActionSchema.nullable(),
  /** A few values as the action writes them (pseudonyms under the real secret only once it exists). */
  examples: z.array(z.object({ before: z.string().nullable(), after: z.string().nullable() })),
});
export type ColumnProtectionInfo = z.infer<typeof ColumnProtectionSchema>;

export const ProtectionSchema = z.object({
  dataset: z.string(),
  columns: z.array(ColumnProtectionSchema),
  /** Direct identifiers an export would write as they are (it refuses unless confirmed). */
  directKept: z.array(z.string()),
  /** Columns tagged quasi: the suggested quasi-identifiers. */
  suggestedQuasi: z.array(z.string()),
  secret: SecretStateSchema,
});
export type Protection = z.infer<typeof ProtectionSchema>;

const SizeBucketSchema = z.object({ from: z.number().int(), to: z.number().int().nullable(), classes: z.number().int(), rows: z.number().int() });
export const KanonStatsSchema = z.object({
  k: z.number().int(),
  classes: z.number().int(),
  rowsBelow: z.number().int(),
  classesBelow: z.number().int(),
  rows: z.number().int(),
  l: z.number().int().nullable(),
  classesL1: z.number().int().nullable(),
  sizes: z.array(SizeBucketSchema),
  filter: FilterSchema.nullable(),
});
export type KanonStats = z.infer<typeof KanonStatsSchema>;

export const KanonResultSchema = z.object({
  dataset: z.string(),
  quasi: z.array(z.string()),
  targetK: z.number().int(),
  sensitive: z.string().nullable(),
  before: KanonStatsSchema,
  after: KanonStatsSchema,
  actions: z.array(z.object({ column: z.string(), action: PdActionSchema.nullable() })),
});
export type KanonResultInfo = z.infer<typeof KanonResultSchema>;

export const protectContract = {
  /** Every column of a dataset with its tag, export action and examples, and the secret's state. */
  'protect.get': { input: DatasetRef, output: ProtectionSchema },
  /** Sets (null: clears) the export action of a tagged column; NOT_FOUND for an untagged one. */
  'protect.setAction': { input: DatasetRef.extend({ column: z.string(), action: PdActionSchema.nullable() }), output: ProtectionSchema },
  /** Rotates the workspace secret (the old key kept as retired); `replaceLost` replaces a missing or corrupt one. */
  'protect.rotateSecret': { input: z.object({ replaceLost: z.boolean().default(false) }), output: SecretStateSchema },
  /**
   * k-anonymity over the quasi-identifiers (default: the columns tagged quasi) before and after their
   * export actions, with distinct l-diversity of a sensitive column; runs in the reader thread.
   */
  'protect.kanon': {
    input: DatasetRef.extend({ quasi: z.array(z.string()).max(16).optional(), k: z.number().int().min(1).max(1_000_000).default(5), sensitive: z.string().nullable().optional() }),
    output: KanonResultSchema,
  },
} as const;
