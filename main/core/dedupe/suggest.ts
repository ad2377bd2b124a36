// Suggests the columns to compare from their values (headers may be c1, c2…: names are only a hint):
// what each column looks like, the comparison that suits it, and a default config. Identifiers
// (a value per record) and columns that are nearly all blank or constant are left out.
import type { Comparison, DedupeConfig } from '../../../shared/api/dedupe';
import { DedupeConfigSchema } from '../../../shared/api/dedupe';
import { readDays, readNumber } from './compare';

export type Role = 'name' | 'email' | 'phone' | 'date' | 'id' | 'number' | 'code' | 'text' | 'address';

export interface ColumnSuggestion {
  column: string;
  role: Role;
  distinct: number;
  blank: number;
  suggested: boolean;
  comparison: Comparison;
  reason: string;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^[+(]?[\d\s().\-/]{7,20}$/;
const MAX_SUGGESTED = 8;
const NORM = { case: true, accents: true, whitespace: true, punctuation: true, nameOrder: false };

function share(values: string[], test: (v: string) => boolean): number {
  if (!values.length) return 0;
  let k = 0;
  for (const v of values) if (test(v)) k++;
  return k / values.length;
}

/** What one column's values look like. `values` may be a sample; `rows` counts the records sampled. */
export function describeColumn(column: string, raw: ReadonlyArray<string | null>): ColumnSuggestion {
  const values: string[] = [];
  for (const v of raw) {
    const t = v?.trim();
    if (t) values.push(t.length > 500 ? t.slice(0, 500) : t);
  }
  const blank = raw.length - values.length;
  const distinct = new Set(values.map((v) => v.toLowerCase())).size;
  const base = (role: Role, kind: Comparison['kind'], suggested: boolean, reason: string): ColumnSuggestion => ({
    column, role, distinct, blank, suggested, reason, comparison: { column, kind, normalise: { ...NORM } },
  });
  if (values.length === 0) return base('text', 'exact', false, 'blank in every record');
  if (distinct < 2) return base('code', 'exact', false, 'one value in every record');
  // An identifier: one value per record, written as a code (no spaces), e.g. 1042, rec-7-org, a UUID.
  const codes = share(values, (v) => /^[\w.:#/-]{1,64}$/.test(v));
  const unique = distinct === values.length && blank === 0 && codes > 0.99;
  const integers = share(values, (v) => /^\d+$/.test(v));
  if (unique || (distinct / values.length >= 0.98 && integers > 0.99 && /(^|[^a-z])(id|key|no|nr|num)([^a-z]|$)|^id|id$/i.test(column))) {
    return base('id', 'exact', false, 'a different value in (nearly) every record: an identifier, used as the key');
  }
  if (blank / raw.length > 0.9) return base('text', 'exact', false, `blank in ${Math.round((100 * blank) / raw.length)} % of the records`);
  if (share(values, (v) => EMAIL.test(v)) > 0.6) return base('email', 'jaroWinkler', true, 'e-mail addresses');
  if (share(values, (v) => !Number.isNaN(readDays(v.toLowerCase().replace(/[^0-9a-z]+/g, '-')))) > 0.8) return base('date', 'date', true, 'dates');
  if (share(values, (v) => PHONE.test(v) && v.replace(/\D/g, '').length >= 7) > 0.6 && integers < 0.5) return base('phone', 'levenshtein', true, 'phone numbers');
  const avgWords = values.reduce((s, v) => s + v.split(/\s+/).length, 0) / values.length;
  const numeric = share(values, (v) => !Number.isNaN(readNumber(v)));
  if (numeric > 0.9) {
    const decimals = share(values, (v) => /[.,]\d/.test(v));
    if (decimals > 0.3) return base('number', 'numeric', true, 'numbers');
    return base('code', distinct <= 20 ? 'exact' : 'levenshtein', true, 'numeric codes (compared as text: a typo is one edit)');
  }
  if (distinct <= 20 || distinct / values.length < 0.002) return base('code', 'exact', true, `${distinct} different values`);
  if (avgWords > 3) return base(/\d/.test(values[0] ?? '') && avgWords < 6 ? 'address' : 'text', 'tokenSet', true, 'text of several words (compared word by word, rare words weigh more)');
  const digits = share(values, (v) => /^\d+\s+\S/.test(v));
  if (digits > 0.5) return base('address', 'tokenSet', true, 'addresses');
  return base('name', 'jaroWinkler', true, 'names or short text');
}

/** Suggestions for every column, the default key (an identifier column) and the default config. */
export function suggest(columns: string[], sample: ReadonlyArray<ReadonlyArray<string | null>>, key?: string): { columns: ColumnSuggestion[]; key: string | null; config: DedupeConfig } {
  const out = columns.map((c, k) => describeColumn(c, sample[k]!));
  for (const s of out) if (s.column === key && s.suggested) [s.suggested, s.reason] = [false, 'the key column'];
  let picked = out.filter((s) => s.suggested);
  if (picked.length > MAX_SUGGESTED) {
    // The most informative first: more distinct values, fewer blanks.
    const rank = (s: ColumnSuggestion) => Math.log(1 + s.distinct) * (1 - s.blank / Math.max(1, s.blank + s.distinct));
    const keep = new Set([...picked].sort((x, y) => rank(y) - rank(x)).slice(0, MAX_SUGGESTED));
    for (const s of picked) if (!keep.has(s)) [s.suggested, s.reason] = [false, `${s.reason}; left out: at most ${MAX_SUGGESTED} columns are suggested`];
    picked = picked.filter((s) => keep.has(s));
  }
  const keyCol = key ?? out.find((s) => s.role === 'id')?.column ?? null;
  if (!picked.length) {
    const fallback = out.find((s) => s.role !== 'id' && s.distinct > 1 && s.column !== keyCol);
    if (fallback) [fallback.suggested, picked] = [true, [fallback]];
  }
  const config = DedupeConfigSchema.parse({ comparisons: picked.length ? picked.map((s) => s.comparison) : [{ column: columns[0] ?? 'column', kind: 'exact' }], ...(keyCol ? { key: keyCol } : {}) });
  return { columns: out, key: keyCol, config };
}
