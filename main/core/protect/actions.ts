// The protection actions export applies to personal-data columns (keep, drop, mask, keyed-hash
// pseudonym, generalise, suppress): pure per-value functions, compiled once per export into a row
// transform. The plain export and the split writers both use this module.
//
// API (stable; the split export depends on it):
//   compileProtection(columns, tags, secret) → { outColumns, columns, directKept, needsSecret, transform(row) }
//     columns: the columns the writer reads, in its order (display name, type, type detail)
//     tags:    the personal-data tags of the dataset by display name (kind, category, action); untagged → keep
//     secret:  the workspace secret (secret.ts loadSecret) — required only when an action is `hash`
//     outColumns: what to write, in order (a dropped column is not there): name, type after the action,
//                 index of the input value it comes from, and the action
//     columns: every input column with its kind, category and action — what the manifest records
//     directKept: the `direct` columns whose action is keep (or none): refuseDirect() turns them into an error
//     transform(row): the input row (values in `columns` order) → the output row (values in `outColumns` order)
//   refuseDirect(compiled, allowDirect) throws DIRECT_IDENTIFIER unless allowed or there are none.
//   applyAction(action, value, ctx) and the per-value functions below are exported for previews and tests.
import { createHmac } from 'node:crypto';
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import { formatPdAction, type PdAction, type PdCategory, type PdKind } from '../../../shared/api/personal';
import { parseDateTime } from '../../../shared/util/dates';
import { TidysetError } from '../errors';

export type Cell = string | null;

/** A column as the writer reads it. */
export interface ProtectInput {
  name: string;
  type: ColumnType;
  detail?: TypeDetail | null;
}

/** A column's personal-data tag and export action, by display name. */
export interface ProtectTag {
  column: string;
  kind: PdKind;
  category: PdCategory;
  action: PdAction | null;
}

/** What the manifest records of one column. */
export interface ColumnProtection {
  column: string;
  kind: PdKind | null;
  category: PdCategory | null;
  /** CLI spelling of the action (`keep`, `hash`, `mask:4`, `generalise:year` …). */
  action: string;
}

export interface OutColumn {
  name: string;
  type: ColumnType;
  /** Index of the input value this column is made from. */
  source: number;
  action: PdAction;
}

export interface CompiledProtection {
  outColumns: OutColumn[];
  columns: ColumnProtection[];
  directKept: string[];
  /** True when some action is `hash` (the workspace secret was needed). */
  needsSecret: boolean;
  /** True when every action is keep: the writer may skip the transform. */
  identity: boolean;
  transform(row: readonly Cell[]): Cell[];
}

/** Replaces every character but the last `keep` with `*` (code points, so an emoji stays one). */
export function maskValue(v: Cell, keep: number): Cell {
  if (v === null || v === '') return v;
  const chars = Array.from(v);
  const shown = keep > 0 ? chars.slice(-keep) : [];
  return '*'.repeat(chars.length - shown.length) + shown.join('');
}

// Separators people type inside identifiers; removed before hashing so that "850709-9805" and
// "850709 9805" give one pseudonym. A personnummer's "+" (aged 100+) is meaningful and kept.
const ID_SEPARATORS = /[\s\-./()]/g;
const ID_KINDS = new Set<PdKind>(['national_id_se', 'national_id_no', 'national_id_dk', 'national_id_fi', 'nino_uk', 'ssn_us', 'iban', 'payment_card', 'phone', 'postal_code', 'mac_address']);

/** The form of a value that is hashed: trimmed and NFC; emails lower-cased; identifiers without separators and upper-cased. */
export function canonicalForHash(v: string, kind: PdKind | null): string {
  const t = v.normalize('NFC').trim();
  if (kind === 'email') return t.toLowerCase();
  if (kind && ID_KINDS.has(kind)) return t.replace(ID_SEPARATORS, '').toUpperCase();
  return t;
}

/** Hex digits of the HMAC kept in a pseudonym (80 bits: no collision expected below 10^12 values). */
const PSEUDONYM_HEX = 20;

