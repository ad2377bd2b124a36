// The split methods through both faces (in-process dispatcher and loopback HTTP): preview, leakage
// with its offending rows as a grid filter, jobs.split with the refusal of a folder that holds files,
// and split.read of what was written.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JobInfo, RowBlock } from '../../shared/api/contract';
import type { LeakageReport, SplitPreview, VerifyResult } from '../../shared/api/split';
import { httpHarness, inProcessHarness, replies, tempDir, type Harness } from './harness';

function splitSuite(make: () => Promise<Harness>): void {
  let h: Harness;
  let dir: string;
  const { call, finished } = replies(() => h);

  before(async () => {
    h = await make();
    dir = tempDir('tidyset-split-api-');
    const rows = Array.from({ length: 60 }, (_, i) => `${i % 50},${i % 3 ? 'a' : 'b'},g${i % 50}`);
    writeFileSync(path.join(dir, 'items.csv'), `id,label,grp\n${rows.join('\n')}\n`);
    const [job] = await call<JobInfo[]>('jobs.import', { files: [{ path: path.join(dir, 'items.csv'), options: { name: 'items' } }] });
    assert.equal((await finished(job!)).state, 'done');
  });
  after(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('split.preview gives rows and class balance per part; bad shares are a clear error', async () => {
    const p = await call<SplitPreview>('split.preview', { dataset: 'items', stratify: 'label', parts: [{ name: 'train', share: 70 }, { name: 'test', share: 30 }] });
    assert.deepEqual(p.parts.map((x) => x.rows), [42, 18]);
    assert.equal(p.parts[0]!.classes!.reduce((s, c) => s + c.rows, 0), 42);
    await assert.rejects(call('split.preview', { dataset: 'items', parts: [{ name: 'train', share: 70 }, { name: 'test', share: 20 }] }), (e: unknown) => /sum to 90/.test((e as Error).message));
    await assert.rejects(call('split.preview', { dataset: 'items', seed: -1 }), (e: unknown) => (e as { code: string }).code === 'VALIDATION');
  });

  test('split.leakage finds the rows repeated across parts; their ids filter the grid to exactly them', async () => {
    const { report, rows } = await call<{ report: LeakageReport; rows: Record<string, Record<string, number[]>> }>('split.leakage', { dataset: 'items', seed: 1 });
    assert.ok(report.exactDuplicates.rows > 0);
    const rids = Object.values(rows.exact ?? {}).flat();
    const page = await call<RowBlock>('rows.page', { dataset: 'items', offset: 0, limit: 100, filters: [{ kind: 'rows', column: 'id', rids, label: 'duplicates' }] });
    assert.deepEqual([...page.rids].sort((a, b) => a - b), [...rids].sort((a, b) => a - b));
  });

  test('jobs.split writes the split (kind split); a folder with files is ALREADY_EXISTS until force; split.read shows it verified', async () => {
    const out = path.join(dir, 'out');
    const job = await call<JobInfo>('jobs.split', { dataset: 'items', group: 'grp', out, format: 'jsonl' });
    assert.equal(job.kind, 'split');
    const end = await finished(job);
    assert.equal(end.state, 'done', JSON.stringify(end.error));
    assert.equal(end.outcome?.dir, out);
    await assert.rejects(call('jobs.split', { dataset: 'items', out }), (e: unknown) => (e as { code: string }).code === 'ALREADY_EXISTS');
    assert.equal((await finished(await call<JobInfo>('jobs.split', { dataset: 'items', out, force: true }))).state, 'done');
    const read = await call<{ manifest: { parts: Array<{ file: string }> }; datasheet: string; verify: VerifyResult }>('split.read', { dir: out });
    assert.deepEqual(read.manifest.parts.map((p) => p.file), ['train.csv', 'val.csv', 'test.csv']);
    assert.match(read.datasheet, /^# Datasheet: items/);
    assert.equal(read.verify.ok, true);
    assert.deepEqual(read.verify.unlisted, []);
  });
}

describe('split methods in process', () => splitSuite(inProcessHarness));
describe('split methods over loopback HTTP', () => splitSuite(() => httpHarness()));
