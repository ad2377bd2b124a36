// `tidyset detect` and `tidyset tag` as a user runs them: the JSON shape of the issue, the stored tags,
// the action spellings, and clear errors for bad flags.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureBuilt, jsonOut, runCli } from '../helpers/cli';

const CUSTOMERS = path.join(__dirname, '..', 'fixtures', 'personal', 'customers.csv');

describe('tidyset detect and tag', () => {
  let ws: string;
  before(() => {
    ensureBuilt();
    ws = mkdtempSync(path.join(os.tmpdir(), 'tidyset-cli-detect-'));
    const r = runCli(['import', CUSTOMERS, '--name', 'customers', '--json'], ws);
    assert.equal(r.status, 0, r.stderr);
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  test('detect --json prints {"columns":[{column, kind, category, confidence, evidence}]}', () => {
    const r = runCli(['detect', 'customers', '--json'], ws);
    assert.equal(r.status, 0, r.stderr);
    const out = jsonOut<{ columns: Array<Record<string, unknown>> }>(r);
    assert.deepEqual(Object.keys(out), ['columns']);
    assert.equal(out.columns.length, 9);
    for (const c of out.columns) assert.deepEqual(Object.keys(c), ['column', 'kind', 'category', 'confidence', 'evidence']);
    const pnr = out.columns.find((c) => c.column === 'personnummer')!;
    assert.equal(pnr.kind, 'national_id_se');
    assert.equal(pnr.category, 'direct');
    const ev = pnr.evidence as { header: string; sampled: number; passed: number; examples: string[] };
    assert.equal(ev.header, 'personnummer');
    assert.equal(ev.passed, 60);
    assert.ok(ev.examples.length > 0 && ev.examples.every((e) => e.includes('•')));
  });

  test('tag sets a confirmed tag and an action; detect keeps it; the text output says so', () => {
    const t = runCli(['tag', 'customers', 'customer_id', '--kind', 'none', '--category', 'direct', '--action', 'hash', '--json'], ws);
    assert.equal(t.status, 0, t.stderr);
    const tag = jsonOut<{ kind: string; category: string; status: string; action: unknown }>(t);
    assert.deepEqual([tag.kind, tag.category, tag.status, tag.action], ['none', 'direct', 'confirmed', { action: 'hash' }]);
    const a = runCli(['tag', 'customers', 'email', '--action', 'mask:4'], ws);
    assert.equal(a.status, 0, a.stderr);
    assert.match(a.stdout, /export action mask:4/);
    const g = runCli(['tag', 'customers', 'phone', '--kind', 'phone', '--action', 'generalise:year', '--json'], ws);
    assert.equal(jsonOut<{ category: string }>(g).category, 'direct', 'the category defaults to the kind’s');
    const d = runCli(['detect', 'customers'], ws);
    assert.equal(d.status, 0, d.stderr);
    assert.match(d.stdout, /customer_id.*\(confirmed tag kept\)/);
  });

  test('bad flags are refused with a message naming what is allowed', () => {
    const k = runCli(['tag', 'customers', 'email', '--kind', 'emale'], ws);
    assert.equal(k.status, 1);
    assert.match(k.stderr, /--kind must be one of person_name, email/);
    const act = runCli(['tag', 'customers', 'email', '--action', 'mask:x'], ws);
    assert.equal(act.status, 1);
    assert.match(act.stderr, /--action must be keep, drop, hash/);
    const col = runCli(['tag', 'customers', 'nope', '--kind', 'email'], ws);
    assert.equal(col.status, 1);
    assert.match(col.stderr, /no column "nope"/);
    const none = runCli(['detect', 'nope', '--json'], ws);
    assert.equal(none.status, 1);
    assert.equal(jsonOut<{ error: { code: string } }>(none).error.code, 'NOT_FOUND');
  });
});
