// Guesses the dialect of delimited text (delimiter, quote, header) from a sample of its records.
import { looksLikeHeader } from './sniffHeader';

/** The dialect found in a sample of delimited text. */
export interface CsvDialect {
  delimiter: string;
  quote: string;
  /** null when the sample holds no complete record. */
  header: boolean | null;
  /** The first record's fields, trimmed of surrounding spaces; null when the sample holds no complete record. */
  columns: string[] | null;
  /** Set when the result is doubtful: one column although most lines share a separator-like character. */
  note?: string;
}

/**
 * Common delimiters, most preferred first; ties in fit are broken by this order. Any other
 * consistent character that is not a letter, digit, quote or line break is tried too
 * (see otherCandidates), but only when none of these fits.
 */
export const CANDIDATE_DELIMITERS = [',', '\t', ';', '|', '^', '~', ':'] as const;

/** At most this many other characters are tried, the most frequent first. */
const MAX_OTHER_CANDIDATES = 8;
/** Share of lines that must hold a character for a one-column result to be flagged. */
const FLAG_LINE_SHARE = 0.8;

const MAX_RECORDS = 256;
const MIN_CONSISTENCY = 0.5;
/** A character outside CANDIDATE_DELIMITERS must split nearly every record alike to count as the delimiter. */
const MIN_OTHER_CONSISTENCY = 0.9;

/** Records parsed from a sample with one delimiter and quote character. */
export interface ParsedSample {
  records: string[][];
  /** Per record: the last field is empty and unquoted (a trailing delimiter). */
  trailingEmpty: boolean[];
  /** Some quoted field contains the delimiter. */
  enclosesDelimiter: boolean;
}

/**
 * Parses up to `maxRecords` records, leniently: a quote opens a field even after leading
 * spaces (the `", "` dialect), `""` inside quotes is a literal quote, a quote inside an unquoted
 * field is literal, and stray characters after a closing quote are kept. Blank lines are skipped.
 * In a truncated sample the last, possibly incomplete, record is dropped.
 */
export function parseSample(text: string, delimiter: string, quote: string, truncated: boolean, maxRecords = MAX_RECORDS): ParsedSample {
  const records: string[][] = [];
  const trailingEmpty: boolean[] = [];
  let enclosesDelimiter = false;
  let fields: string[] = [];
  let lastQuoted = false;
  const n = text.length;
  let i = 0;
  const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';
  const endRecord = (): void => {
    const blank = fields.length === 1 && !lastQuoted && fields[0]!.trim() === '';
    if (!blank) {
      records.push(fields);
      trailingEmpty.push(fields.length > 1 && !lastQuoted && fields[fields.length - 1] === '');
    }
    fields = [];
  };
  while (records.length < maxRecords) {
    let j = i;
    while (text[j] === ' ' && delimiter !== ' ') j++;
    let end: number;
    if (j < n && text[j] === quote) {
      let value = '';
      let k = j + 1;
      let closed = false;
      while (k < n) {
        const q = text.indexOf(quote, k);
        if (q < 0) break;
        value += text.slice(k, q);
        if (text[q + 1] === quote) {
          value += quote;
          k = q + 2;
        } else {
          k = q + 1;
          closed = true;
          break;
        }
      }
      if (!closed) {
        // An unterminated quote runs to the end of the sample.
        if (!truncated) {
          fields.push(value + text.slice(k));
          lastQuoted = true;
          endRecord();
        }
        break;
      }
      end = k;
      while (end < n && text[end] !== delimiter && !isBreak(text[end])) end++;
      const stray = text.slice(k, end);
      if (stray.trim() !== '') value += stray;
      if (value.includes(delimiter)) enclosesDelimiter = true;
      fields.push(value);
      lastQuoted = true;
    } else {
      end = i;
      while (end < n && text[end] !== delimiter && !isBreak(text[end])) end++;
      fields.push(text.slice(i, end));
      lastQuoted = false;
    }
    if (end >= n) {
      if (!truncated) endRecord();
      break;
    }
    if (text[end] === delimiter) {
      i = end + 1;
      continue;
    }
    i = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
    endRecord();
  }
  return { records, trailingEmpty, enclosesDelimiter };
}

