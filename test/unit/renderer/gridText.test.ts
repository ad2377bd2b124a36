// The grid's pure text helpers: line-break markers, the editor's round trip of \r\n, TSV quoting and ISO dates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellDisplay, CELL_MAX_CHARS, fromEditorText, isTruncated } from '../../../renderer/features/grid/cellText';
import { toTsv } from '../../../renderer/features/grid/tsv';
import { formatIsoDate, parseIsoDate } from '../../../renderer/features/grid/isoDate';

test('cells mark every line break with ↵ and cut long values', () => {
  assert.equal(cellDisplay('line 0\nline 1'), 'line 0↵line 1');
  assert.equal(cellDisplay('a\r\nb\rc'), 'a↵b↵c');
  assert.equal(cellDisplay(null), '');
  const long = 'y'.repeat(100_000);
  assert.equal(cellDisplay(long), `${'y'.repeat(CELL_MAX_CHARS)}…`);
  assert.equal(isTruncated(long), true);
  assert.equal(isTruncated('short'), false);
});

test('edited text keeps the original value’s line-break style', () => {
  assert.equal(fromEditorText('a\nb!', 'a\r\nb'), 'a\r\nb!');
  assert.equal(fromEditorText('a\nb!', 'a\nb'), 'a\nb!');
  assert.equal(fromEditorText('one\ntwo', 'one'), 'one\ntwo');
});

test('TSV quotes tabs, line breaks and quotes only', () => {
  assert.equal(toTsv([['line 0\nline 1', 'Lund'], ['a\tb', 'say "hi"'], [null, 'x']]), '"line 0\nline 1"\tLund\n"a\tb"\t"say ""hi"""\n\tx');
});

test('ISO dates are checked against the calendar', () => {
  assert.equal(formatIsoDate(parseIsoDate('2024-02-29')!), '2024-02-29');
  assert.equal(parseIsoDate('2023-02-29'), null);
  assert.equal(parseIsoDate('2024-13-01'), null);
  assert.equal(parseIsoDate('03/31/2024'), null);
  assert.equal(parseIsoDate('2024-3-1'), null);
});
