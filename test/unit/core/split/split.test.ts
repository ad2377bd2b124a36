// Splits written end to end: febrl grouped by entity, portal rodents by time, byte-identical
// reproduction in two workspaces, verify catching a changed byte, a missing file and an extra row,
// and bad input refused with nothing left behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { TidysetError } from '../../../../main/core/errors';
import { verifySplit } from '../../../../main/core/split/verify';
import { planSplit } from '../../../../main/core/split/plan';
import { SplitSpecSchema } from '../../../../shared/api/split';
import type { Workspace } from '../../../../main/core/workspace';
import { DATA, SplitKit } from './kit';

let kit: SplitKit;
let ws: Workspace;
const FEBRL = path.join(DATA, 'febrl', 'dataset3.csv');
const RODENTS = path.join(DATA, 'portal-rodents-messy', 'Portal_rodents_19772002_simplified.csv');

/** febrl with its entity id split out of rec_id (rec-<N>-org / rec-<N>-dup-<k>). */
async function febrl(w: Workspace, name = 'febrl'): Promise<string> {
  const ds = await kit.importCsv(w, FEBRL, name);
  kit.op(w, ds, { op: 'split', column: 'rec_id', by: 'delimiter', separator: '-', names: ['rec', 'entity', 'kind', 'copy'] });
  return ds;
}

before(async () => {
  kit = new SplitKit();
  ws = kit.workspace();
});
after(() => kit.close());

const csvRows = (file: string): string[][] => parse(readFileSync(file), { bom: true });

test('febrl grouped by entity: no entity in two parts, shares of rows near 80/10/10, leakage check clean of group overlap', async () => {
  const ds = await febrl(ws);
  const r = await kit.split(ws, { dataset: ds, group: 'entity', seed: 42 });
  const entityCol = csvRows(path.join(r.dir, 'train.csv'))[0]!.indexOf('entity');
  const owner = new Map<string, string>();
  const rows: Record<string, number> = {};
  for (const part of ['train', 'val', 'test']) {
    const [, ...body] = csvRows(path.join(r.dir, `${part}.csv`));
    rows[part] = body.length;
    for (const row of body) {
      const e = row[entityCol]!;
      assert.ok(!owner.has(e) || owner.get(e) === part, `entity ${e} is in ${owner.get(e)} and ${part}`);
      owner.set(e, part);
    }
  }
  assert.equal(rows.train! + rows.val! + rows.test!, 5000);
  assert.ok(Math.abs(rows.train! - 4000) < 60 && Math.abs(rows.val! - 500) < 60, JSON.stringify(rows));
  assert.equal(r.manifest.split.strategy, 'grouped');
  assert.equal(r.manifest.leakage.groupOverlap!.groups, 0);
  assert.deepEqual(r.manifest.parts.map((p) => p.rows), [rows.train, rows.val, rows.test]);
  assert.deepEqual(readdirSync(r.dir).sort(), ['DATASHEET.md', 'manifest.json', 'test.csv', 'train.csv', 'val.csv']);
});

test('febrl random split: near-duplicate people across parts are found and said loudly in the manifest and datasheet', async () => {
  const ds = await febrl(ws, 'febrl_random');
  const r = await kit.split(ws, { dataset: ds, seed: 7 });
  assert.equal(r.manifest.leakage.clean, false);
  assert.ok(r.manifest.leakage.nearDuplicates!.rows > 0);
  const sheet = readFileSync(path.join(r.dir, 'DATASHEET.md'), 'utf8');
  assert.match(sheet, /LEAKAGE FOUND/);
  for (const h of ['Motivation', 'Composition', 'Collection process', 'Preprocessing, cleaning and labeling', 'Uses', 'Distribution', 'Maintenance']) assert.match(sheet, new RegExp(`^## ${h}$`, 'm'));
  assert.match(sheet, /Question for the author/);
  assert.match(sheet, /Split “rec_id” by “-”/);
  // Drift of val and test against train, per column, in the manifest and the datasheet (no timings, so runs stay identical).
  assert.deepEqual(r.manifest.drift!.map((d) => [d.b.name, d.a.name]), [['val', 'train'], ['test', 'train']]);
  assert.deepEqual(r.manifest.drift![0]!.columns.map((c) => c.column).sort(), r.manifest.dataset.columns.map((c) => c.name).sort());
  assert.equal('ms' in r.manifest.drift![0]!, false);
  assert.match(sheet, /\*\*Drift between the parts\*\*/);
});

