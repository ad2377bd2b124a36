// Tests the workspace secret: created on first use with mode 0600, stable across opens, rotation keeps
// the old key as retired, and a missing, corrupt or swapped file is a clear error, never a new key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Workspace } from '../../../../main/core/workspace';
import { fingerprint, loadSecret, rotateSecret, secretFile, secretStatus } from '../../../../main/core/protect/secret';
import { importKit } from '../../../helpers/importKit';

const kit = importKit('tidyset-secret-');
const unavailable = (re: RegExp) => (e: unknown) => (e as { code?: string }).code === 'SECRET_UNAVAILABLE' && re.test((e as Error).message);

test('the secret is made on first use (32 bytes, 0600), recorded by fingerprint, and the same after reopening', () => {
  const ws = kit.ws();
  const dir = ws.dir;
  try {
    assert.equal(loadSecret(ws, { create: false }), null, 'no secret until one is needed');
    assert.equal(secretStatus(ws).current, null);
    const key = loadSecret(ws, { create: true })!;
    assert.equal(key.length, 32);
    if (process.platform !== 'win32') assert.equal(statSync(secretFile(ws)).mode & 0o777, 0o600);
    const s = secretStatus(ws);
    assert.equal(s.ok, true);
    assert.equal(s.current?.fingerprint, fingerprint(key));
    // The catalog holds the fingerprint only, never the key.
    assert.ok(!readFileSync(`${dir}/catalog.sqlite`).includes(Buffer.from(key.toString('hex'))));
  } finally {
    ws.close();
  }
  const again = Workspace.open(dir);
  try {
    assert.equal(loadSecret(again, { create: true })!.toString('hex'), JSON.parse(readFileSync(secretFile(again), 'utf8')).current.key);
  } finally {
    again.close();
  }
});

test('rotation makes a new current key and keeps the old one as retired with its date', () => {
  const ws = kit.ws();
  try {
    const first = loadSecret(ws, { create: true })!;
    const s = rotateSecret(ws);
    const second = loadSecret(ws, { create: false })!;
    assert.notEqual(second.toString('hex'), first.toString('hex'));
    assert.equal(s.current?.fingerprint, fingerprint(second));
    assert.equal(s.retired.length, 1);
    assert.equal(s.retired[0]!.fingerprint, fingerprint(first));
    assert.equal(s.retired[0]!.why, 'rotated');
    assert.match(s.retired[0]!.retiredAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
    const file = JSON.parse(readFileSync(secretFile(ws), 'utf8'));
    assert.equal(file.retired[0].key, first.toString('hex'), 'the retired key stays in the file');
  } finally {
    ws.close();
  }
});

test('a missing, corrupt or swapped secret after pseudonyms were made is an error, never a silent new key', () => {
  const ws = kit.ws();
  try {
    const key = loadSecret(ws, { create: true })!;
    const file = secretFile(ws);
    const content = readFileSync(file, 'utf8');
    rmSync(file);
    assert.throws(() => loadSecret(ws, { create: true }), unavailable(/is missing.*restore the file from a backup/));
    assert.equal(secretStatus(ws).ok, false);
    writeFileSync(file, '{"tidysetSecret":1,"current":{"key":"abc"');
    assert.throws(() => loadSecret(ws, { create: true }), unavailable(/is corrupt \(not valid JSON\)/));
    writeFileSync(file, JSON.stringify({ tidysetSecret: 1, current: { key: 'ab'.repeat(16), createdAt: 'x' }, retired: [] }));
    assert.throws(() => loadSecret(ws, { create: true }), unavailable(/corrupt \(no valid current key of 32 bytes\)/));
    writeFileSync(file, JSON.stringify({ tidysetSecret: 1, current: { key: 'cd'.repeat(32), createdAt: 'x' }, retired: [] }));
    assert.throws(() => loadSecret(ws, { create: true }), unavailable(/is not the one the catalog records/));
    assert.throws(() => rotateSecret(ws), unavailable(/not the one the catalog records/), 'rotation does not paper over it either');
    writeFileSync(file, content);
    assert.equal(loadSecret(ws, { create: true })!.toString('hex'), key.toString('hex'), 'the restored file works again');
    // Replacing a lost secret is possible, but only on purpose, and it is recorded.
    rmSync(file);
    const s = rotateSecret(ws, { replaceLost: true });
    assert.equal(s.ok, true);
    assert.equal(s.retired[0]!.why, 'lost');
    assert.notEqual(loadSecret(ws, { create: false })!.toString('hex'), key.toString('hex'));
  } finally {
    ws.close();
  }
});
