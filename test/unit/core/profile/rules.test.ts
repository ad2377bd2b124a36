// Quality rules: every kind against counts worked out by hand, the grid's rule filter showing
// exactly the failing rows, renamed and dropped columns, suggestions, export blocking, recipes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Workspace } from '../../../../main/core/workspace';
import { importKit } from '../../../helpers/importKit';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { applyOp } from '../../../../main/core/clean/engine';
import { applyRecipe, exportRecipe } from '../../../../main/core/clean/recipes';
import { exportDataset } from '../../../../main/core/export/exportDataset';
import { pageRows } from '../../../../main/core/rows/query';
import { profileDataset } from '../../../../main/core/profile/profile';
import { addRules, failingRowsFilter, listRules, runRules, storedRulesToRun } from '../../../../main/core/profile/rules';
import { patternRegex, suggestRules } from '../../../../main/core/profile/suggest';
import { parseRules, type Rule } from '../../../../shared/rules/schema';
import { TidysetError } from '../../../../main/core/errors';

const kit = importKit('tidyset-rules-');
let ws: Workspace;
const CSV = [
  'id,name,start,end,qty,code,kind',
  '1,Ann,2024-01-01,2024-02-01,5,AB-12,a',
  '2,Bob,2024-03-01,2024-02-01,50,AB-13,b',
  '3,,2024-01-05,2024-01-05,7,XY,a',
  '4,Dee,,2024-05-01,n/a,AB-15,c',
  '4,Eve,2024-06-01,2024-07-01,-2,,a',
  '6,Fay,2024-02-30,2024-08-01,3,AB-16,b',
].join('\n') + '\n';

async function importCsv(name: string, text: string): Promise<void> {
  await importFile(ws, kit.write(`${name}.csv`, text), { name }, quietContext);
}

before(async () => {
  ws = kit.ws();
  await importCsv('r', CSV);
});
after(() => ws.close());

const run = (rules: Rule[], dataset = 'r') => runRules(ws, dataset, rules.map((rule) => ({ rule, id: null, problem: null })));

test('each kind of rule counts its failing rows; missing values fail notNull only', () => {
  const cases: Array<[Rule, boolean, number]> = [
    [{ rule: 'notNull', column: 'name' }, false, 1],
    [{ rule: 'unique', columns: ['id'] }, false, 2],
    [{ rule: 'unique', columns: ['id', 'name'] }, true, 0],
    [{ rule: 'range', column: 'qty', min: 0, max: 10 }, false, 3], // 50, n/a, -2
    [{ rule: 'regex', column: 'code', pattern: '[A-Z]{2}-\\d+' }, false, 1], // XY; the empty one is skipped
    [{ rule: 'allowed', column: 'kind', values: ['a', 'b'] }, false, 1],
    [{ rule: 'type', column: 'start', type: 'date' }, false, 1], // 2024-02-30
    [{ rule: 'compare', left: 'end', op: '>=', right: 'start' }, false, 2], // Bob, and 2024-02-30 does not read
    [{ rule: 'rows', min: 1, max: 5 }, false, 1],
    [{ rule: 'missingShare', column: 'code', max: 0.2 }, true, 1],
    [{ rule: 'missingShare', column: 'code', max: 0.1 }, false, 1],
  ];
  const report = run(cases.map((c) => c[0]));
  assert.equal(report.rows, 6);
  report.rules.forEach((r, i) => {
    assert.deepEqual(r.rule, cases[i]![0], 'the rule as given, in order');
    assert.equal(r.passed, cases[i]![1], `${r.description}: passed`);
    assert.equal(r.failing, cases[i]![2], `${r.description}: failing`);
    assert.equal(r.share, cases[i]![2] / 6);
  });
});

test('the rule filter shows the grid exactly the failing rows', () => {
  const ds = ws.datasets.get('r');
  for (const rule of [{ rule: 'compare', left: 'end', op: '>=', right: 'start' }, { rule: 'unique', columns: ['id'] }, { rule: 'range', column: 'qty', min: 0, max: 10 }] as Rule[]) {
    const failing = run([rule]).rules[0]!.failing;
    const page = pageRows(ws, ds, { dataset: 'r', offset: 0, limit: 100, sort: [], filters: [failingRowsFilter(rule)] });
    assert.equal(page.total, failing);
    assert.equal(page.rows.length, failing);
  }
  const ids = pageRows(ws, ds, { dataset: 'r', offset: 0, limit: 100, sort: [], filters: [failingRowsFilter({ rule: 'unique', columns: ['id'] })] }).rows.map((r) => r[1]);
  assert.deepEqual(ids, ['Dee', 'Eve']);
});

