// SQLite import: a table or view read exactly (integers beyond 2^53, reals, text, blobs as base64,
// NULL apart from ''), the database opened read-only and left byte for byte as it was (WAL included),
// and files that are not databases, locked or missing a table refused clearly.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { importFile } from '../../../../main/core/ingest/importFile';
import { fileParts } from '../../../../main/core/ingest/parts';
import { quietContext } from '../../../../main/core/jobs/context';
import { readRows } from '../../../../main/core/rows/datasetDb';
import type { Workspace } from '../../../../main/core/workspace';
import { importKit } from '../../../helpers/importKit';

const kit = importKit('tidyset-sqlite-');

function rowsOf(ws: Workspace, name: string): Array<Array<string | null>> {
  return readRows(ws, ws.datasets.find(name)!, 0, 1000).rows;
}

function makeShop(file: string, wal = false): InstanceType<typeof Database> {
  const db = new Database(file);
  if (wal) db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, balance REAL, big INTEGER, photo BLOB, code INTEGER);
    CREATE TABLE orders (id INTEGER, customer_id INTEGER, total NUMERIC);
    CREATE VIEW rich AS SELECT id, name FROM customers WHERE balance > 10;`);
  const ins = db.prepare('INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?)');
  ins.run(1, 'Åsa', 12.5, 9223372036854775807n, Buffer.from([0, 1, 2, 255]), 7);
  ins.run(2, 'Bo\r\nline', 0.1, -9223372036854775808n, null, 'n/a');
  ins.run(3, '', null, 9007199254740993n, Buffer.alloc(0), 8);
  db.prepare('INSERT INTO orders VALUES (?, ?, ?)').run(1, 1, 99.95);
  return db;
}

// The -shm file is SQLite's shared-memory index of the WAL, which every reader (read-only ones too)
// updates by design; the database and its WAL are what hold data.
const folderBytes = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => !f.startsWith('ws-') && !f.endsWith('-shm')).map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]));

describe('SQLite import', () => {
  test('lists tables and views with row counts', async () => {
    const file = kit.write('list.sqlite', '');
    makeShop(file).close();
    const parts = await fileParts(file);
    assert.deepEqual(parts.parts, [
      { name: 'customers', kind: 'table', rows: 3 }, { name: 'orders', kind: 'table', rows: 1 }, { name: 'rich', kind: 'view', rows: 1 },
    ]);
  });

  test('a table, exactly: big integers, reals, text with line breaks, blobs as base64, NULL apart from empty; types from the values', async () => {
    const ws = kit.ws();
    const file = kit.write('shop.sqlite', '');
    makeShop(file).close();
    const r = await importFile(ws, file, { table: 'customers' }, quietContext);
    assert.equal(r.dataset.name, 'shop-customers');
    assert.deepEqual(rowsOf(ws, 'shop-customers'), [
      ['1', 'Åsa', '12.5', '9223372036854775807', 'AAEC/w==', '7'],
      ['2', 'Bo\r\nline', '0.1', '-9223372036854775808', null, 'n/a'],
      ['3', '', null, '9007199254740993', '', '8'],
    ]);
    const types = Object.fromEntries(r.dataset.columns.map((c) => [c.name, c.type]));
    assert.equal(types.id, 'integer');
    assert.equal(types.big, 'integer');
    assert.equal(types.balance, 'decimal');
    assert.equal(types.code, 'text', 'a declared INTEGER column holding text: the values decide');
    assert.ok(r.warnings.some((w) => /2 BLOB values stored as base64/.test(w)));
    await importFile(ws, file, { table: 'rich', name: 'rich' }, quietContext);
    assert.deepEqual(rowsOf(ws, 'rich'), [['1', 'Åsa']]);
    ws.close();
  });

  test('a WAL database with changes not yet checkpointed reads its latest data and is left untouched', async () => {
    const ws = kit.ws();
    const file = kit.write('live.db', '');
    const writer = makeShop(file, true);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare('INSERT INTO orders VALUES (?, ?, ?)').run(2, 3, 5);
    const dir = path.dirname(file);
    const before = folderBytes(dir);
    await importFile(ws, file, { table: 'orders' }, quietContext);
    assert.deepEqual(rowsOf(ws, 'live-orders'), [['1', '1', '99.95'], ['2', '3', '5']]);
    assert.ok(JSON.stringify(folderBytes(dir)) === JSON.stringify(before), 'the database and its WAL are byte for byte as they were');
    writer.close();
    ws.close();
  });

  test('no table named, several there: the error lists them; an unknown table; not a database; a locked database', async () => {
    const ws = kit.ws();
    const file = kit.write('many.sqlite', '');
    makeShop(file).close();
    const e1 = await kit.failure(ws, file);
    assert.equal(e1.code, 'BAD_INPUT');
    assert.match(e1.message, /many\.sqlite has 2 tables and 1 view \(customers, orders, rich\): choose one with --table|many\.sqlite has 3 tables and views \(customers, orders, rich\): choose one with --table/);
    const e2 = await kit.failure(ws, file, { table: 'nope' });
    assert.match(e2.message, /many\.sqlite: no table or view "nope" \(it has: customers, orders, rich\)/);
    const e3 = await kit.failure(ws, kit.write('text.db', 'id,name\n1,a\n'), { format: 'sqlite' });
    assert.equal(e3.code, 'MALFORMED_FILE');
    assert.match(e3.message, /text\.db: not a SQLite database/);
    const locked = kit.write('locked.sqlite', '');
    const holder = makeShop(locked);
    holder.exec('BEGIN EXCLUSIVE; INSERT INTO orders VALUES (9, 9, 9);');
    const e4 = await kit.failure(ws, locked, { table: 'orders' });
    assert.match(e4.message, /locked\.sqlite.*locked by another program/);
    holder.exec('ROLLBACK');
    holder.close();
    assert.equal(ws.datasets.list().length, 0);
    assert.deepEqual(readdirSync(path.dirname(ws.dataPath('x'))).filter((f) => f.includes('.importing-')), []);
    ws.close();
  });
});
