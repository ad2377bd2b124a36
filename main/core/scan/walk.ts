// Lists the regular files below a folder, following symlinks without looping and reporting unreadable entries instead of throwing.
import { constants } from 'node:fs';
import { access, lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A regular file found by the walk; `size` in bytes, `mtimeMs` in ms since the epoch (of the symlink target, if any). */
export interface WalkEntry {
  path: string;
  size: number;
  mtimeMs: number;
}

/** An entry the walk could not read; `error` is for people, e.g. 'permission denied (EACCES)'. */
export interface WalkProblem {
  path: string;
  error: string;
}

export interface WalkOptions {
  /** Also walk entries whose name starts with '.'. */
  includeHidden?: boolean;
  /** Polled before every entry; the walk ends quietly once it returns true. */
  isCancelled?: () => boolean;
  /**
   * Real paths of the folders the walk must stay in (the API's data roots): a symbolic link whose
   * target lies outside them is reported as a problem and not followed. Unset: no limit (the CLI).
   */
  within?: readonly string[];
}

function inside(real: string, roots: readonly string[]): boolean {
  return roots.some((r) => {
    const rel = path.relative(r, real);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

const ERROR_TEXT: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'not found',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string') return `${ERROR_TEXT[e.code] ?? e.message} (${e.code})`;
  return String(e?.message ?? err);
}

async function isBrokenLink(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isSymbolicLink();
  } catch {
    return false;
  }
}

async function problem(p: string, err: unknown): Promise<WalkProblem> {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' && (await isBrokenLink(p))) return { path: p, error: 'broken symbolic link (ENOENT)' };
  return { path: p, error: describe(err) };
}

async function fileEntry(p: string, size: number, mtimeMs: number): Promise<WalkEntry | WalkProblem> {
  try {
    await access(p, constants.R_OK);
    return { path: p, size, mtimeMs };
  } catch (err) {
    return problem(p, err);
  }
}

interface Frame {
  dir: string;
  names: string[];
  next: number;
}

/** Yields every regular file below root (root may itself be a file). Follows symlinks but never loops: directories are tracked by (dev, ino) of their real path. Skips hidden entries (name starting with '.') unless includeHidden. Unreadable directories/files are yielded as WalkProblem, never thrown. Stops early when isCancelled() returns true. Order: sorted by name within a directory, so results are deterministic. */
export async function* walkFiles(root: string, opts: WalkOptions = {}): AsyncGenerator<WalkEntry | WalkProblem> {
  const includeHidden = opts.includeHidden ?? false;
  const isCancelled = opts.isCancelled ?? (() => false);
  // stat() follows symlinks, so (dev, ino) identifies the real directory however it was reached.
  const visited = new Set<string>();
  const stack: Frame[] = [];

  const enter = async (dir: string, dev: number, ino: number): Promise<WalkProblem | null> => {
    const key = `${dev}:${ino}`;
    if (visited.has(key)) return null;
    visited.add(key);
    try {
      const names = (await readdir(dir)).filter((n) => includeHidden || !n.startsWith('.'));
      // Default sort compares UTF-16 code units: the same order on every machine and locale.
      stack.push({ dir, names: names.sort(), next: 0 });
      return null;
    } catch (err) {
      return problem(dir, err);
    }
  };

  // Visits one path: a file is yielded, a directory is pushed, anything else is skipped.
  async function* visit(p: string): AsyncGenerator<WalkEntry | WalkProblem> {
    let st;
    try {
      // Folders are entered by the path they were reached by, so only a link can lead outside.
      if (opts.within && (await lstat(p)).isSymbolicLink()) {
        const target = await realpath(p);
        if (!inside(target, opts.within)) {
          yield { path: p, error: `symbolic link to ${target}, outside the data roots (not followed)` };
          return;
        }
      }
      st = await stat(p);
    } catch (err) {
      yield await problem(p, err);
      return;
    }
    if (st.isDirectory()) {
      const failed = await enter(p, st.dev, st.ino);
      if (failed) yield failed;
    } else if (st.isFile()) {
      yield await fileEntry(p, st.size, st.mtimeMs);
    }
    // Sockets, FIFOs and devices are not data files; they are skipped without a problem.
  }

  if (isCancelled()) return;
  yield* visit(root);
  while (stack.length > 0) {
    if (isCancelled()) return;
    const frame = stack[stack.length - 1]!;
    const name = frame.names[frame.next++];
    if (name === undefined) {
      stack.pop();
      continue;
    }
    yield* visit(path.join(frame.dir, name));
  }
}
