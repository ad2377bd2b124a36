// Leases: one holder at a time of a named resource (a dataset file), across threads and processes.
// A lease is an open `BEGIN IMMEDIATE` transaction on a small lock database: SQLite holds a POSIX
// lock on the file (a LockFileEx lock on Windows) for as long as the transaction is open, and the
// operating system drops it when the holder dies — however it dies. No process ids are trusted.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { openLockDb, type Db } from '../db/open';
import { TidysetError } from '../errors';

/** Who holds a lease, for the message a waiting writer gives up with (never used to decide anything). */
export interface LeaseHolder {
  pid: number;
  thread: number;
  what: string;
  command: string;
  since: string;
}

/** How long a writer waits for a busy dataset by default: TIDYSET_LOCK_TIMEOUT_MS, else 30 s. */
export function defaultLeaseTimeout(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.TIDYSET_LOCK_TIMEOUT_MS);
  return Number.isFinite(n) && n >= 0 ? n : 30_000;
}

/** A held lease; `release()` ends it (idempotent). */
export class Lease {
  private db: Db | null;
  constructor(db: Db, readonly file: string) {
    this.db = db;
  }
  get held(): boolean {
    return this.db !== null;
  }
  release(): void {
    const db = this.db;
    if (!db) return;
    this.db = null;
    try {
      db.exec('ROLLBACK');
    } finally {
      db.close();
    }
  }
}

function holderFile(lockFile: string): string {
  return `${lockFile}.holder`;
}

/** The last recorded holder of a lease, if any (it may have released it since). */
export function readHolder(lockFile: string): LeaseHolder | null {
  try {
    return JSON.parse(readFileSync(holderFile(lockFile), 'utf8')) as LeaseHolder;
  } catch {
    return null;
  }
}

function describeHolder(h: LeaseHolder | null): string {
  if (!h) return 'another writer';
  return `${h.what} by process ${h.pid}${h.thread ? ` (worker thread ${h.thread})` : ''} (${h.command}) since ${h.since}`;
}

/**
 * Takes the lease on `lockFile`, waiting up to `timeoutMs` for its holder; null if it stays busy.
 * `what` says what the holder is doing, for the message another waiting writer shows.
 */
export function tryLease(lockFile: string, what: string, timeoutMs = 0): Lease | null {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const db = openLockDb(lockFile);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(timeoutMs))}`);
    db.exec('BEGIN IMMEDIATE');
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
    throw e;
  }
  const lease = new Lease(db, lockFile);
  try {
    const holder: LeaseHolder = { pid: process.pid, thread: threadId, what, command: path.basename(process.argv[1] ?? process.argv0) + (process.argv[2] ? ` ${process.argv[2]}` : ''), since: new Date().toISOString() };
    const tmp = `${holderFile(lockFile)}.${process.pid}-${threadId}.tmp`;
    writeFileSync(tmp, JSON.stringify(holder));
    renameSync(tmp, holderFile(lockFile));
  } catch {
    /* the holder note is only for messages */
  }
  return lease;
}

/** Takes the lease, waiting up to `timeoutMs`; a DATASET_BUSY error naming the holder if it stays busy. */
export function acquireLease(lockFile: string, what: string, resource: string, timeoutMs = defaultLeaseTimeout()): Lease {
  const lease = tryLease(lockFile, what, timeoutMs);
  if (lease) return lease;
  throw new TidysetError('DATASET_BUSY', `${resource} is being changed by ${describeHolder(readHolder(lockFile))}; waited ${(timeoutMs / 1000).toFixed(1)} s (TIDYSET_LOCK_TIMEOUT_MS sets the wait), try again when it has finished`);
}
