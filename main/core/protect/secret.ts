// The workspace secret that pseudonyms (HMAC-SHA-256) are keyed by: 32 random bytes in a file inside
// the workspace (mode 0600), created on first use, never exported, rotatable (old keys kept as retired,
// with the date). The catalog records each key's fingerprint, so a missing, corrupt or swapped file is
// a clear error — never a silent new key that would give the same person a different pseudonym.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { SecretsRepo, type SecretRecord } from '../db/repos/secrets';
import { TidysetError } from '../errors';
import type { Workspace } from '../workspace';

interface KeyEntry {
  key: string;
  createdAt: string;
  retiredAt?: string;
}

interface SecretFile {
  tidysetSecret: 1;
  current: KeyEntry;
  retired: KeyEntry[];
}

export interface SecretStatus {
  /** Where the secret lives (inside the workspace). */
  file: string;
  /** A current secret exists and matches the catalog. */
  ok: boolean;
  /** Why it cannot be used (missing, corrupt, not the recorded one), or null. */
  problem: string | null;
  current: { fingerprint: string; createdAt: string } | null;
  retired: Array<{ fingerprint: string; createdAt: string; retiredAt: string | null; why: 'rotated' | 'lost' | null }>;
}

/** The secret file of a workspace. */
export function secretFile(ws: Workspace): string {
  return path.join(ws.dir, 'secret', 'pseudonym-key.json');
}

/** A key's fingerprint: identifies it in the catalog and the UI without revealing it. */
export function fingerprint(key: Buffer): string {
  return createHash('sha256').update('tidyset-secret-fingerprint\0').update(key).digest('hex').slice(0, 16);
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Reads the secret file; null when it does not exist; SECRET_UNAVAILABLE when it is not a valid one. */
function readFile(file: string): SecretFile | null {
  if (!existsSync(file)) return null;
  const bad = (why: string) => new TidysetError('SECRET_UNAVAILABLE', `the workspace secret ${file} is corrupt (${why}); restore it from a backup — a new key would give every person a new pseudonym`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw bad(e instanceof SyntaxError ? 'not valid JSON' : (e as Error).message);
  }
  const f = data as Partial<SecretFile> | null;
  const valid = (k: unknown): k is KeyEntry => !!k && typeof (k as KeyEntry).key === 'string' && HEX64.test((k as KeyEntry).key) && typeof (k as KeyEntry).createdAt === 'string';
  if (!f || f.tidysetSecret !== 1 || !valid(f.current)) throw bad('no valid current key of 32 bytes');
  if (!Array.isArray(f.retired) || !f.retired.every(valid)) throw bad('a retired key is not valid');
  return f as SecretFile;
}

/** Writes the secret file atomically, readable by its owner only. */
function writeFile(file: string, content: SecretFile): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(content, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

const keyOf = (e: KeyEntry) => Buffer.from(e.key, 'hex');

/** Checks the file's current key against the catalog's record; the problem, or null. */
function mismatch(file: string, f: SecretFile | null, records: SecretRecord[]): string | null {
  const current = records.find((r) => r.retiredAt === null);
  if (!f) return current ? `the workspace secret ${file} is missing, yet the catalog records one (fingerprint ${current.fingerprint}, created ${current.createdAt}) that pseudonyms were made with; restore the file from a backup, or start a new key on purpose with \`tidyset secret --replace-lost\` (earlier pseudonyms will not match new ones)` : null;
  const fp = fingerprint(keyOf(f.current));
  if (current && current.fingerprint !== fp) {
    return `the workspace secret ${file} (fingerprint ${fp}) is not the one the catalog records (${current.fingerprint}); restore the right file, or start a new key on purpose with \`tidyset secret --replace-lost\``;
  }
  return null;
}

/**
 * The current secret. With `create`, a workspace that never had one gets one now (the first
 * pseudonym). Missing, corrupt or swapped after one was recorded: SECRET_UNAVAILABLE.
 */
export function loadSecret(ws: Workspace, opts: { create: boolean }): Buffer | null {
  const file = secretFile(ws);
  const repo = new SecretsRepo(ws.catalog);
  const f = readFile(file);
  const problem = mismatch(file, f, repo.list());
  if (problem) throw new TidysetError('SECRET_UNAVAILABLE', problem);
  if (f) {
    // A file made before the catalog knew (or the record was lost with a restored catalog): record it.
    repo.replaceCurrent(fingerprint(keyOf(f.current)), f.current.createdAt, null);
    return keyOf(f.current);
  }
  if (!opts.create) return null;
  return create(ws, file, repo, null, null);
}

/** Makes a new current key; the old one (if readable) is kept in the file as retired. */
function create(ws: Workspace, file: string, repo: SecretsRepo, old: SecretFile | null, why: 'rotated' | 'lost' | null): Buffer {
  const now = new Date().toISOString();
  const key = randomBytes(32);
  const retired = old ? [{ ...old.current, retiredAt: now }, ...old.retired] : [];
  writeFile(file, { tidysetSecret: 1, current: { key: key.toString('hex'), createdAt: now }, retired });
  repo.replaceCurrent(fingerprint(key), now, why);
  return key;
}

/**
 * Rotates the secret: a new key for pseudonyms made from now on, the old one kept as retired (with
 * the date) so that nothing made with it is silently lost. A missing or corrupt secret is replaced
 * only with `replaceLost` (recorded as lost).
 */
export function rotateSecret(ws: Workspace, opts: { replaceLost?: boolean } = {}): SecretStatus {
  const file = secretFile(ws);
  const repo = new SecretsRepo(ws.catalog);
  let f: SecretFile | null = null;
  let problem: string | null;
  try {
    f = readFile(file);
    problem = mismatch(file, f, repo.list());
  } catch (e) {
    problem = (e as Error).message;
  }
  if (problem && !opts.replaceLost) throw new TidysetError('SECRET_UNAVAILABLE', problem);
  if (problem) {
    // Keep the unreadable file aside rather than overwrite it: it may still be recoverable.
    if (existsSync(file)) renameSync(file, `${file}.lost-${Date.now()}`);
    create(ws, file, repo, null, 'lost');
  } else {
    create(ws, file, repo, f, f ? 'rotated' : null);
  }
  return secretStatus(ws);
}

/** What the workspace's secret looks like (never the key). */
export function secretStatus(ws: Workspace): SecretStatus {
  const file = secretFile(ws);
  const records = new SecretsRepo(ws.catalog).list();
  let problem: string | null;
  try {
    problem = mismatch(file, readFile(file), records);
  } catch (e) {
    problem = (e as Error).message;
  }
  const current = records.find((r) => r.retiredAt === null) ?? null;
  return {
    file,
    ok: problem === null && current !== null,
    problem,
    current: current ? { fingerprint: current.fingerprint, createdAt: current.createdAt } : null,
    retired: records.filter((r) => r.retiredAt !== null).map((r) => ({ fingerprint: r.fingerprint, createdAt: r.createdAt, retiredAt: r.retiredAt, why: r.retiredWhy })),
  };
}
