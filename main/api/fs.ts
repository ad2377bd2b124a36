// Handlers for the folder browser: the data roots, the native folder dialog, and one folder's listing
// (names, kinds, sizes — never file contents), all confined to the data roots.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { TidysetError } from '../core/errors';
import type { Handlers } from './types';

/** A folder listing is capped so a huge folder cannot stall the dispatcher. */
const MAX_ENTRIES = 10_000;

function fsReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    ENOENT: 'no such folder', ENOTDIR: 'not a folder', EACCES: 'permission denied', EPERM: 'permission denied',
  };
  return (err.code && known[err.code]) ?? err.message ?? String(e);
}

/** Kind and size of an entry; symlinks are followed, broken ones are shown as empty files. */
function describe(dir: string, d: Dirent): { dir: boolean; size: number } {
  if (d.isDirectory()) return { dir: true, size: 0 };
  if (!d.isFile() && !d.isSymbolicLink()) return { dir: false, size: 0 };
  try {
    const st = statSync(path.join(dir, d.name));
    return st.isDirectory() ? { dir: true, size: 0 } : { dir: false, size: st.size };
  } catch {
    return { dir: false, size: 0 };
  }
}

export const fsHandlers: Pick<Handlers, 'fs.list' | 'fs.roots' | 'fs.pickFolder'> = {
  'fs.roots': async (_in, { paths, pickFolder }) => ({ roots: paths.list(), native: pickFolder !== undefined }),

  'fs.pickFolder': async (_in, { paths, pickFolder }) => {
    if (!pickFolder) return { native: false, path: null };
    const picked = await pickFolder();
    // What the user chose in the operating system's own dialog is theirs to open: it becomes a root.
    return { native: true, path: picked === null ? null : paths.add(picked) };
  },

  /**
   * Hidden entries (name starting with '.') are left out, as file pickers do; type a path to reach
   * them. No path lists the first data root; the parent of a root is not offered (it is outside).
   */
  'fs.list': async ({ path: asked }, { paths }) => {
    const dir = paths.check(asked === undefined || asked.trim() === '' ? paths.list()[0]! : asked, 'list');
    let dirents: Dirent[];
    try {
      if (!statSync(dir).isDirectory()) throw new TidysetError('BAD_INPUT', `${dir}: not a folder`);
      dirents = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if (e instanceof TidysetError) throw e;
      throw new TidysetError('BAD_INPUT', `${dir}: cannot list: ${fsReason(e)}`);
    }
    const entries = dirents
      .filter((d) => !d.name.startsWith('.'))
      .map((d) => ({ name: d.name, path: path.join(dir, d.name), ...describe(dir, d) }))
      .sort((a, b) => (a.dir === b.dir ? a.name.localeCompare(b.name) : a.dir ? -1 : 1))
      .slice(0, MAX_ENTRIES);
    const parent = path.dirname(dir);
    return { path: dir, parent: parent === dir || !paths.contains(parent) ? null : parent, entries };
  },
};
