// XLSX import: sheets chosen by name or number, shared and inline strings, numbers as stored, dates
// from serial numbers in both date systems, formulas as cached values, merged and sparse cells, header
// detection, trailing empties — and workbooks that are not workbooks.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { importFile } from '../../../../main/core/ingest/importFile';
import { fileParts } from '../../../../main/core/ingest/parts';
import { serialToIso } from '../../../../main/core/ingest/xlsx';
import { quietContext } from '../../../../main/core/jobs/context';
import { readRows } from '../../../../main/core/rows/datasetDb';
import type { Workspace } from '../../../../main/core/workspace';
import { importKit } from '../../../helpers/importKit';
import { xlsxBytes, zip } from '../../../helpers/xlsxFixture';

const kit = importKit('tidyset-xlsx-');

function rowsOf(ws: Workspace, name: string): Array<Array<string | null>> {
  const d = ws.datasets.find(name)!;
  return readRows(ws, d, 0, 1000).rows;
}

// Styles: 0 general, 1 built-in date (14), 2 custom datetime, 3 built-in time (20), 4 custom date with text in quotes.
const STYLES = { numFmts: { 164: 'yyyy-mm-dd hh:mm:ss', 165: '"Day "dd/mm/yyyy' }, cellXfs: [0, 14, 164, 20, 165] };

function book(): Buffer {
  return xlsxBytes({
    ...STYLES,
    sheets: [
      { name: 'Summary', rows: [['metric', 'value'], ['orders', 3]] },
      {
        name: 'Orders',
        merges: ['E1:F1'],
        rows: [
          ['id', 'customer', 'ordered', 'at', 'note', null, 'total', 'paid', 'time', 'label'],
          [1, 'Åsa', { v: '45292', s: 1 }, { v: '45292.5', s: 2 }, { t: 'inlineStr', text: 'first\nline' }, null, { v: '0.1' }, true, { v: '0.75', s: 3 }, { v: '45293', s: 4 }],
          [2, 'Bo', { v: '60', s: 1 }, { v: '1', s: 2 }, { t: 'e', v: '#N/A' }, null, { f: 'SUM(G2:G2)', v: '12345678901234567890' }, false, null, null],
          [3, 'Cy', null, null, { t: 'str', f: 'UPPER(B4)', v: 'CY' }, null, { f: 'G2*2' }, null, null, null],
          [],
          [],
        ],
      },
    ],
  });
}

