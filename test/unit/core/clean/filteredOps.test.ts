// Operations restricted to the rows a filter matches (`where`): every operation family changes only
// those rows, fill computes over them, undo is exact (a property test with random filters), preview
// counts them, the description names the filter, and recipes replay the filter through a column map.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mulberry32 } from '../../../helpers/random';
import { Workspace } from '../../../../main/core/workspace';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { applyOp, listHistory, previewOp, redo, undo } from '../../../../main/core/clean/engine';
import { applyRecipe, exportRecipe } from '../../../../main/core/clean/recipes';
import { pageRows } from '../../../../main/core/rows/query';
import { missingColumns } from '../../../../shared/ops/columns';
import type { Filter } from '../../../../shared/api/filters';
import type { OpInput } from '../../../../shared/ops/schema';
import { snapshot as datasetSnapshot } from '../../../helpers/integrity';

let dir: string;
let ws: Workspace;

const CSV = [
  'id,name,city,amount,when,note',
  '1,  anna  berg ,Malmö,"1 234,50",02/03/2024,a|b',
  '2,bo ek,Lund,N/A,2024-03-05,',
  '3,cecilia,Malmö,12,5 March 2024,-',
  '4,,Lund,"1,5",,c|d|e',
  '5,david,N/A,7,13/03/2024,f',
  '6,,Lund,3,,',
].join('\n') + '\n';

const LUND: Filter[] = [{ kind: 'text', column: 'city', op: 'equals', value: 'Lund' }];

async function fresh(name: string, csv = CSV): Promise<void> {
  const file = path.join(dir, `${name}.csv`);
  writeFileSync(file, csv);
  await importFile(ws, file, { name }, quietContext);
}

/** Every row with its row id and the values of the current columns, plus the column names. */
const snapshot = (name: string) => datasetSnapshot(ws, name);

