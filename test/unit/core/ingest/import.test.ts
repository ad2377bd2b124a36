// Imports every real CSV/TSV/JSON file of the evaluation data and checks each value against an independent parse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'csv-parse/sync';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { readRows } from '../../../../main/core/rows/datasetDb';
import type { StoredDataset } from '../../../../main/core/db/repos/datasets';
import { sniffFile } from '../../../../main/core/scan/detect';
import { TidysetError } from '../../../../main/core/errors';
import { Workspace } from '../../../../main/core/workspace';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');
const FIXTURES = path.resolve(__dirname, '../../../fixtures/ingest');

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}

const ALL = listFiles(DATA);
const DELIMITED = ALL.filter((f) => /\.(csv|tsv)$/i.test(f));
const JSONS = ALL.filter((f) => /\.json$/i.test(f));

/** Encodings the files are known to be in (see SOURCES.md); the rest are UTF-8. */
const ENCODINGS: Record<string, 'windows-1252' | 'utf-16le' | 'utf-16be'> = {
  'openrefine-testdata/example-latin1.tsv': 'windows-1252',
  'openrefine-testdata/example-utf16le-bom.tsv': 'utf-16le',
  'openrefine-testdata/example-utf16be-bom.tsv': 'utf-16be',
};

let tmp: string;
let ws: Workspace;
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-import-'));
  ws = Workspace.open(path.join(tmp, 'ws'));
});
after(() => {
  ws.close();
  rmSync(tmp, { recursive: true, force: true });
});

function allRows(ds: StoredDataset): Array<Array<string | null>> {
  return readRows(ws, ds, 0, ds.rows + 1).rows;
}

/** Compares row by row so that a failure names the first differing row rather than dumping the table. */
function assertSameRows(actual: unknown[][], expected: unknown[][], label: string): void {
  assert.equal(actual.length, expected.length, `${label}: row count`);
  for (let i = 0; i < expected.length; i++) {
    if (!isDeepStrictEqual(actual[i], expected[i])) assert.deepEqual(actual[i], expected[i], `${label}: data row ${i + 1}`);
  }
}

interface Reference {
  header: string[];
  rows: string[][];
  /** Rows whose trailing delimiter added an empty field past the header. */
  trailing: number;
}

/** Parses a delimited file with csv-parse, configured for that file's dialect. */
function referenceParse(file: string): Reference {
  const rel = path.relative(DATA, file);
  const bytes = readFileSync(file);
  const enc = ENCODINGS[rel];
  // csv-parse reads UTF-8 itself (bom: true drops the BOM); other encodings are decoded first.
  let input: string | Buffer = bytes;
  if (enc === 'windows-1252') {
    // Node's TextDecoder reads windows-1252 as ISO-8859-1; the two agree when no byte is in 0x80–0x9F.
    assert.ok(!bytes.some((b) => b >= 0x80 && b <= 0x9f), `${rel}: no bytes where windows-1252 and latin1 differ`);
    input = bytes.toString('latin1');
  } else if (enc) input = new TextDecoder(enc).decode(bytes);
  const delimiter = file.endsWith('.tsv') ? '\t' : ',';
  const common = { delimiter, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true } as const;
  let records: string[][];
  if (rel.startsWith('dedupe-restaurant/')) {
    // The `"a", "b", '0'` dialect: a space before an opening quote is padding (ltrim finds the quoted
    // values), but an unquoted value keeps its leading space (taken from a parse without ltrim).
    const quoted = parse(input, {
      ...common,
      ltrim: true,
      cast: (v: string, ctx: { quoting: boolean }) => ({ v, quoted: ctx.quoting }),
    }) as unknown as Array<Array<{ v: string; quoted: boolean }>>;
    const plain: string[][] = parse(input, common);
    assert.equal(quoted.length, plain.length, `${rel}: both reference parses see the same records`);
    records = quoted.map((r, i) => {
      assert.equal(r.length, plain[i]!.length, `${rel}: record ${i + 1} has the same width in both reference parses`);
      return r.map((f, j) => (f.quoted ? f.v : plain[i]![j]!));
    });
  } else {
    records = parse(input, common);
  }
  const [header, ...rows] = records;
  assert.ok(header, `${rel}: has a header`);
  let trailing = 0;
  for (const r of rows) {
    if (r.length === header.length + 1 && r.at(-1) === '') {
      // Trailing tabs (openrefine TSVs): the import drops that empty field with a warning.
      r.pop();
      trailing++;
    }
  }
  return { header, rows, trailing };
}

test('the evaluation data is where the tests expect it', () => {
  assert.ok(DELIMITED.length >= 30, `found ${DELIMITED.length} CSV/TSV files under ${DATA}`);
  assert.ok(JSONS.length >= 5);
});

