// What counts as the searched value in a cell: the value exactly after trimming, and for an id also
// its normalised forms (no spaces or dashes, ASCII letters in lower case; a Swedish personnummer in
// its 10- and 12-digit forms). One matcher serves the search (a SQL function behind a cheap prefilter),
// the purge of undo data and the scrub of the catalog's history text.
import type { Db } from '../../db/open';

/** ASCII lower case only: the same result as SQLite's lower(), whatever the locale. */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** A value without white space and dashes, ASCII-lower-cased. */
export function normalise(v: string): string {
  return asciiLower(v.replace(/[\s\-‐-―−]+/g, ''));
}

/** An id-like value: letters, digits and `+` only once normalised, with at least four digits. */
function idLike(n: string): boolean {
  return /^[0-9a-z+]+$/.test(n) && (n.match(/\d/g)?.length ?? 0) >= 4;
}

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The other forms of a Swedish personnummer (or samordningsnummer, day + 60): 12 digits give the
 * 10-digit forms (with "-", or "+" from the 100th birthday); 10 digits give the 12-digit form of the
 * century the separator implies, counted from `today`.
 */
export function personnummerForms(n: string, today = new Date()): string[] {
  const m12 = /^(\d{2})(\d{2})(\d{2})(\d{2})\+?(\d{4})$/.exec(n);
  const m10 = /^(\d{2})(\d{2})(\d{2})(\+?)(\d{4})$/.exec(n);
  const day = (d: string) => Number(d) > 60 ? Number(d) - 60 : Number(d);
  if (m12 && n.replace('+', '').length === 12) {
    const [, cc, yy, mm, dd, tail] = m12 as unknown as [string, string, string, string, string, string];
    const year = Number(cc + yy);
    if (!validDate(year, Number(mm), day(dd))) return [];
    const old = today.getUTCFullYear() - year > 100 || (today.getUTCFullYear() - year === 100 && (today.getUTCMonth() + 1) * 100 + today.getUTCDate() >= Number(mm) * 100 + day(dd));
    return [`${yy}${mm}${dd}${old ? '+' : ''}${tail}`];
  }
  if (m10) {
    const [, yy, mm, dd, plus, tail] = m10 as unknown as [string, string, string, string, string, string];
    const thisYear = today.getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(yy);
    if (year > thisYear) year -= 100;
    if (plus) year -= 100;
    if (!validDate(year, Number(mm), day(dd))) return [];
    return [`${year}${mm}${dd}${tail}`];
  }
  return [];
}

/** The forms a value is searched in: `exact` (trimmed) and, for an id, `norms`. */
export interface ValueForms {
  exact: string;
  norms: string[];
}

export function formsOf(value: string, today = new Date()): ValueForms {
  const exact = value.trim();
  const n = normalise(exact);
  if (!idLike(n)) return { exact, norms: [] };
  const norms = [n, ...personnummerForms(n, today)];
  // "+" is a separator of the 10-digit personnummer: the form without it is searched too.
  for (const x of [...norms]) if (x.includes('+')) norms.push(x.replace('+', ''));
  return { exact, norms: [...new Set(norms)] };
}

/** Whether a cell holds the value, and whether a longer text mentions it. */
export interface Matcher {
  forms: ValueForms;
  /** The cell is the value (after trimming, or normalised for an id). */
  test(v: unknown): boolean;
  /** The text contains the value somewhere (a rejected raw line, a description, a JSON string). */
  mentions(v: string): boolean;
}

export function matcherOf(value: string): Matcher {
  const forms = formsOf(value);
  const norms = new Set(forms.norms);
  const test = (v: unknown): boolean => {
    if (typeof v !== 'string') return false;
    const t = v.trim();
    if (t === forms.exact) return true;
    return norms.size > 0 && t.length >= 4 && norms.has(normalise(t));
  };
  const mentions = (v: string): boolean => {
    if (v.includes(forms.exact)) return true;
    if (!norms.size) return false;
    const n = normalise(v);
    for (const f of norms) if (n.includes(f)) return true;
    return false;
  };
  return { forms, test, mentions };
}

/** A GLOB pattern every cell whose normalised form is `norm` matches: its characters in order, anything between. */
function globOf(norm: string): string {
  return `*${[...norm].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c === '+' ? '[+]' : c)).join('*')}*`;
}

/** Whether `a` is a subsequence of `b` (then `a`'s GLOB covers `b`). */
function subsequence(a: string, b: string): boolean {
  let i = 0;
  for (const c of b) if (c === a[i]) i++;
  return i === a.length;
}

/** SQL that is true for the cells of `physical` holding the value, with its bound values. */
export interface CellTest {
  sql: (physical: string) => string;
  /** The C prefilter alone: true for every cell that holds or mentions the value (and a few others). */
  pre: (physical: string) => string;
  params: unknown[];
}

/**
 * Registers `tidyset_erase_hit(v)` and `tidyset_erase_mentions(v)` on `db` and returns the cell test:
 * a cheap C prefilter (instr of the trimmed value; a GLOB of each normalised form) before the exact
 * check in JavaScript, so that the JavaScript call runs for the few candidate cells only.
 */
export function registerMatcher(db: Db, m: Matcher): CellTest {
  db.function('tidyset_erase_hit', { deterministic: true }, (v: unknown) => (m.test(v) ? 1 : 0));
  db.function('tidyset_erase_mentions', { deterministic: true }, (v: unknown) => (typeof v === 'string' && m.mentions(v) ? 1 : 0));
  const globs = m.forms.norms.filter((a) => !m.forms.norms.some((b) => b !== a && b.length < a.length && subsequence(b, a))).map(globOf);
  const pre = (p: string) => `(instr(${p}, ?) > 0${globs.map(() => ` OR ${p} GLOB ?`).join('')})`;
  return { pre, sql: (p) => `(${pre(p)} AND tidyset_erase_hit(${p}))`, params: [m.forms.exact, ...globs] };
}