interface Fit {
  delimiter: string;
  quote: string;
  sample: ParsedSample;
  consistency: number;
  firstFits: boolean;
}

/**
 * Finds the field count most records agree on. A record with a trailing delimiter may count
 * one field more (OpenRefine's TSVs end data lines with a tab but not the header).
 */
function measure(delimiter: string, quote: string, sample: ParsedSample): Fit | null {
  const { records, trailingEmpty } = sample;
  if (records.length === 0) return null;
  const fits = (r: number, width: number): boolean =>
    records[r]!.length === width || (trailingEmpty[r]! && records[r]!.length - 1 === width);
  const widths = new Set<number>();
  records.forEach((rec, r) => {
    widths.add(rec.length);
    if (trailingEmpty[r]) widths.add(rec.length - 1);
  });
  let best = 0;
  let bestSupport = -1;
  for (const width of widths) {
    let support = 0;
    for (let r = 0; r < records.length; r++) if (fits(r, width)) support++;
    if (support > bestSupport || (support === bestSupport && width > best)) {
      best = width;
      bestSupport = support;
    }
  }
  // The first record must contain the delimiter: otherwise ':' in a column of times would win.
  if (best < 2 || records[0]!.length < 2) return null;
  const consistency = bestSupport / records.length;
  if (consistency < MIN_CONSISTENCY) return null;
  return { delimiter, quote, sample, consistency, firstFits: fits(0, best) };
}

function better(a: Fit, b: Fit, order: readonly string[]): boolean {
  if (a.firstFits !== b.firstFits) return a.firstFits;
  if (a.consistency !== b.consistency) return a.consistency > b.consistency;
  if (a.quote !== b.quote) return a.quote === '"';
  return order.indexOf(a.delimiter) < order.indexOf(b.delimiter);
}

/** Per character: in how many of the sample's first lines it occurs, and how often in all. */
interface CharStats {
  lines: number;
  byChar: Map<string, CharCount>;
}

interface CharCount {
  lines: number;
  total: number;
  /** Occurrences with a digit on both sides (number and date punctuation: 1.5, 2020-01-02). */
  betweenDigits: number;
}

function charStats(text: string, maxLines = MAX_RECORDS): CharStats {
  const byChar = new Map<string, CharCount>();
  let lineCount = 0;
  for (const raw of text.split(/\r\n|\n|\r/, maxLines)) {
    // A separator stands between values: what opens or closes a line (a list bullet, a comment mark) is not one.
    const line = raw.trim();
    if (line === '') continue;
    lineCount++;
    const seen = new Set<string>();
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (i === 0 || i === line.length - 1 || /[\p{L}\p{N}\p{M}\p{Cs}\p{Ps}\p{Pe}"'<>]/u.test(ch) || ch === '\uFEFF') continue;
      let st = byChar.get(ch);
      if (!st) byChar.set(ch, (st = { lines: 0, total: 0, betweenDigits: 0 }));
      st.total++;
      if (/\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? '')) st.betweenDigits++;
      if (!seen.has(ch)) {
        seen.add(ch);
        st.lines++;
      }
    }
  }
  return { lines: lineCount, byChar };
}

/** Other delimiter candidates: non-alphanumeric characters of the first line, by how many lines hold them. */
function otherCandidates(stats: CharStats, firstLine: string): string[] {
  const known: readonly string[] = CANDIDATE_DELIMITERS;
  return [...stats.byChar.entries()]
    // A character only ever between digits is number or date punctuation, not a separator.
    .filter(([ch, st]) => !known.includes(ch) && ch !== ' ' && firstLine.includes(ch) && st.betweenDigits < st.total)
    .sort((a, b) => b[1].lines - a[1].lines || b[1].total - a[1].total)
    .slice(0, MAX_OTHER_CANDIDATES)
    .map(([ch]) => ch);
}

/** Every line holds the same number of single-space-separated words (no runs of spaces): a space-delimited file. */
function spaceFit(text: string, truncated: boolean): Fit | null {
  const sample = parseSample(text, ' ', '"', truncated);
  const fit = measure(' ', '"', sample);
  if (!fit || fit.consistency < 1) return null;
  if (sample.records.some((r) => r.some((f) => f === ''))) return null;
  return fit;
}

