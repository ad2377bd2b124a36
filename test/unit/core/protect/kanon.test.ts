// Tests k-anonymity and distinct l-diversity against an independent count in plain code (before and
// after the export actions), the grid filter of the rows below k, and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kAnonymity } from '../../../../main/core/protect/kanon';
import { applyAction } from '../../../../main/core/protect/actions';
import { pageRows } from '../../../../main/core/rows/query';
import { mulberry32 } from '../../../helpers/random';
import { importKit } from '../../../helpers/importKit';
import { importCsv, tagColumn } from '../../../helpers/protectKit';
import type { PdAction } from '../../../../shared/api/personal';

const kit = importKit('tidyset-kanon-');

/** k, classes, rows below, and the min distinct sensitive values per class, counted with a Map. */
function independent(rows: string[][], qi: number[], k: number, sens: number | null, actions: Array<PdAction | null>) {
  const classes = new Map<string, { n: number; s: Set<string> }>();
  for (const r of rows) {
    const key = JSON.stringify(qi.map((i, j) => (actions[j] ? applyAction(actions[j]!, r[i]!) : r[i])));
    const c = classes.get(key) ?? { n: 0, s: new Set<string>() };
    c.n++;
    if (sens !== null && r[sens] !== '') c.s.add(r[sens]!);
    classes.set(key, c);
  }
  const sizes = [...classes.values()];
  return {
    k: Math.min(...sizes.map((c) => c.n)), classes: sizes.length,
    rowsBelow: sizes.filter((c) => c.n < k).reduce((a, c) => a + c.n, 0),
    l: sens === null ? null : Math.min(...sizes.map((c) => c.s.size)),
  };
}

