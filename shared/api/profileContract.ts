// Contract methods of profiles, quality rules and drift (merged into the one map in contract.ts).
import { z } from 'zod';
import { RuleSchema, SeveritySchema } from '../rules/schema';
import { DriftReportSchema, ProfileSchema, RuleReportSchema, StoredRuleSchema } from './profile';

const DatasetRef = z.object({ dataset: z.string().min(1) });
const Ok = z.object({ ok: z.literal(true) });

/** Takes the job info schema from contract.ts (which imports this file) to avoid an import circle. */
export function profileContract<J extends z.ZodType>(JobInfo: J) {
  return {
    /** Profile every column in the background (job kind `profile`); the result is cached (profile.get). */
    'jobs.profile': { input: DatasetRef.extend({ fresh: z.boolean().default(false) }), output: JobInfo },
    /** The cached profile if it is current (null when there is none or a history step made it stale), a page of its columns. */
    'profile.get': {
      input: DatasetRef.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(200), columns: z.array(z.string()).max(2000).optional() }),
      output: ProfileSchema.nullable(),
    },
    'rules.list': { input: DatasetRef, output: z.array(StoredRuleSchema) },
    /** Store rules with the dataset (columns by display name; renames follow them). */
    'rules.add': { input: DatasetRef.extend({ rules: z.array(RuleSchema).min(1).max(1000) }), output: z.array(StoredRuleSchema) },
    'rules.remove': { input: DatasetRef.extend({ id: z.number().int() }), output: Ok },
    'rules.update': { input: DatasetRef.extend({ id: z.number().int(), severity: SeveritySchema }), output: StoredRuleSchema },
    /** Rules suggested from the current profile (NOT_FOUND without one), minus those already stored. */
    'rules.suggest': { input: DatasetRef, output: z.array(z.object({ rule: RuleSchema, description: z.string() })) },
    /** Run the given rules, or the stored ones (in a worker): passed, failing rows and share per rule. */
    'rules.run': { input: DatasetRef.extend({ rules: z.array(RuleSchema).max(1000).optional() }), output: RuleReportSchema },
    /** Compare the distributions of two datasets in the background (job kind `drift`; outcome.report). */
    'jobs.drift': { input: z.object({ a: z.string().min(1), b: z.string().min(1), columns: z.array(z.string()).max(2000).optional() }), output: JobInfo },
  } as const;
}
