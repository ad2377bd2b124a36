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
  const fast = plainInteger(raw);
  if (fast >= 0) return fast;
  const v = trimmed(raw);
  if (RE_INT.test(v) || RE_DEC_DOT.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  if (comma && RE_DEC_COMMA.test(v)) return Number(v.replace(',', '.'));
  return null;
}

/** A value of 1 to 15 plain digits without a leading zero (or `0`) as its number, else -1. */
function plainInteger(v: string): number {
  const n = v.length;
  if (n === 0 || n > 15) return -1;
  let x = v.charCodeAt(0) - 48;
  if (x < 0 || x > 9 || (x === 0 && n > 1)) return -1;
  for (let i = 1; i < n; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  return x;
}

/** Two digits at i as a number, or -1. */
function digits2(v: string, i: number): number {
  const a = v.charCodeAt(i) - 48;
  const b = v.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * `YYYY-MM-DD` (length 10) or `YYYY-MM-DDTHH:MM:SSZ` (length 20) with a year from 100 on and every
 * field in range, read from its digits: the answer the general paths give, without their regex,
 * Date parsing and allocations. NaN when the value is not exactly that (the caller reads it the
 * general way).
 */
function plainIsoMs(v: string): number {
  const n = v.length;
  if ((n !== 10 && n !== 20) || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return NaN;
  const yh = digits2(v, 0);
  const yl = digits2(v, 2);
  const m = digits2(v, 5);
  const d = digits2(v, 8);
  if (yh < 0 || yl < 0 || m < 1 || m > 12 || d < 1) return NaN;
  const y = yh * 100 + yl;
  if (y < 100 || d > daysInMonth(y, m)) return NaN;
  if (n === 10) return Date.UTC(y, m - 1, d);
  if (v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 90) return NaN;
  const hh = digits2(v, 11);
  const mm = digits2(v, 14);
  const ss = digits2(v, 17);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return NaN;
  return Date.UTC(y, m - 1, d, hh, mm, ss);
}

/** Whether a value is an integer the way inference reads one. */
export function isInteger(raw: string): boolean {
  return plainInteger(raw) >= 0 || RE_INT.test(trimmed(raw));
}

/** Milliseconds since 1970 (UTC; an offset is applied) of a date or datetime, or null. */
export function readDateMs(raw: string): number | null {
  const v = raw;
  const fast = plainIsoMs(v);
  if (fast === fast) return fast;
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
