// Tests the input rough edges of issue 8 item 13: a stray NUL byte, a JSON Lines file with one bad
// line, JSON nested too deep, and a byte order mark in the middle of a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { readRejects, readRows } from '../../../../main/core/rows/datasetDb';
import { sniffFile } from '../../../../main/core/scan/detect';
import { MAX_JSON_DEPTH } from '../../../../main/core/ingest/losslessJson';
import { importKit } from '../../../helpers/importKit';

const { ws, write, failure } = importKit('tidyset-rough-');

test('one stray NUL in the first 8 KB: text with a note naming line and column; stop names it, skip sets the line aside', async () => {
  const file = write('nul.csv', 'a,b\n1,x\0y\n2,z\n');
  const s = await sniffFile(file);
  assert.equal(s.format, 'csv');
  assert.equal(s.importable, true);
  assert.match(s.notes.join(' '), /a NUL byte at line 2, column 4/);
  const w = ws();
  try {
    const e = await failure(w, file);
    assert.match(e.message, /nul\.csv:2:4: NUL byte/);
    assert.deepEqual(w.datasets.list(), []);
    const r = await importFile(w, file, { onError: 'skip' }, quietContext);
    assert.deepEqual(readRows(w, r.dataset, 0, 10).rows, [['2', 'z']]);
    assert.equal(readRejects(w, r.dataset, 0, 10).rejects[0]!.line, 2);
  } finally {
    w.close();
  }
});

test('many NULs: binary, and the reason says where the first one is', async () => {
  const s = await sniffFile(write('bin.dat', Buffer.from('id,name\nab\0\0\0\x01\x02cd\0', 'latin1')));
  assert.equal(s.format, 'binary');
  assert.match(s.reason ?? '', /4 NUL bytes in the first 8 KiB, the first at line 2, column 3/);
});

test('JSON Lines with one non-object line: sniffed as JSON Lines with a note; skip imports the rest', async () => {
  const file = write('one-bad.jsonl', '{"a":1}\n{"a":2}\n[1,2]\n{"a":3}\n');
  const s = await sniffFile(file);
  assert.equal(s.format, 'jsonl');
  assert.equal(s.importable, true);
  assert.match(s.notes.join(' '), /JSON Lines, but line 3 is not a JSON object/);
  const w = ws();
  try {
    const e = await failure(w, file);
    assert.match(e.message, /one-bad\.jsonl:3: not a JSON object/);
    const r = await importFile(w, file, { onError: 'skip' }, quietContext);
    assert.deepEqual(readRows(w, r.dataset, 0, 10).rows, [['1'], ['2'], ['3']]);
    assert.equal(r.dataset.rejects, 1);
  } finally {
    w.close();
  }
  // Mostly bad lines are still not taken for JSON Lines.
  const mostlyBad = await sniffFile(write('bad.jsonl', '{"a":1}\n{"a":2}\n[1]\n[2]\n[3]\n'));
  assert.equal(mostlyBad.importable, false);
});

test(`JSON nested 100,000 deep: "nested deeper than ${MAX_JSON_DEPTH} levels", not a stack overflow`, async () => {
  const deep = '[' .repeat(100_000) + '1' + ']'.repeat(100_000);
  const w = ws();
  try {
    const e = await failure(w, write('deep.jsonl', `{"a":${deep}}\n{"a":2}\n`));
    assert.match(e.message, new RegExp(`deep\\.jsonl:1: invalid JSON: nested deeper than ${MAX_JSON_DEPTH} levels`));
    const ok = await importFile(w, write('fine.jsonl', `{"a":${'['.repeat(500)}1${']'.repeat(500)}}\n{"a":2}\n`), {}, quietContext);
    assert.equal(ok.dataset.rows, 2);
  } finally {
    w.close();
  }
});

test('a BOM in the middle of a file is kept in the value (data stays exact), with a note naming where it was', async () => {
  const w = ws();
  try {
    const csv = await importFile(w, write('mid-bom.csv', '\uFEFFname,n\nx\uFEFFy,1\n\uFEFFz,2\n'), {}, quietContext);
    assert.deepEqual(readRows(w, csv.dataset, 0, 10).rows, [['x\uFEFFy', '1'], ['\uFEFFz', '2']]);
    assert.ok(csv.warnings.some((x) => x.startsWith('2 byte order marks (U+FEFF, invisible) inside the file (the first at line 2, column 2), kept in the values')), csv.warnings.join('\n'));
    const jsonl = await importFile(w, write('mid-bom.jsonl', '{"a":"x"}\n{"a":"\uFEFFy"}\n'), {}, quietContext);
    assert.deepEqual(readRows(w, jsonl.dataset, 0, 10).rows, [['x'], ['\uFEFFy']]);
    assert.ok(jsonl.warnings.some((x) => /1 byte order mark \(U\+FEFF, invisible\) inside the file \(the first at line 2, column 7\)/.test(x)), jsonl.warnings.join('\n'));
  } finally {
    w.close();
  }
});
