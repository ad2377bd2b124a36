// Tests streaming decoding: text is the same however bytes are chunked, and invalid UTF-8 is placed by line and column.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StreamDecoder, type TextEncoding } from '../../../../main/core/ingest/decode';
import { TidysetError } from '../../../../main/core/errors';

let tmp: string;
let n = 0;
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-decode-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes `bytes` to a file (the decoder re-reads it to place errors) and decodes it split at `cuts`. */
function decodeSplit(bytes: Buffer, cuts: number[], encoding: TextEncoding = 'utf-8', mode: 'error' | 'replace' = 'error') {
  const file = path.join(tmp, `f${++n}.csv`);
  writeFileSync(file, bytes);
  const d = new StreamDecoder(encoding, file, mode);
  let text = '';
  let prev = 0;
  for (const c of [...cuts, bytes.length]) {
    text += d.decode(bytes.subarray(prev, c), c === bytes.length);
    prev = c;
  }
  return { text, invalidLines: [...d.invalidLines], file };
}

/** The `line:column` of the decoding error, or null when decoding succeeds. */
function errorAt(bytes: Buffer, cuts: number[]): string | null {
  try {
    decodeSplit(bytes, cuts);
    return null;
  } catch (e) {
    assert.ok(e instanceof TidysetError);
    assert.equal(e.code, 'MALFORMED_FILE');
    return `${e.position?.line}:${e.position?.column}`;
  }
}

const bytes = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
const BOM = [0xef, 0xbb, 0xbf];

test('valid UTF-8 decodes the same at every split, multi-byte characters included; the BOM is dropped', () => {
  const b = bytes(BOM, 'a,é\r\n€,😀\n');
  for (let i = 0; i <= b.length; i++) assert.equal(decodeSplit(b, [i]).text, 'a,é\r\n€,😀\n', `split at ${i}`);
});

test('invalid UTF-8 is reported at the same line and column whatever the chunking', () => {
  const cases: Array<[Buffer, string]> = [
    [bytes('a,b\n12,', [0xff], 'x\n'), '2:4'],
    [bytes(BOM, 'a,', [0xff], '\n'), '1:3'], // the BOM is not a column
    [bytes(BOM, 'h\nab,', [0xc3, 0x28], '\n'), '2:4'], // a lead byte without its continuation
    [bytes('😀,', [0xff], '\n'), '1:4'], // columns count UTF-16 code units, like the parser's
    [bytes('é\r\nxy', [0xed, 0xa0, 0x80], '\n'), '2:3'], // an encoded surrogate is invalid
  ];
  for (const [b, at] of cases) {
    for (let i = 0; i <= b.length; i++) assert.equal(errorAt(b, [i]), at, `${JSON.stringify(b.toString('latin1'))} split at ${i}`);
    assert.equal(errorAt(b, Array.from({ length: b.length }, (_, k) => k)), at, 'one byte at a time');
  }
});

test('the error message names file, line and column and suggests another encoding', () => {
  const b = bytes('a\nb', [0xe9], '\n');
  assert.throws(() => decodeSplit(b, []), (e: unknown) => {
    assert.ok(e instanceof TidysetError);
    assert.match(e.message, /:2:2: invalid UTF-8 byte 0xE9; .*another encoding \(try windows-1252\)/);
    return true;
  });
});

test('replace mode keeps going: U+FFFD in the text and the lines with invalid bytes recorded', () => {
  const b = bytes('ok\nbad', [0xff], '\nfine\nalso', [0xc0, 0x80], 'bad\n');
  const r = decodeSplit(b, [4], 'utf-8', 'replace');
  assert.equal(r.text, 'ok\nbad\uFFFD\nfine\nalso\uFFFD\uFFFDbad\n');
  assert.deepEqual(r.invalidLines.sort(), [2, 4]);
});

test('UTF-16 LE/BE and windows-1252 decode the same at every split', () => {
  const text = 'Béjaïa,€\n😀\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  const cp1252 = Buffer.from([0x42, 0xe9, 0x6a, 0x61, 0xef, 0x61, 0x2c, 0x80, 0x0a]);
  for (let i = 0; i <= le.length; i++) {
    assert.equal(decodeSplit(le, [i], 'utf-16le').text, text, `le split at ${i}`);
    assert.equal(decodeSplit(be, [i], 'utf-16be').text, text, `be split at ${i}`);
  }
  for (let i = 0; i <= cp1252.length; i++) assert.equal(decodeSplit(cp1252, [i], 'windows-1252').text, 'Béjaïa,€\n');
});

test('windows-1252 maps 0x80–0x9F to the characters the Encoding Standard gives, not to C1 controls', () => {
  // “smart quotes”, the euro sign, dashes, Œ, ™, Ÿ: where Windows-1252 differs from ISO-8859-1.
  const b = Buffer.from([0x93, 0x61, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x97, 0x20, 0x91, 0x92, 0x8c, 0x99, 0x9f, 0x81]);
  assert.equal(decodeSplit(b, [], 'windows-1252').text, '\u201Ca\u201D \u20AC5 \u2013 \u2014 \u2018\u2019\u0152\u2122\u0178\u0081');
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const text = decodeSplit(all, [], 'windows-1252').text;
  assert.equal(text.length, 256);
  for (let i = 0; i < 256; i++) if (i < 0x80 || i > 0x9f) assert.equal(text.charCodeAt(i), i, `byte ${i}`);
});
