// Column type inference on the side of an import: looks at every value, never changes one.
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';

const INT = 1;
const DEC = 2;
const BOOL = 4;
const DATE = 8;
const DATETIME = 16;
const ALL = INT | DEC | BOOL | DATE | DATETIME;

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 't', 'f', 'y', 'n', 'ja', 'nej']);
const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';

// No leading zeros (`007`, `0800`, `00.5`): those are codes whose zeros a number would drop.
const RE_INT = /^[+-]?(0|[1-9]\d*)$/;
const RE_DEC_DOT = /^[+-]?((0|[1-9]\d*)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const RE_DEC_COMMA = /^[+-]?(0|[1-9]\d*),\d+$/;
const DATE_PATTERNS: Array<[RegExp, string]> = [
  [/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'],
  [/^\d{4}\/\d{2}\/\d{2}$/, 'YYYY/MM/DD'],
  [/^\d{1,2}\/\d{1,2}\/\d{4}$/, 'DD/MM/YYYY|MM/DD/YYYY'],
  [/^\d{1,2}\.\d{1,2}\.\d{4}$/, 'DD.MM.YYYY'],
  [/^\d{1,2}-\d{1,2}-\d{4}$/, 'DD-MM-YYYY|MM-DD-YYYY'],
  [new RegExp(`^\\d{1,2}[ -](${MONTHS})\\.?[ -]\\d{2,4}$`, 'i'), 'D Month YYYY'],
  [new RegExp(`^(${MONTHS})\\.? \\d{1,2},? \\d{4}$`, 'i'), 'Month D, YYYY'],
];
const RE_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Month 1–12 and day 1–31 in a value that starts with YYYY-MM-DD or YYYY/MM/DD. */
function validYmd(v: string): boolean {
  const m = two(v, 5);
  const d = two(v, 8);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** The number of the two digits at i (the patterns already checked they are digits). */
function two(v: string, i: number): number {
  return (v.charCodeAt(i) - 48) * 10 + v.charCodeAt(i + 1) - 48;
}

/** The first two numbers of a value like `3/12/2024` or `03-12-2024` (hot path: no regex, no split). */
function leadingParts(v: string): [number, number] {
  let i = 0;
  let a = 0;
  let c = v.charCodeAt(0);
  for (; c >= 48 && c <= 57; c = v.charCodeAt(++i)) a = a * 10 + c - 48;
  let b = 0;
  c = v.charCodeAt(++i);
  for (; c >= 48 && c <= 57; c = v.charCodeAt(++i)) b = b * 10 + c - 48;
  return [a, b];
}

/** Whether the numeric parts of a date that matched pattern `name` can be a day and a month. */
function validDate(v: string, name: string): boolean {
  if (name.startsWith('YYYY')) return validYmd(v);
  const c = v.charCodeAt(0);
  if (c < 48 || c > 57) return true; // month names: the pattern already checked them
  const [a, b] = leadingParts(v);
  if (name.includes('Month')) return a >= 1 && a <= 31;
  const day1 = a >= 1 && a <= 31 && b >= 1 && b <= 12;
  if (name === 'DD.MM.YYYY') return day1;
  return day1 || (b >= 1 && b <= 31 && a >= 1 && a <= 12);
}

const TYPE_BITS = [INT, DEC, BOOL, DATE, DATETIME];
/** At most this share of a column's non-empty values may misfit its type… */
const MISFIT_SHARE = 0.05;
/** …and while scanning, a type is kept until it has more misfits than this anyway. */
const MISFIT_FLOOR = 10;

/** Tracks the possible types of one column over all its values. */
class ColumnGuess {
  mask = ALL;
  /** Values seen that did not fit each type of TYPE_BITS. */
  misfits = [0, 0, 0, 0, 0];
  nonEmpty = 0;
  empty = 0;
  formats = new Set<string>();
  dot = false;
  comma = false;
  /** Day/month order evidence for slash dates: a first part > 12 means day-first. */
  dayFirst = false;
  monthFirst = false;

  add(v: string | null | undefined): void {
    if (v === null || v === undefined || v.length === 0) {
      this.empty++;
      return;
    }
    this.nonEmpty++;
    if (this.mask === 0) return;
    const lost = this.mask & ~this.classify(v.trim());
    if (lost === 0) return;
    // A type survives a few misfits ("N/A" among numbers) — the type facet lists them — and is
    // dropped once they are too many to be the exception.
    const limit = Math.max(MISFIT_FLOOR, MISFIT_SHARE * this.nonEmpty);
    for (let b = 0; b < TYPE_BITS.length; b++) {
      const bit = TYPE_BITS[b]!;
      if (lost & bit && ++this.misfits[b]! > limit) this.mask &= ~bit;
    }
  }

  private classify(v: string): number {
    if (v.length === 0) return 0;
    const c = v.charCodeAt(0);
    const digitLike = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
    let m = 0;
    if (digitLike) {
      if (this.mask & INT && RE_INT.test(v)) return INT | DEC;
      if (this.mask & DEC) {
        if (RE_DEC_DOT.test(v)) {
          // Only a value with a dot is evidence of the dot separator; `12` fits a comma column too.
          if (v.includes('.')) this.dot = true;
          m |= DEC;
        } else if (RE_DEC_COMMA.test(v)) {
          this.comma = true;
          m |= DEC;
        }
        if (this.dot && this.comma) return 0;
        if (m) return m;
      }
      if (this.mask & DATETIME && v.length >= 16 && RE_DATETIME.test(v) && validYmd(v)) {
        this.formats.add(v.includes('T') ? 'ISO 8601 datetime' : 'YYYY-MM-DD HH:MM');
        return DATETIME;
      }
    }
    if (this.mask & (DATE | DATETIME)) {
      for (const [re, name] of DATE_PATTERNS) {
        if (re.test(v)) {
          if (!validDate(v, name)) break;
          if (name.includes('|')) this.noteOrder(v);
          this.formats.add(name);
          return DATE | DATETIME;
        }
      }
    }
    if (this.mask & BOOL && v.length <= 5 && BOOLEAN_WORDS.has(v.toLowerCase())) return BOOL;
    return m;
  }

  private noteOrder(v: string): void {
    const [a, b] = leadingParts(v);
    if (a > 12) this.dayFirst = true;
    if (b > 12) this.monthFirst = true;
  }

  result(): { type: ColumnType; detail: TypeDetail } {
    const detail: TypeDetail = { nonEmpty: this.nonEmpty, empty: this.empty };
    if (this.nonEmpty === 0) return { type: 'empty', detail };
    let type: ColumnType = 'text';
    const ok = (bit: number) => (this.mask & bit) !== 0 && this.misfits[TYPE_BITS.indexOf(bit)]! <= MISFIT_SHARE * this.nonEmpty;
    const chosen = [BOOL, INT, DEC, DATE, DATETIME].find(ok);
    if (chosen !== undefined) {
      type = ({ [BOOL]: 'boolean', [INT]: 'integer', [DEC]: 'decimal', [DATE]: 'date', [DATETIME]: 'datetime' } as Record<number, ColumnType>)[chosen]!;
      const misfits = this.misfits[TYPE_BITS.indexOf(chosen)]!;
      if (misfits) detail.misfits = misfits;
    }
    if (type === 'decimal') detail.decimalSeparator = this.comma ? ',' : '.';
    if (type === 'date' || type === 'datetime') {
      detail.formats = [...this.formats].map((f) => {
        if (!f.includes('|')) return f;
        const [dayFirst, monthFirst] = f.split('|') as [string, string];
        if (this.dayFirst && !this.monthFirst) return dayFirst;
        if (this.monthFirst && !this.dayFirst) return monthFirst;
        return `${dayFirst} or ${monthFirst} (ambiguous)`;
      });
    }
    return { type, detail };
  }
}

/** Infers the type of every column of a table from the values it is fed. */
export class TypeInferrer {
  private readonly guesses: ColumnGuess[];


  constructor(columns: number) {
    this.guesses = Array.from({ length: columns }, () => new ColumnGuess());
  }

  /** Feeds one record; missing trailing fields count as empty. */
  addRecord(fields: ReadonlyArray<string | null>): void {
    const g = this.guesses;
    for (let i = 0; i < g.length; i++) g[i]!.add(fields[i]);
  }

  /** Adds columns up to `columns`; each new one has already seen `missing` missing values. */
  extend(columns: number, missing: number): void {
    while (this.guesses.length < columns) {
      const g = new ColumnGuess();
      g.empty = missing;
      this.guesses.push(g);
    }
  }

  /** Whether column i still needs to see values (false once only text fits: then counting is enough). */
  needsValue(i: number): boolean {
    return this.guesses[i]!.mask !== 0;
  }

  /** Counts a value of column i without looking at it (for columns that no longer need values). */
  count(i: number, empty: boolean): void {
    const g = this.guesses[i]!;
    if (empty) g.empty++;
    else g.nonEmpty++;
  }

  /** Feeds one value of column i. */
  addValue(i: number, v: string | null): void {
    this.guesses[i]!.add(v);
  }

  results(): Array<{ type: ColumnType; detail: TypeDetail }> {
    return this.guesses.map((g) => g.result());
  }
}

/** Whether one non-empty value fits a column type the way inference would accept it (for the type facet). */
export function valueFitsType(value: string, type: ColumnType): boolean {
  if (type === 'text' || type === 'empty') return true;
  const g = new ColumnGuess();
  g.add(value);
  const r = g.result();
  if (r.type === type) return true;
  // An integer fits a decimal column; a date fits a datetime column.
  return (type === 'decimal' && r.type === 'integer') || (type === 'datetime' && r.type === 'date');
}
