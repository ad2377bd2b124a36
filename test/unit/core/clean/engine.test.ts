// The operation engine: each operation, exact undo/redo (a property test over random sequences),
// persistence across reopen, crash recovery between the two phases, and recipe replay.
import { test, before, after } from 'node:test';
import { mulberry32 } from '../../../helpers/random';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../../../main/core/workspace';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { applyOp, jumpTo, listHistory, previewOp, redo, undo } from '../../../../main/core/clean/engine';
import { applyRecipe, exportRecipe } from '../../../../main/core/clean/recipes';
import { HistoryRepo } from '../../../../main/core/db/repos/history';
import type { OpInput } from '../../../../shared/ops/schema';
import { snapshot as datasetSnapshot } from '../../../helpers/integrity';

let dir: string;
let ws: Workspace;

const CSV = [
  'id,name,city,amount,when,note',
  '1,  Anna  Berg ,MalmÃ¶,"1 234,50",02/03/2024,<b>hi</b> &amp; bye',
  '2,bo ek,Lund,N/A,2024-03-05,',
  '3,CECILIA,malmö,12,5 March 2024,-',
  '4,,Lund,"1,5",,plain',
  '5,David,N/A,7,13/03/2024,a|b|c',
].join('\n') + '\n';

async function fresh(name: string, csv = CSV): Promise<void> {
  const file = path.join(dir, `${name}.csv`);
  writeFileSync(file, csv);
  await importFile(ws, file, { name }, quietContext);
}

