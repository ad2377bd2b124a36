// Erasure of a data subject: after `eraseSubject`, the raw bytes of every file under the workspace
// (catalog, dataset files, WAL, journals, lock files) hold neither the value nor any cell of the erased
// rows — not in undo data of earlier steps, rejects, sort indexes, ANALYZE samples or free pages — the
// earlier steps cannot bring them back, and the audit log has the entry with the hash, not the value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../../../main/core/workspace';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { applyOp, listHistory, undo } from '../../../../main/core/clean/engine';
import { exportRecipe } from '../../../../main/core/clean/recipes';
import { buildIndex } from '../../../../main/core/rows/query';
import { exportDataset } from '../../../../main/core/export/exportDataset';
import { readRows } from '../../../../main/core/rows/datasetDb';
import { eraseSubject } from '../../../../main/core/protect/erase/erase';
import { searchSubject } from '../../../../main/core/protect/erase/search';
import { filesUnder } from '../../../../main/core/protect/erase/physical';
import { formsOf, personnummerForms } from '../../../../main/core/protect/erase/match';
import { AuditLog, sha256 } from '../../../../main/core/protect/audit';
import { TagsRepo } from '../../../../main/core/db/repos/tags';
import { tryLease } from '../../../../main/core/lock/lease';
import { loadSecret } from '../../../../main/core/protect/secret';
import { pseudonym } from '../../../../main/core/protect/actions';

let dir: string;

const PNR = '19850101-2385';
/** Every cell of the subject's rows: none may survive anywhere in the workspace. */
const SUBJECT_CELLS = ['Zebulon Quixotewright', 'zq.subject@erase-test.example', 'Xanthoria-upon-Erasure', 'likes-umbrellas-qqq', 'SUBJ-ORDER-7781', 'Vorpal sprocket kit'];

function customersCsv(): string {
  return [
    'id,pnr,name,email,city,note',
    `1,${PNR},Zebulon Quixotewright,zq.subject@erase-test.example,Xanthoria-upon-Erasure,likes-umbrellas-qqq`,
    '2,19900202-1234,Anna Berg,anna@example.com,Lund,regular',
    '3,19770303-5678,Bo Ek,bo@example.com,Malmö,',
    `4,"${PNR}" x,broken,line,here,too`,
  ].join('\n') + '\n';
}
function ordersCsv(): string {
  return [
    'order,customer,item',
    'SUBJ-ORDER-7781, 850101-2385 ,Vorpal sprocket kit',
    'O-2,199002021234,Widget',
    'O-3,19770303-5678,Gadget',
  ].join('\n') + '\n';
}

/** Files under the workspace whose raw bytes contain `needle` (UTF-8; UTF-16 too, to be sure). */
function filesHolding(wsDir: string, needle: string): string[] {
  return filesUnder(wsDir).filter((f) => {
    const b = readFileSync(f);
    return b.includes(Buffer.from(needle, 'utf8')) || b.includes(Buffer.from(needle, 'utf16le'));
  });
}

async function workspaceWithHistory(name: string): Promise<Workspace> {
  const ws = Workspace.open(path.join(dir, name));
  writeFileSync(path.join(dir, 'customers.csv'), customersCsv());
  writeFileSync(path.join(dir, 'orders.csv'), ordersCsv());
  const r = await importFile(ws, path.join(dir, 'customers.csv'), { name: 'customers', onError: 'skip' }, quietContext);
  assert.ok(r.dataset.rejects >= 1, 'the malformed line is kept as a reject');
  await importFile(ws, path.join(dir, 'orders.csv'), { name: 'orders' }, quietContext);
  // Earlier steps whose undo data holds the subject: a cell edit, a whole-column step, a deleted copy, a dropped column.
  applyOp(ws, 'customers', { op: 'editCell', column: 'email', rid: 1, value: 'changed@example.com' });
  applyOp(ws, 'customers', { op: 'editCell', column: 'email', rid: 1, value: 'zq.subject@erase-test.example' });
  applyOp(ws, 'customers', { op: 'case', column: 'name', mode: 'upper' });
  undo(ws, 'customers'); // dropped table → free pages with every name
  applyOp(ws, 'customers', { op: 'replace', column: 'note', find: 'likes-umbrellas-qqq', replace: 'likes-umbrellas-qqq!' });
  applyOp(ws, 'customers', { op: 'drop', column: 'city' });
  applyOp(ws, 'orders', { op: 'deleteRows', filters: [{ kind: 'text', column: 'item', op: 'equals', value: 'Vorpal sprocket kit' }] });
  undo(ws, 'orders');
  applyOp(ws, 'orders', { op: 'trim', column: 'customer' });
  await buildIndex(ws, { dataset: 'customers', column: 'name' }, quietContext);
  await exportDataset(ws, { dataset: 'customers', format: 'csv', outDir: path.join(dir, `out-${name}`) }, quietContext);
  return ws;
}

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-erase-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('value forms: trimmed, without spaces and dashes, personnummer in 10 and 12 digits', () => {
  const today = new Date(Date.UTC(2026, 0, 1));
  assert.deepEqual(personnummerForms('198501012385', today), ['8501012385']);
  assert.deepEqual(personnummerForms('8501012385', today), ['198501012385']);
  assert.deepEqual(personnummerForms('191201011234', today), ['120101+1234']);
  assert.deepEqual(personnummerForms('120101+1234', today), ['191201011234']);
  assert.deepEqual(personnummerForms('198513012385', today), [], 'month 13 is no date');
  assert.deepEqual(formsOf('  a@b.example ').norms, [], 'an email is matched exactly');
  assert.ok(formsOf(' GB 12-34-56 ').norms.includes('gb123456'));
});

