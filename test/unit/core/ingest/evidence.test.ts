// Tests how an import decides a file's encoding from evidence (issue 8 item 2) and caps long fields
// and records (item 9): invalid bytes in a mostly-UTF-8 file are errors naming line and column, the
// Windows-1252 fallback is said out loud, and over-long fields/records are malformed lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { readRejects, readRows } from '../../../../main/core/rows/datasetDb';
import { sniffFile } from '../../../../main/core/scan/detect';
import { importKit } from '../../../helpers/importKit';

const { ws, write, failure } = importKit('tidyset-evidence-');

// printf 'a,b\n1,café\n2,bad\xff\n'
const REPRO = Buffer.concat([Buffer.from('a,b\n1,café\n2,bad', 'utf8'), Buffer.from([0xff, 0x0a])]);

test('one invalid byte in a UTF-8 file: sniffed as UTF-8 with a note naming line and column', async () => {
  const s = await sniffFile(write('repro.csv', REPRO));
  assert.equal(s.encoding, 'utf-8');
  assert.equal(s.notes.length, 1);
  assert.match(s.notes[0]!, /UTF-8 with 1 invalid byte \(first at line 3, column 6\)/);
});

test('one invalid byte in a UTF-8 file: the import stops at file:line:col, nothing is kept, café is never mojibake', async () => {
  const w = ws();
  try {
    const file = write('repro-stop.csv', REPRO);
    const e = await failure(w, file);
    assert.equal(e.code, 'MALFORMED_FILE');
    assert.match(e.message, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:6: invalid UTF-8 byte 0xFF`));
    assert.deepEqual(w.datasets.list(), []);
  } finally {
    w.close();
  }
});

test('one invalid byte in a UTF-8 file, --on-error skip: the line is a reject, the rest is exact UTF-8', async () => {
  const w = ws();
  try {
    const r = await importFile(w, write('repro-skip.csv', REPRO), { onError: 'skip' }, quietContext);
    assert.equal(r.dataset.source.encoding, 'utf-8');
    assert.deepEqual(readRows(w, r.dataset, 0, 10).rows, [['1', 'café']]);
    const rej = readRejects(w, r.dataset, 0, 10);
    assert.equal(rej.total, 1);
    assert.equal(rej.rejects[0]!.line, 3);
  } finally {
    w.close();
  }
});

test('the same byte after the first MiB gives the same kind of error (the decision does not depend on where it is)', async () => {
  const w = ws();
  try {
    const body = Buffer.from('a,b\n' + '1,café\n'.repeat(200_000), 'utf8');
    const file = write('late.csv', Buffer.concat([body, Buffer.from('2,bad'), Buffer.from([0xff, 0x0a])]));
    const e = await failure(w, file);
    assert.match(e.message, /:200002:6: invalid UTF-8 byte 0xFF/);
  } finally {
    w.close();
  }
});

test('no valid multi-byte UTF-8 at all: read as Windows-1252, and the scan note and the import result say so', async () => {
  const w = ws();
  try {
    const file = write('cp1252.csv', Buffer.from('a,b\n1,caf\xe9\n2,na\xefve \x80\n', 'latin1'));
    const s = await sniffFile(file);
    assert.equal(s.encoding, 'windows-1252');
    assert.match(s.notes.join(' '), /read as Windows-1252: .*no valid multi-byte UTF-8 sequence/);
    const r = await importFile(w, file, {}, quietContext);
    assert.deepEqual(readRows(w, r.dataset, 0, 10).rows, [['1', 'café'], ['2', 'naïve €']]);
    assert.ok(r.warnings.some((x) => /read as Windows-1252/.test(x)), r.warnings.join('\n'));
    assert.match(w.sources.findByPath(file)!.notes.join(' '), /read as Windows-1252/);
    // Naming the encoding settles it: no note in the result.
    const named = await importFile(w, file, { encoding: 'windows-1252', name: 'named' }, quietContext);
    assert.ok(!named.warnings.some((x) => /Windows-1252/.test(x)), named.warnings.join('\n'));
  } finally {
    w.close();
  }
});

test('Windows-1252 bytes that outnumber accidental UTF-8 pairs still mean Windows-1252', async () => {
  // "Ã©" (C3 A9) is a valid UTF-8 pair by accident; five lone high bytes outweigh it.
  const s = await sniffFile(write('mixed1252.csv', Buffer.from('a\nÃ©\n\xe9\n\xe8\n\xfc\n\xf6\n\xe4\n', 'latin1')));
  assert.equal(s.encoding, 'windows-1252');
  assert.match(s.notes.join(' '), /5 bytes that are not UTF-8 .*outnumber its 1 valid multi-byte UTF-8 sequence/);
});

test('a field over maxFieldBytes is a malformed line naming line and column; skip keeps it aside as a preview', async () => {
  const w = ws();
  try {
    const file = write('longfield.csv', `a,b\n1,short\n2,${'x'.repeat(5000)}\n3,ok\n`);
    const e = await failure(w, file, { maxFieldBytes: 4096 });
    assert.match(e.message, /:3:3: field 2 is 5000 bytes, longer than the limit of 4096/);
    const r = await importFile(w, file, { maxFieldBytes: 4096, onError: 'skip' }, quietContext);
    assert.deepEqual(readRows(w, r.dataset, 0, 10).rows, [['1', 'short'], ['3', 'ok']]);
    const rej = readRejects(w, r.dataset, 0, 10).rejects;
    assert.equal(rej[0]!.line, 3);
    // Multi-byte text counts in UTF-8 bytes: 1,500 × 'é' is 3,000 bytes.
    const accents = write('accents.csv', `a\n${'é'.repeat(1500)}\n`);
    await failure(w, accents, { maxFieldBytes: 2999 });
    const ok = await importFile(w, accents, { maxFieldBytes: 3000, name: 'accents' }, quietContext);
    assert.equal(ok.dataset.rows, 1);
  } finally {
    w.close();
  }
});

test('a record over maxRecordBytes spanning many chunks: a malformed line, memory bounded, later lines keep their numbers', async () => {
  const w = ws();
  try {
    // 3 MiB on line 3, read in 1 MiB chunks; the limit is 1.5 MiB.
    const file = write('longrecord.csv', `a,b\n1,2\n${'y,'.repeat(1.5 * 1024 * 1024)}z\n4,5\n6,7\n`);
    const e = await failure(w, file, { maxRecordBytes: 1.5 * 1024 * 1024 });
    assert.match(e.message, /:3:1: record is longer than the limit of 1572864 bytes/);
    const r = await importFile(w, file, { maxRecordBytes: 1.5 * 1024 * 1024, onError: 'skip' }, quietContext);
    assert.deepEqual(readRows(w, r.dataset, 0, 10).rows, [['1', '2'], ['4', '5'], ['6', '7']]);
    const rej = readRejects(w, r.dataset, 0, 10).rejects;
    assert.equal(rej.length, 1);
    assert.equal(rej[0]!.line, 3);
    assert.ok(rej[0]!.raw.length < 2000, 'the reject keeps a preview, not 3 MiB');
    assert.ok(!r.warnings.some((x) => /blank line/.test(x)), r.warnings.join('\n'));
    const bad = await failure(w, file, { maxRecordBytes: 0 });
    assert.equal(bad.code, 'BAD_INPUT');
  } finally {
    w.close();
  }
});

test('a quoted field that runs past maxRecordBytes: an error at the opening quote (unclosed quote, or raise the limit)', async () => {
  const w = ws();
  try {
    const file = write('longquoted.csv', `a,b\n1,"${'x'.repeat(3 * 1024 * 1024)}"\n2,3\n`);
    const e = await failure(w, file, { maxRecordBytes: 1024 * 1024 });
    assert.match(e.message, /:2:3: quoted field runs past the record limit of 1048576 bytes \(unclosed quote, or raise the limit/);
    const r = await importFile(w, file, { maxRecordBytes: 1024 * 1024, onError: 'skip' }, quietContext);
    assert.deepEqual(readRows(w, r.dataset, 0, 10).rows, [['2', '3']]);
    // With the default limits the same file reads whole.
    const whole = await importFile(w, file, { name: 'whole' }, quietContext);
    assert.equal(whole.dataset.rows, 2);
  } finally {
    w.close();
  }
});
