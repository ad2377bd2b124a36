// Pure date parsing for the formats type inference recognises, to ISO 8601 (YYYY-MM-DD).

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function year(y: string): number {
  const n = Number(y);
  // Two-digit years: 00–68 → 2000s, 69–99 → 1900s (the POSIX strptime rule).
  return y.length === 2 ? (n <= 68 ? 2000 + n : 1900 + n) : n;
}

/**
 * Parses a date in one of the common formats to YYYY-MM-DD, or null. Slash and dash dates with the
 * day and month both ≤ 12 are read day-first unless `dayFirst` is false. The time part of an ISO
 * datetime is dropped.
 */
export function parseDate(value: string, dayFirst = true): string | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(v);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(v);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = year(m[4]!);
    if (m[2] === '.') return iso(y, b, a);
    if (a > 12) return iso(y, b, a);
    if (b > 12) return iso(y, a, b);
    return dayFirst ? iso(y, b, a) : iso(y, a, b);
  }
  m = /^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4}|\d{2})$/.exec(v);
  if (m) {
    const mon = MONTHS[m[2]!.toLowerCase()];
    return mon ? iso(year(m[3]!), mon, +m[1]!) : null;
  }
  m = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(v);
  if (m) {
    const mon = MONTHS[m[1]!.toLowerCase()];
    return mon ? iso(+m[3]!, mon, +m[2]!) : null;
  }
  return null;
}
