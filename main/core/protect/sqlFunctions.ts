// The SQL function that applies a protection action inside a query (k-anonymity after the chosen
// generalisations, and the grid filter of rows in small classes): the same value functions as export.
import type { PdAction, PdKind } from '../../../shared/api/personal';
import type { Db } from '../db/open';
import { canonicalForHash, valueFunction, type Cell } from './actions';

const compiled = new Map<string, (v: Cell) => Cell>();

/**
 * The per-value function of an action as k-anonymity sees it: a pseudonym is one-to-one with its
 * canonical value, so `hash` groups by that (no secret needed to count classes).
 */
export function classFunction(a: PdAction, kind: PdKind | null, dayFirst = true): (v: Cell) => Cell {
  if (a.action === 'hash') return (v) => (v === null || v.trim() === '' ? v : canonicalForHash(v, kind));
  return valueFunction(a, { kind, secret: null, dayFirst });
}

/** Distinct values remembered per action before the memo starts over (bounds memory on unique values). */
const MEMO_MAX = 65_536;

/** Quasi-identifiers repeat (that is what makes them quasi): parse a date or an age once per distinct value. */
function memoised(fn: (v: Cell) => Cell): (v: Cell) => Cell {
  const memo = new Map<string, Cell>();
  return (v) => {
    if (v === null) return fn(v);
    let out = memo.get(v);
    if (out === undefined && !memo.has(v)) {
      out = fn(v);
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(v, out);
    }
    return out as Cell;
  };
}

/** Registers `tidyset_protect(value, actionJson, kind)` on a connection. */
export function registerProtectFunctions(db: Db): void {
  db.function('tidyset_protect', { deterministic: true }, (v: unknown, action: unknown, kind: unknown) => {
    const key = `${String(action)}|${String(kind)}`;
    let fn = compiled.get(key);
    if (!fn) {
      fn = memoised(classFunction(JSON.parse(String(action)) as PdAction, (kind as PdKind | null) ?? null));
      if (compiled.size > 256) compiled.clear();
      compiled.set(key, fn);
    }
    return fn(typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
  });
}
