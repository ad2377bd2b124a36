// Writes an export into its destination folder as a unit: files are staged in a hidden temporary
// folder, committed by a marker once everything is durable, then moved into place (data files first,
// manifest.json last). A folder lock keeps one export per destination at a time; the next export
// finishes a dead export's committed unit and removes an uncommitted one.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { TidysetError } from '../errors';

/** Every temporary name an export makes starts with this (and carries the writer's pid). */
export const TEMP_PREFIX = '.tidyset-export-';
const LOCK = '.tidyset-export.lock';
const COMMIT = 'COMMIT';
/** Older versions wrote `.<file>.<pid>.tmp` beside the output; those of dead writers are removed too. */
const LEGACY_TEMP = /^\..+\.(\d+)\.tmp$/;

interface Commit {
  /** Staged files moved into the destination, in this order (manifest.json last). */
  publish: string[];
  /** Files of the destination removed after publishing (outputs that the new manifest no longer lists). */
  remove: string[];
}

/** True if a process with this id runs on this machine (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Flushes a folder's entries to disk where the platform can (POSIX); Windows cannot open a folder. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* not supported on this platform */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a small file durably. */
export function writeDurably(file: string, text: string): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Test-only: SIGKILLs this process at a named phase, so crash tests hit exact points of the protocol. */
export function killPoint(phase: string): void {
  if (process.env.TIDYSET_TEST_EXPORT_KILL_AT === phase) process.kill(process.pid, 'SIGKILL');
}

/** An export in progress into one destination folder. */
export class ExportUnit {
  readonly staging: string;
  private readonly token = randomBytes(6).toString('hex');
  private released = false;

  private constructor(readonly dir: string) {
    this.staging = path.join(dir, `${TEMP_PREFIX}${process.pid}-${this.token}`);
  }

  /** Locks `dir` (created if missing), cleans up after dead exports, and makes the staging folder. */
  static begin(dir: string): ExportUnit {
    mkdirSync(dir, { recursive: true });
    const unit = new ExportUnit(dir);
    unit.lock();
    try {
      recover(dir);
      mkdirSync(unit.staging);
    } catch (e) {
      unit.release();
      throw e;
    }
    return unit;
  }

  /** Path of a file in the staging folder. */
  staged(name: string): string {
    return path.join(this.staging, name);
  }

  /** Makes the staged unit durable and commits it, then publishes it; `publish` lists staged names (manifest last). */
  commit(publish: string[], remove: string[]): void {
    fsyncDir(this.staging);
    killPoint('commit-before');
    const c: Commit = { publish, remove };
    writeDurably(this.staged(COMMIT), JSON.stringify(c));
    fsyncDir(this.staging);
    killPoint('commit');
    finish(this.dir, this.staging, c);
    this.release();
  }

  /** Drops the staging folder of a failed or cancelled export (a committed one is left for the next export to finish) and unlocks. */
  abort(): void {
    if (!existsSync(this.staged(COMMIT))) rmSync(this.staging, { recursive: true, force: true });
    this.release();
  }

  private lock(): void {
    const file = path.join(this.dir, LOCK);
    const mine = JSON.stringify({ pid: process.pid, host: hostname(), token: this.token });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        writeFileSync(file, mine, { flag: 'wx' });
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      let owner: { pid?: number; host?: string } = {};
      try {
        owner = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        /* a lock cut short by a kill between create and write: its owner is gone */
      }
      if (owner.pid !== undefined && owner.host === hostname() && alive(owner.pid)) {
        throw new TidysetError('BUSY', `another export (process ${owner.pid}) is writing into ${this.dir}; try again when it has finished`);
      }
      rmSync(file, { force: true });
    }
    throw new TidysetError('BUSY', `could not lock ${path.join(this.dir, LOCK)}`);
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    const file = path.join(this.dir, LOCK);
    try {
      if (JSON.parse(readFileSync(file, 'utf8')).token === this.token) rmSync(file, { force: true });
    } catch {
      /* already gone */
    }
  }
}

/** Moves a committed unit's files into place (idempotent: a file already moved is skipped) and removes its staging folder. */
function finish(dir: string, staging: string, c: Commit): void {
  c.publish.forEach((name, i) => {
    const from = path.join(staging, name);
    if (existsSync(from)) renameSync(from, path.join(dir, name));
    if (i === 0) killPoint('publish');
  });
  fsyncDir(dir);
  for (const name of c.remove) rmSync(path.join(dir, name), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Called with the folder lock held: a staging folder of a dead writer is finished if it was committed
 * and removed if not. A live writer's staging folder is never touched (it would hold the lock anyway;
 * the pid check is a second guard).
 */
function recover(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.startsWith(TEMP_PREFIX)) {
      const pid = Number(name.slice(TEMP_PREFIX.length).split('-')[0]);
      if (pid !== process.pid && alive(pid)) continue;
      const staging = path.join(dir, name);
      let c: Commit | null = null;
      try {
        c = JSON.parse(readFileSync(path.join(staging, COMMIT), 'utf8')) as Commit;
      } catch {
        c = null; // no marker (or one cut short): the unit never committed
      }
      if (c) finish(dir, staging, c);
      else rmSync(staging, { recursive: true, force: true });
    } else {
      const m = LEGACY_TEMP.exec(name);
      if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(path.join(dir, name), { force: true });
    }
  }
}
