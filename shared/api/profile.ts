// The contract's shapes for profiles, rule reports and drift reports (the engine in main/core/profile).
import { z } from 'zod';
import { RuleSchema } from '../rules/schema';

const Num = z.number();
const NumOrText = z.union([z.number(), z.string()]);

export const BinSchema = z.object({ from: NumOrText, to: NumOrText, count: z.number().int() });

/** One column's profile. Numbers are JSON numbers; dates' min/max/bins are ISO 8601 text. */
export const ColumnProfileSchema = z.object({
  column: z.string(),
  type: z.string(),
  /** Values present (neither missing nor empty). */
  count: z.number().int(),
  /** Missing cells (null: no field in the source). */
  missing: z.number().int(),
  /** Empty cells (''). */
  empty: z.number().int(),
  /** Distinct present values (exact; counted by a 53-bit hash beyond 50,000 distinct values). */
  distinct: z.number().int(),
  top: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** Present values that fit the column's type (all of them for text). */
  conforming: z.number().int(),
  min: NumOrText.nullable(),
  max: NumOrText.nullable(),
  mean: Num.nullable(),
  std: Num.nullable(),
  /** Type 7 (linear interpolation) quantiles of the values that read as the type. */
  quantiles: z.object({ p1: Num, p5: Num, p25: Num, p50: Num, p75: Num, p95: Num, p99: Num }).nullable(),
  histogram: z.array(BinSchema),
  /** Text: lengths in UTF-16 code units. */
  lengths: z.object({ min: z.number().int(), max: z.number().int(), mean: Num, histogram: z.array(BinSchema) }).nullable(),
  /** Shapes of the values: A upper-case letter, a+ a run of lower-case, 9 a digit, others as they are. */
  patterns: z.array(z.object({ pattern: z.string(), count: z.number().int() })),
  /** The personal-data tag of the column, when it has one. */
  tag: z.object({ kind: z.string(), category: z.string(), status: z.string() }).nullable(),
});
export type ColumnProfile = z.infer<typeof ColumnProfileSchema>;

export const ProfileSchema = z.object({
  dataset: z.string(),
  rows: z.number().int(),
  /** The history state it was computed at: a profile is stale once this differs. */
  version: z.string(),
  computedAt: z.string(),
  ms: z.number(),
  /** Columns of the dataset in all (the profile may hold a page of them). */
  totalColumns: z.number().int(),
  columns: z.array(ColumnProfileSchema),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** A stored rule: its id, the rule in current display names, and whether its columns still exist. */
export const StoredRuleSchema = z.object({
  id: z.number().int(),
  rule: RuleSchema,
  description: z.string(),
  /** Why the rule cannot run (a column it names was dropped), else null. */
  problem: z.string().nullable(),
});
export type StoredRuleInfo = z.infer<typeof StoredRuleSchema>;

export const RuleResultSchema = z.object({
  /** The rule object as given (stored rules: in current column names). */
  rule: z.unknown(),
  passed: z.boolean(),
  /** Failing rows (value rules), or for `rows`/`missingShare` the rows counted against them. */
  failing: z.number().int(),
  /** failing / rows (0 for an empty dataset). */
  share: z.number(),
  severity: z.enum(['warn', 'block']),
  description: z.string(),
  /** Set when the rule could not run (a dropped column); such a rule fails. */
  error: z.string().nullable(),
  /** Stored rules: the id, for the grid filter of its failing rows. */
  id: z.number().int().nullable(),
  /** Whether the failing rows can be shown in the grid (not for a row-count rule). */
  filterable: z.boolean(),
});
export type RuleResult = z.infer<typeof RuleResultSchema>;

export const RuleReportSchema = z.object({
  dataset: z.string(),
  rows: z.number().int(),
  rules: z.array(RuleResultSchema),
  /** True when a rule of severity block failed. */
  blocked: z.boolean(),
  ms: z.number(),
});
export type RuleReport = z.infer<typeof RuleReportSchema>;

export const DriftFlagSchema = z.enum(['none', 'moderate', 'major']);
export const DriftColumnSchema = z.object({
  column: z.string(),
  /** 'ks' (Kolmogorov–Smirnov D, numbers and dates) or 'js' (Jensen–Shannon distance, categories). */
  test: z.enum(['ks', 'js']),
  statistic: Num,
  /** KS: the asymptotic p-value; js: null. */
  pValue: Num.nullable(),
  psi: Num,
  /** none: PSI < 0.1; moderate: 0.1 ≤ PSI < 0.25; major: PSI ≥ 0.25. */
  flag: DriftFlagSchema,
  missingA: Num,
  missingB: Num,
  /** Categories in B never seen in A, and in A never seen in B (of the categories compared). */
  newInB: z.array(z.string()),
  unseenInB: z.array(z.string()),
  /** Overlaid histograms: shares of each side per bin (numbers/dates) or category. */
  bins: z.array(z.object({ label: z.string(), from: NumOrText.nullable(), to: NumOrText.nullable(), a: Num, b: Num })),
});
export type DriftColumn = z.infer<typeof DriftColumnSchema>;

export const DriftReportSchema = z.object({
  a: z.object({ name: z.string(), rows: z.number().int() }),
  b: z.object({ name: z.string(), rows: z.number().int() }),
  columns: z.array(DriftColumnSchema),
  ms: z.number(),
});
export type DriftReport = z.infer<typeof DriftReportSchema>;
