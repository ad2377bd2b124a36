// Typed JSON Lines values: numbers as exact JSON number literals (never through a double), booleans
// as booleans, missing as null, and values that misfit the column's type as strings.
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import { valueFitsType } from '../ingest/infer';

/** Encodes one stored value of a column as JSON text; `misfit` is true when it was written as a string. */
export type JsonEncoder = (v: string | null | undefined) => { json: string; misfit: boolean };

const TRUE_WORDS = new Set(['true', 'yes', 't', 'y', 'ja']);
const FALSE_WORDS = new Set(['false', 'no', 'f', 'n', 'nej']);

// The same shapes type inference accepts (main/core/ingest/infer.ts), split into their parts.
const RE_INT = /^([+-]?)(0|[1-9]\d*)$/;
const RE_DEC_DOT = /^([+-]?)(0|[1-9]\d*)?(?:\.(\d*))?([eE][+-]?\d+)?$/;
const RE_DEC_COMMA = /^([+-]?)(0|[1-9]\d*),(\d+)$/;

/**
 * The JSON number literal of a numeric value, or null when it is not a number of this column.
 * The digits are copied, never parsed, so 2^53 + 1 and 40-digit decimals stay exact. Only what
 * JSON forbids is rewritten: a leading '+' is dropped, '.5' becomes '0.5', '1.' becomes '1',
 * '1.e3' becomes '1e3', and a decimal comma (in a column inferred with ',' as separator) becomes
 * a dot. Surrounding spaces are trimmed, as inference trims them. Leading zeros never get here:
 * inference does not read `007` as a number, so it is a misfit and stays a string.
 */
export function jsonNumber(raw: string, decimalSeparator: '.' | ',' = '.'): string | null {
  const v = raw.trim();
  let m = RE_INT.exec(v);
  if (m) return (m[1] === '-' ? '-' : '') + m[2];
  if (decimalSeparator === ',') {
    m = RE_DEC_COMMA.exec(v);
    return m ? `${m[1] === '-' ? '-' : ''}${m[2]}.${m[3]}` : null;
  }
  m = RE_DEC_DOT.exec(v);
  if (!m) return null;
  const [, sign, int, frac, exp] = m;
  if (int === undefined && !frac) return null; // '', '.', '+', '.e5'
  return `${sign === '-' ? '-' : ''}${int ?? '0'}${frac ? '.' + frac : ''}${exp ?? ''}`;
}

/** true/false for the boolean spellings inference accepts (any case), null for anything else. */
export function jsonBoolean(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return null;
}

const NULL = { json: 'null', misfit: false };

/**
 * The encoder of a column. Typed columns (integer, decimal, boolean, date, datetime) write an empty
 * cell as null; text and empty-typed columns keep "" as "". Dates stay strings (JSON has no date)
 * but a value that is not a date of the column still counts as a misfit.
 */
export function jsonEncoder(type: ColumnType, detail: TypeDetail | null): JsonEncoder {
  const str = (v: string, misfit: boolean) => ({ json: JSON.stringify(v), misfit });
  switch (type) {
    case 'integer':
    case 'decimal': {
      const sep = type === 'decimal' ? (detail?.decimalSeparator ?? '.') : '.';
      return (v) => {
        if (v === null || v === undefined || v === '') return NULL;
        const n = type === 'integer' ? jsonIntegerOnly(v) : jsonNumber(v, sep);
        return n === null ? str(v, true) : { json: n, misfit: false };
      };
    }
    case 'boolean':
      return (v) => {
        if (v === null || v === undefined || v === '') return NULL;
        const b = jsonBoolean(v);
        return b === null ? str(v, true) : { json: b ? 'true' : 'false', misfit: false };
      };
    case 'date':
    case 'datetime': {
      const fits = dateFits(type);
      return (v) => (v === null || v === undefined || v === '' ? NULL : str(v, !fits(v)));
    }
    default:
      return (v) => (v === null || v === undefined ? NULL : str(v, false));
  }
}

/** An integer column takes integers only ('1.5' in it is a misfit, as inference counts it). */
function jsonIntegerOnly(v: string): string | null {
  const m = RE_INT.exec(v.trim());
  return m ? (m[1] === '-' ? '-' : '') + m[2] : null;
}

const RE_ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const RE_ISO_DATETIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Distinct values remembered per column before the memo starts over (bounds memory on unique timestamps). */
const MEMO_MAX = 65_536;

/**
 * Whether a value fits a date or datetime column, as the type facet decides: ISO dates (the common
 * case) by one regex, any other shape through inference, remembered per distinct value.
 */
function dateFits(type: 'date' | 'datetime'): (v: string) => boolean {
  const iso = type === 'date' ? RE_ISO_DATE : RE_ISO_DATETIME;
  const memo = new Map<string, boolean>();
  return (v) => {
    if (iso.test(v)) return true;
    let fit = memo.get(v);
    if (fit === undefined) {
      fit = valueFitsType(v, type);
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(v, fit);
    }
    return fit;
  };
}
