// Human-readable CLI output shows control characters as escapes, so data cannot drive the terminal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textTable, visible } from '../../../main/cli/output';

test('visible escapes C0, DEL, C1 and bidi controls, and keeps ordinary text', () => {
  assert.equal(visible('a\x1b]0;owned\x07b'), 'a\\x1b]0;owned\\x07b');
  assert.equal(visible('\x1b[2J\x1bc'), '\\x1b[2J\\x1bc');
  assert.equal(visible('x\x7fy\x9bz'), 'x\\x7fy\\x9bz');
  assert.equal(visible('abc\u202eexe.txt'), 'abc\\u202eexe.txt');
  assert.equal(visible('café ✓ 日本'), 'café ✓ 日本');
  assert.equal(visible('a\nb\tc'), 'a\\x0ab\\x09c');
  assert.equal(visible('a\nb\tc\x1b', true), 'a\nb\tc\\x1b');
  assert.equal(visible('\r'), '\\x0d');
});

test('textTable escapes controls in every cell and the header, and still shows line breaks as ⏎', () => {
  const out = textTable(['na\x1bme'], [['\x1b[31mred\x1b[0m'], ['two\nlines'], [null]]);
  assert.doesNotMatch(out, /\x1b/);
  assert.match(out, /na\\x1bme/);
  assert.match(out, /\\x1b\[31mred\\x1b\[0m/);
  assert.match(out, /two⏎lines/);
  // Columns are aligned on what is printed (the escapes), not on the raw value.
  const [head, rule] = out.split('\n');
  assert.equal(rule!.length, Math.max(head!.length, '\\x1b[31mred\\x1b[0m'.length));
});
