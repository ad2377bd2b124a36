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

/** Registers `tidyset_protect(value, actionJson, kind)` on a connection. */
export function registerProtectFunctions(db: Db): void {
  db.function('tidyset_protect', { deterministic: true }, (v: unknown, action: unknown, kind: unknown) => {
    const key = `${String(action)}|${String(kind)}`;
    let fn = compiled.get(key);
    if (!fn) {
      fn = classFunction(JSON.parse(String(action)) as PdAction, (kind as PdKind | null) ?? null);
      if (compiled.size > 256) compiled.clear();
      compiled.set(key, fn);
    }
    return fn(typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
  });
}
