// Tests the sniffer on every delimiter a user may meet (issue 7 item 3), on a space-aligned file, and
// the note it sets when it falls back to one column although lines share a separator-like character.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffCsv } from '../../../../main/core/scan/sniffCsv';
import { sniffBuffer } from '../../../../main/core/scan/detect';

/** A small table with quoted values, a decimal, a date, a time and an e-mail: the usual traps. */
function table(d: string): string {
  const rows = [
    ['id', 'name', 'amount', 'when', 'email'],
    ['1', 'Anna Berg', '12.50', '2024-01-02', 'anna@example.org'],
    ['2', 'Bo Ek', '7', '2024-02-03', 'bo@example.org'],
    ['3', 'Cy Lund', '1000.25', '2024-03-04', 'cy@example.org'],
    ['4', 'Di Holm', '0.5', '2024-04-05', 'di@example.org'],
  ];
  return rows.map((r) => r.join(d)).join('\n') + '\n';
}

for (const d of [',', ';', '\t', '|', '#', '^', '~', ':', '@', '!']) {
  test(`delimiter ${JSON.stringify(d)}: five columns, header, no note`, () => {
    // '@' and ':' also occur inside values here only when they are not the delimiter.
    const text = d === '@' ? table(d).replace(/@example\.org/g, '.example.org') : table(d);
    const s = sniffCsv(text, false);
    assert.equal(s.delimiter, d);
    assert.deepEqual(s.columns, ['id', 'name', 'amount', 'when', 'email']);
    assert.equal(s.header, true);
    assert.equal(s.note, undefined);
  });
}

test('a # file whose values hold commas and colons is still split on #', () => {
  const text = 'city#note#time\nLund#big, old#10:30\nUmeå#north, cold#11:45\nMalmö#south#12:00\n';
  const s = sniffCsv(text, false);
  assert.equal(s.delimiter, '#');
  assert.deepEqual(s.columns, ['city', 'note', 'time']);
});

test('a one-column list of dates or decimals stays one column (digit punctuation is not a delimiter)', () => {
  for (const text of ['2024-01-02\n2024-01-03\n2024-02-01\n', '1.5\n2.25\n3.75\n', 'when\n2024/01/02\n2024/01/03\n']) {
    const s = sniffCsv(text, false);
    assert.equal(s.columns?.length, 1, text);
    assert.equal(s.note, undefined, text);
  }
});

test('single-space-separated words in every line: space is the delimiter', () => {
  const s = sniffCsv('x y z\n1 2 3\n4 5 6\n7 8 9\n', false);
  assert.equal(s.delimiter, ' ');
  assert.deepEqual(s.columns, ['x', 'y', 'z']);
});

test('a space-aligned (fixed-width) file is one column, flagged with a note that says why', () => {
  const text = [
    'name        city       amount',
    'Anna Berg   Lund         12.50',
    'Bo Ek       Umeå          7.00',
    'Cy Lund     Malmö      1000.25',
  ].join('\n') + '\n';
  const s = sniffCsv(text, false);
  assert.equal(s.columns?.length, 1);
  assert.match(s.note ?? '', /runs of spaces .*fixed-width/);
  const sniffed = sniffBuffer(Buffer.from(text), false);
  assert.equal(sniffed.dialectNote, s.note);
  assert.ok(sniffed.notes.includes(s.note!));
});

test('one column although most lines contain a frequent character: flagged', () => {
  // '=' splits the lines unevenly (so it is no consistent delimiter) but is on every line.
  const text = 'a=1\nb=2=3\nc=4=5=6\nd=7\ne=8=9=10=11\n';
  const s = sniffCsv(text, false);
  assert.equal(s.columns?.length, 1);
  assert.match(s.note ?? '', /read as one column, although 5 of 5 lines contain '='/);
});

test('a true one-column file of words gets no note', () => {
  const s = sniffCsv('name\nAnna\nBo\nCy\n', false);
  assert.equal(s.columns?.length, 1);
  assert.equal(s.note, undefined);
});

test('Excel sep= line and the common delimiters still win over other characters', () => {
  assert.equal(sniffCsv('sep=#\na#b\n1#2\n', false).delimiter, '#');
  // Commas fit; the '#' in every line is a value, not the delimiter.
  assert.equal(sniffCsv('tag,count\n#a,1\n#b,2\n#c,3\n', false).delimiter, ',');
});