function column(name: string, col: string): unknown[] {
  const i = ws.datasets.get(name).columns.findIndex((c) => c.name === col);
  assert.ok(i >= 0, `no column ${col}`);
  return snapshot(name).rows.map((r) => r[i + 1]);
}

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-filtered-'));
  ws = Workspace.open(path.join(dir, 'ws'));
});
after(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

test('value operations under a filter change the matching rows only, say so, and undo exactly', async () => {
  await fresh('v');
  const original = snapshot('v');
  const cases: Array<[OpInput, string, unknown[]]> = [
    [{ op: 'case', column: 'name', mode: 'upper', where: LUND }, 'name', ['  anna  berg ', 'BO EK', 'cecilia', '', 'david', '']],
    [{ op: 'trim', column: 'name', where: [{ kind: 'text', column: 'city', op: 'equals', value: 'Malmö' }] }, 'name', ['anna berg', 'BO EK', 'cecilia', '', 'david', '']],
    [{ op: 'replace', column: 'note', find: '|', replace: '/', where: LUND }, 'note', ['a|b', '', '-', 'c/d/e', 'f', '']],
    [{ op: 'nullTokens', column: 'amount', where: LUND }, 'amount', ['1 234,50', '', '12', '1,5', '7', '3']],
    [{ op: 'castNumber', column: 'amount', locale: 'comma', where: LUND }, 'amount', ['1 234,50', '', '12', '1.5', '7', '3']],
    [{ op: 'castDate', column: 'when', where: [{ kind: 'in', column: 'id', values: ['1', '3'] }] }, 'when', ['2024-03-02', '2024-03-05', '2024-03-05', '', '13/03/2024', '']],
    // The filter names the column the operation changes: it selects by the values before the change.
    [{ op: 'massEdit', column: 'city', edits: [{ from: ['Lund', 'Malmö'], to: 'LUND' }], where: LUND }, 'city', ['Malmö', 'LUND', 'Malmö', 'LUND', 'N/A', 'LUND']],
  ];
  for (const [op, col, expected] of cases) {
    const r = applyOp(ws, 'v', op);
    assert.deepEqual(column('v', col), expected, JSON.stringify(op));
    assert.equal(typeof (r.detail as { matched?: number }).matched, 'number', 'the step reports how many rows matched');
  }
  const first = listHistory(ws, 'v')[0]!;
  assert.equal(first.description, 'Upper-case “name” in the rows where “city” is “Lund”');
  assert.equal((first.detail as { matched?: number }).matched, 3);
  assert.deepEqual((first.op as { where?: unknown }).where, LUND, 'the history keeps the filter');
  // Type inference sees the whole column, not only the rows that changed: amount stays text (1 234,50).
  assert.equal(ws.datasets.get('v').columns.find((c) => c.name === 'amount')!.type, 'text');
  const forward = snapshot('v');
  while (undo(ws, 'v'));
  assert.deepEqual(snapshot('v'), original);
  while (redo(ws, 'v'));
  assert.deepEqual(snapshot('v'), forward, 'redo applies each step to the same rows again');
});

test('a cast under a filter counts only the filtered values it cannot convert', async () => {
  await fresh('cast');
  const r = applyOp(ws, 'cast', { op: 'castNumber', column: 'amount', locale: 'comma', where: [{ kind: 'in', column: 'id', values: ['2', '3'] }] });
  assert.equal(r.detail.failed, 1, 'N/A in row 2; 1 234,50 in row 1 is outside the filter');
  assert.equal(r.detail.changed, 0);
});

test('fill under a filter: the filtered empty cells, from the filtered rows’ values', async () => {
  await fresh('f');
  const original = snapshot('f');
  // Lund rows: 2 (bo ek), 4 (empty), 6 (empty); row 5 (david) is outside and must not be carried.
  applyOp(ws, 'f', { op: 'fill', column: 'name', method: 'previous', where: LUND });
  assert.deepEqual(column('f', 'name'), ['  anna  berg ', 'bo ek', 'cecilia', 'bo ek', 'david', 'bo ek']);
  undo(ws, 'f');
  applyOp(ws, 'f', { op: 'fill', column: 'name', method: 'next', where: [{ kind: 'in', column: 'id', values: ['4', '6'] }] });
  assert.deepEqual(column('f', 'name'), ['  anna  berg ', 'bo ek', 'cecilia', '', 'david', ''], 'nothing after them in the filter: they stay empty');
  undo(ws, 'f');
  // Mean of the filtered numbers only: Lund amounts N/A, 1,5 (→ 1.5 auto), 3 → mean 2.25 into… none empty; use when instead.
  applyOp(ws, 'f', { op: 'fill', column: 'amount', method: 'mean', where: [{ kind: 'in', column: 'id', values: ['3', '5', '6'] }] });
  assert.deepEqual(column('f', 'amount'), ['1 234,50', 'N/A', '12', '1,5', '7', '3'], 'no empty cell among them: nothing changes');
  undo(ws, 'f');
  await fresh('f2', CSV.replace('5,david,N/A,7,', '5,david,N/A,,'));
  applyOp(ws, 'f2', { op: 'fill', column: 'amount', method: 'mean', where: [{ kind: 'in', column: 'id', values: ['3', '5', '6'] }] });
  assert.deepEqual(column('f2', 'amount'), ['1 234,50', 'N/A', '12', '1,5', '7.5', '3'], 'mean of 12 and 3, not of the whole column');
  applyOp(ws, 'f2', { op: 'fill', column: 'when', method: 'constant', value: 'unknown', where: LUND });
  assert.deepEqual(column('f2', 'when'), ['02/03/2024', '2024-03-05', '5 March 2024', 'unknown', '13/03/2024', 'unknown']);
  assert.throws(() => applyOp(ws, 'f2', { op: 'fill', column: 'note', method: 'median', where: [{ kind: 'in', column: 'id', values: ['2'] }] }), /no numbers in the filtered rows/);
  while (undo(ws, 'f'));
  assert.deepEqual(snapshot('f'), original);
});

test('split and merge under a filter fill the new columns in the filtered rows; they must keep the originals', async () => {
  await fresh('sm');
  const original = snapshot('sm');
  applyOp(ws, 'sm', { op: 'split', column: 'note', by: 'delimiter', separator: '|', where: LUND });
  assert.deepEqual(ws.datasets.get('sm').columns.slice(6).map((c) => c.name), ['note 1', 'note 2', 'note 3'], 'as wide as the filtered rows need');
  assert.deepEqual(column('sm', 'note 1'), [null, '', null, 'c', null, '']);
  assert.deepEqual(column('sm', 'note 3'), [null, null, null, 'e', null, null]);
  applyOp(ws, 'sm', { op: 'merge', columns: ['id', 'name'], separator: ':', name: 'key', where: LUND });
  assert.deepEqual(column('sm', 'key'), [null, '2:bo ek', null, '4', null, '6']);
  assert.throws(() => applyOp(ws, 'sm', { op: 'split', column: 'note', by: 'delimiter', separator: '|', keepOriginal: false, where: LUND }), /must keep the original column/);
  assert.throws(() => applyOp(ws, 'sm', { op: 'merge', columns: ['id', 'city'], name: 'k2', keepOriginals: false, where: LUND }), /must keep the original columns/);
  while (undo(ws, 'sm'));
  assert.deepEqual(snapshot('sm'), original);
});

test('column-structure operations refuse a filter instead of ignoring it', async () => {
  await fresh('cs');
  for (const op of [
    { op: 'rename', column: 'name', to: 'n', where: LUND },
    { op: 'drop', column: 'name', where: LUND },
    { op: 'duplicate', column: 'name', name: 'n2', where: LUND },
    { op: 'reorder', columns: ['name'], where: LUND },
  ]) {
    assert.throws(() => applyOp(ws, 'cs', op), /changes the whole column, not some rows: remove "where"/, op.op);
  }
  assert.deepEqual(listHistory(ws, 'cs'), []);
  assert.throws(() => applyOp(ws, 'cs', { op: 'trim', column: 'name', where: [{ kind: 'text', column: 'nope', op: 'equals', value: 'x' }] }), /has no column "nope"/);
});

test('preview under a filter counts the matching rows, the rows in all, and the changes among them', async () => {
  await fresh('pv');
  const before = snapshot('pv');
  const pv = previewOp(ws, 'pv', { op: 'case', column: 'name', mode: 'title', where: LUND });
  assert.equal(pv.matching, 3);
  assert.equal(pv.total, 6);
  assert.equal(pv.changed, 1, 'bo ek → Bo Ek; the two empty names stay');
  assert.deepEqual(pv.samples, [{ rid: 2, before: 'bo ek', after: 'Bo Ek' }]);
  const all = previewOp(ws, 'pv', { op: 'case', column: 'name', mode: 'title' });
  assert.equal(all.matching, 6);
  assert.equal(all.changed, 4);
  // Filter kinds that need the engine's SQL functions (dates, type mismatch) count as the grid does.
  for (const f of [{ kind: 'date', column: 'when', from: '2024-03-04', to: null }, { kind: 'mismatch', column: 'id' }, { kind: 'text', column: 'city', op: 'contains', value: 'mö' }] as Filter[]) {
    assert.equal(previewOp(ws, 'pv', { op: 'trim', column: 'name', where: [f] }).matching, pageRows(ws, ws.datasets.get('pv'), { dataset: 'pv', offset: 0, limit: 10, sort: [], filters: [f] }).total, f.kind);
  }
  assert.deepEqual(snapshot('pv'), before);
});

test('a recipe replays the filter on another dataset, its filter columns mapped too', async () => {
  await fresh('r1');
  await fresh('r2', CSV.replace('id,name,city', 'id,full_name,town'));
  applyOp(ws, 'r1', { op: 'case', column: 'name', mode: 'upper', where: LUND });
  applyOp(ws, 'r1', { op: 'fill', column: 'name', method: 'constant', value: '?', where: LUND });
  const recipe = exportRecipe(ws, 'r1');
  assert.deepEqual((recipe.operations[0] as { where?: unknown }).where, LUND);
  assert.deepEqual(missingColumns(recipe.operations, ws.datasets.get('r2').columns.map((c) => c.name)), ['name', 'city']);
  assert.throws(() => applyRecipe(ws, 'r2', recipe, { name: 'full_name' }), /"city"/);
  applyRecipe(ws, 'r2', JSON.parse(JSON.stringify(recipe)), { name: 'full_name', city: 'town' });
  assert.deepEqual(column('r2', 'full_name'), ['  anna  berg ', 'BO EK', 'cecilia', '?', 'david', '?']);
  assert.deepEqual(snapshot('r2').rows, snapshot('r1').rows);
  assert.match(listHistory(ws, 'r2')[0]!.description, /in the rows where “town” is “Lund”/);
});

test('cancelling a recipe between steps or during one leaves the dataset and its history as they were', async () => {
  const lines = ['id,name,city'];
  for (let i = 1; i <= 20_000; i++) lines.push(`${i}, name ${i} ,${i % 3 ? 'Lund' : 'Malmö'}`);
  await fresh('big', lines.join('\n') + '\n');
  const original = snapshot('big');
  const recipe = { tidysetRecipe: 1, operations: [
    { op: 'trim', column: 'name' },
    { op: 'case', column: 'name', mode: 'upper', where: LUND },
    { op: 'replace', column: 'name', find: 'NAME', replace: 'N' },
  ] };
  const messages: string[] = [];
  // Between steps: the cancel comes while step 2 is announced.
  let cancelled = false;
  const between = {
    progress: (_d: number, _t: number, m?: string) => {
      messages.push(m ?? '');
      if (m?.startsWith('step 2 of 3')) cancelled = true;
    },
    isCancelled: () => cancelled,
  };
  assert.throws(() => applyRecipe(ws, 'big', recipe, {}, between), (e: unknown) => (e as { code?: string }).code === 'CANCELLED');
  assert.deepEqual(messages, ['step 1 of 3: Trim and collapse whitespace in “name”', 'step 2 of 3: Upper-case “name” in the rows where “city” is “Lund”']);
  assert.deepEqual(snapshot('big'), original);
  assert.deepEqual(listHistory(ws, 'big'), []);

  // During a step: the check before step 2 says no, the next one (inside step 2, after 4096 rows) says yes.
  let step = 0;
  let checksInStep2 = 0;
  const during = {
    progress: (d: number) => void (step = d + 1),
    isCancelled: () => step === 2 && ++checksInStep2 === 2,
  };
  assert.throws(() => applyRecipe(ws, 'big', recipe, {}, during), (e: unknown) => (e as { code?: string }).code === 'CANCELLED');
  assert.equal(checksInStep2, 2, 'stopped by the check inside the step, not after it');
  assert.deepEqual(snapshot('big'), original);
  assert.deepEqual(listHistory(ws, 'big'), []);
  // Not cancelled: all three apply.
  assert.equal(applyRecipe(ws, 'big', recipe).length, 3);
  assert.equal(column('big', 'name')[0], 'N 1');
  assert.equal(column('big', 'name')[2], 'name 3', 'Malmö rows are not upper-cased, so NAME does not match');
});

test('property: random operations with random filters — undo all restores the original exactly, redo all the forward result', async () => {
  for (let round = 0; round < 16; round++) {
    const rnd = mulberry32(1000 + round);
    const name = `fprop${round}`;
    await fresh(name);
    const original = snapshot(name);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const steps = 3 + Math.floor(rnd() * 8);
    let applied = 0;
    for (let i = 0; i < steps; i++) {
      const cols = ws.datasets.get(name).columns.map((c) => c.name);
      const c = pick(cols);
      const f = pick(cols);
      const filters: Filter[] = [
        { kind: 'text', column: f, op: pick(['contains', 'equals', 'notEqual', 'startsWith'] as const), value: pick(['a', 'Lund', '1', '']) },
        { kind: 'blank', column: f, blank: rnd() < 0.5 },
        { kind: 'in', column: f, values: [pick(['Lund', 'Malmö', '1', '2', null])] },
        { kind: 'number', column: f, min: rnd() < 0.5 ? 1 : null, max: 5 },
        { kind: 'mismatch', column: f },
      ];
      const where = rnd() < 0.2 ? undefined : [pick(filters), ...(rnd() < 0.3 ? [pick(filters)] : [])];
      const candidates: OpInput[] = [
        { op: 'trim', column: c, where },
        { op: 'case', column: c, mode: pick(['upper', 'lower', 'title'] as const), where },
        { op: 'replace', column: c, find: 'a', replace: 'A', where },
        { op: 'nullTokens', column: c, where },
        { op: 'castNumber', column: c, where },
        { op: 'massEdit', column: c, edits: [{ from: ['Lund'], to: 'LUND' }], where },
        { op: 'fill', column: c, method: pick(['constant', 'previous', 'next'] as const), value: 'x', where },
        { op: 'split', column: c, by: 'delimiter', separator: '|', names: [`${c}#${i}a`, `${c}#${i}b`], where },
        { op: 'merge', columns: [c, pick(cols.filter((x) => x !== c))], name: `m${i}`, where },
        { op: 'rename', column: c, to: `${c}~${i}` },
      ];
      try {
        applyOp(ws, name, pick(candidates));
        applied++;
      } catch (e) {
        // A fill with nothing to take a value from is a user error; nothing may be left half-done.
        assert.equal((e as { code?: string }).code, 'BAD_INPUT', String(e));
      }
    }
    assert.equal(listHistory(ws, name).length, applied);
    const forward = snapshot(name);
    while (undo(ws, name));
    assert.deepEqual(snapshot(name), original, `round ${round}: undo all`);
    while (redo(ws, name));
    assert.deepEqual(snapshot(name), forward, `round ${round}: redo all`);
  }
});

test('a cancelled or failed recipe puts back the redo stack it dropped: redo still works as before', async () => {
  await fresh('redo');
  applyOp(ws, 'redo', { op: 'trim', column: 'name' });
  applyOp(ws, 'redo', { op: 'case', column: 'name', mode: 'upper', where: LUND });
  applyOp(ws, 'redo', { op: 'split', column: 'note', by: 'delimiter', separator: '|' });
  const forward = snapshot('redo');
  undo(ws, 'redo');
  undo(ws, 'redo');
  const atOne = snapshot('redo');
  const historyBefore = listHistory(ws, 'redo').map((e) => [e.seq, e.state, e.description]);
  const recipe = { tidysetRecipe: 1, operations: [{ op: 'case', column: 'city', mode: 'lower' }, { op: 'fill', column: 'note', method: 'mean' }] };
  assert.throws(() => applyRecipe(ws, 'redo', recipe), /no numbers/);
  let n = 0;
  assert.throws(() => applyRecipe(ws, 'redo', recipe, {}, { progress: () => undefined, isCancelled: () => ++n > 1 }), (e: unknown) => (e as { code?: string }).code === 'CANCELLED');
  assert.deepEqual(snapshot('redo'), atOne);
  assert.deepEqual(listHistory(ws, 'redo').map((e) => [e.seq, e.state, e.description]), historyBefore);
  while (redo(ws, 'redo'));
  assert.deepEqual(snapshot('redo'), forward);
});
