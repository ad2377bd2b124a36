// Quality rules: what a rule says about a dataset, and the versioned rules file that carries them
// (`{"tidysetRules":1,"rules":[…]}`), like the recipe format. Columns are display names here.
import { z } from 'zod';

export const RULES_VERSION = 1;

const Col = z.string().min(1);
/** warn: reported; block: also stops an export (and makes `tidyset check` exit 1). Default warn. */
export const SeveritySchema = z.enum(['warn', 'block']);
export type Severity = z.infer<typeof SeveritySchema>;
const Sev = { severity: SeveritySchema.optional() };

export const RuleTypeSchema = z.enum(['integer', 'decimal', 'date', 'boolean']);
export type RuleType = z.infer<typeof RuleTypeSchema>;
export const CompareOpSchema = z.enum(['<', '<=', '>', '>=', '=', '!=']);
export type CompareOp = z.infer<typeof CompareOpSchema>;

/**
 * One rule. Missing values (null or empty) fail `notNull` and are skipped by the other value rules
 * (a `compare` row is skipped when either side is missing; a `unique` row when any key is).
 */
export const RuleSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('notNull'), column: Col, ...Sev }).strict(),
  z.object({ rule: z.literal('unique'), columns: z.array(Col).min(1).max(16), ...Sev }).strict(),
  /** Values read as numbers (or ISO dates when min/max are date strings) within [min, max]; a value that does not read fails. */
  z.object({ rule: z.literal('range'), column: Col, min: z.union([z.number(), z.string()]).nullable().optional(), max: z.union([z.number(), z.string()]).nullable().optional(), ...Sev }).strict()
    .refine((r) => r.min != null || r.max != null, { message: 'a range needs min or max' }),
  /** The whole value matches the JavaScript regular expression (anchored: ^(?:P)$). */
  z.object({ rule: z.literal('regex'), column: Col, pattern: z.string().min(1).max(1000), ...Sev }).strict()
    .refine((r) => { try { new RegExp(r.pattern, 'u'); return true; } catch { return false; } }, { message: 'not a valid regular expression' }),
  z.object({ rule: z.literal('allowed'), column: Col, values: z.array(z.string()).min(1).max(10000), ...Sev }).strict(),
  z.object({ rule: z.literal('type'), column: Col, type: RuleTypeSchema, ...Sev }).strict(),
  /** left op right, compared as numbers when both read as numbers, as dates when both read as dates, else as text. */
  z.object({ rule: z.literal('compare'), left: Col, op: CompareOpSchema, right: Col, ...Sev }).strict(),
  z.object({ rule: z.literal('rows'), min: z.number().int().min(0).nullable().optional(), max: z.number().int().min(0).nullable().optional(), ...Sev }).strict(),
  /** Share (0–1) of missing (null or empty) values at most `max`. */
  z.object({ rule: z.literal('missingShare'), column: Col, max: z.number().min(0).max(1), ...Sev }).strict(),
]);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule['rule'];

/** A rules file. */
export const RulesFileSchema = z.object({
  tidysetRules: z.literal(RULES_VERSION),
  rules: z.array(RuleSchema).max(1000),
});
export type RulesFile = z.infer<typeof RulesFileSchema>;

/** The columns a rule reads, in the order they appear in it. */
export function ruleColumns(r: Rule): string[] {
  switch (r.rule) {
    case 'unique': return r.columns;
    case 'compare': return [r.left, r.right];
    case 'rows': return [];
    default: return [r.column];
  }
}

/** The rule with its columns renamed through `fn` (display ↔ physical, or a recipe's column map). */
export function mapRuleColumns(r: Rule, fn: (name: string) => string): Rule {
  switch (r.rule) {
    case 'unique': return { ...r, columns: r.columns.map(fn) };
    case 'compare': return { ...r, left: fn(r.left), right: fn(r.right) };
    case 'rows': return { ...r };
    default: return { ...r, column: fn(r.column) };
  }
}

/** Parses a rules file or a single rule object, with the issues named by path. */
export function parseRules(input: unknown): { ok: true; rules: Rule[] } | { ok: false; message: string } {
  const asFile = typeof input === 'object' && input !== null && 'tidysetRules' in input;
  const r = asFile ? RulesFileSchema.safeParse(input) : RuleSchema.safeParse(input);
  if (!r.success) {
    return { ok: false, message: r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || (asFile ? 'rules file' : 'rule')}: ${i.message}`).join('; ') };
  }
  return { ok: true, rules: asFile ? (r.data as RulesFile).rules : [r.data as Rule] };
}

/** A short human sentence for a rule ("birth_date is never empty"). */
export function describeRule(r: Rule): string {
  const q = (s: string) => `"${s}"`;
  switch (r.rule) {
    case 'notNull': return `${q(r.column)} is never empty`;
    case 'unique': return r.columns.length === 1 ? `${q(r.columns[0]!)} is unique` : `(${r.columns.map(q).join(', ')}) is unique`;
    case 'range': return `${q(r.column)} is within ${r.min ?? '−∞'} – ${r.max ?? '∞'}`;
    case 'regex': return `${q(r.column)} matches /${r.pattern}/`;
    case 'allowed': return `${q(r.column)} is one of ${r.values.slice(0, 5).map(q).join(', ')}${r.values.length > 5 ? ` (+${r.values.length - 5})` : ''}`;
    case 'type': return `${q(r.column)} is always ${r.type === 'integer' ? 'an' : 'a'} ${r.type}`;
    case 'compare': return `${q(r.left)} ${r.op} ${q(r.right)}`;
    case 'rows': return `row count within ${r.min ?? 0} – ${r.max ?? '∞'}`;
    case 'missingShare': return `${q(r.column)} is missing in at most ${+(r.max * 100).toFixed(2)} % of rows`;
  }
}
