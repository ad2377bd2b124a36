// Runs the `tidyset` command as a child process against a temp workspace: JSON shapes, rescans, duplicates, exit codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, ensureBuilt, jsonOut, runCli, type CliResult } from '../helpers/cli';
import pkg from '../../package.json';

const FIXTURES = path.resolve(__dirname, '../fixtures');

let tmp: string;
let ws: string;
let data: string;

const PEOPLE = 'id,name,city\n1,Ann,Oslo\n2,"Bo, Jr.",Bergen\n3,Cy,"Trond\nheim"\n4,Di,\n';

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-cli-'));
  ws = path.join(tmp, 'ws');
  data = path.join(tmp, 'data');
  mkdirSync(path.join(data, 'more'), { recursive: true });
  writeFileSync(path.join(data, 'people.csv'), PEOPLE);
  writeFileSync(path.join(data, 'people-copy.csv'), PEOPLE);
  writeFileSync(path.join(data, 'more', 'scores.tsv'), 'name\tscore\nann\t1.5\nbo\t2\n');
  copyFileSync(path.join(FIXTURES, 'ingest', 'nested.jsonl'), path.join(data, 'more', 'nested.jsonl'));
  copyFileSync(path.join(FIXTURES, 'ingest', 'ragged.csv'), path.join(tmp, 'ragged.csv'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]): CliResult => runCli(args, ws);
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function ok(r: CliResult): CliResult {
  assert.equal(r.status, 0, `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r;
}

interface ScanFile {
  path: string; format: string; encoding: string | null; bom: boolean; delimiter: string | null; quote: string | null;
  header: boolean | null; size: number; lines: number | null; sha256: string | null; status: string; reason: string | null;
  duplicateOf: string | null; notes: string[];
}
interface ScanJson {
  root: string;
  counts: { found: number; added: number; changed: number; unchanged: number; removed: number; unreadable: number; duplicates: number };
  files: ScanFile[];
}
interface DatasetJson {
  id: number; name: string; rows: number; rejects: number;
  columns: Array<{ name: string; type: string }>;
  source: { path: string; sha256: string; encoding: string; delimiter: string | null };
}

test('--help lists every command and exits 0; --version prints the version', () => {
  const r = ok(cli('--help'));
  for (const c of ['scan', 'import', 'datasets', 'show', 'rejects', 'export']) assert.match(r.stdout, new RegExp(`^  ${c} `, 'm'), c);
  assert.equal(ok(cli('--version')).stdout.trim(), pkg.version);
});

test('scan --json: every file with format, encoding, delimiter, header, size, sha256, status and reason; byte-identical copies marked', () => {
  const r = jsonOut<ScanJson>(ok(cli('scan', data, '--json')));
  assert.equal(r.root, data);
  assert.deepEqual(r.counts, { found: 4, added: 4, changed: 0, unchanged: 0, removed: 0, unreadable: 0, duplicates: 1 });
  const byName = new Map(r.files.map((f) => [path.relative(data, f.path), f]));
  assert.deepEqual([...byName.keys()].sort(), ['more/nested.jsonl', 'more/scores.tsv', 'people-copy.csv', 'people.csv']);
  for (const f of r.files) {
    for (const key of ['path', 'format', 'encoding', 'delimiter', 'header', 'size', 'sha256', 'status', 'reason']) assert.ok(key in f, `${f.path} has ${key}`);
    assert.equal(f.sha256, sha256(f.path));
    assert.equal(f.size, statSync(f.path).size);
    assert.equal(f.status, 'ok');
    assert.equal(f.reason, null);
  }
  const people = byName.get('people.csv')!;
  assert.deepEqual(
    { format: people.format, encoding: people.encoding, delimiter: people.delimiter, header: people.header },
    { format: 'csv', encoding: 'utf-8', delimiter: ',', header: true },
  );
  assert.equal(byName.get('more/scores.tsv')!.delimiter, '\t');
  assert.equal(byName.get('more/nested.jsonl')!.format, 'jsonl');
  // Exactly one of the two copies points at the other.
  const copies = [byName.get('people.csv')!, byName.get('people-copy.csv')!];
  assert.deepEqual(copies.map((f) => f.duplicateOf).filter((d) => d !== null).length, 1);
  const dup = copies.find((f) => f.duplicateOf !== null)!;
  assert.equal(dup.duplicateOf, copies.find((f) => f !== dup)!.path);
  assert.equal(byName.get('more/scores.tsv')!.duplicateOf, null);
});

test('a rescan re-reads only changed files: a touched mtime or new content counts as changed, the rest unchanged', () => {
  const first = jsonOut<ScanJson>(ok(cli('scan', data, '--json')));
  assert.deepEqual({ changed: first.counts.changed, unchanged: first.counts.unchanged, added: first.counts.added }, { changed: 0, unchanged: 4, added: 0 });

  const scores = path.join(data, 'more', 'scores.tsv');
  const later = new Date(Date.now() + 60_000);
  utimesSync(scores, later, later);
  const touched = jsonOut<ScanJson>(ok(cli('scan', data, '--json')));
  assert.deepEqual({ changed: touched.counts.changed, unchanged: touched.counts.unchanged, added: touched.counts.added }, { changed: 1, unchanged: 3, added: 0 });

  writeFileSync(scores, 'name\tscore\nann\t1.5\nbo\t2\ncy\t3\n');
  const edited = jsonOut<ScanJson>(ok(cli('scan', data, '--json')));
  assert.deepEqual({ changed: edited.counts.changed, unchanged: edited.counts.unchanged }, { changed: 1, unchanged: 3 });
  assert.equal(edited.files.find((f) => f.path === scores)!.sha256, sha256(scores));

  // Same size and mtime as recorded means unchanged: the file is not read again, so its old hash stays.
  // (A whole second, so that setting the mtime back is exact.)
  const nested = path.join(data, 'more', 'nested.jsonl');
  const second = Math.floor(Date.now() / 1000) - 3600;
  utimesSync(nested, second, second);
  const base = jsonOut<ScanJson>(ok(cli('scan', data, '--json')));
  assert.deepEqual({ changed: base.counts.changed, unchanged: base.counts.unchanged }, { changed: 1, unchanged: 3 });
  const recorded = base.files.find((f) => f.path === nested)!.sha256;
  const size = statSync(nested).size;
  const bytes = readFileSync(nested);
  bytes[bytes.indexOf('Ann')] = 'E'.charCodeAt(0);
  writeFileSync(nested, bytes);
  utimesSync(nested, second, second);
  assert.equal(statSync(nested).size, size);
  const sneaky = jsonOut<ScanJson>(ok(cli('scan', data, '--json')));
  assert.deepEqual({ changed: sneaky.counts.changed, unchanged: sneaky.counts.unchanged }, { changed: 0, unchanged: 4 });
  assert.equal(sneaky.files.find((f) => f.path === nested)!.sha256, recorded);
  assert.notEqual(recorded, sha256(nested));
});

test('a folder of Parquet, XLSX, SQLite and PNG files: recognised by their signatures, the three tabular ones importable with what they hold', () => {
  const folder = path.join(tmp, 'binaries');
  mkdirSync(folder);
  for (const f of readdirSync(path.join(FIXTURES, 'signatures'))) copyFileSync(path.join(FIXTURES, 'signatures', f), path.join(folder, f));
  const r = jsonOut<ScanJson>(ok(cli('scan', folder, '--json')));
  const got = Object.fromEntries(r.files.map((f) => [path.basename(f.path), { format: f.format, status: f.status, reason: f.reason, notes: f.notes }]));
  assert.deepEqual(got, {
    'sample.parquet': { format: 'parquet', status: 'ok', reason: null, notes: ['3 rows, 3 columns'] },
    'sample.png': { format: 'image', status: 'recognised', reason: 'PNG image', notes: [] },
    'sample.sqlite': { format: 'sqlite', status: 'ok', reason: null, notes: ['tables: t (1 row)'] },
    'sample.xlsx': { format: 'xlsx', status: 'ok', reason: null, notes: ['sheets: People (3 rows), Notes (2 rows)'] },
  });
  const text = ok(cli('scan', folder));
  assert.match(text.stdout, /sample\.xlsx +xlsx .*importable/);
  assert.match(text.stdout, /note: sample\.xlsx: sheets: People \(3 rows\), Notes \(2 rows\)/);
  const notes = jsonOut<{ dataset: DatasetJson }>(ok(cli('import', path.join(folder, 'sample.xlsx'), '--sheet', 'Notes', '--name', 'notes', '--json')));
  assert.equal(notes.dataset.rows, 1);
  const people = jsonOut<{ dataset: DatasetJson }>(ok(cli('import', path.join(folder, 'sample.parquet'), '--json')));
  assert.deepEqual(people.dataset.columns.map((c) => c.type), ['integer', 'text', 'date']);
  const shown = ok(cli('show', people.dataset.name));
  assert.match(shown.stdout, /3 +Grace +1906-12-09/);
  const noSheet = cli('import', path.join(folder, 'sample.xlsx'), '--sheet', 'Missing');
  assert.equal(noSheet.status, 1);
  assert.match(noSheet.stderr, /sample\.xlsx: no sheet "Missing" \(sheets: "People", "Notes"\)/);
  const png = cli('import', path.join(folder, 'sample.png'));
  assert.equal(png.status, 1);
  assert.match(png.stderr, /sample\.png: cannot import: PNG image/);
});

test('import --json, then datasets --json: the documented shapes', () => {
  const file = path.join(data, 'people.csv');
  const imported = jsonOut<{ dataset: DatasetJson; warnings: string[] }>(ok(cli('import', file, '--name', 'people', '--json')));
  assert.equal(imported.dataset.name, 'people');
  assert.equal(imported.dataset.rows, 4);
  assert.deepEqual(imported.warnings, []);
  const list = jsonOut<{ datasets: DatasetJson[] }>(ok(cli('datasets', '--json')));
  assert.deepEqual(Object.keys(list), ['datasets']);
  const d = list.datasets.find((x) => x.name === 'people')!;
  assert.equal(typeof d.id, 'number');
  assert.equal(d.rows, 4);
  assert.deepEqual(d.columns, [{ name: 'id', type: 'integer' }, { name: 'name', type: 'text' }, { name: 'city', type: 'text' }]);
  assert.deepEqual(d.source, { path: file, sha256: sha256(file), encoding: 'utf-8', delimiter: ',' });
  assert.match(ok(cli('datasets')).stdout, /^people\s+4\s+3\s+0\s/m);
});

test('show --json: columns and rows, paged with --limit and --offset', () => {
  const all = jsonOut<{ columns: string[]; rows: string[][] }>(ok(cli('show', 'people', '--json')));
  assert.deepEqual(all, {
    columns: ['id', 'name', 'city'],
    rows: [['1', 'Ann', 'Oslo'], ['2', 'Bo, Jr.', 'Bergen'], ['3', 'Cy', 'Trond\nheim'], ['4', 'Di', '']],
  });
  const page = jsonOut<{ rows: string[][] }>(ok(cli('show', 'people', '--json', '--limit', '2', '--offset', '1')));
  assert.deepEqual(page.rows, [['2', 'Bo, Jr.', 'Bergen'], ['3', 'Cy', 'Trond\nheim']]);
  assert.deepEqual(jsonOut<{ rows: string[][] }>(ok(cli('show', 'people', '--json', '--offset', '10'))).rows, []);
  assert.match(ok(cli('show', 'people', '--limit', '1')).stdout, /Ann[\s\S]*\(1 of 4 rows\)/);
});

test('import --on-error skip keeps malformed lines as rejects; rejects --json lists line, raw and reason', () => {
  const r = ok(cli('import', path.join(tmp, 'ragged.csv'), '--on-error', 'skip', '--name', 'ragged'));
  assert.match(r.stdout, /imported 2 rows × 3 columns/);
  assert.match(r.stdout, /1 malformed record kept as rejects/);
  const rej = jsonOut<{ total: number; rejects: Array<{ line: number; raw: string; reason: string }> }>(ok(cli('rejects', 'ragged', '--json')));
  assert.equal(rej.total, 1);
  assert.deepEqual({ line: rej.rejects[0]!.line, raw: rej.rejects[0]!.raw }, { line: 3, raw: '4,5' });
  assert.match(rej.rejects[0]!.reason, /2 fields where the header has 3/);
});

test('export --json writes the file and manifest; a second export needs --force', () => {
  const out = path.join(tmp, 'export');
  const r = jsonOut<{ files: Array<{ path: string; rows: number; sha256: string }>; manifest: string }>(ok(cli('export', 'people', '--out', out, '--json')));
  assert.equal(r.files[0]!.path, path.join(out, 'people.csv'));
  assert.equal(r.files[0]!.rows, 4);
  assert.equal(r.files[0]!.sha256, sha256(path.join(out, 'people.csv')));
  assert.equal(r.manifest, path.join(out, 'manifest.json'));
  assert.equal(readFileSync(path.join(out, 'people.csv'), 'utf8'), 'id,name,city\r\n1,Ann,Oslo\r\n2,"Bo, Jr.",Bergen\r\n3,Cy,"Trond\nheim"\r\n4,Di,""\r\n');
  const again = cli('export', 'people', '--out', out);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /people\.csv already exists; use --force/);
  ok(cli('export', 'people', '--out', out, '--force'));
  assert.deepEqual(readdirSync(out).sort(), ['manifest.json', 'people.csv']);
  const jsonl = path.join(tmp, 'export-jsonl');
  ok(cli('export', 'people', '--out', jsonl, '--format', 'jsonl'));
  assert.equal(readFileSync(path.join(jsonl, 'people.jsonl'), 'utf8').split('\n')[0], '{"id":1,"name":"Ann","city":"Oslo"}');
});

test('exit code 1 for user errors, with messages naming the file and line; --json errors are JSON on stdout', () => {
  const missing = path.join(tmp, 'nope.csv');
  const m = cli('import', missing);
  assert.equal(m.status, 1);
  assert.equal(m.stderr, `tidyset: ${missing}: cannot read (ENOENT)\n`);

  const ragged = path.join(tmp, 'ragged.csv');
  const bad = cli('import', ragged, '--name', 'ragged-stop');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, new RegExp(`^tidyset: ${ragged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: 2 fields where the header has 3`, 'm'));
  const badJson = jsonOut<{ error: { code: string; message: string } }>(cli('import', ragged, '--json'));
  assert.equal(badJson.error.code, 'MALFORMED_FILE');
  assert.ok(badJson.error.message.startsWith(`${ragged}:3: `));
  assert.ok(!jsonOut<{ datasets: DatasetJson[] }>(ok(cli('datasets', '--json'))).datasets.some((d) => d.name === 'ragged-stop'));

  const unknown = cli('show', 'no-such-dataset', '--json');
  assert.equal(unknown.status, 1);
  assert.deepEqual(jsonOut(unknown), { error: { code: 'NOT_FOUND', message: 'no dataset named "no-such-dataset"' } });
  const limit = cli('show', 'people', '--limit', 'lots');
  assert.equal(limit.status, 1);
  assert.match(limit.stderr, /--limit must be a whole number/);
  assert.equal(cli('scan', path.join(tmp, 'no-such-folder')).status, 1);
  assert.notEqual(cli('no-such-command').status, 0);
});

test('import a b: one batch; clashing default names are made unique within the batch; --name with several files is refused', () => {
  const batch = path.join(tmp, 'batch');
  mkdirSync(path.join(batch, 'x'), { recursive: true });
  mkdirSync(path.join(batch, 'y'), { recursive: true });
  writeFileSync(path.join(batch, 'x', 'gt.csv'), 'id,v\n1,a\n2,b\n');
  writeFileSync(path.join(batch, 'y', 'gt.csv'), 'id,v\n3,c\n');
  writeFileSync(path.join(batch, 'records.csv'), 'k\n1\n');
  writeFileSync(path.join(batch, 'records.jsonl'), '{"k":1}\n{"k":2}\n');
  const files = [path.join(batch, 'x', 'gt.csv'), path.join(batch, 'y', 'gt.csv'), path.join(batch, 'records.csv'), path.join(batch, 'records.jsonl')];
  const r = jsonOut<{ imports: Array<{ file: string; dataset?: DatasetJson; error?: { message: string } }> }>(ok(cli('import', ...files, '--json')));
  assert.deepEqual(r.imports.map((i) => [i.file, i.dataset?.name ?? i.error?.message]), [
    [files[0], 'gt'], [files[1], 'gt-2'], [files[2], 'records'], [files[3], 'records-2'],
  ]);
  assert.deepEqual(r.imports.map((i) => i.dataset?.rows), [2, 1, 1, 2]);
  // A second batch of the same files does not clash with the first either.
  const again = ok(cli('import', files[0]!, files[1]!));
  assert.match(again.stdout, /dataset "gt-3"[\s\S]*dataset "gt-4"[\s\S]*2 of 2 files imported/);

  const named = cli('import', files[0]!, files[1]!, '--name', 'one');
  assert.equal(named.status, 1);
  assert.match(named.stderr, /--name names one dataset, but 2 files were given/);
  const taken = cli('import', files[0]!, '--name', 'gt');
  assert.equal(taken.status, 1);
  assert.match(taken.stderr, new RegExp(`${files[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: a dataset named "gt" already exists`));

  // One bad file in a batch: the others are imported, the bad one is named, exit 1.
  const mixed = cli('import', path.join(tmp, 'ragged.csv'), files[2]!);
  assert.equal(mixed.status, 1);
  assert.match(mixed.stdout, /ragged\.csv: failed, nothing imported: .*ragged\.csv:3: 2 fields where the header has 3/);
  assert.match(mixed.stdout, /records\.csv: imported 1 rows × 1 columns into dataset "records-3"/);
  assert.match(mixed.stdout, /1 of 2 files imported, 1 failed/);
});

test('delete DATASET: refused without --yes and without a terminal; --yes deletes rows and history; unknown names are errors', () => {
  ok(cli('import', path.join(data, 'people.csv'), '--name', 'doomed'));
  ok(cli('op', 'doomed', '{"op":"case","column":"name","mode":"upper"}'));
  const refused = cli('delete', 'doomed');
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /not deleting dataset "doomed": 4 rows × 3 columns, 1 history step without confirmation: pass --yes/);
  assert.ok(jsonOut<{ datasets: DatasetJson[] }>(ok(cli('datasets', '--json'))).datasets.some((d) => d.name === 'doomed'), 'still there');

  const files = () => readdirSync(path.join(ws, 'data')).filter((f) => f.endsWith('.sqlite')).length;
  const before = files();
  const r = jsonOut<{ deleted: { name: string; rows: number; columns: number; historySteps: number } }>(ok(cli('delete', 'doomed', '--yes', '--json')));
  assert.deepEqual(r.deleted, { name: 'doomed', rows: 4, columns: 3, historySteps: 1 });
  assert.ok(!jsonOut<{ datasets: DatasetJson[] }>(ok(cli('datasets', '--json'))).datasets.some((d) => d.name === 'doomed'));
  assert.equal(files(), before - 1, 'the dataset file is gone');
  assert.equal(cli('history', 'doomed').status, 1);
  const missing = cli('delete', 'doomed', '--yes');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no dataset named "doomed"/);
});

test('op with a mistyped operation name lists the valid names', () => {
  const r = cli('op', 'people', '{"op":"trimm","column":"name"}');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /unknown operation "trimm" \(did you mean "trim"\?\); valid operations: trim, case, replace/);
});

test('delete on a terminal asks y/N: n keeps the dataset, y deletes it', { skip: process.platform !== 'linux' || !existsSync('/usr/bin/script') ? 'needs util-linux script(1) for a pseudo-terminal' : false }, () => {
  ok(cli('import', path.join(data, 'people.csv'), '--name', 'asked'));
  const onTty = (answer: string) => spawnSync('/usr/bin/script', ['-qc', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} delete asked`, '/dev/null'], {
    input: answer, encoding: 'utf8', env: { ...process.env, TIDYSET_WORKSPACE: ws },
  });
  const no = onTty('n\n');
  assert.match(no.stdout, /Delete dataset "asked": 4 rows × 3 columns, 0 history steps\? This cannot be undone\. \[y\/N\]/);
  assert.match(no.stdout, /not deleted/);
  assert.ok(jsonOut<{ datasets: DatasetJson[] }>(ok(cli('datasets', '--json'))).datasets.some((d) => d.name === 'asked'));
  const yes = onTty('y\n');
  assert.match(yes.stdout, /deleted dataset "asked"/);
  assert.ok(!jsonOut<{ datasets: DatasetJson[] }>(ok(cli('datasets', '--json'))).datasets.some((d) => d.name === 'asked'));
});