test('k, classes, rows below k and l match an independent count, before and after generalisation; the filter selects those rows', async () => {
  const rnd = mulberry32(11);
  const cities = ['Lund', 'Malmö', 'Ystad', 'Kiruna', ''];
  const diagnoses = ['flu', 'asthma', 'diabetes'];
  const rows: string[][] = [];
  for (let i = 0; i < 3000; i++) {
    const y = 1930 + Math.floor(rnd() * 70);
    const d = `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    rows.push([String(i), d, cities[Math.floor(rnd() * cities.length)]!, String(Math.floor(rnd() * 100)), diagnoses[Math.floor(rnd() * 3)]!]);
  }
  const ws = kit.ws();
  try {
    await importCsv(kit, ws, 'patients', 'id,birth_date,city,age,diagnosis\n' + rows.map((r) => r.join(',')).join('\n') + '\n');
    const before = kAnonymity(ws, { dataset: 'patients', quasi: ['birth_date', 'city'], k: 5, sensitive: 'diagnosis' });
    const want = independent(rows, [1, 2], 5, 4, [null, null]);
    assert.deepEqual([before.before.k, before.before.classes, before.before.rowsBelow, before.before.l], [want.k, want.classes, want.rowsBelow, want.l]);
    assert.equal(before.after, before.before, 'no actions: after is before');
    assert.equal(before.before.rows, 3000);
    assert.equal(before.before.sizes.reduce((a, s) => a + s.rows, 0), 3000);

    tagColumn(ws, 'patients', 'birth_date', 'date_of_birth', 'quasi', { action: 'generalise', to: 'year' });
    tagColumn(ws, 'patients', 'city', 'location', 'quasi', { action: 'mask', keep: 1 });
    tagColumn(ws, 'patients', 'age', 'none', 'quasi', { action: 'generalise', to: 'band10' });
    const r = kAnonymity(ws, { dataset: 'patients', k: 10, sensitive: 'diagnosis' });
    assert.deepEqual(r.quasi, ['birth_date', 'city', 'age'], 'the quasi-tagged columns are the default');
    const acts: PdAction[] = [{ action: 'generalise', to: 'year' }, { action: 'mask', keep: 1 }, { action: 'generalise', to: 'band10' }];
    const w2 = independent(rows, [1, 2, 3], 10, 4, acts);
    assert.deepEqual([r.after.k, r.after.classes, r.after.rowsBelow, r.after.l], [w2.k, w2.classes, w2.rowsBelow, w2.l]);
    const w1 = independent(rows, [1, 2, 3], 10, 4, [null, null, null]);
    assert.deepEqual([r.before.k, r.before.classes, r.before.rowsBelow], [w1.k, w1.classes, w1.rowsBelow]);

    // The grid filter of the rows below k selects exactly that many rows, before and after.
    const ds = ws.datasets.get('patients');
    for (const s of [r.before, r.after]) {
      assert.ok(s.filter, 'there are rows below k');
      const page = pageRows(ws, ds, { dataset: 'patients', offset: 0, limit: 50, sort: [], filters: [s.filter] });
      assert.equal(page.total, s.rowsBelow);
    }
    // A dropped or suppressed quasi-identifier leaves the key.
    tagColumn(ws, 'patients', 'age', 'none', 'quasi', { action: 'suppress' });
    const noAge = kAnonymity(ws, { dataset: 'patients', k: 10 });
    const w3 = independent(rows, [1, 2], 10, null, acts.slice(0, 2));
    assert.deepEqual([noAge.after.k, noAge.after.classes, noAge.after.rowsBelow], [w3.k, w3.classes, w3.rowsBelow]);
  } finally {
    ws.close();
  }
});

test('bad input: no quasi-identifiers, unknown or repeated columns, a sensitive quasi-identifier; an empty dataset has k 0', async () => {
  const ws = kit.ws();
  try {
    await importCsv(kit, ws, 'few', 'a,b\n1,x\n');
    const code = (c: string, re: RegExp) => (e: unknown) => (e as { code?: string }).code === c && re.test((e as Error).message);
    assert.throws(() => kAnonymity(ws, { dataset: 'few' }), code('BAD_INPUT', /none is tagged quasi/));
    assert.throws(() => kAnonymity(ws, { dataset: 'few', quasi: ['zz'] }), code('NOT_FOUND', /no column "zz"/));
    assert.throws(() => kAnonymity(ws, { dataset: 'few', quasi: ['a', 'a'] }), code('BAD_INPUT', /twice/));
    assert.throws(() => kAnonymity(ws, { dataset: 'few', quasi: ['a'], sensitive: 'a' }), code('BAD_INPUT', /also a quasi-identifier/));
    const one = kAnonymity(ws, { dataset: 'few', quasi: ['a', 'b'], k: 2 });
    assert.deepEqual([one.before.k, one.before.classes, one.before.rowsBelow], [1, 1, 1]);
    await importCsv(kit, ws, 'empty', 'a,b\n');
    const e = kAnonymity(ws, { dataset: 'empty', quasi: ['a'] });
    assert.deepEqual([e.before.k, e.before.classes, e.before.rowsBelow, e.before.filter], [0, 0, 0, null]);
  } finally {
    ws.close();
  }
});

test('a smallClass filter in a recipe follows a column mapping, and reads in words', async () => {
  const { mapOp } = await import('../../../../main/core/clean/recipes');
  const { describeFilter } = await import('../../../../main/core/clean/describe');
  const f = { kind: 'smallClass' as const, column: 'born', columns: ['born', 'city'], k: 5, actions: { born: { action: 'generalise' as const, to: 'year' } }, kinds: { born: 'date_of_birth' as const } };
  const mapped = mapOp({ op: 'deleteRows', filters: [f] }, { born: 'birth_date', city: 'town' });
  assert.deepEqual(mapped, { op: 'deleteRows', filters: [{ ...f, column: 'birth_date', columns: ['birth_date', 'town'], actions: { birth_date: f.actions.born }, kinds: { birth_date: 'date_of_birth' } }] });
  assert.equal(describeFilter(f), 'the row\'s class over “born”, “city” has fewer than 5 rows');
});
