// Normalises values before they are compared or blocked: case, accents, whitespace, punctuation and
// "Last, First" name order, as the comparison's settings say. Each value is normalised once per run.
import type { Normalise } from '../../../shared/api/dedupe';

const MARKS = /[\u0300-\u036f]/g;
/** Letters that NFD does not decompose into a base letter and a mark. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH', ı: 'i' };
const FOLD_RE = /[ßæÆøØœŒđĐłŁþÞı]/g;
const PUNCT = /[\p{P}\p{S}]+/gu;
const SPACES = /\s+/g;
/** Values longer than this are cut before comparing (a 10 MB cell is compared by its start). */
export const MAX_VALUE_CHARS = 2000;

/** Accents removed, special letters folded (é → e, ß → ss). */
export function foldAccents(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return s.normalize('NFD').replace(MARKS, '').replace(FOLD_RE, (c) => FOLD[c] ?? c);
}

/** "Smith, John" → "John Smith" (one comma, words on both sides). */
export function swapNameOrder(s: string): string {
  const i = s.indexOf(',');
  if (i <= 0 || s.indexOf(',', i + 1) >= 0) return s;
  const last = s.slice(0, i).trim();
  const first = s.slice(i + 1).trim();
  return first && last ? `${first} ${last}` : s;
}

/** The normalised value, or null when nothing is left (a blank value is missing, not a match). */
export function normalise(v: string | null, n: Normalise): string | null {
  if (v === null) return null;
  let s = v.length > MAX_VALUE_CHARS ? v.slice(0, MAX_VALUE_CHARS) : v;
  if (n.nameOrder) s = swapNameOrder(s);
  if (n.accents) s = foldAccents(s);
  if (n.case) s = s.toLowerCase();
  if (n.punctuation) s = s.replace(PUNCT, (m) => (m === "'" || m === '’' ? '' : ' '));
  if (n.whitespace || n.punctuation) s = s.replace(SPACES, ' ').trim();
  return s === '' ? null : s;
}

/**
 * The words of a value normalised without punctuation removal: runs of letters and digits, and a
 * word joined by hyphens, dots or slashes also glued whole ("kdl-40v4100" → kdl, 40v4100, kdl40v4100),
 * so that part numbers written two ways still share a word.
 */
export function tokens(s: string): string[] {
  const out = new Set<string>();
  for (const w of s.split(/\s+/)) {
    const parts = w.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
    for (const p of parts) out.add(p);
    if (parts.length > 1) out.add(parts.join(''));
  }
  return [...out];
}
