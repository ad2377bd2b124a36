// Serve responsiveness: while a heavy read runs (the first sort on an unindexed column, a text facet),
// how long do cheap calls (app.info, an unsorted page) take over loopback HTTP? Figures, never pass/fail.
// Run: node --import tsx test/bench/serveBench.ts [--rows N]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobInfo, Reply } from '../../shared/api/contract';
import { startServer } from '../../main/server/server';
import { EventLog, jobEnded, openEventStream, request } from '../integration/harness';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 300_000;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-servebench-'));
  const file = path.join(dir, 'big.csv');
  const lines = ['id,name,score,city'];
  for (let i = 0; i < ROWS; i++) lines.push(`${i},name-${((i * 7919) % ROWS).toString(36)}-${i % 97},${(i * 31) % 1000},city-${i % 53}`);
  writeFileSync(file, lines.join('\n') + '\n');
  const s = await startServer({ workspaceDir: path.join(dir, 'ws'), port: 0, roots: [dir] });
  const headers = { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' };
  const call = async (method: string, input: unknown): Promise<Reply<unknown>> =>
    JSON.parse((await request(s.port, { method: 'POST', path: `/api/call/${method}`, headers, body: JSON.stringify(input) })).body) as Reply<unknown>;
  const log = new EventLog();
  const stop = await openEventStream(s.port, headers, log);
  try {
    const r = await call('jobs.import', { files: [{ path: file, options: { name: 'big' } }] });
    await log.waitFor(jobEnded((r as { value: JobInfo[] }).value[0]!.id));
    await call('facets.blank', { dataset: 'big', column: 'score' });
    const heavyCalls: Array<[string, string, unknown]> = [
      ['first sort on an unindexed text column', 'rows.page', { dataset: 'big', offset: 0, limit: 100, sort: [{ column: 'name', dir: 'desc' }] }],
      ['first sort on an unindexed number column', 'rows.page', { dataset: 'big', offset: 0, limit: 100, sort: [{ column: 'score', dir: 'asc' }] }],
      ['text facet with a filter', 'facets.text', { dataset: 'big', column: 'city', filters: [{ kind: 'text', column: 'name', op: 'contains', value: '-1' }] }],
    ];
    console.log(`rows ${ROWS.toLocaleString('en')} · nproc ${os.cpus().length} · load ${os.loadavg()[0]!.toFixed(1)}`);
    console.log('| heavy call | heavy ms | cheap calls during it | app.info p50 / max ms | unsorted page p50 / max ms |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const [label, method, input] of heavyCalls) {
      const t0 = performance.now();
      let done = false;
      const heavy = call(method, input).then(() => (done = true, performance.now() - t0));
      const info: number[] = [];
      const page: number[] = [];
      while (!done) {
        let t = performance.now();
        await call('app.info', {});
        info.push(performance.now() - t);
        t = performance.now();
        await call('rows.page', { dataset: 'big', offset: 5000, limit: 100 });
        page.push(performance.now() - t);
      }
      const ms = await heavy;
      const stat = (xs: number[]) => {
        const sorted = [...xs].sort((a, b) => a - b);
        return `${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} / ${sorted.at(-1)!.toFixed(1)}`;
      };
      console.log(`| ${label} | ${ms.toFixed(0)} | ${info.length + page.length} | ${stat(info)} | ${stat(page)} |`);
    }
  } finally {
    stop();
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
