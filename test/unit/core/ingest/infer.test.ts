// Tests column type inference: which values make which type, the formats it reports, and that an import never changes a value.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TypeInferrer } from '../../../../main/core/ingest/infer';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { readRows } from '../../../../main/core/rows/datasetDb';
import { Workspace } from '../../../../main/core/workspace';

/** Infers the type of one column holding `values`. */
function infer(values: Array<string | null>) {
  const t = new TypeInferrer(1);
  for (const v of values) t.addRecord([v]);
  return t.results()[0]!;
}
const typeOf = (values: Array<string | null>) => infer(values).type;

test('integers: signs and zero; surrounding spaces do not matter for the type', () => {
  assert.equal(typeOf(['1', '-2', '+3', '0', '42', ' 7 ']), 'integer');
  assert.equal(typeOf(['12345678901234567890']), 'integer');
});

test('codes with leading zeros are text, not numbers', () => {
  assert.equal(typeOf(['007', '12']), 'text');
  assert.equal(typeOf(['0800', '2000', '4011']), 'text');
  assert.equal(typeOf(['00.5']), 'text');
  assert.equal(typeOf(['00,5']), 'text');
  // A lone zero and 0.5 are ordinary numbers.
  assert.equal(typeOf(['0', '10']), 'integer');
  assert.equal(typeOf(['0.5', '10']), 'decimal');
});

test('decimals with a dot: fractions, exponents, integers among them', () => {
  const r = infer(['1.5', '2', '-0.25', '1e3', '.5', '6.02E+23']);
  assert.equal(r.type, 'decimal');
  assert.equal(r.detail.decimalSeparator, '.');
});

test('decimals with a comma, whichever order integers and decimals come in', () => {
  for (const values of [['1,5', '2', '-0,25'], ['2', '1,5'], ['1,5', '2']]) {
    const r = infer(values);
    assert.equal(r.type, 'decimal', JSON.stringify(values));
    assert.equal(r.detail.decimalSeparator, ',', JSON.stringify(values));
  }
});

test('a column mixing decimal dots and decimal commas is text', () => {
  assert.equal(typeOf(['1.5', '2,5']), 'text');
  assert.equal(typeOf(['2,5', '3', '1.5']), 'text');
});

test('ISO dates, and dates whose day/month order the values prove', () => {
  assert.deepEqual(infer(['2024-01-31', '1999-12-01']).detail.formats, ['YYYY-MM-DD']);
  assert.equal(typeOf(['2024-01-31']), 'date');
  assert.deepEqual(infer(['2024/01/31']).detail.formats, ['YYYY/MM/DD']);
  const dayFirst = infer(['13/01/2020', '01/02/2020']);
  assert.equal(dayFirst.type, 'date');
  assert.deepEqual(dayFirst.detail.formats, ['DD/MM/YYYY']);
  const monthFirst = infer(['01/13/2020', '2/1/2020']);
  assert.deepEqual(monthFirst.detail.formats, ['MM/DD/YYYY']);
  assert.deepEqual(infer(['31-12-2020']).detail.formats, ['DD-MM-YYYY']);
});

test('slash dates with no day above 12 are reported as ambiguous', () => {
  const r = infer(['01/02/2020', '03/04/2021']);
  assert.equal(r.type, 'date');
  assert.deepEqual(r.detail.formats, ['DD/MM/YYYY or MM/DD/YYYY (ambiguous)']);
});

test('other date formats, and every format seen is listed', () => {
  assert.deepEqual(infer(['1.2.2020', '31.12.1999']).detail.formats, ['DD.MM.YYYY']);
  assert.deepEqual(infer(['17-Nov-16', '3 March 2020']).detail.formats, ['D Month YYYY']);
  assert.deepEqual(infer(['Nov 3, 2020', 'December 25 1999']).detail.formats, ['Month D, YYYY']);
  const mixed = infer(['2020-01-02', '13/01/2020']);
  assert.equal(mixed.type, 'date');
  assert.deepEqual(mixed.detail.formats, ['YYYY-MM-DD', 'DD/MM/YYYY']);
});

