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
}

/** Candidate delimiters, most preferred first; ties in fit are broken by this order. */
export const CANDIDATE_DELIMITERS = [',', '\t', ';', '|', '^', '~', ':'] as const;

const MAX_RECORDS = 256;
const MIN_CONSISTENCY = 0.5;

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

function better(a: Fit, b: Fit): boolean {
  if (a.firstFits !== b.firstFits) return a.firstFits;
  if (a.consistency !== b.consistency) return a.consistency > b.consistency;
  if (a.quote !== b.quote) return a.quote === '"';
  const order: readonly string[] = CANDIDATE_DELIMITERS;
  return order.indexOf(a.delimiter) < order.indexOf(b.delimiter);
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
  // Single quotes are only tried when one opens a field somewhere (line start or after a candidate).
  const quotes = /(?:^|[,\t;|^~:]) *'/m.test(text) ? ['"', "'"] : ['"'];
  let best: Fit | null = null;
  for (const quote of quotes) {
    for (const delimiter of CANDIDATE_DELIMITERS) {
      if (!text.includes(delimiter)) continue;
      const sample = parseSample(text, delimiter, quote, truncated);
      if (quote === "'" && !sample.enclosesDelimiter) continue;
      const fit = measure(delimiter, quote, sample);
      if (fit && (!best || better(fit, best))) best = fit;
    }
  }
  if (best) return dialectFrom(best.delimiter, best.quote, best.sample);
  return dialectFrom(',', '"', parseSample(text, ',', '"', truncated));
}