function describe(ch: string): string {
  return ch === '\t' ? 'a tab' : ch === ' ' ? 'a space' : `'${ch}'`;
}

/** Why a one-column result is doubtful, if it is: most lines hold the same separator-like character, or runs of spaces. */
function oneColumnNote(text: string, stats: CharStats): string | undefined {
  if (stats.lines < 2) return undefined;
  const lines = text.split(/\r\n|\n|\r/, MAX_RECORDS).filter((l) => l.trim() !== '');
  const aligned = lines.filter((l) => /\S {2,}\S/.test(l)).length;
  if (aligned / lines.length >= FLAG_LINE_SHARE) {
    return 'read as one column, but most lines have runs of spaces between values (space-aligned, fixed-width columns?): ' +
      'Tidyset does not split fixed-width text; convert it to CSV or TSV, or set a delimiter';
  }
  let best: [string, CharCount] | undefined;
  for (const e of stats.byChar) {
    if (e[0] === ' ' || e[1].betweenDigits === e[1].total) continue;
    if (!best || e[1].lines > best[1].lines || (e[1].lines === best[1].lines && e[1].total > best[1].total)) best = e;
  }
  if (best && best[1].lines / stats.lines >= FLAG_LINE_SHARE) {
    return `read as one column, although ${best[1].lines} of ${stats.lines} lines contain ${describe(best[0])}: if it separates the columns, set the delimiter`;
  }
  return undefined;
}

function dialectFrom(delimiter: string, quote: string, sample: ParsedSample): CsvDialect {
  const first = sample.records[0];
  return {
    delimiter,
    quote,
    header: first ? looksLikeHeader(sample.records) : null,
    columns: first ? first.map((f) => f.trim()) : null,
  };
}

/**
 * Sniffs delimited text (BOM already removed). The delimiter is the candidate whose parse gives
 * the most consistent field count, preferring one that the first record also fits; quotes are
 * respected while counting. Single quotes are chosen only when they enclose a field holding the
 * delimiter and that parse fits better than with double quotes. An Excel `sep=X` first line is
 * honoured. Without a fitting delimiter the text is one column, reported with delimiter ','.
 */
export function sniffCsv(text: string, truncated: boolean): CsvDialect {
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    const delimiter = sep[1]!;
    return dialectFrom(delimiter, '"', parseSample(text.slice(sep[0].length), delimiter, '"', truncated));
  }
  const pick = (candidates: readonly string[], minConsistency: number): Fit | null => {
    // Single quotes are only tried when one opens a field somewhere (line start or after a candidate).
    const opensQuote = candidates.some((d) => text.includes(`${d}'`) || text.includes(`${d} '`)) || /^ *'/m.test(text);
    const quotes = opensQuote ? ['"', "'"] : ['"'];
    let best: Fit | null = null;
    for (const quote of quotes) {
      for (const delimiter of candidates) {
        if (!text.includes(delimiter)) continue;
        const sample = parseSample(text, delimiter, quote, truncated);
        if (quote === "'" && !sample.enclosesDelimiter) continue;
        const fit = measure(delimiter, quote, sample);
        if (fit && fit.consistency >= minConsistency && (!best || better(fit, best, candidates))) best = fit;
      }
    }
    return best;
  };
  const known = pick(CANDIDATE_DELIMITERS, MIN_CONSISTENCY);
  if (known) return dialectFrom(known.delimiter, known.quote, known.sample);
  // None of the common ones fits: any other consistent separator-like character, then single spaces.
  const stats = charStats(text);
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const other = pick(otherCandidates(stats, firstLine), MIN_OTHER_CONSISTENCY) ?? spaceFit(text, truncated);
  if (other) return dialectFrom(other.delimiter, other.quote, other.sample);
  const one = dialectFrom(',', '"', parseSample(text, ',', '"', truncated));
  const note = oneColumnNote(text, stats);
  return note ? { ...one, note } : one;
}
