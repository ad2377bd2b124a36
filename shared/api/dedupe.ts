// Record deduplication and linkage: the comparison config, blocking report, stored results (pairs,
// scores, labels, clusters), review, re-fit, resolve and link. One result is one side SQLite file in
// the workspace (`dedupe/<id>.sqlite`), so a review survives a restart. Scores are match
// probabilities in [0, 1]; a threshold P keeps the pairs scoring at least P.
import { z } from 'zod';

const Col = z.string().min(1);

/** How a column's values are compared. */
export const ComparisonKindSchema = z.enum(['exact', 'jaroWinkler', 'levenshtein', 'tokenSet', 'numeric', 'date']);
export type ComparisonKind = z.infer<typeof ComparisonKindSchema>;

/** What is normalised before comparing (all on by default except the name order). */
export const NormaliseSchema = z.object({
  case: z.boolean().default(true),
  accents: z.boolean().default(true),
  /** Trim and collapse runs of whitespace. */
  whitespace: z.boolean().default(true),
  /** Punctuation becomes a space ("O'Brien" ~ "O Brien"). */
  punctuation: z.boolean().default(true),
  /** "Last, First" becomes "First Last". */
  nameOrder: z.boolean().default(false),
});
export type Normalise = z.infer<typeof NormaliseSchema>;

