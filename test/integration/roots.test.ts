// File access is confined to the data roots: fs.list, jobs.scan and jobs.import refuse paths outside
// them with FORBIDDEN_PATH, after resolving symlinks and `..`; the native dialog adds roots.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JobInfo, Reply } from '../../shared/api/contract';
import { Dispatcher } from '../../main/api/dispatch';
import { DataRoots, resolveReal } from '../../main/api/paths';
import { startServer } from '../../main/server/server';
import { EventLog, jobEnded, request } from './harness';

let base: string;
let root: string;
let outside: string;

before(() => {
  base = resolveReal(mkdtempSync(path.join(os.tmpdir(), 'tidyset-roots-')));
  root = path.join(base, 'root');
  outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'data.csv'), 'a,b\n1,2\n');
  writeFileSync(path.join(outside, 'secret.csv'), 'secret\ntop\n');
  symlinkSync(outside, path.join(root, 'escape'));
  symlinkSync(path.join(outside, 'secret.csv'), path.join(root, 'link.csv'));
});
after(() => rmSync(base, { recursive: true, force: true }));

function code(r: Reply<unknown>): string {
  assert.equal(r.ok, false, `expected a refusal, got ${JSON.stringify(r)}`);
  return r.ok ? '' : r.error.code;
}

describe('data roots through the dispatcher', () => {
  let d: Dispatcher;
  let ws: string;
  before(() => {
    ws = mkdtempSync(path.join(os.tmpdir(), 'tidyset-roots-ws-'));
    d = new Dispatcher({ workspaceDir: ws, face: 'test', roots: [root] });
  });
  after(async () => {
    await d.close();
    rmSync(ws, { recursive: true, force: true });
  });

  test('fs.roots lists the roots; fs.pickFolder says there is no native dialog', async () => {
    assert.deepEqual(await d.dispatch('fs.roots', {}), { ok: true, value: { roots: [root], native: false } });
    assert.deepEqual(await d.dispatch('fs.pickFolder', {}), { ok: true, value: { native: false, path: null } });
  });

  test('fs.list works inside a root and refuses everything outside, however it is spelled', async () => {
    const r = await d.dispatch('fs.list', { path: root });
    assert.ok(r.ok);
    assert.equal((r.value as { parent: string | null }).parent, null);
    const first = await d.dispatch('fs.list', {});
    assert.ok(first.ok && (first.value as { path: string }).path === root);
    for (const p of ['/etc', '/proc/self', '/', outside, path.join(root, 'escape'), path.join(root, 'sub', '..', '..', 'outside'), `${root}/../outside`]) {
      const refused = await d.dispatch('fs.list', { path: p });
      assert.equal(code(refused), 'FORBIDDEN_PATH', p);
      assert.match((refused as { error: { message: string } }).error.message, /outside the data roots/);
    }
    // A missing folder inside a root is an ordinary "no such folder".
    assert.equal(code(await d.dispatch('fs.list', { path: path.join(root, 'nope') })), 'BAD_INPUT');
  });

  test('jobs.scan and jobs.import refuse paths outside the roots and start nothing', async () => {
    assert.equal(code(await d.dispatch('jobs.scan', { root: '/etc' })), 'FORBIDDEN_PATH');
    assert.equal(code(await d.dispatch('jobs.scan', { root: path.join(root, 'escape') })), 'FORBIDDEN_PATH');
    assert.equal(code(await d.dispatch('jobs.import', { files: [{ path: '/etc/passwd' }] })), 'FORBIDDEN_PATH');
    assert.equal(code(await d.dispatch('jobs.import', { files: [{ path: path.join(root, 'link.csv') }] })), 'FORBIDDEN_PATH');
    // One forbidden file refuses the whole call: the allowed one does not start either.
    const mixed = await d.dispatch('jobs.import', { files: [{ path: path.join(root, 'data.csv') }, { path: path.join(outside, 'secret.csv') }] });
    assert.equal(code(mixed), 'FORBIDDEN_PATH');
    assert.deepEqual(await d.dispatch('jobs.list', {}), { ok: true, value: [] });
    const ok = await d.dispatch('jobs.scan', { root });
    assert.ok(ok.ok, JSON.stringify(ok));
  });

  test('jobs.export writes only inside the roots, checked before a job starts', async () => {
    const log = new EventLog();
    const off = d.onEvent((e) => log.push(e));
    try {
      const imp = await d.dispatch('jobs.import', { files: [{ path: path.join(root, 'data.csv'), options: { name: 'rooted' } }] });
      assert.ok(imp.ok, JSON.stringify(imp));
      const job = (imp.value as JobInfo[])[0]!;
      assert.equal(((await log.waitFor(jobEnded(job.id))).payload as JobInfo).state, 'done');
      const before = (await d.dispatch('jobs.list', {})) as { ok: true; value: JobInfo[] };
      for (const out of [outside, path.join(root, 'escape', 'out'), path.join(root, '..', 'outside', 'new'), '/etc']) {
        assert.equal(code(await d.dispatch('jobs.export', { dataset: 'rooted', format: 'csv', out })), 'FORBIDDEN_PATH', out);
      }
      const after = (await d.dispatch('jobs.list', {})) as { ok: true; value: JobInfo[] };
      assert.equal(after.value.length, before.value.length, 'a refused export starts no job');
      const ok = await d.dispatch('jobs.export', { dataset: 'rooted', format: 'csv', out: path.join(root, 'exports') });
      assert.ok(ok.ok, JSON.stringify(ok));
      assert.equal(((await log.waitFor(jobEnded((ok.value as JobInfo).id))).payload as JobInfo).state, 'done');
    } finally {
      off();
    }
  });

  test('a scan inside a root does not follow symbolic links out of it', async () => {
    const log = new EventLog();
    const off = d.onEvent((e) => log.push(e));
    try {
      const r = await d.dispatch('jobs.scan', { root });
      assert.ok(r.ok, JSON.stringify(r));
      const end = (await log.waitFor(jobEnded((r.value as JobInfo).id))).payload as JobInfo;
      assert.equal(end.state, 'done', JSON.stringify(end.error));
      const sources = await d.dispatch('sources.list', { root });
      assert.ok(sources.ok);
      const list = sources.value as Array<{ path: string; status: string; error: string | null }>;
      assert.ok(!list.some((s) => s.path.includes('secret') || s.path.startsWith(path.join(root, 'escape') + path.sep)), JSON.stringify(list));
      const link = list.find((s) => s.path === path.join(root, 'link.csv'));
      assert.ok(link && link.status !== 'ok' && /outside the data roots/.test(link.error ?? ''), JSON.stringify(link));
      assert.ok(list.some((s) => s.path === path.join(root, 'data.csv') && s.status === 'ok'));
    } finally {
      off();
    }
  });
});

