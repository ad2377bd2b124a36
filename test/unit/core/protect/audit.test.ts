// Migration 120 and the audit and export logs: migrate from 110 with a dataset in place, record an
// erasure (hash, never the value) and exports, and the log keeps an export after its dataset is deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../../../main/core/db/open';
import { migrate } from '../../../../main/core/db/migrate';
import { catalogMigrations } from '../../../../main/core/db/migrations';
import { AuditLog, exportsOf, recordExport, sha256 } from '../../../../main/core/protect/audit';

test('migration 120 adds the erasure and export logs to a catalog at 110; entries keep the hash and counts', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-audit-'));
  const db = openDb(path.join(dir, 'catalog.sqlite'));
  try {
    assert.equal(migrate(db, catalogMigrations, 'catalog', 110), 110);
    db.prepare(`INSERT INTO datasets (id, name, file, format, row_count, created_at) VALUES (1, 'd', 'd.sqlite', 'csv', 3, 'now')`).run();
    assert.ok(migrate(db, catalogMigrations, 'catalog') >= 120);
    const log = new AuditLog(db);
    const id = log.begin({ reason: 'why', valueSha256: sha256('secret@example.com'), mode: 'delete', column: null, plan: { step: 1 } });
    assert.deepEqual(log.unfinished().map((u) => [u.id, u.state, u.plan]), [[id, 'erasing', { step: 1 }]]);
    log.finish(id, [{ dataset: 'd', rows: 2, cells: 0, hiddenCells: 0, purgedSteps: [], rejects: 0, seq: 1, done: true }]);
    const [e] = log.list();
    assert.deepEqual([e!.state, e!.reason, e!.valueSha256, e!.datasets], ['done', 'why', sha256('secret@example.com'), [{ dataset: 'd', rows: 2, cells: 0 }]]);
    assert.ok(e!.user.length > 0);
    assert.equal(log.unfinished().length, 0);
    assert.equal(db.prepare('SELECT plan_json FROM erasures WHERE id = ?').pluck().get(id), null, 'the plan goes when the erasure is done');
    assert.throws(() => db.prepare("INSERT INTO erasures (started_at, os_user, reason, value_sha256, mode, state) VALUES ('t', 'u', 'r', 'short', 'delete', 'done')").run(), /CHECK/);
    recordExport(db, { datasetId: 1, dataset: 'd', format: 'csv', path: '/out/d.csv', rows: 3, sha256: 'ab' });
    assert.deepEqual(exportsOf(db, [1]).map((x) => [x.dataset, x.path, x.rows]), [['d', '/out/d.csv', 3]]);
    assert.deepEqual(exportsOf(db, [2]), []);
    db.prepare('DELETE FROM datasets WHERE id = 1').run();
    assert.equal(exportsOf(db, null).length, 1, 'the export log outlives the dataset');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