/** One compared column; in a link, `columnB` names the other dataset's column (default: the same name). */
export const ComparisonSchema = z.object({
  column: Col,
  columnB: Col.optional(),
  kind: ComparisonKindSchema,
  normalise: NormaliseSchema.prefault({}),
  /** numeric: the absolute difference still counted as close; date: days (default 1 % / 31 days). */
  tolerance: z.number().positive().optional(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;
export type ComparisonInput = z.input<typeof ComparisonSchema>;

export const BlockingOptionsSchema = z.object({
  /** A block larger than this is not expanded into pairs (and the report names its key). */
  maxBlock: z.number().int().min(2).max(100000).default(500),
  /** Sorted-neighbourhood window (records compared with the next window-1 in key order). */
  window: z.number().int().min(2).max(50).default(5),
  /** Stop generating pairs past this many (the report says so). */
  maxPairs: z.number().int().min(1000).max(200_000_000).default(40_000_000),
});
export type BlockingOptions = z.infer<typeof BlockingOptionsSchema>;

export const DedupeConfigSchema = z.object({
  comparisons: z.array(ComparisonSchema).min(1).max(16),
  blocking: BlockingOptionsSchema.prefault({}),
  /** A column whose values identify records elsewhere (`keys` in results and the CLI's JSON). */
  key: Col.optional(),
  /** Link only: B's identifier column (members of B show its values as `key`). */
  keyB: Col.optional(),
  /** Default threshold of the result (the slider starts here). */
  threshold: z.number().min(0).max(1).default(0.5),
  /** A cluster never grows past this many records: the weakest link that would make it larger is not followed. */
  maxClusterSize: z.number().int().min(2).max(100000).default(50),
  /** Link only: each record matches at most one of the other side (best score first). */
  oneToOne: z.boolean().default(true),
});
export type DedupeConfig = z.infer<typeof DedupeConfigSchema>;
export type DedupeConfigInput = z.input<typeof DedupeConfigSchema>;

/** One blocking key's counts, taken before any pair is generated. */
export const BlockKeySchema = z.object({
  /** e.g. `surname: first 4 letters`, `name: sorted neighbourhood`, `title: tokens`. */
  key: z.string(),
  kind: z.enum(['exact', 'prefix', 'phonetic', 'sortedNeighbourhood', 'token']),
  columns: z.array(z.string()),
  blocks: z.number().int(),
  largest: z.number().int(),
  /** The value of the largest block (shortened), to say what explodes. */
  largestValue: z.string().nullable(),
  /** Pairs the key's blocks would give (capped blocks included) and those it gives. */
  pairsIfUncapped: z.number(),
  pairs: z.number(),
  /** Blocks skipped because they are larger than maxBlock, and the records in them. */
  cappedBlocks: z.number().int(),
  cappedRecords: z.number().int(),
});
export type BlockKey = z.infer<typeof BlockKeySchema>;

export const BlockingReportSchema = z.object({
  records: z.number().int(),
  recordsB: z.number().int().nullable(),
  keys: z.array(BlockKeySchema),
  /** Distinct candidate pairs over all keys (what will be compared). */
  pairs: z.number(),
  /** Sentences naming the keys that would explode, the columns that are all blank, etc. */
  warnings: z.array(z.string()),
});
export type BlockingReport = z.infer<typeof BlockingReportSchema>;

/** The fitted Fellegi–Sunter model: per column the m and u of each comparison level. */
export const ModelSchema = z.object({
  /** Prior probability that a candidate pair is a match. */
  lambda: z.number(),
  columns: z.array(z.object({
    column: z.string(),
    /** Level names, best first: e.g. exact, close, similar, different. */
    levels: z.array(z.string()),
    m: z.array(z.number()),
    u: z.array(z.number()),
    /** u among random record pairs (the prior of u, and the base of the term-frequency adjustment). */
    uRandom: z.array(z.number()).optional(),
    /** Whether an exact agreement is weighted by how rare the value is. */
    tf: z.boolean(),
  })),
  iterations: z.number().int(),
  labelled: z.number().int(),
});
export type Model = z.infer<typeof ModelSchema>;

export const CurvePointSchema = z.object({ threshold: z.number(), pairs: z.number().int(), clusters: z.number().int(), records: z.number().int() });
export type CurvePoint = z.infer<typeof CurvePointSchema>;

export const ResultInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(['dedupe', 'link']),
  dataset: z.string(),
  /** Link: the other dataset. */
  datasetB: z.string().nullable(),
  config: DedupeConfigSchema,
  createdAt: z.string(),
  records: z.number().int(),
  recordsB: z.number().int().nullable(),
  comparisons: z.number(),
  /** Pairs stored for review (those scoring at least 0.01). */
  storedPairs: z.number().int(),
  seconds: z.number(),
  labels: z.object({ match: z.number().int(), nonMatch: z.number().int() }),
  /** False once the dataset changed after the run (rows added, deleted, edited). */
  current: z.boolean(),
});
export type ResultInfo = z.infer<typeof ResultInfoSchema>;

export const ResultSummarySchema = ResultInfoSchema.extend({
  blocking: BlockingReportSchema,
  model: ModelSchema,
  /** For the threshold slider: counts at thresholds 0.01 … 0.99. */
  curve: z.array(CurvePointSchema),
});
export type ResultSummary = z.infer<typeof ResultSummarySchema>;

/** A column's part of a pair's score: its level and match weight (log2 Bayes factor, tf adjustment included). */
export const PairWeightSchema = z.object({ column: z.string(), level: z.string(), weight: z.number() });

export const PairSchema = z.object({
  a: z.number().int(),
  b: z.number().int(),
  score: z.number(),
  /** Total match weight (log2 odds). */
  weight: z.number(),
  weights: z.array(PairWeightSchema),
  label: z.enum(['match', 'nonMatch']).nullable(),
});
export type Pair = z.infer<typeof PairSchema>;

/** A record as review shows it: its row id and the values of the compared columns (display order). */
export const MemberSchema = z.object({ rid: z.number().int(), values: z.array(z.string().nullable()), key: z.string().nullable() });

export const ClusterSchema = z.object({
  id: z.number().int(),
  size: z.number().int(),
  /** 0 (sure) … 1 (least sure): how close its weakest link is to 0.5. */
  uncertainty: z.number(),
  minScore: z.number(),
  maxScore: z.number(),
  members: z.array(MemberSchema),
  /** The scored pairs inside the cluster. */
  pairs: z.array(PairSchema),
});
export type Cluster = z.infer<typeof ClusterSchema>;

export const ClustersPageSchema = z.object({
  total: z.number().int(),
  /** Display names of the compared columns, the order of `values`. */
  columns: z.array(z.string()),
  clusters: z.array(ClusterSchema),
});

/** A pair with both records, for active learning and link review. */
export const PairDetailSchema = PairSchema.extend({ recordA: MemberSchema, recordB: MemberSchema });
export type PairDetail = z.infer<typeof PairDetailSchema>;

export const SurvivorRuleSchema = z.object({
  column: Col,
  rule: z.enum(['mostFrequent', 'longest', 'firstNonEmpty', 'mostRecent']),
  /** mostRecent: the date column deciding which record is the most recent. */
  by: Col.optional(),
});
export type SurvivorRule = z.infer<typeof SurvivorRuleSchema>;

/** A column that suggests itself for comparing, and the comparison it suggests. */
export const SuggestedColumnSchema = z.object({
  column: z.string(),
  /** What the values look like. */
  role: z.enum(['name', 'email', 'phone', 'date', 'id', 'number', 'code', 'text', 'address']),
  distinct: z.number().int(),
  blank: z.number().int(),
  /** Whether the default config includes it. */
  suggested: z.boolean(),
  comparison: ComparisonSchema,
  /** Why it is (not) suggested, in words. */
  reason: z.string(),
});

const Result = z.object({ result: z.string().min(1) });
const Threshold = z.number().min(0).max(1);
const Ok = z.object({ ok: z.literal(true) });
const Step = z.object({ seq: z.number().int(), description: z.string(), detail: z.object({ changed: z.number().int() }).passthrough() });

/** The dedupe methods; contract.ts spreads them into the one map (jobs.dedupe and jobs.link return JobInfo there). */
export const dedupeContract = {
  /** Columns worth comparing, from names and values, with the default config. */
  'dedupe.suggest': {
    input: z.object({ dataset: Col, datasetB: Col.optional() }),
    output: z.object({ columns: z.array(SuggestedColumnSchema), config: DedupeConfigSchema, key: z.string().nullable() }),
  },
  /** Counts the blocks of a config before any pair is generated (fast; changes nothing). */
  'dedupe.blocking': {
    input: z.object({ dataset: Col, datasetB: Col.optional(), config: DedupeConfigSchema }),
    output: BlockingReportSchema,
  },
  /** Stored results, newest first (of one dataset when given). */
  'dedupe.results': { input: z.object({ dataset: Col.optional() }), output: z.array(ResultInfoSchema) },
  'dedupe.summary': { input: Result, output: ResultSummarySchema },
  'dedupe.deleteResult': { input: Result, output: Ok },
  /** Clusters at a threshold (labels honoured), least sure first, with members and their pairs. */
  'dedupe.clusters': {
    input: Result.extend({
      threshold: Threshold, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(20),
      order: z.enum(['uncertainty', 'size']).default('uncertainty'),
    }),
    output: ClustersPageSchema,
  },
  /** Label a pair (null removes the label). */
  'dedupe.label': {
    input: Result.extend({ a: z.number().int(), b: z.number().int(), label: z.enum(['match', 'nonMatch']).nullable() }),
    output: z.object({ match: z.number().int(), nonMatch: z.number().int() }),
  },
  /** Split a cluster: every pair between `apart` and the other `members` is labelled not a match. */
  'dedupe.split': {
    input: Result.extend({ members: z.array(z.number().int()).min(2).max(100000), apart: z.array(z.number().int()).min(1) }),
    output: z.object({ match: z.number().int(), nonMatch: z.number().int() }),
  },
  /** Re-estimates the model with the labels and rescores the stored pairs. */
  'dedupe.refit': { input: Result, output: ResultSummarySchema },
  /** The unlabelled pairs the model is least sure about (active learning), most uncertain first. */
  'dedupe.uncertain': { input: Result.extend({ limit: z.number().int().min(1).max(100).default(10) }), output: z.array(PairDetailSchema) },
  /**
   * Resolve the clusters at `threshold` as one history step on the dataset: add a cluster-id column
   * (`addColumn`), or keep one record per cluster with survivorship rules per column and delete the
   * others (`keepOne`; columns without a rule keep the survivor's own value).
   */
  'dedupe.resolve': {
    input: Result.extend({
      threshold: Threshold,
      mode: z.enum(['addColumn', 'keepOne']),
      column: Col.default('cluster_id'),
      rules: z.array(SurvivorRuleSchema).default([]),
    }),
    output: Step,
  },
  /** Link result: pairs at a threshold (one-to-one if the config says so), best first. */
  'dedupe.linkPairs': {
    input: Result.extend({ threshold: Threshold, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(50) }),
    output: z.object({ total: z.number().int(), columns: z.array(z.string()), columnsB: z.array(z.string()), pairs: z.array(PairDetailSchema) }),
  },
  /** Writes the link table `a_key,b_key,score` as CSV (keys: the key columns given, else row ids). */
  'dedupe.linkExport': {
    input: Result.extend({ threshold: Threshold, out: z.string().min(1), keyA: Col.optional(), keyB: Col.optional(), force: z.boolean().default(false) }),
    output: z.object({ file: z.string(), pairs: z.number().int() }),
  },
  /** Adds to dataset A a column holding the linked B record's `keyB` value (a history step on A). */
  'dedupe.linkAddKey': {
    input: Result.extend({ threshold: Threshold, keyB: Col, column: Col.optional() }),
    output: Step,
  },
} as const;

/** Inputs of the two job-starting methods (their output is JobInfo; the job's outcome carries `{ result }`). */
export const DedupeJobInSchema = z.object({ dataset: Col, config: DedupeConfigSchema });
export const LinkJobInSchema = z.object({ dataset: Col, datasetB: Col, config: DedupeConfigSchema });