for (const file of DELIMITED) {
  const rel = path.relative(DATA, file);
  test(`import ${rel}: every cell equals csv-parse's reading`, async () => {
    const ref = referenceParse(file);
    const { dataset, warnings } = await importFile(ws, file, {}, quietContext);
    assert.equal(dataset.rows, ref.rows.length, 'row count');
    assert.equal(dataset.rejects, 0, 'no rejects');
    assert.deepEqual(dataset.columns.map((c) => c.originalName), ref.header, 'header as written');
    assert.deepEqual(dataset.columns.map((c) => c.name), ref.header.map((h) => h.trim()), 'display names are trimmed');
    assertSameRows(allRows(dataset), ref.rows, rel);
    assert.equal(dataset.source.sha256, createHash('sha256').update(readFileSync(file)).digest('hex'));
    assert.equal(dataset.source.encoding, ENCODINGS[rel] ?? 'utf-8');
    assert.equal(dataset.source.delimiter, file.endsWith('.tsv') ? '\t' : ',');
    if (ref.trailing) {
      assert.ok(warnings.some((w) => w.startsWith(`${ref.trailing} line`) && /trailing delimiters/.test(w)), `warns: ${warnings.join(' | ')}`);
    }
  });
}

test('the four encodings of the openrefine example TSV import to identical values', async () => {
  const names = ['example-utf8.tsv', 'example-latin1.tsv', 'example-utf16le-bom.tsv', 'example-utf16be-bom.tsv'];
  const tables = [];
  for (const n of names) {
    const { dataset } = await importFile(ws, path.join(DATA, 'openrefine-testdata', n), { name: `enc-${n}` }, quietContext);
    tables.push({ columns: dataset.columns.map((c) => c.name), rows: allRows(dataset) });
  }
  assert.equal(tables[0]!.rows.length, 2);
  assert.ok(tables[0]!.rows.some((r) => r.some((v) => v?.includes('Béjaïa'))), 'accented text decoded');
  for (let i = 1; i < tables.length; i++) assert.deepEqual(tables[i], tables[0], names[i]);
});

/** Flattens parsed JSON the way the import promises: nested objects to dotted names, everything else as a value. */
function flattenExpected(o: Record<string, unknown>, prefix: string, out: Map<string, unknown>): void {
  for (const [k, v] of Object.entries(o)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
      flattenExpected(v as Record<string, unknown>, `${prefix}${k}.`, out);
    } else out.set(prefix + k, v);
  }
}

/** Checks one stored cell against the parsed JSON value it came from. */
function assertCell(actual: string | null, expected: unknown, where: string): void {
  if (expected === undefined || expected === null) assert.equal(actual, null, where);
  else if (typeof expected === 'string') assert.equal(actual, expected, where);
  else if (typeof expected === 'boolean') assert.equal(actual, String(expected), where);
  else if (typeof expected === 'number') {
    assert.match(actual ?? '', /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/, where);
    assert.equal(Number(actual), expected, where);
  } else assert.deepEqual(JSON.parse(actual ?? 'null'), expected, where);
}

for (const file of JSONS) {
  const rel = path.relative(DATA, file);
  test(`import ${rel}: an array of objects imports value for value; anything else is refused`, async () => {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const isTable = Array.isArray(parsed) && parsed.length > 0 && parsed.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x));
    assert.equal((await sniffFile(file)).importable, isTable, 'sniffing agrees');
    if (!isTable) {
      await assert.rejects(importFile(ws, file, {}, quietContext), (e: unknown) => {
        assert.ok(e instanceof TidysetError);
        assert.equal(e.code, 'UNSUPPORTED_FILE');
        assert.match(e.message, /not an array of objects/);
        assert.ok(e.message.includes(file));
        return true;
      });
      return;
    }
    const records = (parsed as Array<Record<string, unknown>>).map((o) => {
      const m = new Map<string, unknown>();
      flattenExpected(o, '', m);
      return m;
    });
    const keys: string[] = [];
    for (const r of records) for (const k of r.keys()) if (!keys.includes(k)) keys.push(k);
    const { dataset } = await importFile(ws, file, {}, quietContext);
    assert.equal(dataset.rows, records.length);
    assert.deepEqual(dataset.columns.map((c) => c.name), keys);
    const rows = allRows(dataset);
    records.forEach((r, i) => keys.forEach((k, j) => assertCell(rows[i]![j]!, r.get(k), `${rel} record ${i + 1} ${k}`)));
  });
}

