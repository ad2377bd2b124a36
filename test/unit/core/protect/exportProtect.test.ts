// Tests export with protection actions: the actions applied to the written values, refusal of kept
// direct identifiers unless allowed, every column's action in the manifest, and pseudonyms that are
// the same for the same person across datasets and exports (and change only on rotation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkExport, exportDataset, type ExportOptions } from '../../../../main/core/export/exportDataset';
import { quietContext } from '../../../../main/core/jobs/context';
import { rotateSecret } from '../../../../main/core/protect/secret';
import type { Workspace } from '../../../../main/core/workspace';
import { importKit } from '../../../helpers/importKit';
import { importCsv, tagColumn } from '../../../helpers/protectKit';

const kit = importKit('tidyset-protect-export-');
const PEOPLE = 'id,name,email,born,zip,notes\n1,Anna Berg,anna@example.com,1985-07-09,114 55,likes tea\n2,Bo Ek,BO@example.com,1990-01-31,223 50,\n';
const ORDERS = 'order,customer,total\n100,anna@example.com,12.50\n101,bo@example.com,3\n';

let outs = 0;
function run(ws: Workspace, opts: Partial<ExportOptions> & { dataset: string }) {
  return exportDataset(ws, { format: 'csv', outDir: path.join(ws.dir, '..', `out-${++outs}`), ...opts }, quietContext);
}
const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\r\n');

async function people(ws: Workspace): Promise<void> {
  await importCsv(kit, ws, 'people', PEOPLE);
  tagColumn(ws, 'people', 'name', 'person_name', 'direct', { action: 'drop' });
  tagColumn(ws, 'people', 'email', 'email', 'direct', { action: 'hash' });
  tagColumn(ws, 'people', 'born', 'date_of_birth', 'quasi', { action: 'generalise', to: 'year' });
  tagColumn(ws, 'people', 'zip', 'postal_code', 'quasi', { action: 'generalise', to: 'prefix:2' });
}

test('the export writes what the actions say and the manifest records the action of every column', async () => {
  const ws = kit.ws();
  try {
    await people(ws);
    const r = await run(ws, { dataset: 'people' });
    const [head, a, b] = lines(r.files[0]!.path);
    assert.equal(head, 'id,email,born,zip,notes');
    assert.match(a!, /^1,ps_[0-9a-f]{20},1985,11,likes tea$/);
    assert.match(b!, /^2,ps_[0-9a-f]{20},1990,22,""$/);
    assert.ok(!readFileSync(r.files[0]!.path, 'utf8').includes('Anna'), 'a dropped column leaves no trace');
    const m = JSON.parse(readFileSync(r.manifest, 'utf8'));
    const entry = m.exports[0];
    assert.deepEqual(entry.protection.columns.map((c: { column: string; action: string; category: string | null }) => [c.column, c.action, c.category]), [
      ['id', 'keep', null], ['name', 'drop', 'direct'], ['email', 'hash', 'direct'], ['born', 'generalise:year', 'quasi'], ['zip', 'generalise:prefix:2', 'quasi'], ['notes', 'keep', null],
    ]);
    assert.equal(entry.protection.allowDirect, false);
    assert.match(entry.protection.pseudonymKey, /^[0-9a-f]{16}$/, 'the fingerprint of the key that made the pseudonyms');
    assert.deepEqual(entry.selection.columns, ['id', 'email', 'born', 'zip', 'notes']);
    assert.ok(!JSON.stringify(m).includes(readFileSync(path.join(ws.dir, 'secret', 'pseudonym-key.json'), 'utf8').match(/"key": "([0-9a-f]+)"/)![1]!), 'the secret is never exported');
    // JSON Lines types follow the action: a year is a number, a pseudonym text.
    const j = await run(ws, { dataset: 'people', format: 'jsonl' });
    const first = JSON.parse(readFileSync(j.files[0]!.path, 'utf8').split('\n')[0]!);
    assert.equal(first.born, 1985);
    assert.equal(typeof first.email, 'string');
  } finally {
    ws.close();
  }
});

test('a direct identifier kept as is is refused (before and in the export) unless allowed, and the manifest says it was allowed', async () => {
  const ws = kit.ws();
  try {
    await people(ws);
    tagColumn(ws, 'people', 'name', 'person_name', 'direct', { action: 'keep' });
    const refused = (e: unknown) => (e as { code?: string }).code === 'DIRECT_IDENTIFIER' && /"name" is a direct identifier kept as is.*--allow-direct/.test((e as Error).message);
    assert.throws(() => checkExport(ws, { dataset: 'people', format: 'csv', outDir: path.join(ws.dir, '..', 'never') }), refused);
    await assert.rejects(run(ws, { dataset: 'people' }), refused);
    // A column with no action at all counts as kept.
    tagColumn(ws, 'people', 'notes', 'free_text_pii', 'direct');
    await assert.rejects(run(ws, { dataset: 'people', columns: ['id', 'notes'] }), (e: unknown) => (e as { code?: string }).code === 'DIRECT_IDENTIFIER' && /"notes"/.test((e as Error).message));
    // Leaving the column out of the export is fine.
    await run(ws, { dataset: 'people', columns: ['id', 'born'] });
    const r = await run(ws, { dataset: 'people', allowDirect: true });
    assert.match(lines(r.files[0]!.path)[1]!, /^1,Anna Berg,ps_/);
    assert.equal(JSON.parse(readFileSync(r.manifest, 'utf8')).exports[0].protection.allowDirect, true);
  } finally {
    ws.close();
  }
});

test('the same person gets the same pseudonym across datasets and exports, so joins still work; rotation changes it', async () => {
  const ws = kit.ws();
  try {
    await people(ws);
    await importCsv(kit, ws, 'orders', ORDERS);
    tagColumn(ws, 'orders', 'customer', 'email', 'direct', { action: 'hash' });
    const p1 = lines((await run(ws, { dataset: 'people' })).files[0]!.path).slice(1).map((l) => l.split(',')[1]);
    const p2 = lines((await run(ws, { dataset: 'people', format: 'csv' })).files[0]!.path).slice(1).map((l) => l.split(',')[1]);
    const o = lines((await run(ws, { dataset: 'orders' })).files[0]!.path).slice(1).map((l) => l.split(',')[1]);
    assert.deepEqual(p1, p2);
    assert.deepEqual(o, p1, 'anna@example.com and BO@example.com ↔ bo@example.com join');
    assert.notEqual(p1[0], p1[1]);
    rotateSecret(ws);
    const after = lines((await run(ws, { dataset: 'orders' })).files[0]!.path).slice(1).map((l) => l.split(',')[1]);
    assert.notEqual(after[0], o[0]);
  } finally {
    ws.close();
  }
});

test('a missing secret after pseudonyms were made stops the export with a clear error', async () => {
  const ws = kit.ws();
  try {
    await people(ws);
    await run(ws, { dataset: 'people' });
    const { rmSync } = await import('node:fs');
    rmSync(path.join(ws.dir, 'secret', 'pseudonym-key.json'));
    await assert.rejects(run(ws, { dataset: 'people' }), (e: unknown) => (e as { code?: string }).code === 'SECRET_UNAVAILABLE' && /is missing/.test((e as Error).message));
    // An export that pseudonymises nothing does not need the secret.
    await run(ws, { dataset: 'people', columns: ['id', 'born'] });
  } finally {
    ws.close();
  }
});