describe('XLSX import', () => {
  test('lists the sheets with row counts', async () => {
    const file = kit.write('book.xlsx', book());
    const parts = await fileParts(file);
    assert.equal(parts.format, 'xlsx');
    assert.deepEqual(parts.parts, [{ name: 'Summary', kind: 'sheet', rows: 2 }, { name: 'Orders', kind: 'sheet', rows: 6 }]);
  });

  test('a chosen sheet: header, strings, numbers as stored, dates, formulas, merged cells, trailing empty rows', async () => {
    const ws = kit.ws();
    const file = kit.write('orders.xlsx', book());
    const r = await importFile(ws, file, { sheet: 'Orders' }, quietContext);
    assert.equal(r.dataset.name, 'orders-Orders');
    assert.deepEqual(r.dataset.columns.map((c) => c.name), ['id', 'customer', 'ordered', 'at', 'note', 'column_6', 'total', 'paid', 'time', 'label']);
    assert.deepEqual(rowsOf(ws, 'orders-Orders'), [
      ['1', 'Åsa', '2024-01-01', '2024-01-01T12:00:00', 'first\nline', null, '0.1', 'true', '18:00:00', '2024-01-02'],
      ['2', 'Bo', '1900-02-29', '1900-01-01T00:00:00', '#N/A', null, '12345678901234567890', 'false', null, null],
      ['3', 'Cy', null, null, 'CY', null, null, null, null, null],
    ]);
    assert.equal(r.dataset.rows, 3, 'the empty trailing rows are dropped');
    assert.ok(r.warnings.some((w) => /1 formula cell has no cached value/.test(w)), r.warnings.join('; '));
    assert.ok(r.warnings.some((w) => /1 merged cell range/.test(w)));
    assert.equal(r.dataset.columns.find((c) => c.name === 'id')?.type, 'integer');
    assert.equal(r.dataset.columns.find((c) => c.name === 'ordered')?.type, 'date');
    ws.close();
  });

  test('sheets by number, the first by default, and an unknown sheet named with the list', async () => {
    const ws = kit.ws();
    const file = kit.write('pick.xlsx', book());
    const first = await importFile(ws, file, { name: 'first' }, quietContext);
    assert.deepEqual(rowsOf(ws, 'first'), [['orders', '3']]);
    assert.ok(first.warnings.some((w) => /sheet "Summary" of 2/.test(w)));
    await importFile(ws, file, { name: 'second', sheet: '2' }, quietContext);
    assert.equal(ws.datasets.find('second')!.rows, 3);
    const e = await kit.failure(ws, file, { sheet: 'Nope' });
    assert.equal(e.code, 'BAD_INPUT');
    assert.match(e.message, /pick\.xlsx: no sheet "Nope" \(sheets: "Summary", "Orders"\)/);
    ws.close();
  });

  test('sparse cells, leading empty rows, no header row (columns named by letter), the 1904 date system', async () => {
    const ws = kit.ws();
    const file = kit.write('sparse.xlsx', xlsxBytes({
      ...STYLES, date1904: true,
      sheets: [{ name: 'S', startRow: 3, rows: [{ B: 10, D: { v: '0', s: 1 } }, { A: 5, B: 11, D: { v: '366', s: 1 } }, { B: 12 }] }],
    }));
    await importFile(ws, file, { name: 'sparse' }, quietContext);
    const d = ws.datasets.find('sparse')!;
    assert.deepEqual(d.columns.map((c) => c.name), ['A', 'B', 'C', 'D']);
    assert.deepEqual(rowsOf(ws, 'sparse'), [[null, '10', null, '1904-01-01'], ['5', '11', null, '1905-01-01'], [null, '12', null, null]]);
    ws.close();
  });

  test('serial numbers: the 1900 system around the phantom leap day, times, rounding to the millisecond', () => {
    assert.equal(serialToIso(1, 'date', false), '1900-01-01');
    assert.equal(serialToIso(59, 'date', false), '1900-02-28');
    assert.equal(serialToIso(61, 'date', false), '1900-03-01');
    assert.equal(serialToIso(45658.999999999, 'datetime', false), '2025-01-02T00:00:00', 'a hair before midnight rounds to the next day');
    assert.equal(serialToIso(0.5 + 1 / 86_400_000 * 250, 'time', false), '12:00:00.250');
  });

  test('bad workbooks: an encrypted file, an old .xls, a zip without a workbook, a truncated zip — each named, nothing left behind', async () => {
    const ws = kit.ws();
    // An OLE2 compound file header followed by the directory names an encrypted package and an .xls hold.
    const ole = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(512)]);
    const enc = await kit.failure(ws, kit.write('secret.xlsx', ole('EncryptedPackage')));
    assert.equal(enc.code, 'UNSUPPORTED_FILE');
    assert.match(enc.message, /secret\.xlsx: .*password-protected \(encrypted\) Excel workbook/);
    const xls = await kit.failure(ws, kit.write('old.xls', ole('Workbook')));
    assert.match(xls.message, /old\.xls: .*old Excel 97–2003 workbook \(\.xls\): not supported; save it as \.xlsx/);
    const notBook = await kit.failure(ws, kit.write('nb.xlsx', zip([['[Content_Types].xml', '<Types/>'], ['docProps/app.xml', '<x/>']])), { format: 'xlsx' });
    assert.equal(notBook.code, 'MALFORMED_FILE');
    assert.match(notBook.message, /nb\.xlsx: a ZIP archive but not an Excel workbook/);
    const whole = book();
    const cut = await kit.failure(ws, kit.write('cut.xlsx', whole.subarray(0, whole.length - 40)), { format: 'xlsx' });
    assert.equal(cut.code, 'MALFORMED_FILE');
    assert.match(cut.message, /cut\.xlsx: /);
    assert.equal(ws.datasets.list().length, 0);
    assert.deepEqual(readdirSync(path.dirname(ws.dataPath('x'))).filter((f) => f.includes('.importing-')), []);
    ws.close();
  });
});