test('rules files: versioned, validated with the path of the problem', () => {
  assert.equal(parseRules({ tidysetRules: 1, rules: [{ rule: 'notNull', column: 'a', severity: 'block' }] }).ok, true);
  const bad = parseRules({ tidysetRules: 1, rules: [{ rule: 'range', column: 'a' }] });
  assert.equal(bad.ok, false);
  assert.match((bad as { message: string }).message, /rules\.0.*min or max/);
  assert.equal(parseRules({ tidysetRules: 2, rules: [] }).ok, false);
  assert.equal(parseRules({ rule: 'regex', column: 'a', pattern: '(' }).ok, false);
});

test('stored rules follow a renamed column and name a dropped one', async () => {
  await importCsv('ren', CSV);
  addRules(ws, 'ren', [{ rule: 'notNull', column: 'name' }, { rule: 'allowed', column: 'kind', values: ['a'] }]);
  applyOp(ws, 'ren', { op: 'rename', column: 'name', to: 'full_name' });
  const rules = listRules(ws, 'ren');
  assert.deepEqual(rules[0]!.rule, { rule: 'notNull', column: 'full_name' });
  assert.equal(rules[0]!.problem, null);
  applyOp(ws, 'ren', { op: 'drop', column: 'kind' });
  const after = listRules(ws, 'ren');
  assert.match(after[1]!.problem!, /"kind".*no longer in dataset "ren"/);
  const report = runRules(ws, 'ren', storedRulesToRun(ws, 'ren'));
  assert.equal(report.rules[0]!.failing, 1);
  assert.equal(report.rules[1]!.passed, false);
  assert.match(report.rules[1]!.error!, /dropped/);
  assert.throws(() => addRules(ws, 'ren', [{ rule: 'notNull', column: 'nope' }]), /no column "nope"/);
});

test('a failing rule of severity block stops an export; warn does not', async () => {
  await importCsv('exp', CSV);
  addRules(ws, 'exp', [{ rule: 'notNull', column: 'code' }]);
  const out = path.join(path.dirname(kit.write('exp-out.txt', '')), 'out');
  await exportDataset(ws, { dataset: 'exp', format: 'csv', outDir: out }, quietContext);
  addRules(ws, 'exp', [{ rule: 'notNull', column: 'name', severity: 'block' }]);
  await assert.rejects(exportDataset(ws, { dataset: 'exp', format: 'csv', outDir: path.join(path.dirname(out), 'out2') }, quietContext),
    (e: unknown) => e instanceof TidysetError && e.code === 'RULES_FAILED' && /"name" is never empty \(1 rows/.test(e.message));
  // Exporting only the rows that pass is allowed.
  await exportDataset(ws, { dataset: 'exp', format: 'csv', outDir: path.join(path.dirname(out), 'out3'), filters: [{ kind: 'blank', column: 'name', blank: false }] }, quietContext);
});

test('rules travel with recipes, through the column map', async () => {
  await importCsv('src', CSV);
  await importCsv('dst', CSV.replace('id,name', 'id,who'));
  addRules(ws, 'src', [{ rule: 'notNull', column: 'name', severity: 'block' }]);
  const recipe = exportRecipe(ws, 'src');
  assert.deepEqual(recipe.rules, [{ rule: 'notNull', column: 'name', severity: 'block' }]);
  applyRecipe(ws, 'dst', JSON.parse(JSON.stringify(recipe)), { name: 'who' });
  assert.deepEqual(listRules(ws, 'dst').map((r) => r.rule), [{ rule: 'notNull', column: 'who', severity: 'block' }]);
});

test('suggested rules hold on the data they were suggested from', async () => {
  await importCsv('sug', ['id,born,status', ...Array.from({ length: 40 }, (_, i) => `${i + 1},19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9},${['on', 'off'][i % 2]}`)].join('\n') + '\n');
  const p = profileDataset(ws, 'sug');
  const s = suggestRules(p);
  const kinds = s.map((x) => `${x.rule.rule}:${'column' in x.rule ? x.rule.column : ''}`);
  for (const k of ['notNull:born', 'type:born', 'range:born', 'unique:', 'allowed:status', 'type:id']) assert.ok(kinds.some((x) => x.startsWith(k)), `suggests ${k}`);
  const born = s.find((x) => x.rule.rule === 'range' && x.rule.column === 'born')!.rule as Extract<Rule, { rule: 'range' }>;
  assert.deepEqual([born.min, born.max], ['1950-01-01', '1989-12-31']);
  const report = run(s.map((x) => x.rule), 'sug');
  assert.deepEqual(report.rules.filter((r) => !r.passed).map((r) => r.description), []);
});

test('a value shape becomes an anchored regular expression for a suggested rule', () => {
  assert.equal(patternRegex('999-99-9999'), '\\d{3}-\\d{2}-\\d{4}');
  assert.equal(patternRegex('Aa+ Aa+'), '\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+');
  assert.equal(patternRegex('A+9'), '\\p{Lu}+\\d');
  assert.equal(patternRegex('a+…'), null);
  assert.ok(new RegExp(`^(?:${patternRegex('999-99-9999')})$`, 'u').test('123-45-6789'));
});
