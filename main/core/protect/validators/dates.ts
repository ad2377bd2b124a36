// Calendar dates as people write them, and whether a date can be a birth date.
import { isRealDate, notFuture } from './checksums';

export interface YMD {
  year: number;
  month: number;
  day: number;
}

const MONTHS: Record<string, number> = {};
for (const [i, names] of [
  'jan january januar janvier enero januari tammikuu', 'feb february februar février febrero februari helmikuu',
  'mar march märz mars marzo maaliskuu', 'apr april avril abril huhtikuu', 'may mai maj mayo toukokuu',
  'jun june juni juin junio kesäkuu', 'jul july juli juillet julio heinäkuu', 'aug august août agosto augusti elokuu',
  'sep sept september septembre septiembre syyskuu', 'oct october oktober octobre octubre lokakuu okt',
  'nov november novembre noviembre marraskuu', 'dec december dezember décembre diciembre joulukuu dez',
].entries()) for (const n of names.split(' ')) MONTHS[n] = i + 1;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(19|20)(\d{2})(\d{2})(\d{2})$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const WORDY_DMY = /^(\d{1,2})\.?[\s-]+([\p{L}]{3,10})\.?[\s-]+(\d{4})$/u;
const WORDY_MDY = /^([\p{L}]{3,10})\.?\s+(\d{1,2}),?\s+(\d{4})$/u;

function ok(year: number, month: number, day: number): YMD | null {
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/**
 * Reads a date in ISO (`1985-03-12`, with an optional time), compact (`19850312`), numeric with
 * `/`, `.` or `-` (day-first, or month-first when day-first cannot be a date) and with a month name
 * (`12 March 1985`, `March 12, 1985`, `12-Mar-1985`). Null if it is none of them.
 */
export function parseDate(value: string): YMD | null {
  const v = value.trim();
  let m = ISO.exec(v);
  if (m) return ok(Number(m[1]), Number(m[2]), Number(m[3]));
  m = COMPACT.exec(v);
  if (m) return ok(Number(m[1]! + m[2]!), Number(m[3]), Number(m[4]));
  m = NUMERIC.exec(v);
  if (m) return ok(Number(m[4]), Number(m[3]), Number(m[1])) ?? ok(Number(m[4]), Number(m[1]), Number(m[3]));
  m = WORDY_DMY.exec(v);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? ok(Number(m[3]), month, Number(m[1])) : null;
  }
  m = WORDY_MDY.exec(v);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? ok(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/** A date a living person can have been born on: 1900 or later, not in the future. */
export function isBirthDate(value: string, now: Date = new Date()): boolean {
  const d = parseDate(value);
  return d !== null && d.year >= 1900 && notFuture(d.year, d.month, d.day, now);
}