/** Every row with its row id and the values of the current columns, plus the column names. */
const snapshot = (name: string) => datasetSnapshot(ws, name);

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-clean-'));
  ws = Workspace.open(path.join(dir, 'ws'));
});
after(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

test('value operations change exactly the cells they should, and undo restores them', async () => {
  await fresh('v');
  const original = snapshot('v');
  const cases: Array<[OpInput, string, Array<string | null>]> = [
    [{ op: 'trim', column: 'name' }, 'name', ['Anna Berg', 'bo ek', 'CECILIA', '', 'David']],
    [{ op: 'case', column: 'name', mode: 'title' }, 'name', ['Anna Berg', 'Bo Ek', 'Cecilia', '', 'David']],
    [{ op: 'fixMojibake', column: 'city' }, 'city', ['Malmö', 'Lund', 'malmö', 'Lund', 'N/A']],
    [{ op: 'nullTokens', column: 'city' }, 'city', ['Malmö', 'Lund', 'malmö', 'Lund', '']],
    [{ op: 'stripHtml', column: 'note' }, 'note', ['hi & bye', '', '-', 'plain', 'a|b|c']],
    [{ op: 'castNumber', column: 'amount', locale: 'comma' }, 'amount', ['1234.50', 'N/A', '12', '1.5', '7']],
    [{ op: 'castDate', column: 'when', order: 'dayFirst' }, 'when', ['2024-03-02', '2024-03-05', '2024-03-05', '', '2024-03-13']],
    [{ op: 'massEdit', column: 'city', edits: [{ from: ['malmö'], to: 'Malmö' }] }, 'city', ['Malmö', 'Lund', 'Malmö', 'Lund', '']],
  ];
  for (const [op, column, expected] of cases) {
    applyOp(ws, 'v', op);
    const s = snapshot('v');
    const i = ws.datasets.get('v').columns.findIndex((c) => c.name === column);
    assert.deepEqual(s.rows.map((r) => r[i + 1]), expected, JSON.stringify(op));
  }
  const cast = listHistory(ws, 'v').find((e) => (e.op as { op: string }).op === 'castNumber')!;
  assert.equal(cast.detail?.failed, 1, 'N/A does not convert and is counted');
  jumpTo(ws, 'v', 0);
  assert.deepEqual(snapshot('v'), original);
});

test('preview counts the changes and shows before → after without changing anything', async () => {
  await fresh('p');
  const before = snapshot('p');
  const pv = previewOp(ws, 'p', { op: 'castNumber', column: 'amount', locale: 'comma' });
  assert.equal(pv.changed, 2);
  assert.equal(pv.failed, 1);
  assert.deepEqual(pv.samples[0], { rid: 1, before: '1 234,50', after: '1234.50' });
  assert.deepEqual(snapshot('p'), before);
  assert.equal(listHistory(ws, 'p').length, 0);
});

test('structural operations: split, merge, rename, duplicate, reorder, drop, delete rows, fill — undone exactly', async () => {
  await fresh('s');
  const original = snapshot('s');
  applyOp(ws, 's', { op: 'split', column: 'note', by: 'delimiter', separator: '|' });
  let ds = ws.datasets.get('s');
  assert.deepEqual(ds.columns.map((c) => c.name), ['id', 'name', 'city', 'amount', 'when', 'note', 'note 1', 'note 2', 'note 3']);
  assert.deepEqual(snapshot('s').rows[4]!.slice(7), ['a', 'b', 'c']);
  applyOp(ws, 's', { op: 'merge', columns: ['id', 'city'], separator: '-', name: 'key' });
  assert.equal(snapshot('s').rows[0]![ws.datasets.get('s').columns.findIndex((c) => c.name === 'key') + 1], '1-MalmÃ¶');
  applyOp(ws, 's', { op: 'rename', column: 'key', to: 'k' });
  applyOp(ws, 's', { op: 'duplicate', column: 'name', name: 'name copy' });
  applyOp(ws, 's', { op: 'reorder', columns: ['k', 'id'] });
  applyOp(ws, 's', { op: 'drop', column: 'note' });
  applyOp(ws, 's', { op: 'deleteRows', filters: [{ kind: 'text', column: 'city', op: 'equals', value: 'Lund' }] });
  assert.equal(ws.datasets.get('s').rows, 3);
  applyOp(ws, 's', { op: 'fill', column: 'when', method: 'previous' });
  ds = ws.datasets.get('s');
  assert.equal(ds.columns[0]!.name, 'k');
  assert.ok(!ds.columns.some((c) => c.name === 'note'));
  assert.equal(ws.datasets.get('s').rows, 3);
  jumpTo(ws, 's', 0);
  assert.deepEqual(snapshot('s'), original, 'deleted rows and dropped columns come back as they were');
  jumpTo(ws, 's', 8);
  assert.equal(ws.datasets.get('s').rows, 3);
  assert.equal(ws.datasets.get('s').columns[0]!.name, 'k');
});


test('property: random operation sequences — undo all gives the original exactly, redo all the forward result', async () => {
  for (let round = 0; round < 12; round++) {
    const rnd = mulberry32(round + 1);
    const name = `prop${round}`;
    await fresh(name);
    const original = snapshot(name);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const steps = 3 + Math.floor(rnd() * 8);
    for (let i = 0; i < steps; i++) {
      const cols = ws.datasets.get(name).columns.map((c) => c.name);
      const c = pick(cols);
      const candidates: OpInput[] = [
        { op: 'trim', column: c },
        { op: 'case', column: c, mode: pick(['upper', 'lower', 'title'] as const) },
        { op: 'replace', column: c, find: 'a', replace: 'A' },
        { op: 'nullTokens', column: c },
        { op: 'castNumber', column: c },
        { op: 'fill', column: c, method: pick(['constant', 'previous', 'next'] as const), value: 'x' },
        { op: 'duplicate', column: c, name: `${c}+${i}` },
        { op: 'rename', column: c, to: `${c}~${i}` },
      ];
      const rids = snapshot(name).rows.map((r) => r[0] as number);
      if (rids.length) candidates.push({ op: 'editCell', column: c, rid: pick(rids), value: `e${i}` });
      if (cols.length > 2) candidates.push({ op: 'drop', column: c });
      if (ws.datasets.get(name).rows > 1) candidates.push({ op: 'deleteRows', filters: [{ kind: 'blank', column: c, blank: true }] });
      applyOp(ws, name, pick(candidates));
    }
    const forward = snapshot(name);
    while (undo(ws, name));
    assert.deepEqual(snapshot(name), original, `round ${round}: undo all`);
    while (redo(ws, name));
    assert.deepEqual(snapshot(name), forward, `round ${round}: redo all`);
  }
});

test('history survives closing and reopening the workspace', async () => {
  await fresh('persist');
  applyOp(ws, 'persist', { op: 'trim', column: 'name' });
  applyOp(ws, 'persist', { op: 'case', column: 'name', mode: 'upper' });
  undo(ws, 'persist');
  const wsDir = ws.dir;
  ws.close();
  ws = Workspace.open(wsDir);
  const h = listHistory(ws, 'persist');
  assert.deepEqual(h.map((e) => e.state), ['done', 'undone']);
  redo(ws, 'persist');
  assert.equal(snapshot('persist').rows[0]![2], 'ANNA BERG');
});

test('a step caught between its two phases (killed process) is finished by the next writer: rolled forward when its data was written', async () => {
  await fresh('crash');
  const original = snapshot('crash');
  const ds = ws.datasets.get('crash');
  applyOp(ws, 'crash', { op: 'case', column: 'name', mode: 'upper' });
  const applied = snapshot('crash');
  assert.notDeepEqual(applied, original);
  // As if the process died after the data change but before the catalog finished: pending again,
  // and the catalog still on the columns from before (a PID that is alive must not matter).
  ws.catalog.prepare("UPDATE history SET state = 'pending', owner_pid = ?, columns_after = NULL WHERE dataset_id = ?").run(process.pid, ds.id);
  ws.catalog.prepare("UPDATE columns SET type = 'empty' WHERE dataset_id = ? AND name = 'name'").run(ds.id);
  applyOp(ws, 'crash', { op: 'trim', column: 'city' });
  assert.deepEqual(listHistory(ws, 'crash').map((e) => [e.seq, e.state]), [[1, 'done'], [2, 'done']]);
  undo(ws, 'crash');
  assert.deepEqual(snapshot('crash'), applied, 'the killed step was rolled forward with the columns it produced');
  undo(ws, 'crash');
  assert.deepEqual(snapshot('crash'), original);
});

test('a step killed before its data was written is dropped by the next writer', async () => {
  await fresh('crash2');
  const original = snapshot('crash2');
  const ds = ws.datasets.get('crash2');
  new HistoryRepo(ws.catalog).begin(ds.id, { op: 'trim', column: 'name' }, 'trim name', ds.columns, ds.rows);
  assert.equal(undo(ws, 'crash2'), null, 'nothing done to undo once the abandoned step is dropped');
  assert.deepEqual(listHistory(ws, 'crash2'), []);
  assert.deepEqual(snapshot('crash2'), original);
});

test('a new operation after undo drops the redo stack', async () => {
  await fresh('stack');
  applyOp(ws, 'stack', { op: 'trim', column: 'name' });
  applyOp(ws, 'stack', { op: 'case', column: 'name', mode: 'upper' });
  undo(ws, 'stack');
  applyOp(ws, 'stack', { op: 'case', column: 'name', mode: 'lower' });
  assert.deepEqual(listHistory(ws, 'stack').map((e) => e.state), ['done', 'done']);
  assert.equal(redo(ws, 'stack'), null);
});

test('recipes replay deterministically on another dataset, with a column map and cell edits by row key', async () => {
  await fresh('r1');
  await fresh('r2', CSV.replace('id,name,city', 'id,full_name,city'));
  applyOp(ws, 'r1', { op: 'trim', column: 'name' });
  applyOp(ws, 'r1', { op: 'castNumber', column: 'amount', locale: 'comma' });
  applyOp(ws, 'r1', { op: 'editCell', column: 'city', rid: 2, value: 'LUND!' });
  const recipe = exportRecipe(ws, 'r1', 'id');
  assert.equal(recipe.operations.length, 3);
  assert.deepEqual((recipe.operations[2] as { key: unknown }).key, { column: 'id', value: '2' });
  assert.throws(() => applyRecipe(ws, 'r2', recipe), /map them with --map/);
  applyRecipe(ws, 'r2', JSON.parse(JSON.stringify(recipe)), { name: 'full_name' });
  const a = snapshot('r1').rows;
  const b = snapshot('r2').rows;
  assert.deepEqual(b, a, 'same recipe, same input → identical values');
  // All or nothing: a recipe whose last step fails leaves the dataset as it was.
  await fresh('r3');
  const before = snapshot('r3');
  const bad = { ...recipe, operations: [...recipe.operations.slice(0, 2), { op: 'editCell', column: 'city', rid: 1, value: 'x', key: { column: 'id', value: 'nope' } }] };
  assert.throws(() => applyRecipe(ws, 'r3', bad), /matches no row/);
  assert.deepEqual(snapshot('r3'), before);
});

test('a failed recipe leaves no redoable steps; an invalid regex is the user\'s error', async () => {
  await fresh('fail');
  const recipe = { tidysetRecipe: 1, operations: [{ op: 'trim', column: 'name' }, { op: 'editCell', column: 'city', rid: 1, value: 'x', key: { column: 'id', value: 'nope' } }] };
  assert.throws(() => applyRecipe(ws, 'fail', recipe), /matches no row/);
  assert.deepEqual(listHistory(ws, 'fail'), []);
  assert.throws(() => applyOp(ws, 'fail', { op: 'replace', column: 'name', find: '(', replace: '', mode: 'regex' }), (e: unknown) => {
    assert.equal((e as { code?: string }).code, 'BAD_INPUT');
    assert.match((e as Error).message, /invalid regular expression/);
    return true;
  });
  assert.deepEqual(listHistory(ws, 'fail'), []);
});
