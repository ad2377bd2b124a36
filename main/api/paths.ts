// The data roots: the only folders the API reads, lists, scans, imports from or exports to. Every
// handler that takes a path from a caller passes it through `DataRoots.check` and uses what it returns.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { TidysetError } from '../core/errors';

/** What a handler will do with a path: list a folder, read files (scan, import), or write (export). */
export type PathPurpose = 'list' | 'read' | 'write';

/**
 * The real path of `p` after resolving symlinks and `..`: realpath of `p`, or — for a path that does
 * not exist yet (an export destination, a mistyped folder) — realpath of its nearest existing parent
 * with the missing segments appended.
 */
export function resolveReal(p: string): string {
  const abs = path.resolve(p);
  const missing: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return path.join(realpathSync.native(cur), ...missing.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const parent = path.dirname(cur);
      // Only a missing segment is walked past; a folder we may not enter is not "not yet existing".
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === cur) return path.join(cur, ...missing.reverse());
      missing.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** True if `child` is `root` or below it (both already real and absolute). */
export function isWithin(child: string, root: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The set of data roots of one dispatcher. Serve mode starts with `--root` folders (default: the
 * folder it was started in); the desktop app with the home folder, plus every folder the user picks
 * in the native dialog.
 */
export class DataRoots {
  private readonly dirs: string[] = [];

  /** `roots` must be existing folders; `hint` is appended to refusals (how to widen the roots). */
  constructor(roots: readonly string[], private readonly hint = '') {
    for (const r of roots) this.add(r);
  }

  /** The roots, real paths, in the order they were given. */
  list(): string[] {
    return [...this.dirs];
  }

  /** Adds a folder (resolved to its real path) and returns that path; a folder already inside a root changes nothing. */
  add(dir: string): string {
    const real = resolveReal(dir);
    let st;
    try {
      st = statSync(real);
    } catch {
      throw new TidysetError('BAD_INPUT', `data root ${dir}: no such folder`);
    }
    if (!st.isDirectory()) throw new TidysetError('BAD_INPUT', `data root ${dir}: not a folder`);
    if (!this.contains(real)) this.dirs.push(real);
    return real;
  }

  /** True if the (real) path lies in one of the roots. */
  contains(real: string): boolean {
    return this.dirs.some((r) => isWithin(real, r));
  }

  /**
   * THE path check: resolves `p` (symlinks, `..`; the nearest existing parent for a path that does not
   * exist yet, as an export destination may not), and returns the resolved path if it lies in a data
   * root; throws FORBIDDEN_PATH otherwise. Callers use the returned path from then on, so what was
   * checked is what is opened. `purpose` only shapes the message.
   */
  check(p: string, purpose: PathPurpose): string {
    const real = resolveReal(p);
    if (this.contains(real)) return real;
    const verb = purpose === 'write' ? 'write to' : purpose === 'list' ? 'list' : 'read';
    const shown = path.resolve(p) === real ? real : `${path.resolve(p)} (really ${real})`;
    throw new TidysetError('FORBIDDEN_PATH', `${shown}: may not ${verb} a path outside the data roots (${this.dirs.join(', ')})${this.hint}`);
  }
}
