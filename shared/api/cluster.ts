// Contract schemas of spelling clusters (cluster and edit): the job's parameters, a cluster, a result
// page and a merge. The methods using them are in the map in ./contract.ts.
import { z } from 'zod';
import { FilterSchema } from './filters';

/** The rows to cluster and merge in: the grid's filters and facet selections (all must match); absent or empty: every row. */
const WhereSchema = z.array(FilterSchema).max(32).optional();

export const CLUSTER_METHODS = ['fingerprint', 'ngram', 'metaphone', 'cologne', 'levenshtein', 'jaro-winkler'] as const;
export const ClusterMethodSchema = z.enum(CLUSTER_METHODS);
export type ClusterMethod = z.infer<typeof ClusterMethodSchema>;

/** What to cluster and how: key collision (fingerprint, ngram, metaphone, cologne) or nearest neighbour. */
export const ClusterParamsSchema = z.object({
  dataset: z.string().min(1),
  column: z.string().min(1),
  method: ClusterMethodSchema.default('fingerprint'),
  /** Levenshtein: the largest edit distance within a cluster. */
  radius: z.number().int().min(1).max(4).default(1),
  /** Jaro-Winkler: the smallest similarity within a cluster. */
  threshold: z.number().min(0.7).max(0.99).default(0.9),
  /** N-gram fingerprint: the n-gram size. */
  ngram: z.number().int().min(1).max(6).default(2),
  where: WhereSchema,
});
export type ClusterParams = z.infer<typeof ClusterParamsSchema>;

export const ClusterValueSchema = z.object({ value: z.string(), count: z.number().int() });
/** Values spelled differently that may mean the same: most frequent first; `suggested` is the most frequent. */
export const ClusterSchema = z.object({ values: z.array(ClusterValueSchema), suggested: z.string() });
export type Cluster = z.infer<typeof ClusterSchema>;

/** What a clustering run found (the job's outcome). */
export const ClusterSummarySchema = z.object({
  /** Names the stored result, for cluster.results. */
  id: z.string(),
  dataset: z.string(),
  column: z.string(),
  method: ClusterMethodSchema,
  radius: z.number().int(),
  threshold: z.number(),
  ngram: z.number().int(),
  /** Distinct non-blank values, rows holding one, and blank rows (missing or empty). */
  distinct: z.number().int(),
  rows: z.number().int(),
  blank: z.number().int(),
  clusters: z.number().int(),
  /** Values in clusters, and rows holding them. */
  values: z.number().int(),
  clusteredRows: z.number().int(),
  seconds: z.number(),
  /** What an earlier run let this one reuse: nothing, the distinct values, or the whole result. */
  reused: z.enum(['none', 'values', 'result']),
  notes: z.array(z.string()),
});
export type ClusterSummary = z.infer<typeof ClusterSummarySchema>;

export const ClusterResultsInSchema = z.object({
  dataset: z.string().min(1),
  column: z.string().min(1),
  id: z.string().regex(/^[0-9a-f]{16,64}$/, 'not a cluster result id'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(2000).default(500),
});
export const ClusterPageSchema = z.object({ summary: ClusterSummarySchema, clusters: z.array(ClusterSchema), total: z.number().int() });
export type ClusterPage = z.infer<typeof ClusterPageSchema>;

/** Clusters to merge: every value in `values` becomes `to` (one massEdit history step for all of them). */
export const ClusterMergeInSchema = z.object({
  dataset: z.string().min(1),
  column: z.string().min(1),
  merges: z.array(z.object({ values: z.array(z.string()).min(1), to: z.string() })).min(1).max(1_000_000),
  /** Merge in these rows only (the rows that were clustered); recorded as the massEdit's `where`. */
  where: WhereSchema,
});
export type ClusterMerge = z.infer<typeof ClusterMergeInSchema>['merges'][number];
