// Tests the migration runner with synthetic steps (order, one transaction, newer databases, races) and the real catalog migrations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, type Migration } from '../../../../main/core/db/migrate';
import { catalogMigrations } from '../../../../main/core/db/migrations';
import { openDb, type Db } from '../../../../main/core/db/open';
import { TidysetError } from '../../../../main/core/errors';
import { Workspace } from '../../../../main/core/workspace';

let tmp: string;
let n = 0;
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-migrate-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

const freshFile = (): string => path.join(tmp, `db-${++n}.sqlite`);

function withDb<T>(fn: (db: Db, file: string) => T, file = freshFile()): T {
  const db = openDb(file);
  try {
    return fn(db, file);
  } finally {
    db.close();
  }
}

const version = (db: Db): number => db.pragma('user_version', { simple: true }) as number;
const tables = (db: Db): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);

/** Synthetic steps: v10 creates a(x), v20 creates b(y), v30 adds a row to a. Each counts its runs. */
function steps(runs: Record<number, number> = {}): Migration[] {
  const counted = (v: number, sql: string) => (db: Db) => {
    runs[v] = (runs[v] ?? 0) + 1;
    db.exec(sql);
  };
  return [
    { version: 10, name: 'a', up: counted(10, 'CREATE TABLE a (x TEXT) STRICT') },
    { version: 20, name: 'b', up: counted(20, 'CREATE TABLE b (y INTEGER) STRICT') },
    { version: 30, name: 'seed', up: counted(30, "INSERT INTO a (x) VALUES ('seeded')") },
  ];
}

test('pending steps run in order and user_version ends at the last one', () => {
  withDb((db) => {
    const runs: Record<number, number> = {};
    assert.equal(migrate(db, steps(runs), 'test db'), 30);
    assert.equal(version(db), 30);
    assert.deepEqual(tables(db), ['a', 'b']);
    assert.deepEqual(db.prepare('SELECT x FROM a').all(), [{ x: 'seeded' }]);
    assert.deepEqual(runs, { 10: 1, 20: 1, 30: 1 });
  });
});

test('migrating to a target stops there; a later call applies only the rest', () => {
  withDb((db) => {
    const runs: Record<number, number> = {};
    assert.equal(migrate(db, steps(runs), 'test db', 10), 10);
    assert.deepEqual(tables(db), ['a']);
    db.prepare("INSERT INTO a (x) VALUES ('kept')").run();
    assert.equal(migrate(db, steps(runs), 'test db'), 30);
    assert.deepEqual(runs, { 10: 1, 20: 1, 30: 1 });
    assert.deepEqual(db.prepare('SELECT x FROM a ORDER BY rowid').all(), [{ x: 'kept' }, { x: 'seeded' }]);
  });
});

test('a target past the last step records the last step, so the database is not marked newer than the app', () => {
  withDb((db) => {
    assert.equal(migrate(db, steps(), 'test db', 35), 30);
    assert.equal(version(db), 30);
    assert.equal(migrate(db, steps(), 'test db'), 30);
  });
});

test('versions must rise: a list out of order or with a repeat is refused before anything runs', () => {
  withDb((db) => {
    const [s10, s20] = steps();
    assert.throws(() => migrate(db, [s20!, s10!], 'test db'), /do not rise: 20 then 10/);
    assert.throws(() => migrate(db, [s10!, { ...s20!, version: 10 }], 'test db'), /do not rise: 10 then 10/);
    assert.equal(version(db), 0);
    assert.deepEqual(tables(db), []);
  });
});

test('a failing step rolls back every step of the run: user_version and tables are unchanged', () => {
  withDb((db) => {
    migrate(db, steps(), 'test db', 10);
    db.prepare("INSERT INTO a (x) VALUES ('before')").run();
    const failing: Migration[] = [
      ...steps().slice(0, 2),
      { version: 30, name: 'boom', up: (d) => {
        d.exec("INSERT INTO a (x) VALUES ('half-done')");
        throw new Error('step 30 failed');
      } },
    ];
    assert.throws(() => migrate(db, failing, 'test db'), /step 30 failed/);
    assert.equal(version(db), 10);
    assert.deepEqual(tables(db), ['a'], 'table b of step 20 was rolled back');
    assert.deepEqual(db.prepare('SELECT x FROM a').all(), [{ x: 'before' }]);
    // Bad SQL in a string step fails the same way.
    const badSql: Migration[] = [...steps().slice(0, 2), { version: 30, name: 'typo', up: 'CREATE TABLE c (; nonsense' }];
    assert.throws(() => migrate(db, badSql, 'test db'));
    assert.equal(version(db), 10);
    assert.deepEqual(tables(db), ['a']);
    // And the same steps, fixed, then apply cleanly.
    assert.equal(migrate(db, steps(), 'test db'), 30);
  });
});