test('portal rodents by time: parts in time order, unparseable dates counted and left out, the gap kept', async () => {
  const ds = await kit.importCsv(ws, RODENTS, 'rodents');
  kit.op(ws, ds, { op: 'merge', columns: ['yr', 'mo', 'dy'], separator: '-', name: 'date' });
  const r = await kit.split(ws, { dataset: ds, time: 'date', gap: '30d', parts: [{ name: 'train', share: 70 }, { name: 'val', share: 15 }, { name: 'test', share: 15 }] });
  const [train, val, test] = r.manifest.parts;
  assert.equal(r.manifest.split.strategy, 'chronological');
  assert.ok(String(train!.timeRange!.to) < String(val!.timeRange!.from) && String(val!.timeRange!.to) < String(test!.timeRange!.from));
  const gapDays = (Date.parse(String(val!.timeRange!.from)) - Date.parse(String(train!.timeRange!.to))) / 86_400_000;
  assert.ok(gapDays >= 30, `gap of ${gapDays} days`);
  const written = r.manifest.parts.reduce((s, p) => s + p.rows, 0);
  assert.equal(written + r.manifest.excluded.gap + r.manifest.excluded.unparseableTime, r.manifest.dataset.rows);
  assert.equal(r.manifest.leakage.timeOverlap!.rows, 0);
  if (r.manifest.excluded.unparseableTime) assert.ok(r.manifest.notes.some((n) => /left out of every part/.test(n)));
  // Parts cut on time hold other dates than train: the drift report flags the time column.
  const testVsTrain = r.manifest.drift!.find((d) => d.b.name === 'test')!;
  assert.notEqual(testVsTrain.columns.find((c) => c.column === 'date')!.flag, 'none');
});

test('two runs in separate workspaces give byte-identical files; the manifests differ only in the created time', async () => {
  const runs = [];
  for (const name of ['repro-a', 'repro-b']) {
    const w = kit.workspace(name);
    const ds = await febrl(w);
    runs.push(await kit.split(w, { dataset: ds, stratify: 'state', group: 'entity', format: 'parquet', seed: 3 }));
  }
  const [a, b] = runs;
  for (const f of a!.manifest.files) assert.ok(kit.read(a!.dir, f.path).equals(kit.read(b!.dir, f.path)), `${f.path} differs between the runs`);
  const strip = (m: NonNullable<typeof a>['manifest']) => JSON.stringify({ ...m, createdAt: null, recipe: { ...m.recipe, createdAt: null } });
  assert.equal(strip(a!.manifest), strip(b!.manifest));
});

test('verify: 0 for the split as written; a changed byte, a missing file and an extra row are each named', async () => {
  const ds = await febrl(ws, 'febrl_verify');
  const r = await kit.split(ws, { dataset: ds, seed: 1 });
  const manifest = path.join(r.dir, 'manifest.json');
  assert.equal((await verifySplit(manifest, false)).ok, true);
  const train = path.join(r.dir, 'train.csv');
  const bytes = readFileSync(train);
  bytes[100] = bytes[100]! ^ 1;
  writeFileSync(train, bytes);
  rmSync(path.join(r.dir, 'test.csv'));
  appendFileSync(path.join(r.dir, 'val.csv'), 'x,y,z\r\n');
  const v = await verifySplit(manifest, false);
  assert.equal(v.ok, false);
  assert.deepEqual(v.files.map((f) => [f.path, f.status]), [['train.csv', 'differs'], ['val.csv', 'differs'], ['test.csv', 'missing'], ['DATASHEET.md', 'ok']]);
});

test('verify --rebuild replays the recipe on the source file and gets the same hashes', async () => {
  const ds = await febrl(ws, 'febrl_rebuild');
  const r = await kit.split(ws, { dataset: ds, group: 'entity', format: 'jsonl' });
  const v = await verifySplit(path.join(r.dir, 'manifest.json'), true);
  assert.equal(v.rebuild?.ok, true, JSON.stringify(v.rebuild));
  assert.equal(v.ok, true);
});

