// File-system errors are user errors naming the file and the reason, never internal errors with a
// stack trace: through the job worker, the dispatcher (both faces' door) and the CLI.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { JobInfo } from '../../shared/api/contract';
import { Dispatcher } from '../../main/api/dispatch';
import { fileSystemError } from '../../main/core/errors';
import { ensureBuilt, runCli } from '../helpers/cli';
import { EventLog, jobEnded } from './harness';

const STACK = /\n\s+at /;
// Reading /proc/self/mem at offset 0 fails with EIO for any user, root included (where EACCES cannot be provoked).
const linux = process.platform === 'linux';

test('fileSystemError names the file and the reason, and maps codes', () => {
  const eacces = Object.assign(new Error("EACCES: permission denied, open '/data/x.csv'"), { code: 'EACCES', syscall: 'open', path: '/data/x.csv' });
  const u = fileSystemError(eacces)!;
  assert.equal(u.code, 'FILE_ACCESS');
  assert.equal(u.message, '/data/x.csv: permission denied (EACCES, open)');
  assert.equal(fileSystemError(Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write' }), '/out/a.csv')!.message, '/out/a.csv: no space left on the disk (ENOSPC, write)');
  assert.equal(fileSystemError(Object.assign(new Error('x'), { code: 'ENOENT', path: '/a' }))!.code, 'NOT_FOUND');
  assert.equal(fileSystemError(new Error('plain')), null);
  assert.equal(fileSystemError(Object.assign(new Error('x'), { code: 'ERR_SOMETHING' })), null);
});

test('an unreadable file imported through the API: a user error naming it, no stack', { skip: !linux && 'needs /proc' }, async () => {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'tidyset-fserr-'));
  const d = new Dispatcher({ workspaceDir: ws, face: 'test', roots: ['/proc/self'] });
  const log = new EventLog();
  d.onEvent((e) => log.push(e));
  try {
    const r = await d.dispatch('jobs.import', { files: [{ path: '/proc/self/mem' }] });
    assert.ok(r.ok, JSON.stringify(r));
    const [job] = r.value as JobInfo[];
    const end = (await log.waitFor(jobEnded(job!.id))).payload as JobInfo;
    assert.equal(end.state, 'failed');
    assert.equal(end.error?.code, 'FILE_ACCESS', JSON.stringify(end.error));
    assert.match(end.error!.message, /\/proc\/\d+\/mem: input\/output error \(EIO, read\)$/);
    assert.doesNotMatch(end.error!.message, STACK);
  } finally {
    await d.close();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('the CLI says which file and why, exits 1, and prints no stack', { skip: !linux && 'needs /proc' }, () => {
  ensureBuilt();
  const ws = mkdtempSync(path.join(os.tmpdir(), 'tidyset-fserr-cli-'));
  try {
    const r = runCli(['import', '/proc/self/mem'], ws);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^tidyset: \/proc\/self\/mem: input\/output error \(EIO, read\)$/m);
    assert.doesNotMatch(r.stderr, STACK);
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
});
