// Tests the personal-data tag store (upsert keeps an action unless given, cascade on dataset delete) and the CLI spelling of actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../../../main/core/db/open';
import { migrate } from '../../../../main/core/db/migrate';
import { catalogMigrations } from '../../../../main/core/db/migrations';
import { TagsRepo } from '../../../../main/core/db/repos/tags';
import { formatPdAction, parsePdAction } from '../../../../shared/api/personal';

test('a tag keeps its action when detection rewrites it, and goes with its dataset', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-tags-'));
  const db = openDb(path.join(dir, 'catalog.sqlite'));
  try {
    migrate(db, catalogMigrations, 'catalog');
    db.prepare(`INSERT INTO datasets (id, name, file, format, row_count, created_at) VALUES (1, 'd', 'd.sqlite', 'csv', 0, 'now')`).run();
    const tags = new TagsRepo(db);
    const base = { physical: 'c1', kind: 'email', category: 'direct', confidence: 0.9, evidence: null, status: 'suggested', action: null } as const;
    tags.upsert(1, base);
    assert.equal(tags.setAction(1, 'c1', { action: 'hash' }), true);
    assert.equal(tags.setAction(1, 'c9', { action: 'hash' }), false);
    tags.upsert(1, { ...base, confidence: 0.95, status: 'confirmed' });
    const [t] = tags.list(1);
    assert.deepEqual([t!.confidence, t!.status, t!.action], [0.95, 'confirmed', { action: 'hash' }]);
    db.prepare('DELETE FROM datasets WHERE id = 1').run();
    assert.equal(tags.list(1).length, 0);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('actions read and print in their CLI spelling', () => {
  for (const s of ['keep', 'drop', 'hash', 'suppress', 'mask:4', 'generalise:year', 'generalise:prefix:3', 'generalise:band10']) {
    const a = parsePdAction(s);
    assert.ok(a, s);
    assert.equal(formatPdAction(a), s);
  }
  assert.deepEqual(parsePdAction('pseudonymise'), { action: 'hash' });
  assert.equal(parsePdAction('mask:x'), null);
  assert.equal(parsePdAction('generalise:decade'), null);
  assert.equal(parsePdAction('burn'), null);
});