describe('the desktop dialog adds roots', () => {
  test('a folder picked in the native dialog becomes a root; a cancelled dialog adds nothing', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'tidyset-roots-ws-'));
    let answer: string | null = null;
    const d = new Dispatcher({ workspaceDir: ws, face: 'test', roots: [root], pickFolder: async () => answer });
    try {
      assert.deepEqual(await d.dispatch('fs.roots', {}), { ok: true, value: { roots: [root], native: true } });
      assert.deepEqual(await d.dispatch('fs.pickFolder', {}), { ok: true, value: { native: true, path: null } });
      const refused = await d.dispatch('fs.list', { path: outside });
      assert.equal(code(refused), 'FORBIDDEN_PATH');
      assert.match((refused as { error: { message: string } }).error.message, /Choose folder/);
      answer = outside;
      assert.deepEqual(await d.dispatch('fs.pickFolder', {}), { ok: true, value: { native: true, path: outside } });
      assert.deepEqual(await d.dispatch('fs.roots', {}), { ok: true, value: { roots: [root, outside], native: true } });
      assert.ok((await d.dispatch('fs.list', { path: outside })).ok);
    } finally {
      await d.close();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('DataRoots.check', () => {
  test('write: a destination that does not exist yet is checked by its nearest existing parent', () => {
    const roots = new DataRoots([root]);
    assert.equal(roots.check(path.join(root, 'out', 'new', 'x'), 'write'), path.join(root, 'out', 'new', 'x'));
    assert.throws(() => roots.check(path.join(root, 'escape', 'new'), 'write'), (e: { code: string; message: string }) => e.code === 'FORBIDDEN_PATH' && /may not write to/.test(e.message));
    assert.throws(() => roots.check('/tmp/../etc/new', 'write'), { code: 'FORBIDDEN_PATH' });
    assert.throws(() => new DataRoots([path.join(base, 'missing')]), { code: 'BAD_INPUT' });
    // A name that merely starts like the root is not inside it.
    assert.throws(() => roots.check(`${root}-other`, 'read'), { code: 'FORBIDDEN_PATH' });
  });
});

describe('data roots over HTTP', () => {
  test('the server reports its roots and refuses /etc', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'tidyset-roots-ws-'));
    const s = await startServer({ workspaceDir: ws, port: 0, roots: [root] });
    try {
      assert.deepEqual(s.roots, [root]);
      const r = await request(s.port, {
        method: 'POST', path: '/api/call/fs.list', body: JSON.stringify({ path: '/etc' }),
        headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
      });
      assert.equal(JSON.parse(r.body).error.code, 'FORBIDDEN_PATH');
    } finally {
      await s.close();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
