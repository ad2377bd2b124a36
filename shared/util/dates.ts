// Pure date and datetime parsing for the formats seen in real data, to ISO 8601 (YYYY-MM-DD).

/** Month names and abbreviations in English, Swedish and German, lower case. */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, januari: 1, januar: 1, jänner: 1, jän: 1,
  feb: 2, february: 2, februari: 2, februar: 2, feber: 2,
  mar: 3, march: 3, mars: 3, märz: 3, mär: 3, mrz: 3,
  apr: 4, april: 4,
  may: 5, maj: 5, mai: 5,
  jun: 6, june: 6, juni: 6,
  jul: 7, july: 7, juli: 7,
  aug: 8, august: 8, augusti: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, okt: 10, oktober: 10,
  nov: 11, november: 11,
  dec: 12, december: 12, dez: 12, dezember: 12,
};

// A leading weekday ("Saturday, 2 March 2024", "lör 2 mars 2024") is dropped, not checked.
const WEEKDAY = new RegExp(
  '^(?:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|' +
    'mån|måndag|tis|tisdag|ons|onsdag|tor|tors|torsdag|fre|fredag|lör|lördag|sön|söndag|' +
    'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)\\.?,?\\s+',
  'iu',
);

const TIME =
  /^(.+?)(?:[Tt]|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(Z|z|UTC|GMT|[+\-\u2212]\d{2}(?::?\d{2})?))?$/;

/** A calendar date with an optional time of day; `fraction` holds the second's digits as written. */
export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  time: { hour: number; minute: number; second: number; fraction: string; offset: string | null } | null;
}

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function ymd(y: number, m: number, d: number): [number, number, number] | null {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return [y, m, d];
}

/** Two-digit years: 00–68 → 2000s, 69–99 → 1900s (the POSIX strptime rule). */
function year(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n <= 68 ? 2000 + n : 1900 + n) : n;
}

function month(name: string): number | undefined {
  return MONTHS[name.toLocaleLowerCase('und').replace(/\.$/, '')];
}

/** The date part alone (no time), as [year, month, day], or null. */
function parseDay(v: string, dayFirst: boolean): [number, number, number] | null {
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(v);
  if (m) return ymd(+m[1]!, +m[3]!, +m[4]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(v);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = year(m[4]!);
    // Dotted dates (02.03.2024) are day-first in every locale that writes them.
    if (m[2] === '.' || a > 12) return ymd(y, b, a);
    if (b > 12) return ymd(y, a, b);
    return dayFirst ? ymd(y, b, a) : ymd(y, a, b);
  }
  // 2 March 2024, 2. März 2024, 2nd Mar. 2024, 17-Nov-16, 02/Mar/2024
  m = /^(\d{1,2})(?:st|nd|rd|th|\.)?[\s\-/]*(\p{L}+\.?),?[\s\-/]+(\d{4}|\d{2})$/iu.exec(v);
  if (m) {
    const mon = month(m[2]!);
    return mon ? ymd(year(m[3]!), mon, +m[1]!) : null;
  }
  // March 2, 2024, Mar 2 2024, Mar-02-2024
  m = /^(\p{L}+\.?)[\s\-/]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/]+(\d{4})$/iu.exec(v);
  if (m) {
    const mon = month(m[1]!);
    return mon ? ymd(+m[3]!, mon, +m[2]!) : null;
  }
  // 2024 Mar 2, 2024-Mar-02
  m = /^(\d{4})[\s\-/]+(\p{L}+\.?)[\s\-/]+(\d{1,2})$/u.exec(v);
  if (m) {
    const mon = month(m[2]!);
    return mon ? ymd(+m[1]!, mon, +m[3]!) : null;
  }
  return null;
}

function parseOffset(z: string): string | null {
  if (/^(?:z|utc|gmt)$/i.test(z)) return 'Z';
  const m = /^([+\-\u2212])(\d{2}):?(\d{2})?$/.exec(z)!;
  const h = +m[2]!;
  const min = m[3] ? +m[3] : 0;
  if (h > 14 || min > 59) return null;
  return `${m[1] === '+' ? '+' : '-'}${m[2]}:${m[3] ?? '00'}`;
}

/**
 * Parses a date or a datetime, or returns null. Numeric dates with the day and the month both ≤ 12
 * are read day-first unless `dayFirst` is false; a part > 12 decides the order by itself. A time
 * ("T10:00", " 10:00:00", " 3:05 PM") may follow any date form, with an optional offset (Z, UTC,
 * +01, +0100, +01:00). Calendar-invalid dates and times (31/02, 24:00, 10:60) give null.
 */
export function parseDateTime(value: string, dayFirst = true): DateTimeParts | null {
  const v = value.trim();
  // The common case first: this runs per row in grid filters.
  if (v.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const d = ymd(+v.slice(0, 4), +v.slice(5, 7), +v.slice(8, 10));
    return d ? { year: d[0], month: d[1], day: d[2], time: null } : null;
  }
  const s = v.replace(WEEKDAY, '');
  const t = s.includes(':') ? TIME.exec(s) : null;
  const d = parseDay(t ? t[1]!.trim() : s, dayFirst);
  if (!d) return null;
  if (!t) return { year: d[0], month: d[1], day: d[2], time: null };
  let hour = +t[2]!;
  const minute = +t[3]!;
  const second = t[4] ? +t[4] : 0;
  if (t[6]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/p/i.test(t[6]) ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offset = t[7] ? parseOffset(t[7]) : null;
  if (t[7] && !offset) return null;
  return { year: d[0], month: d[1], day: d[2], time: { hour, minute, second, fraction: t[5] ?? '', offset } };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS[.fraction][offset] when the parts carry a time. */
export function formatDateTime(p: DateTimeParts): string {
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (!p.time) return date;
  const { hour, minute, second, fraction, offset } = p.time;
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction ? `.${fraction}` : ''}${offset ?? ''}`;
}

/**
 * Parses a date in one of the common formats to YYYY-MM-DD, or null. Slash and dash dates with the
 * day and month both ≤ 12 are read day-first unless `dayFirst` is false. The time part of a
 * datetime is dropped.
 */
export function parseDate(value: string, dayFirst = true): string | null {
  const p = parseDateTime(value, dayFirst);
  return p ? formatDateTime({ ...p, time: null }) : null;
}
