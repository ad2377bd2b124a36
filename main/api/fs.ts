// Handler for the serve-mode folder browser: lists one folder (names, kinds, sizes), never file contents.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import os from 'node:os';
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

export const fsHandlers: Pick<Handlers, 'fs.list'> = {
  /** Hidden entries (name starting with '.') are left out, as file pickers do; type a path to reach them. */
  'fs.list': async ({ path: asked }) => {
    const dir = path.resolve(asked === undefined || asked.trim() === '' ? os.homedir() : asked);
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
    return { path: dir, parent: parent === dir ? null : parent, entries };
  },
};
