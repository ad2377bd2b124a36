// Rules suggested from a profile, each one true of the data as it is now ("birth_date is never
// empty", "…is always a date", "…is within 1900-01-01 – 2025-12-31"), for the user to accept one by one.
import type { ColumnProfile, Profile } from '../../../shared/api/profile';
import { RuleSchema, describeRule, type Rule } from '../../../shared/rules/schema';

/** Distinct values at most this many (and all in the profile's top list) suggest an allowed set. */
const ALLOWED_MAX = 10;

/** A regular expression for a value shape (`Aa+ Aa+` → `\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+`), or null for a cut one. */
export function patternRegex(pattern: string): string | null {
  if (pattern.endsWith('…')) return null;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const plus = pattern[i + 1] === '+';
    if (ch === 'A') out += plus ? '\\p{Lu}+' : '\\p{Lu}';
    else if (ch === 'a') out += '\\p{Ll}+';
    else if (ch === '9') {
      let n = 1;
      while (pattern[i + n] === '9') n++;
      out += n > 1 ? `\\d{${n}}` : '\\d';
      i += n - 1;
    }
    else out += ch.replace(/[\\^$.*+?()[\]{}|/]/g, (m) => `\\${m}`);
    if ((ch === 'A' || ch === 'a') && plus) i++;
  }
  return out;
}

function yearBounds(min: string, max: string): [string, string] {
  return [`${min.slice(0, 4)}-01-01`, `${max.slice(0, 4)}-12-31`];
}

function forColumn(c: ColumnProfile, rows: number): Rule[] {
  const out: Rule[] = [];
  const blank = c.missing + c.empty;
  if (rows === 0 || c.count === 0) return out;
  if (blank === 0) out.push({ rule: 'notNull', column: c.column });
  else if (blank / rows < 0.5) out.push({ rule: 'missingShare', column: c.column, max: Math.min(1, Math.ceil((blank / rows) * 100 + 1) / 100) });
  const typed = c.type === 'integer' || c.type === 'decimal' || c.type === 'date' || c.type === 'datetime' || c.type === 'boolean';
  if (typed && c.conforming === c.count) {
    out.push({ rule: 'type', column: c.column, type: c.type === 'datetime' ? 'date' : (c.type as 'integer' | 'decimal' | 'date' | 'boolean') });
  }
  if ((c.type === 'integer' || c.type === 'decimal') && typeof c.min === 'number' && typeof c.max === 'number' && c.conforming === c.count) {
    out.push({ rule: 'range', column: c.column, min: c.min, max: c.max });
  }
  if ((c.type === 'date' || c.type === 'datetime') && typeof c.min === 'string' && typeof c.max === 'string' && c.conforming === c.count) {
    const [lo, hi] = yearBounds(c.min, c.max);
    out.push({ rule: 'range', column: c.column, min: lo, max: hi });
  }
  if (c.distinct === c.count && blank === 0 && c.count > 1 && c.type !== 'boolean') out.push({ rule: 'unique', columns: [c.column] });
  if (c.distinct <= ALLOWED_MAX && c.top.length === c.distinct && c.count >= 10 * c.distinct && c.type !== 'integer' && c.type !== 'decimal') {
    out.push({ rule: 'allowed', column: c.column, values: c.top.map((t) => t.value).sort() });
  }
  const shape = c.patterns[0];
  if (c.type === 'text' && shape && shape.count === c.count && c.distinct > ALLOWED_MAX) {
    const re = patternRegex(shape.pattern);
    if (re) out.push({ rule: 'regex', column: c.column, pattern: re });
  }
  return out;
}

/** Suggested rules for every profiled column, minus those already stored (same definition). */
export function suggestRules(profile: Profile, existing: Rule[] = []): Array<{ rule: Rule; description: string }> {
  const have = new Set(existing.map((r) => JSON.stringify({ ...r, severity: undefined })));
  const rules: Rule[] = [];
  if (profile.rows > 0) rules.push({ rule: 'rows', min: 1 });
  for (const c of profile.columns) rules.push(...forColumn(c, profile.rows));
  // Only rules the rules format accepts (a shape whose regular expression would not compile is left out).
  return rules.filter((r) => RuleSchema.safeParse(r).success && !have.has(JSON.stringify({ ...r, severity: undefined }))).map((rule) => ({ rule, description: describeRule(rule) }));
}