test('a database from a newer app is refused with WORKSPACE_TOO_NEW and left untouched', () => {
  withDb((db) => {
    migrate(db, steps(), 'test db');
    db.pragma('user_version = 40');
    assert.throws(
      () => migrate(db, steps(), 'the test db'),
      (e: unknown) => e instanceof TidysetError && e.code === 'WORKSPACE_TOO_NEW' && /the test db has schema version 40, newer than this Tidyset understands \(30\)/.test(e.message),
    );
    assert.equal(version(db), 40);
    assert.deepEqual(tables(db), ['a', 'b']);
  });
});

test('re-running is idempotent: no step runs twice', () => {
  const file = freshFile();
  const runs: Record<number, number> = {};
  withDb((db) => migrate(db, steps(runs), 'test db'), file);
  withDb((db) => {
    assert.equal(migrate(db, steps(runs), 'test db'), 30);
    assert.equal(migrate(db, steps(runs), 'test db'), 30);
  }, file);
  assert.deepEqual(runs, { 10: 1, 20: 1, 30: 1 });
});

test('another connection migrating between the version check and the write is noticed, not repeated', () => {
  const file = freshFile();
  const runs: Record<number, number> = {};
  const a = openDb(file);
  const b = openDb(file);
  try {
    let raced = false;
    // Connection a reads user_version; just then connection b migrates the same file.
    const racing = {
      pragma: (source: string, options?: { simple?: boolean }) => {
        const result = a.pragma(source, options);
        if (!raced && source === 'user_version') {
          raced = true;
          migrate(b, steps(runs), 'test db (b)');
        }
        return result;
      },
      exec: (sql: string) => a.exec(sql),
      transaction: a.transaction.bind(a),
    } as unknown as Db;
    assert.equal(migrate(racing, steps(runs), 'test db (a)'), 30);
    assert.ok(raced);
    assert.deepEqual(runs, { 10: 1, 20: 1, 30: 1 });
    assert.deepEqual(a.prepare('SELECT x FROM a').all(), [{ x: 'seeded' }]);
  } finally {
    a.close();
    b.close();
  }
});

// The real catalog migrations.

const LAST = catalogMigrations.at(-1)!.version;

test('the catalog migrations are numbered in tens and rise', () => {
  assert.ok(catalogMigrations.length >= 1);
  let prev = 0;
  for (const m of catalogMigrations) {
    assert.ok(m.version > prev && m.version % 10 === 0, `${m.name}: ${m.version}`);
    prev = m.version;
  }
});