test('bad input: one group, 100k classes, no parseable time, an existing folder without force, a read-only folder — refused, nothing written', async () => {
  const n = 100_000;
  const big = kit.file('many.csv', 'id,label,one,when\n' + Array.from({ length: n }, (_, i) => `${i},c${i},x,${i % 7 === 0 ? 'soon' : 'never'}`).join('\n') + '\n');
  const ds = await kit.importCsv(ws, big, 'many');
  const refused = async (spec: Record<string, unknown>, re: RegExp, out = kit.out()) => {
    await assert.rejects(kit.split(ws, { dataset: ds, out, ...spec }), (e: unknown) => e instanceof TidysetError && re.test(e.message));
    assert.ok(!existsSync(out) || readdirSync(out).length === 0 || spec.force === undefined, `${out} was left with files`);
  };
  await refused({ group: 'one' }, /1 group, fewer than the 3 parts/);
  await refused({ stratify: 'label' }, /100000 distinct values.*cannot keep class shares/);
  await refused({ time: 'when' }, /no value of time column "when" reads as a date/);
  await refused({ parts: [{ name: 'train', share: 90 }, { name: 'test', share: 5 }] }, /sum to 95, not 100/);
  await refused({ parts: [{ name: '../evil', share: 50 }, { name: 'test', share: 50 }] }, /not allowed/);
  const existing = kit.out();
  mkdirSync(existing);
  writeFileSync(path.join(existing, 'notes.txt'), 'mine');
  await refused({}, /already exists.*--force/, existing);
  assert.deepEqual(readdirSync(existing), ['notes.txt']);
  const r = await kit.split(ws, { dataset: ds, out: existing, force: true });
  assert.ok(existsSync(path.join(r.dir, 'train.csv')) && existsSync(path.join(existing, 'notes.txt')));
  if (process.getuid?.() !== 0) {
    const ro = kit.out();
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    await assert.rejects(kit.split(ws, { dataset: ds, out: ro }), (e: unknown) => e instanceof TidysetError && e.code === 'FILE_ACCESS');
    assert.deepEqual(readdirSync(ro), []);
    chmodSync(ro, 0o755);
  }
});

test('a cancelled split leaves no files behind', async () => {
  const ds = await febrl(ws, 'febrl_cancel');
  const out = kit.out();
  let calls = 0;
  await assert.rejects(kit.split(ws, { dataset: ds, out }, { progress: () => {}, isCancelled: () => ++calls > 3 }), (e: unknown) => e instanceof TidysetError && e.code === 'CANCELLED');
  assert.deepEqual(existsSync(out) ? readdirSync(out) : [], []);
});

test('k folds: fold-1 … fold-k, every row in one fold; preview gives the same counts as the written split', async () => {
  const ds = await febrl(ws, 'febrl_folds');
  const spec = SplitSpecSchema.parse({ dataset: ds, folds: 5, stratify: 'state' });
  const preview = planSplit(ws, spec).preview;
  const r = await kit.split(ws, { dataset: ds, folds: 5, stratify: 'state' });
  assert.deepEqual(r.manifest.parts.map((p) => p.file), ['fold-1.csv', 'fold-2.csv', 'fold-3.csv', 'fold-4.csv', 'fold-5.csv']);
  assert.deepEqual(r.manifest.parts.map((p) => p.rows), preview.parts.map((p) => p.rows));
  assert.deepEqual(r.manifest.parts.map((p) => p.rows), [1000, 1000, 1000, 1000, 1000]);
});

test('protection: a kept direct identifier is refused without allowDirect; mask and drop are applied to every part, and --rebuild redoes them', async () => {
  const { TagsRepo } = await import('../../../../main/core/db/repos/tags');
  const file = kit.file('people.csv', 'id,email,phone,city\n' + Array.from({ length: 200 }, (_, i) => `${i},user${i}@example.com,+4670${String(1000000 + i)},c${i % 4}`).join('\n') + '\n');
  const ds = await kit.importCsv(ws, file, 'people');
  const stored = ws.datasets.get(ds);
  const tags = new TagsRepo(ws.catalog);
  const phys = (n: string) => stored.columns.find((c) => c.name === n)!.physical;
  tags.upsert(stored.id, { physical: phys('email'), kind: 'email', category: 'direct', confidence: 1, evidence: null, status: 'confirmed', action: null });
  await assert.rejects(kit.split(ws, { dataset: ds }), (e: unknown) => e instanceof TidysetError && e.code === 'DIRECT_IDENTIFIER' && /"email"/.test(e.message));
  assert.ok((await kit.split(ws, { dataset: ds, allowDirect: true })).manifest.protection.allowDirect);
  tags.setAction(stored.id, phys('email'), { action: 'drop' });
  tags.upsert(stored.id, { physical: phys('phone'), kind: 'phone', category: 'direct', confidence: 1, evidence: null, status: 'confirmed', action: { action: 'mask', keep: 2 } });
  const r = await kit.split(ws, { dataset: ds, stratify: 'city' });
  for (const p of r.manifest.parts) {
    const [head, ...body] = csvRows(path.join(r.dir, p.file));
    assert.deepEqual(head, ['id', 'phone', 'city']);
    for (const row of body) assert.match(row[1]!, /^\*+\d\d$/);
  }
  assert.match(readFileSync(path.join(r.dir, 'DATASHEET.md'), 'utf8'), /`phone`: phone, direct identifier; masked \(last 2 characters kept\)/);
  assert.equal((await verifySplit(path.join(r.dir, 'manifest.json'), true)).rebuild?.ok, true);
});
