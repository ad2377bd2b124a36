// erase.search, jobs.erase and audit.list through both faces (in-process dispatcher and loopback HTTP):
// the outputs match the contract, validation and NOT_FOUND come back as codes, the job's outcome is an
// EraseResult, and the audit and export logs show the erasure and the earlier export.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { contract, type JobInfo, type Method, type Reply } from '../../shared/api/contract';
import { EraseResultSchema } from '../../shared/api/erase';
import { FIXTURES, httpHarness, inProcessHarness, jobEnded, tempDir, type Harness } from './harness';

function eraseSuite(make: () => Promise<Harness>): void {
  let h: Harness;
  let out: string;
  const call = async <T>(method: Method, input: unknown): Promise<T> => {
    const r = (await h.call(method, input)) as Reply<T>;
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    const parsed = contract[method].output.safeParse(r.value);
    assert.ok(parsed.success, `${method} output does not match the contract: ${parsed.success ? '' : parsed.error.message}`);
    return r.value;
  };
  const code = async (method: string, input: unknown): Promise<string> => {
    const r = await h.call(method, input);
    assert.equal(r.ok, false);
    return r.ok ? '' : r.error.code;
  };
  const finished = async (job: JobInfo) => (await h.waitFor(jobEnded(job.id))).payload as JobInfo;

  before(async () => {
    h = await make();
    out = tempDir('tidyset-erase-api-');
    for (const name of ['people', 'people_copy']) {
      const [job] = await call<JobInfo[]>('jobs.import', { files: [{ path: path.join(FIXTURES, 'people.csv'), options: { name } }] });
      assert.equal((await finished(job!)).state, 'done');
    }
    assert.equal((await finished(await call<JobInfo>('jobs.export', { dataset: 'people', format: 'csv', out, allowDirect: true }))).state, 'done');
  });
  after(async () => {
    await h.close();
    rmSync(out, { recursive: true, force: true });
  });

  test('erase.search finds the value in both datasets; a missing dataset is NOT_FOUND, an empty value VALIDATION', async () => {
    const r = await call<{ datasets: Array<{ dataset: string; rows: number; matchedColumns: string[]; page: unknown[] }> }>('erase.search', { value: ' Björn Berg ' });
    assert.deepEqual(r.datasets.map((d) => [d.dataset, d.rows, d.matchedColumns]), [['people', 1, ['name']], ['people_copy', 1, ['name']]]);
    assert.equal(await code('erase.search', { value: 'x', dataset: 'nope' }), 'NOT_FOUND');
    assert.equal(await code('erase.search', { value: '' }), 'VALIDATION');
    assert.equal(await code('jobs.erase', { value: 'x', reason: '' }), 'VALIDATION');
  });

  test('jobs.erase erases in the chosen dataset; audit.list shows the entry and the export log', async () => {
    const job = await call<JobInfo>('jobs.erase', { value: 'Björn Berg', datasets: ['people'], reason: 'contract test' });
    assert.equal(job.kind, 'erase');
    const end = await finished(job);
    assert.equal(end.state, 'done', JSON.stringify(end.error));
    const result = EraseResultSchema.parse(end.outcome);
    assert.deepEqual(result.datasets.map((d) => [d.dataset, d.rows]), [['people', 1]]);
    assert.equal(result.exports[0]?.dataset, 'people');
    const left = await call<{ datasets: Array<{ dataset: string }> }>('erase.search', { value: 'Björn Berg' });
    assert.deepEqual(left.datasets.map((d) => d.dataset), ['people_copy'], 'the dataset left out keeps its row');
    const audit = await call<{ entries: Array<{ reason: string; datasets: Array<{ dataset: string; rows: number }> }>; exports: unknown[] }>('audit.list', {});
    assert.equal(audit.entries[0]?.reason, 'contract test');
    assert.deepEqual(audit.entries[0]?.datasets, [{ dataset: 'people', rows: 1, cells: 0 }]);
    assert.equal(audit.exports.length, 1);
    assert.ok(!JSON.stringify(audit).includes('Björn'), 'the audit log never holds the value');
  });
}

describe('erase contract: in-process dispatch', () => eraseSuite(inProcessHarness));
describe('erase contract: loopback HTTP', () => eraseSuite(() => httpHarness()));
