// The history operations that resolve a dedupe or link result. Each carries the config and the fitted
// model, so replay recomputes the clusters on the data it meets (the model is not re-fitted there: the
// same data gives the same clusters); the reviewer's decisions (by row id) apply on the dataset they
// were made on. `result` names the stored result the step came from: while the dataset is as that
// result saw it, the step uses its pairs instead of recomputing them.
import { z } from 'zod';
import { DedupeConfigSchema, ModelSchema, SurvivorRuleSchema } from '../api/dedupe';

const Col = z.string().min(1);

export const DecisionSchema = z.object({ a: z.number().int(), b: z.number().int(), match: z.boolean() });

export const DedupeOpSchema = z.object({
  op: z.literal('dedupe'),
  /** addColumn: a column of cluster ids (empty for records in no cluster); keepOne: one record per cluster survives. */
  action: z.enum(['addColumn', 'keepOne']),
  /** addColumn: the new column's name. */
  name: Col.default('cluster_id'),
  config: DedupeConfigSchema,
  model: ModelSchema,
  threshold: z.number().min(0).max(1),
  rules: z.array(SurvivorRuleSchema).default([]),
  decisions: z.array(DecisionSchema).default([]),
  /** The dataset the decisions' row ids belong to; on any other they do not apply. */
  origin: z.string().optional(),
  result: z.string().optional(),
});

export const LinkKeyOpSchema = z.object({
  op: z.literal('linkKey'),
  /** The other dataset (B), by name. */
  other: Col,
  /** B's column whose value lands in the new column of this dataset. */
  keyB: Col,
  name: Col,
  config: DedupeConfigSchema,
  model: ModelSchema,
  threshold: z.number().min(0).max(1),
  result: z.string().optional(),
});