/** `name,note` then one row per [name, note], in Windows-1252, where “ ” € – are 0x93 0x94 0x80 0x96. */
function cp1252Csv(rows: Array<[string, string]>): Buffer {
  const text = ['name,note', ...rows.map((r) => r.join(','))].join('\n') + '\n';
  const map: Record<string, number> = { '\u201C': 0x93, '\u201D': 0x94, '\u20AC': 0x80, '\u2013': 0x96 };
  return Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

test('a windows-1252 CSV with smart quotes, euro signs and dashes imports those characters', async () => {
  const file = path.join(tmp, 'cp1252.csv');
  const rows: Array<[string, string]> = [['\u201CAnn\u201D', '5 \u20AC \u2013 ok'], ['Bo', 'a plain ASCII note that is long enough'], ['Cy', 'another plain ASCII note with more words']];
  writeFileSync(file, cp1252Csv(rows));
  const { dataset } = await importFile(ws, file, { encoding: 'windows-1252' }, quietContext);
  assert.deepEqual(allRows(dataset), rows);
  // Sniffed without --encoding, it is still read as windows-1252 (the bytes are not UTF-8).
  const sniffed = await importFile(ws, file, { name: 'cp1252-sniffed' }, quietContext);
  assert.equal(sniffed.dataset.source.encoding, 'windows-1252');
  assert.deepEqual(allRows(sniffed.dataset), rows);
});

test('a short windows-1252 text dense with smart quotes is text, not a binary file', async () => {
  // Sniffing decodes the sample with TextDecoder('windows-1252'), which Node 20.18.3+ reads as ISO-8859-1
  // (nodejs/node#60888): 0x80–0x9F become C1 controls and enough of them make the file look binary.
  const file = path.join(tmp, 'cp1252-short.csv');
  const rows: Array<[string, string]> = [['\u201CA\u201D', '\u20AC1'], ['\u201CB\u201D', '\u20AC2']];
  writeFileSync(file, cp1252Csv(rows));
  const { dataset } = await importFile(ws, file, { name: 'cp1252-short', encoding: 'windows-1252' }, quietContext);
  assert.deepEqual(allRows(dataset), rows);
});

test('se-personnummer list.json: numbers keep their digits, booleans read true/false', async () => {
  const { dataset } = await importFile(ws, path.join(DATA, 'se-personnummer/list.json'), { name: 'pnr-list' }, quietContext);
  assert.equal(dataset.rows, 14);
  const rows = allRows(dataset);
  const col = (n: string) => dataset.columns.findIndex((c) => c.name === n);
  assert.equal(rows[0]![col('integer')], '201509160006');
  assert.equal(rows[0]![col('separated_format')], '150916-0006');
  assert.equal(rows[0]![col('valid')], 'false');
  assert.equal(dataset.columns[col('integer')]!.type, 'integer');
  assert.equal(dataset.columns[col('valid')]!.type, 'boolean');
});

const NESTED_COLUMNS = ['id', 'price', 'big', 'user.name', 'user.address.city', 'tags', 'note', 'flag', 'text', 'extra'];
const NESTED_ROWS = [
  ['1', '1.50', '12345678901234567890', 'Ann', 'Oslo', '["a", "b"]', '', 'true', 'café "quoted"', null],
  ['2', '-0.0', '1e400', 'Bo', null, null, null, 'false', null, '{}'],
  ['3', null, null, null, null, null, null, null, null, null],
];

test('JSON Lines: nested objects flatten to dotted names, numbers keep their text, missing is NULL and "" stays ""', async () => {
  const { dataset } = await importFile(ws, path.join(FIXTURES, 'nested.jsonl'), {}, quietContext);
  assert.equal(dataset.source.format, 'jsonl');
  assert.deepEqual(dataset.columns.map((c) => c.name), NESTED_COLUMNS);
  assert.deepEqual(allRows(dataset), NESTED_ROWS);
});

test('a JSON array with the same records imports the same table', async () => {
  const { dataset } = await importFile(ws, path.join(FIXTURES, 'nested.json'), {}, quietContext);
  assert.equal(dataset.source.format, 'json');
  assert.deepEqual(dataset.columns.map((c) => c.name), NESTED_COLUMNS);
  assert.deepEqual(allRows(dataset), NESTED_ROWS);
});

test('a flattened name met twice in one object is an error naming the line, not a silently lost value', async () => {
  const file = path.join(FIXTURES, 'clash.jsonl');
  await assert.rejects(importFile(ws, file, {}, quietContext), (e: unknown) => {
    assert.ok(e instanceof TidysetError);
    assert.equal(e.code, 'MALFORMED_FILE');
    assert.ok(e.message.startsWith(`${file}:1: `), e.message);
    assert.match(e.message, /"a\.b" occurs twice/);
    return true;
  });
  const { dataset } = await importFile(ws, file, { onError: 'skip', name: 'clash-skip' }, quietContext);
  assert.equal(dataset.rows, 1);
  assert.equal(dataset.rejects, 1);
  assert.deepEqual(allRows(dataset), [['3']]);
});
