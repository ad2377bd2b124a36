// Splits: the split specification (parts and shares or k folds, seed, strategy columns), the preview,
// the leakage report, and the contract methods of the "Export splits" dialog.
import { z } from 'zod';

export const SplitPartSchema = z.object({
  /** File name stem: letters, digits, '_' and '-'. */
  name: z.string().min(1).max(64),
  /** Percent, or a row count; null: the rest (counts only). */
  share: z.number().min(0).nullable(),
});

export const SplitSpecSchema = z.object({
  dataset: z.string().min(1),
  /** Named parts with shares (ignored when `folds` is set). */
  parts: z.array(SplitPartSchema).min(2).max(32).default([{ name: 'train', share: 80 }, { name: 'val', share: 10 }, { name: 'test', share: 10 }]),
  unit: z.enum(['percent', 'count']).default('percent'),
  /** k folds named fold-1 … fold-k, instead of named parts. */
  folds: z.number().int().min(2).max(32).optional(),
  seed: z.number().int().min(0).max(4294967295).default(42),
  /** Keep every class of this column at its share in every part. */
  stratify: z.string().min(1).optional(),
  /** Keep every value of this column in one part (`cluster_id`: the duplicate clusters). */
  group: z.string().min(1).optional(),
  /** Split chronologically by this date/time (or numeric) column. */
  time: z.string().min(1).optional(),
  /** Rows less than this after a cut-off are left out: 7d, 12h, 30m, 2w (a number for numeric time). */
  gap: z.string().min(1).optional(),
});
export type SplitSpec = z.infer<typeof SplitSpecSchema>;
export type SplitSpecIn = z.input<typeof SplitSpecSchema>;

export const SplitFormatSchema = z.enum(['csv', 'jsonl', 'parquet']);

const PairSchema = z.object({ parts: z.tuple([z.string(), z.string()]), rows: z.number().int() });

export const LeakageReportSchema = z.object({
  columns: z.array(z.string()),
  clean: z.boolean(),
  exactDuplicates: z.object({ rows: z.number().int(), pairs: z.array(PairSchema) }),
  nearDuplicates: z.object({ rows: z.number().int(), threshold: z.number(), method: z.string(), pairs: z.array(PairSchema) }).nullable(),
  groupOverlap: z.object({ column: z.string(), groups: z.number().int(), rows: z.number().int(), pairs: z.array(PairSchema) }).nullable(),
  timeOverlap: z.object({
    column: z.string(), rows: z.number().int(),
    pairs: z.array(PairSchema.extend({ latestEarlier: z.union([z.number(), z.string()]), earliestLater: z.union([z.number(), z.string()]) })),
  }).nullable(),
});
export type LeakageReport = z.infer<typeof LeakageReportSchema>;

/** Offending row ids per kind of leakage and per part (or dataset), at most 10,000 each. */
export const LeakRowsSchema = z.record(z.enum(['exact', 'near', 'group', 'time']), z.record(z.string(), z.array(z.number().int())));

const ClassCountSchema = z.object({ label: z.string().nullable(), rows: z.number().int() });

export const SplitPreviewSchema = z.object({
  strategy: z.enum(['random', 'stratified', 'grouped', 'stratified-grouped', 'chronological']),
  rows: z.number().int(),
  parts: z.array(z.object({
    name: z.string(),
    rows: z.number().int(),
    /** Distinct groups (group-aware strategies), else null. */
    groups: z.number().int().nullable(),
    /** Class counts (stratified), the most frequent first, at most 50 and "other classes". */
    classes: z.array(ClassCountSchema).nullable(),
    /** Earliest and latest time (chronological). */
    timeRange: z.object({ from: z.union([z.number(), z.string()]), to: z.union([z.number(), z.string()]) }).nullable(),
  })),
  excluded: z.object({ gap: z.number().int(), unparseableTime: z.number().int() }),
  rareClasses: z.array(ClassCountSchema),
  /** What the user should know: rare classes, missing group values, unparseable times and where they went. */
  notes: z.array(z.string()),
  /** Whole-dataset class shares (stratified), to compare each part with. */
  classes: z.array(ClassCountSchema).nullable(),
});
export type SplitPreview = z.infer<typeof SplitPreviewSchema>;

export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  manifest: z.string(),
  files: z.array(z.object({ path: z.string(), status: z.enum(['ok', 'differs', 'missing']), expected: z.string(), actual: z.string().nullable() })),
  /** Files in the folder that the manifest does not list (reported, not a failure). */
  unlisted: z.array(z.string()),
  rebuild: z.object({ ok: z.boolean(), files: z.array(z.object({ path: z.string(), status: z.enum(['ok', 'differs', 'missing']) })) }).nullable(),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

/** What jobs.split takes: a split, the output format and folder, and whether to replace it. */
export const SplitJobInSchema = SplitSpecSchema.extend({
  format: SplitFormatSchema.default('csv'),
  out: z.string().min(1),
  force: z.boolean().default(false),
  /** Write columns tagged as direct identifiers even when their export action keeps them as they are. */
  allowDirect: z.boolean().default(false),
});
export type SplitJobIn = z.infer<typeof SplitJobInSchema>;

export const splitContract = {
  /** Rows, groups and class balance per part of a split, without writing anything. */
  'split.preview': { input: SplitSpecSchema, output: SplitPreviewSchema },
  /** The leakage between the parts of a split, with the offending row ids for the grid. */
  'split.leakage': { input: SplitSpecSchema, output: z.object({ report: LeakageReportSchema, rows: LeakRowsSchema }) },
  /** A written split: its manifest, datasheet and a fresh verification of its files. */
  'split.read': { input: z.object({ dir: z.string().min(1) }), output: z.object({ manifest: z.record(z.string(), z.unknown()), datasheet: z.string(), verify: VerifyResultSchema }) },
} as const;