test('impossible dates are not dates', () => {
  assert.equal(typeOf(['2020-13-01']), 'text');
  assert.equal(typeOf(['2020-01-32']), 'text');
  assert.equal(typeOf(['13/13/2020']), 'text');
  assert.equal(typeOf(['12-34-5678']), 'text');
  assert.equal(typeOf(['32.01.2020']), 'text');
  assert.equal(typeOf(['2020-13-01T10:00:00Z']), 'text');
});

test('datetimes, and a column mixing dates and datetimes is datetime', () => {
  const r = infer(['2020-01-02T10:00:00Z', '2020-01-03T11:30:00.250+02:00']);
  assert.equal(r.type, 'datetime');
  assert.deepEqual(r.detail.formats, ['ISO 8601 datetime']);
  assert.deepEqual(infer(['2020-01-02 10:00']).detail.formats, ['YYYY-MM-DD HH:MM']);
  assert.equal(typeOf(['2020-01-02', '2020-01-02T10:00']), 'datetime');
  assert.equal(typeOf(['2020-01-02T10:00', '2020-01-02']), 'datetime');
  assert.equal(typeOf(['2020-01-02T10:00', 'soon']), 'text');
});

test('boolean words in any case; 1/0 stay integers; other words make text', () => {
  assert.equal(typeOf(['true', 'FALSE', 'True']), 'boolean');
  assert.equal(typeOf(['yes', 'No', 'Y', 'n']), 'boolean');
  assert.equal(typeOf(['ja', 'nej']), 'boolean');
  assert.equal(typeOf(['1', '0']), 'integer');
  assert.equal(typeOf(['yes', 'maybe']), 'text');
  assert.equal(typeOf(['true', '1']), 'text');
});

test('empty columns, and empty values do not change a type but are counted', () => {
  const e = infer(['', null, '']);
  assert.equal(e.type, 'empty');
  assert.deepEqual(e.detail, { nonEmpty: 0, empty: 3 });
  const i = infer(['1', '', null, '2']);
  assert.equal(i.type, 'integer');
  assert.deepEqual(i.detail, { nonEmpty: 2, empty: 2 });
  assert.equal(typeOf(['  ']), 'text');
});

test('text wins as soon as one value fits no other type', () => {
  assert.equal(typeOf(['1', '2', 'three']), 'text');
  assert.equal(typeOf(['2020-01-01', 'n/a']), 'text');
});

test('columns added later (JSON keys) count the rows before them as missing', () => {
  const t = new TypeInferrer(1);
  t.addRecord(['a']);
  t.addRecord(['b']);
  t.extend(2, 2);
  t.addRecord(['c', '5']);
  const [first, second] = t.results();
  assert.equal(first!.type, 'text');
  assert.deepEqual(second, { type: 'integer', detail: { nonEmpty: 1, empty: 2 } });
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-infer-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('an import types the columns but stores every value exactly as written', async () => {
  const csv =
    'int,code,dec,comma,date,when,flag,empty\n' +
    ' 42 ,007,1.50,"1,50",13/01/2020,2020-01-02T10:00:00Z,Yes,\n' +
    '-0,0800,1e3,"2",01/02/2020,2020-01-02 10:00,no,\n';
  const file = path.join(tmp, 'typed.csv');
  writeFileSync(file, csv);
  const ws = Workspace.open(path.join(tmp, 'ws'));
  try {
    const { dataset } = await importFile(ws, file, {}, quietContext);
    assert.deepEqual(
      dataset.columns.map((c) => [c.name, c.type]),
      [['int', 'integer'], ['code', 'text'], ['dec', 'decimal'], ['comma', 'decimal'], ['date', 'date'], ['when', 'datetime'], ['flag', 'boolean'], ['empty', 'empty']],
    );
    assert.equal(dataset.columns[3]!.detail?.decimalSeparator, ',');
    assert.deepEqual(dataset.columns[4]!.detail?.formats, ['DD/MM/YYYY']);
    assert.deepEqual(readRows(ws, dataset, 0, 10).rows, [
      [' 42 ', '007', '1.50', '1,50', '13/01/2020', '2020-01-02T10:00:00Z', 'Yes', ''],
      ['-0', '0800', '1e3', '2', '01/02/2020', '2020-01-02 10:00', 'no', ''],
    ]);
  } finally {
    ws.close();
  }
});