test('search finds the subject in every dataset, in every form, with hidden cells counted', async () => {
  const ws = await workspaceWithHistory('search');
  try {
    const r = searchSubject(ws, { value: ` ${PNR} `, offset: 0, limit: 20 });
    const byName = Object.fromEntries(r.datasets.map((d) => [d.dataset, d]));
    assert.equal(byName.customers?.rows, 1);
    assert.deepEqual(byName.customers?.matchedColumns, ['pnr']);
    assert.equal(byName.orders?.rows, 1, 'the 10-digit form with spaces matches');
    assert.equal(byName.orders?.page[0]?.values[0], 'SUBJ-ORDER-7781');
    const hidden = searchSubject(ws, { value: 'Xanthoria-upon-Erasure', offset: 0, limit: 20 });
    assert.equal(hidden.datasets[0]?.hiddenCells, 1, 'the dropped column still holds it');
    assert.equal(searchSubject(ws, { value: PNR, column: 'item', offset: 0, limit: 20 }).datasets.length, 0);
    const inText = searchSubject(ws, { value: 'umbrellas', offset: 0, limit: 20 }).datasets;
    assert.deepEqual(inText.map((d) => [d.dataset, d.rows, d.mentions]), [['customers', 0, 1]], 'a mention inside longer text is reported, not matched');
  } finally {
    ws.close();
  }
});

test('erase deletes the rows everywhere and no file under the workspace holds any cell of them', async () => {
  const ws = await workspaceWithHistory('delete');
  const wsDir = ws.dir;
  try {
    for (const v of [PNR, ...SUBJECT_CELLS]) assert.ok(filesHolding(wsDir, v).length > 0, `before: ${v} is in the workspace`);
    const before = listHistory(ws, 'customers').filter((e) => e.state === 'done').length;
    const r = eraseSubject(ws, { value: PNR, datasets: [], reason: 'GDPR Art. 17 request #42', blank: false });
    assert.deepEqual(r.datasets.map((d) => [d.dataset, d.rows, d.done]), [['customers', 1, true], ['orders', 1, true]]);
    assert.ok(r.purge.verified, 'the check of the raw bytes passed');
    assert.ok(r.datasets[0]!.purgedSteps.length >= 2, 'the steps whose undo data held the subject are named');
    assert.equal(r.exports.length, 1, 'the earlier export of customers is listed to re-issue');
    assert.equal(r.exports[0]!.dataset, 'customers');
    assert.equal(ws.datasets.get('customers').rows, 2);
    assert.equal(ws.datasets.get('orders').rows, 2);
    assert.equal(readRows(ws, ws.datasets.get('customers'), 0, 10).rows.length, 2);
    for (const v of [PNR, PNR.replace('-', ''), '850101-2385', ...SUBJECT_CELLS]) {
      assert.deepEqual(filesHolding(wsDir, v), [], `after: ${v} is nowhere in the workspace`);
    }
    // The history says so, and nothing can bring the subject back.
    const h = listHistory(ws, 'customers');
    assert.equal(h.filter((e) => e.state === 'done').length, before + 1);
    assert.equal((h.at(-1)!.op as { op: string }).op, 'erase');
    assert.match(h.at(-1)!.description, /cannot be undone/);
    assert.ok(h.some((e) => /undo data erased/.test(e.description)));
    assert.throws(() => undo(ws, 'customers'), /cannot be undone/);
    assert.throws(() => undo(ws, 'orders'), /cannot be undone/);
    assert.ok(!exportRecipe(ws, 'customers').operations.some((o) => (o as { op: string }).op === 'erase'));
    // The audit log: who, why, how many, and the hash of the value — never the value.
    const [entry] = new AuditLog(ws.catalog).list();
    assert.equal(entry?.reason, 'GDPR Art. 17 request #42');
    assert.equal(entry?.valueSha256, sha256(PNR));
    assert.equal(entry?.state, 'done');
    assert.deepEqual(entry?.datasets.map((d) => [d.dataset, d.rows]), [['customers', 1], ['orders', 1]]);
    assert.ok(entry!.user.length > 0);
    // The workspace reopens cleanly and agrees with its history.
    ws.close();
    const again = Workspace.open(wsDir);
    assert.equal(again.datasets.get('customers').rows, 2);
    again.close();
  } finally {
    ws.close();
  }
});