/**
 * The pseudonym of a value: `ps_` and the first 80 bits of HMAC-SHA-256(secret, canonical value) in
 * hex. The same value gives the same pseudonym in every dataset and export under one secret, so
 * joins on a pseudonymised column still work; without the secret it cannot be reversed or recomputed.
 */
export function pseudonym(v: Cell, secret: Buffer, kind: PdKind | null = null): Cell {
  if (v === null || v.trim() === '') return v;
  return 'ps_' + createHmac('sha256', secret).update(canonicalForHash(v, kind), 'utf8').digest('hex').slice(0, PSEUDONYM_HEX);
}

/** A number as written in data: `.` or `,` decimals, an optional sign; null if it is not one. */
function readNumber(v: string): number | null {
  const t = v.trim().replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** Date → `YYYY` or `YYYY-MM`; a value that is not a date becomes empty (never passed through). */
export function generaliseDate(v: Cell, to: 'year' | 'month', dayFirst = true): Cell {
  if (v === null || v.trim() === '') return v;
  const p = parseDateTime(v, dayFirst);
  if (!p) return null;
  const y = String(p.year).padStart(4, '0');
  return to === 'year' ? y : `${y}-${String(p.month).padStart(2, '0')}`;
}

/** Age → a band of `width` years (`30-34`), 90 and over top-coded as `90+`; not an age → empty. */
export function ageBand(v: Cell, width: 5 | 10): Cell {
  if (v === null || v.trim() === '') return v;
  const n = readNumber(v);
  if (n === null || n < 0 || n > 150) return null;
  if (n >= 90) return '90+';
  const lo = Math.floor(n / width) * width;
  return `${lo}-${lo + width - 1}`;
}

/** Postal code → its first `n` characters once spaces and dashes are removed (`114 55` → `11`). */
export function postalPrefix(v: Cell, n: number): Cell {
  if (v === null || v.trim() === '') return v;
  return v.replace(/[\s-]/g, '').slice(0, n);
}

/**
 * Coordinates → rounded to `decimals` places (2 ≈ 1 km). A single number or a pair (`59.3293, 18.0686`,
 * `59.3293 18.0686`) keeps its separator; anything else becomes empty.
 */
export function roundCoordinates(v: Cell, decimals: number): Cell {
  if (v === null || v.trim() === '') return v;
  const m = /^\s*\(?\s*([+-]?\d+(?:\.\d+)?)(\s*[,; ]\s*)([+-]?\d+(?:\.\d+)?)\s*\)?\s*$/.exec(v);
  const round = (s: string) => {
    const r = Number(Number(s).toFixed(decimals));
    return (Object.is(r, -0) ? 0 : r).toFixed(decimals);
  };
  if (m) return `${round(m[1]!)}${m[2]}${round(m[3]!)}`;
  const n = readNumber(v);
  return n === null ? null : round(String(n));
}

/** What a value function may need besides the value. */
export interface ActionContext {
  kind: PdKind | null;
  secret: Buffer | null;
  dayFirst: boolean;
}

/** The per-value function of an action (`drop` is handled by leaving the column out; here it empties). */
export function valueFunction(a: PdAction, ctx: ActionContext): (v: Cell) => Cell {
  switch (a.action) {
    case 'keep':
      return (v) => v;
    case 'drop':
    case 'suppress':
      return () => null;
    case 'mask':
      return (v) => maskValue(v, a.keep);
    case 'hash': {
      const secret = ctx.secret;
      if (!secret) throw new TidysetError('SECRET_UNAVAILABLE', 'pseudonymising needs the workspace secret, and none was loaded');
      return (v) => pseudonym(v, secret, ctx.kind);
    }
    case 'generalise': {
      const [how, arg] = a.to.split(':') as [string, string | undefined];
      if (how === 'year' || how === 'month') return (v) => generaliseDate(v, how, ctx.dayFirst);
      if (how === 'band5' || how === 'band10') return (v) => ageBand(v, how === 'band5' ? 5 : 10);
      if (how === 'prefix') return (v) => postalPrefix(v, Number(arg));
      if (how === 'round') return (v) => roundCoordinates(v, Number(arg));
      throw new TidysetError('BAD_INPUT', `unknown generalisation ${JSON.stringify(a.to)}`);
    }
  }
}

/** Applies one action to one value. */
export function applyAction(a: PdAction, v: Cell, ctx: Partial<ActionContext> = {}): Cell {
  return valueFunction(a, { kind: ctx.kind ?? null, secret: ctx.secret ?? null, dayFirst: ctx.dayFirst ?? true })(v);
}

/** The column type an action's output has. */
export function typeAfter(a: PdAction, before: ColumnType): ColumnType {
  if (a.action === 'keep') return before;
  if (a.action === 'generalise') {
    if (a.to === 'year') return 'integer';
    if (a.to.startsWith('round:')) return a.to === 'round:0' ? 'integer' : 'decimal';
  }
  return 'text';
}

/** Whether a numeric date like 03/04/2020 reads day first, from the formats import saw in the column. */
function readsDayFirst(detail: TypeDetail | null | undefined): boolean {
  return !(detail?.formats ?? []).some((f) => f.startsWith('MM'));
}

const KEEP: PdAction = { action: 'keep' };

/** Compiles the tags' actions for these columns into a row transform (see the API at the top). */
export function compileProtection(columns: readonly ProtectInput[], tags: readonly ProtectTag[], secret: Buffer | null): CompiledProtection {
  const byName = new Map(tags.map((t) => [t.column, t]));
  const outColumns: OutColumn[] = [];
  const fns: Array<(v: Cell) => Cell> = [];
  const described: ColumnProtection[] = [];
  const directKept: string[] = [];
  let needsSecret = false;
  columns.forEach((c, i) => {
    const tag = byName.get(c.name);
    const action = tag?.action ?? KEEP;
    described.push({ column: c.name, kind: tag?.kind ?? null, category: tag?.category ?? null, action: formatPdAction(action) });
    if (tag?.category === 'direct' && action.action === 'keep') directKept.push(c.name);
    if (action.action === 'drop') return;
    if (action.action === 'hash') {
      needsSecret = true;
      if (!secret) throw new TidysetError('SECRET_UNAVAILABLE', `column ${JSON.stringify(c.name)} is pseudonymised, which needs the workspace secret, and none was loaded`);
    }
    outColumns.push({ name: c.name, type: typeAfter(action, c.type), source: i, action });
    fns.push(valueFunction(action, { kind: tag?.kind ?? null, secret, dayFirst: readsDayFirst(c.detail) }));
  });
  const identity = outColumns.length === columns.length && outColumns.every((o) => o.action.action === 'keep');
  const sources = outColumns.map((o) => o.source);
  return {
    outColumns,
    columns: described,
    directKept,
    needsSecret,
    identity,
    transform: identity
      ? (row) => row.slice()
      : (row) => {
          const out = new Array<Cell>(sources.length);
          for (let j = 0; j < sources.length; j++) out[j] = fns[j]!(row[sources[j]!] ?? null);
          return out;
        },
  };
}

/** True if any of these tags' actions is `hash` (the export must load the workspace secret). */
export function tagsNeedSecret(tags: readonly ProtectTag[], columns?: readonly string[]): boolean {
  const wanted = columns ? new Set(columns) : null;
  return tags.some((t) => t.action?.action === 'hash' && (!wanted || wanted.has(t.column)));
}

/**
 * Refuses (DIRECT_IDENTIFIER) to write direct identifiers as they are, unless the user confirmed it
 * (`--allow-direct`, the dialog's confirmation).
 */
export function refuseDirect(directKept: readonly string[], allowDirect: boolean, dataset: string): void {
  if (allowDirect || directKept.length === 0) return;
  const list = directKept.map((c) => JSON.stringify(c)).join(', ');
  throw new TidysetError(
    'DIRECT_IDENTIFIER',
    `dataset ${JSON.stringify(dataset)}: ${directKept.length === 1 ? 'column' : 'columns'} ${list} ${directKept.length === 1 ? 'is a direct identifier' : 'are direct identifiers'} ` +
      'kept as is; give each an action (drop, mask, hash, generalise, suppress) or confirm with --allow-direct',
  );
}
