// Reads one raw cell as the value of a type, the way type inference accepts it (trimmed; integers
// without leading zeros; '.' or ',' decimals; the date forms of shared/util/dates): the profile's
// type conformance and the rules' value tests share these, so a rule and the profile never disagree.
import type { ColumnType } from '../../../shared/api/catalog';
import { parseDateTime } from '../../../shared/util/dates';

const RE_INT = /^[+-]?(0|[1-9]\d*)$/;
const RE_DEC_DOT = /^[+-]?((0|[1-9]\d*)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const RE_DEC_COMMA = /^[+-]?(0|[1-9]\d*),\d+$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 't', 'f', 'y', 'n', 'ja', 'nej']);

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 160;

function trimmed(v: string): string {
  return v.length && (isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1))) ? v.trim() : v;
}

/** The number a value reads as, or null; `comma` also accepts `12,5` (a comma-decimal column). */
export function readNumber(raw: string, comma = false): number | null {
  const v = trimmed(raw);
  if (RE_INT.test(v) || RE_DEC_DOT.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  if (comma && RE_DEC_COMMA.test(v)) return Number(v.replace(',', '.'));
  return null;
}

/** Whether a value is an integer the way inference reads one. */
export function isInteger(raw: string): boolean {
  return RE_INT.test(trimmed(raw));
}

/** Milliseconds since 1970 (UTC; an offset is applied) of a date or datetime, or null. */
export function readDateMs(raw: string): number | null {
  const v = raw;
  // The common case without the general parser: YYYY-MM-DD.
  if (v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45) {
    const y = +v.slice(0, 4);
    const m = +v.slice(5, 7);
    const d = +v.slice(8, 10);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      const t = Date.UTC(y, m - 1, d);
      if (new Date(t).getUTCDate() === d) return t;
      return null;
    }
  }
  // ISO datetimes in UTC: YYYY-MM-DDTHH:MM:SS[.fff]Z.
  if (v.length >= 20 && v.charCodeAt(10) === 84 && v.charCodeAt(v.length - 1) === 90 && ISO_UTC.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t) && new Date(t).getUTCDate() === +v.slice(8, 10)) return t;
  }
  const p = parseDateTime(v);
  if (!p) return null;
  const t = p.time;
  let ms = Date.UTC(p.year, p.month - 1, p.day, t?.hour ?? 0, t?.minute ?? 0, t?.second ?? 0);
  if (t?.fraction) ms += Math.floor(Number(`0.${t.fraction}`) * 1000);
  if (t?.offset) {
    const sign = t.offset[0] === '-' ? -1 : 1;
    ms -= sign * (Number(t.offset.slice(1, 3)) * 60 + Number(t.offset.slice(4, 6))) * 60_000;
  }
  return ms;
}

export function isBooleanWord(raw: string): boolean {
  const v = trimmed(raw);
  return v.length <= 5 && BOOLEAN_WORDS.has(v.toLowerCase());
}

/** Whether a non-empty value fits a type (text and empty columns: every value). */
export function fitsType(v: string, type: ColumnType, comma = false): boolean {
  switch (type) {
    case 'integer': return isInteger(v);
    case 'decimal': return readNumber(v, comma) !== null;
    case 'date':
    case 'datetime': return readDateMs(v) !== null;
    case 'boolean': return isBooleanWord(v);
    default: return true;
  }
}

/** ISO 8601 text of a millisecond time: a date when it falls on midnight UTC, else a datetime. */
export function isoOfMs(ms: number): string {
  const s = new Date(ms).toISOString();
  return s.endsWith('T00:00:00.000Z') ? s.slice(0, 10) : s.replace('.000Z', 'Z');
}

/**
 * A reader that remembers its last 65,536 distinct inputs: rule conditions call readers once per
 * row from SQL, and most columns repeat their values.
 */
export function memoized<T>(read: (v: string) => T): (v: string) => T {
  let cache = new Map<string, T>();
  return (v) => {
    let r = cache.get(v);
    if (r === undefined && !cache.has(v)) {
      r = read(v);
      if (cache.size >= 65_536) cache = new Map();
      cache.set(v, r);
    }
    return r as T;
  };
}
