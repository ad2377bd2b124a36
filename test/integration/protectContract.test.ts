// protect.* and jobs.export's refusal through both faces (in-process dispatcher and loopback HTTP):
// the overview of tags and actions, setting an action, k-anonymity in the reader thread, rotation.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JobInfo } from '../../shared/api/contract';
import type { KanonResultInfo, Protection, SecretState } from '../../shared/api/protect';
import { Workspace } from '../../main/core/workspace';
import { tagColumn } from '../helpers/protectKit';
import { FIXTURES, httpHarness, inProcessHarness, replies, tempDir, type Harness } from './harness';

function protectSuite(make: () => Promise<Harness>): void {
  let h: Harness;
  let out: string;
  const { call, finished } = replies(() => h);
  const code = (c: string) => (e: unknown) => (e as { code: string }).code === c;

  before(async () => {
    h = await make();
    out = tempDir('tidyset-protect-api-');
    const [job] = await call<JobInfo[]>('jobs.import', { files: [{ path: path.join(FIXTURES, 'people.csv'), options: { name: 'people' } }] });
    assert.equal((await finished(job!)).state, 'done');
    // Detection runs after the import; its suggestions come first, then these confirmed tags.
    await h.waitFor((e) => e.name === 'job.end' && (e.payload as JobInfo).kind === 'detect');
    const ws = Workspace.open(h.workspace);
    try {
      tagColumn(ws, 'people', 'name', 'person_name', 'direct');
      tagColumn(ws, 'people', 'city', 'location', 'quasi');
      tagColumn(ws, 'people', 'joined', 'date_of_birth', 'quasi', { action: 'generalise', to: 'year' });
    } finally {
      ws.close();
    }
  });
  after(async () => {
    await h.close();
    rmSync(out, { recursive: true, force: true });
  });

  test('protect.get lists tags, actions and examples; a kept direct identifier refuses jobs.export at once', async () => {
    const p = await call<Protection>('protect.get', { dataset: 'people' });
    assert.deepEqual(p.directKept, ['name']);
    assert.ok(['city', 'joined'].every((c) => p.suggestedQuasi.includes(c)), p.suggestedQuasi.join());
    const joined = p.columns.find((c) => c.column === 'joined')!;
    assert.match(joined.examples[0]!.after ?? '', /^\d{4}$/);
    assert.equal(p.columns.length, 5, 'every column is listed, tagged or not');
    await assert.rejects(call('jobs.export', { dataset: 'people', format: 'csv', out }), code('DIRECT_IDENTIFIER'));
    const end = await finished(await call<JobInfo>('jobs.export', { dataset: 'people', format: 'csv', out, allowDirect: true }));
    assert.equal(end.state, 'done', JSON.stringify(end.error));
  });

  test('protect.setAction stores an action (the next export applies it); unknown columns and bad actions are refused', async () => {
    const p = await call<Protection>('protect.setAction', { dataset: 'people', column: 'name', action: { action: 'mask', keep: 2 } });
    assert.deepEqual(p.directKept, []);
    assert.match(p.columns.find((c) => c.column === 'name')!.examples[0]!.after ?? '', /^\*+\S{2}$/);
    await assert.rejects(call('protect.setAction', { dataset: 'people', column: 'nope', action: { action: 'drop' } }), code('NOT_FOUND'));
    await assert.rejects(call('protect.setAction', { dataset: 'people', column: 'name', action: { action: 'burn' } }), code('VALIDATION'));
    const end = await finished(await call<JobInfo>('jobs.export', { dataset: 'people', format: 'csv', out, force: true }));
    assert.equal(end.state, 'done', JSON.stringify(end.error));
    const second = readFileSync(path.join(out, 'people.csv'), 'utf8').split('\r\n')[1]!;
    assert.match(second, /^1,\*{6}ma,Lisboa,34,2021$/);
  });

  test('protect.kanon counts classes before and after; protect.rotateSecret rotates', async () => {
    const r = await call<KanonResultInfo>('protect.kanon', { dataset: 'people', k: 2 });
    assert.deepEqual(r.quasi, (await call<Protection>('protect.get', { dataset: 'people' })).suggestedQuasi, 'the quasi-tagged columns are the default');
    assert.ok(r.quasi.includes('joined'));
    assert.equal(r.before.rows, r.after.rows);
    assert.ok(r.after.classes <= r.before.classes);
    await assert.rejects(call('protect.kanon', { dataset: 'people', quasi: ['nope'] }), code('NOT_FOUND'));
    await assert.rejects(call('protect.kanon', { dataset: 'people', k: 0 }), code('VALIDATION'));
    const first = await call<SecretState>('protect.rotateSecret', {});
    const second = await call<SecretState>('protect.rotateSecret', {});
    assert.notEqual(first.current?.fingerprint, second.current?.fingerprint);
    assert.equal(second.retired[0]!.fingerprint, first.current!.fingerprint);
  });
}

describe('protect.* in process', () => protectSuite(inProcessHarness));
describe('protect.* over loopback HTTP', () => protectSuite(() => httpHarness()));
