// Decides whether the first record of delimited text is a header row, in the spirit of Python's csv.Sniffer.has_header.

type Kind = 'empty' | 'number' | 'date' | 'bool' | 'text';

const MAX_BODY_ROWS = 100;
// Share of a column's non-empty body values that must agree on a kind for the column to vote.
const DOMINANT_SHARE = 0.8;

const NULL_TOKENS = new Set(['', 'null', 'na', 'n/a', 'nan', 'none', '-', '?']);
const BOOL_TOKENS = new Set(['true', 'false', 'yes', 'no']);
const NUMBER =
  /^[-+]?[$€£¥]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][-+]?\d+)?%?$/;
const DATES = [
  /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/,
  /^\d{4}\/\d{1,2}\/\d{1,2}$/,
  /^\d{1,2}[- ][A-Za-z]{3,9}[- ]\d{2,4}$/,
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[- ]\d{2,4}$/i,
  /^\d{1,2}:\d{2}(?::\d{2})?$/,
];

/** Classifies one cell; single-quoted values such as `'0'` are judged by their content. */
function kindOf(raw: string): Kind {
  let v = raw.trim();
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) v = v.slice(1, -1).trim();
  const lower = v.toLowerCase();
  if (NULL_TOKENS.has(lower)) return 'empty';
  if (NUMBER.test(v)) return 'number';
  if (DATES.some((re) => re.test(v))) return 'date';
  if (BOOL_TOKENS.has(lower)) return 'bool';
  return 'text';
}

function dominantKind(kinds: Kind[]): Kind | null {
  const counts = new Map<Kind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const [k, c] of counts) if (c / kinds.length >= DOMINANT_SHARE) return k;
  return null;
}

/** One column's vote: +1 says "the first row is a header", -1 says "it is data", 0 abstains. */
function columnVote(head: string, body: string[]): number {
  const headKind = kindOf(head);
  const values = body.filter((v) => kindOf(v) !== 'empty');
  if (values.length === 0 || headKind === 'empty') return 0;
  const kind = dominantKind(values.map(kindOf));
  if (kind === null) return 0;
  if (kind !== 'text') return headKind === kind ? -1 : 1;
  let vote = 0;
  // Fixed-length codes in the body (ids, postcodes as text) versus a name of another length.
  const length = values[0]!.trim().length;
  if (values.length >= 2 && values.every((v) => v.trim().length === length)) {
    vote += head.trim().length === length ? -1 : 1;
  }
  if (values.some((v) => v.trim() === head.trim())) vote -= 1;
  return vote;
}

/**
 * Guesses whether records[0] is a header. Each column votes by comparing the first row with the
 * body: a numeric/date/boolean body under a value of another kind means header, the same kind
 * means data; in text columns, fixed-length body values and repeats of the first value count.
 * With no votes either way, the first row is a header if its values are non-empty, distinct,
 * not numbers or dates, and none recurs in its column below.
 */
export function looksLikeHeader(records: string[][]): boolean {
  const head = records[0];
  if (!head) return false;
  const body = records.slice(1, 1 + MAX_BODY_ROWS);
  let votes = 0;
  head.forEach((value, col) => {
    const column = body.map((row) => row[col]).filter((v): v is string => v !== undefined);
    votes += columnVote(value, column);
  });
  if (votes !== 0) return votes > 0;
  const names = head.map((v) => v.trim());
  const distinct = new Set(names).size === names.length;
  const allNames = names.every((v) => {
    const k = kindOf(v);
    return k === 'text' || k === 'bool';
  });
  const recurs = names.some((v, col) => body.some((row) => row[col]?.trim() === v));
  return distinct && allNames && !recurs;
}