test('a fresh workspace opens with the catalog at the last version, STRICT tables, and reopens cleanly', () => {
  const dir = path.join(tmp, 'ws-fresh');
  const ws = Workspace.open(dir);
  try {
    assert.equal(version(ws.catalog), LAST);
    const t = tables(ws.catalog);
    for (const name of ['sources', 'datasets', 'columns']) assert.ok(t.includes(name), `has ${name}`);
    for (const name of ['sources', 'datasets', 'columns']) {
      const sql = (ws.catalog.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql;
      assert.match(sql, /\)\s*STRICT$/, `${name} is STRICT`);
    }
    assert.equal(ws.catalog.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(ws.catalog.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(ws.datasets.list(), []);
  } finally {
    ws.close();
  }
  const again = Workspace.open(dir);
  try {
    assert.equal(version(again.catalog), LAST);
  } finally {
    again.close();
  }
});

test('a workspace whose catalog comes from a newer Tidyset is refused with WORKSPACE_TOO_NEW', () => {
  const dir = path.join(tmp, 'ws-newer');
  Workspace.open(dir).close();
  withDb((db) => db.pragma(`user_version = ${LAST + 1000}`), path.join(dir, 'catalog.sqlite'));
  assert.throws(
    () => Workspace.open(dir),
    (e: unknown) => e instanceof TidysetError && e.code === 'WORKSPACE_TOO_NEW' && e.message.includes(path.join(dir, 'catalog.sqlite')),
  );
  withDb((db) => assert.equal(version(db), LAST + 1000), path.join(dir, 'catalog.sqlite'));
});

/** Inserts a source, a dataset with two columns; returns the dataset id. */
function insertDataset(db: Db, name: string): number {
  const now = new Date().toISOString();
  const src = db.prepare(`INSERT INTO sources (path, size, mtime_ms, sha256, format, importable, status, scanned_at)
    VALUES (?, 10, 0, 'abc', 'csv', 1, 'ok', ?)`).run(`/data/${name}.csv`, now).lastInsertRowid;
  const id = Number(db.prepare(`INSERT INTO datasets (name, file, source_id, source_path, format, row_count, created_at)
    VALUES (?, ?, ?, ?, 'csv', 2, ?)`).run(name, `ds-${name}.sqlite`, src, `/data/${name}.csv`, now).lastInsertRowid);
  const col = db.prepare('INSERT INTO columns (dataset_id, position, name, physical, original_name, type) VALUES (?, ?, ?, ?, ?, ?)');
  col.run(id, 0, 'id', 'c1', 'id', 'integer');
  col.run(id, 1, 'name', 'c2', ' name', 'text');
  return id;
}

test('every catalog migration: migrate to the version before, insert, migrate to it; the data survives', () => {
  let prev = 0;
  for (const m of catalogMigrations) {
    withDb((db) => {
      assert.equal(migrate(db, catalogMigrations, 'catalog', prev), prev);
      const id = prev >= 10 ? insertDataset(db, `before-${m.version}`) : null;
      assert.equal(migrate(db, catalogMigrations, 'catalog', m.version), m.version);
      assert.equal(version(db), m.version);
      if (id !== null) {
        assert.deepEqual(db.prepare('SELECT name, row_count FROM datasets WHERE id = ?').get(id), { name: `before-${m.version}`, row_count: 2 });
        assert.equal((db.prepare('SELECT count(*) AS n FROM columns WHERE dataset_id = ?').get(id) as { n: number }).n, 2);
      }
      // After the step the catalog still takes a new dataset.
      insertDataset(db, `after-${m.version}`);
    });
    prev = m.version;
  }
});

test('catalog v10 constraints: unique names, status CHECK, STRICT types, columns deleted with their dataset', () => {
  withDb((db) => {
    migrate(db, catalogMigrations, 'catalog');
    const id = insertDataset(db, 'people');
    assert.throws(() => insertDataset(db, 'people'), /UNIQUE/);
    assert.throws(
      () => db.prepare("INSERT INTO sources (path, size, mtime_ms, format, status, scanned_at) VALUES ('/x', 1, 0, 'csv', 'weird', 'now')").run(),
      /CHECK/,
    );
    assert.throws(
      () => db.prepare("INSERT INTO sources (path, size, mtime_ms, format, status, scanned_at) VALUES ('/y', 'big', 0, 'csv', 'ok', 'now')").run(),
      /cannot store TEXT value in INTEGER column/,
    );
    db.prepare('DELETE FROM datasets WHERE id = ?').run(id);
    assert.equal((db.prepare('SELECT count(*) AS n FROM columns WHERE dataset_id = ?').get(id) as { n: number }).n, 0);
  });
});

test('catalog v50: sources gain notes (an empty list for sources scanned before), kept as a JSON array', () => {
  withDb((db) => {
    migrate(db, catalogMigrations, 'catalog', 30);
    db.prepare("INSERT INTO sources (path, size, mtime_ms, format, status, scanned_at) VALUES ('/old.csv', 1, 0, 'csv', 'ok', 'now')").run();
    assert.equal(migrate(db, catalogMigrations, 'catalog', 50), 50);
    assert.deepEqual(db.prepare("SELECT notes_json FROM sources WHERE path = '/old.csv'").get(), { notes_json: '[]' });
    assert.throws(
      () => db.prepare("INSERT INTO sources (path, size, mtime_ms, format, status, notes_json, scanned_at) VALUES ('/x', 1, 0, 'csv', 'ok', 'not json', 'now')").run(),
      /CHECK/,
    );
  });
  const ws = Workspace.open(path.join(tmp, 'ws-notes'));
  try {
    const id = ws.sources.upsert({
      path: '/data/x.csv', size: 3, mtimeMs: 0, sha256: null, format: 'csv', importable: true, encoding: 'windows-1252', bom: false,
      delimiter: ',', quote: '"', header: true, lineCount: 2, columns: ['a'], status: 'ok', error: null, notes: ['read as Windows-1252'],
    });
    assert.deepEqual(ws.sources.find(id)!.notes, ['read as Windows-1252']);
    ws.sources.upsert({ ...ws.sources.find(id)!, notes: [] });
    assert.deepEqual(ws.sources.find(id)!.notes, []);
  } finally {
    ws.close();
  }
});