test('blank mode empties the matching cells, keeps the rows, and purges the value physically', async () => {
  const ws = await workspaceWithHistory('blank');
  try {
    const r = eraseSubject(ws, { value: 'zq.subject@erase-test.example', datasets: ['customers'], reason: 'request', blank: true });
    assert.equal(r.datasets[0]?.cells, 1);
    assert.equal(ws.datasets.get('customers').rows, 3);
    const rows = readRows(ws, ws.datasets.get('customers'), 0, 10);
    assert.equal(rows.rows[0]![rows.columns.indexOf('email')], null);
    assert.equal(rows.rows[0]![rows.columns.indexOf('name')], 'Zebulon Quixotewright', 'the rest of the row stays');
    assert.deepEqual(filesHolding(ws.dir, 'zq.subject@erase-test.example'), []);
    assert.ok(r.purge.verified);
  } finally {
    ws.close();
  }
});

test('an erasure with no match is still audited; a value that is only spaces is refused', async () => {
  const ws = await workspaceWithHistory('none');
  try {
    const r = eraseSubject(ws, { value: 'nobody-at-all-xyz', datasets: [], reason: 'check', blank: false });
    assert.equal(r.datasets.length, 0);
    assert.equal(new AuditLog(ws.catalog).list()[0]?.valueSha256, sha256('nobody-at-all-xyz'));
    assert.throws(() => eraseSubject(ws, { value: '   ', datasets: [], reason: 'x', blank: false }), /empty/);
  } finally {
    ws.close();
  }
});

test('a pseudonym (HMAC under the workspace secret) finds and erases the value it stands for; without a secret it is refused', async () => {
  const ws = await workspaceWithHistory('pseudonym');
  try {
    const ds = ws.datasets.get('customers');
    const pnr = ds.columns.find((c) => c.name === 'pnr')!;
    assert.throws(() => searchSubject(ws, { value: 'ps_0123456789abcdef0123', offset: 0, limit: 5 }), /no secret/);
    new TagsRepo(ws.catalog).upsert(ds.id, { physical: pnr.physical, kind: 'national_id_se', category: 'direct', confidence: 1, evidence: null, status: 'confirmed', action: { action: 'hash' } });
    const secret = loadSecret(ws, { create: true })!;
    const ps = pseudonym(PNR, secret, 'national_id_se')!;
    const found = searchSubject(ws, { value: ps, offset: 0, limit: 5 });
    assert.deepEqual(found.pseudonymOf, ['customers.pnr']);
    assert.deepEqual(found.datasets.map((d) => [d.dataset, d.rows]), [['customers', 1], ['orders', 1]], 'the value it stands for is found in every dataset');
    assert.deepEqual(searchSubject(ws, { value: 'ps_0123456789abcdef0123', offset: 0, limit: 5 }).datasets, []);
    const r = eraseSubject(ws, { value: ps, datasets: [], reason: 'pseudonym request', blank: false });
    assert.equal(r.valueSha256, sha256(PNR), 'the audit keeps the hash of the value the pseudonym stands for');
    assert.deepEqual(filesHolding(ws.dir, PNR), []);
  } finally {
    ws.close();
  }
});

test('a dataset another writer holds makes the erasure wait, then fail with DATASET_BUSY having changed nothing', async () => {
  const ws = await workspaceWithHistory('busy');
  const held = tryLease(ws.lockPath(ws.datasets.get('orders').file), 'a test holding the dataset', 0)!;
  const before = process.env.TIDYSET_LOCK_TIMEOUT_MS;
  process.env.TIDYSET_LOCK_TIMEOUT_MS = '200';
  try {
    assert.throws(() => eraseSubject(ws, { value: PNR, datasets: [], reason: 'busy', blank: false }), (e: Error & { code?: string }) => e.code === 'DATASET_BUSY' && /a test holding the dataset/.test(e.message));
    assert.equal(new AuditLog(ws.catalog).list().length, 0);
    assert.equal(ws.datasets.get('customers').rows, 3);
    held.release();
    assert.equal(eraseSubject(ws, { value: PNR, datasets: [], reason: 'free now', blank: false }).datasets.length, 2);
  } finally {
    held.release();
    if (before === undefined) delete process.env.TIDYSET_LOCK_TIMEOUT_MS;
    else process.env.TIDYSET_LOCK_TIMEOUT_MS = before;
    ws.close();
  }
});
