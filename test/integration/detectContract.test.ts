// Personal-data detection and tags through both faces (in-process dispatcher and loopback HTTP): the
// detect job that follows an import, tags.list / tags.set / tags.setAction / tags.search, validation.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { contract, type JobInfo, type Method, type Reply } from '../../shared/api/contract';
import type { ColumnTagRow } from '../../shared/api/detect';
import type { ApiEvent } from '../../main/api/dispatch';
import { httpHarness, inProcessHarness, jobEnded, type Harness } from './harness';

const PERSONAL = path.join(__dirname, '..', 'fixtures', 'personal', 'customers.csv');

function detectSuite(make: () => Promise<Harness>): void {
  let h: Harness;
  const ok = async <T>(method: Method, input: unknown): Promise<T> => {
    const r = (await h.call(method, input)) as Reply<T>;
    assert.equal(r.ok, true, `${method}: ${JSON.stringify(r)}`);
    const value = (r as { value: T }).value;
    assert.ok(contract[method].output.safeParse(value).success, `${method} output matches the contract`);
    return value;
  };
  const fails = async (code: string, method: string, input: unknown) => {
    const r = await h.call(method, input);
    assert.equal(r.ok, false, `${method} should fail`);
    if (!r.ok) assert.equal(r.error.code, code, r.error.message);
  };

  before(async () => {
    h = await make();
    const [job] = await ok<JobInfo[]>('jobs.import', { files: [{ path: PERSONAL, options: { name: 'customers' } }] });
    assert.equal(((await h.waitFor(jobEnded(job!.id))).payload as JobInfo).state, 'done');
  });
  after(() => h.close());

  test('an import starts a detect job on its own; its end announces the dataset', async () => {
    const end = (await h.waitFor((e: ApiEvent) => e.name === 'job.end' && (e.payload as JobInfo).kind === 'detect')).payload as JobInfo;
    assert.equal(end.state, 'done', JSON.stringify(end.error));
    assert.equal(end.outcome?.dataset, 'customers');
    assert.equal(end.outcome?.personal, 6);
    const rows = await ok<ColumnTagRow[]>('tags.list', { dataset: 'customers' });
    assert.deepEqual(rows.map((r) => [r.column, r.tag?.kind]), [
      ['customer_id', 'none'], ['full_name', 'person_name'], ['email', 'email'], ['personnummer', 'national_id_se'], ['phone', 'phone'],
      ['city', 'location'], ['plan', 'none'], ['monthly_fee', 'none'], ['notes', 'free_text_pii'],
    ]);
    assert.ok(rows.every((r) => r.tag?.status === 'suggested'));
  });

  test('tags.set confirms or overrides, tags.setAction sets the export action, jobs.detect keeps confirmed tags', async () => {
    const t = await ok<{ status: string; kind: string }>('tags.set', { dataset: 'customers', column: 'city', kind: 'none', category: 'none' });
    assert.equal(t.status, 'confirmed');
    const a = await ok<{ action: unknown }>('tags.setAction', { dataset: 'customers', column: 'email', action: { action: 'mask', keep: 4 } });
    assert.deepEqual(a.action, { action: 'mask', keep: 4 });
    const job = await ok<JobInfo>('jobs.detect', { dataset: 'customers' });
    assert.equal(job.kind, 'detect');
    assert.equal(((await h.waitFor(jobEnded(job.id))).payload as JobInfo).state, 'done');
    const rows = await ok<ColumnTagRow[]>('tags.list', { dataset: 'customers' });
    assert.equal(rows.find((r) => r.column === 'city')!.tag!.kind, 'none');
    assert.deepEqual(rows.find((r) => r.column === 'email')!.tag!.action, { action: 'mask', keep: 4 });
  });

  test('tags.search finds tagged columns by kind, category or text', async () => {
    const direct = await ok<Array<{ column: string }>>('tags.search', { category: 'direct' });
    assert.deepEqual(direct.map((x) => x.column).sort(), ['email', 'full_name', 'notes', 'personnummer', 'phone']);
    const se = await ok<Array<{ dataset: string; column: string; confidence: number }>>('tags.search', { query: 'national id se' });
    assert.deepEqual(se, [{ dataset: 'customers', column: 'personnummer', kind: 'national_id_se', category: 'direct', status: 'suggested', confidence: se[0]!.confidence }]);
  });

  test('bad input comes back as a validation or not-found error', async () => {
    await fails('VALIDATION', 'tags.set', { dataset: 'customers', column: 'email', kind: 'emale', category: 'direct' });
    await fails('VALIDATION', 'tags.setAction', { dataset: 'customers', column: 'email', action: { action: 'mask', keep: -1 } });
    await fails('NOT_FOUND', 'tags.set', { dataset: 'customers', column: 'nope', kind: 'email', category: 'direct' });
    await fails('NOT_FOUND', 'tags.list', { dataset: 'nope' });
    await fails('NOT_FOUND', 'jobs.detect', { dataset: 'nope' });
  });
}

describe('detect contract: in-process dispatch', () => detectSuite(inProcessHarness));
describe('detect contract: loopback HTTP', () => detectSuite(() => httpHarness()));
