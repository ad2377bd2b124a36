// Tests valueTransform, the per-value function of each value operation, and that every transform is deterministic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValueOpSchema, type ValueOp } from '../../../../shared/ops/schema';
import * as T from '../../../../shared/ops/transforms/index';
import { castBoolean, castDate, castNumber } from '../../../../shared/ops/transforms/index';

const build = (op: Record<string, unknown>) => T.valueTransform(ValueOpSchema.parse({ column: 'c', ...op }));

test('each value operation maps to its transform, with the schema defaults', () => {
  assert.equal(build({ op: 'trim' }).apply('  a   b '), 'a b', 'collapse defaults to true');
  assert.equal(build({ op: 'trim', collapse: false }).apply('  a   b '), 'a   b');
  assert.equal(build({ op: 'case', mode: 'title' }).apply("o'neil"), "O'Neil");
  assert.equal(build({ op: 'replace', find: 'a', replace: 'b' }).apply('aAa'), 'bAb', 'literal, case-sensitive by default');
  assert.equal(build({ op: 'replace', find: '(\\d)', replace: '<$1>', mode: 'regex' }).apply('a1'), 'a<1>');
  assert.equal(build({ op: 'nullTokens' }).apply(' NULL '), '');
  assert.equal(build({ op: 'nullTokens' }).apply('Ruaca'), 'Ruaca');
  assert.equal(build({ op: 'nullTokens', tokens: ['-999'] }).apply('-999'), '');
  assert.equal(build({ op: 'castNumber' }).apply('1 234,50'), '1234.50');
  assert.equal(build({ op: 'castNumber', locale: 'comma' }).apply('1.234'), '1234');
  assert.equal(build({ op: 'castDate' }).apply('02/03/2024'), '2024-03-02', 'dayFirst by default');
  assert.equal(build({ op: 'castDate', order: 'monthFirst' }).apply('02/03/2024'), '2024-02-03');
  assert.equal(build({ op: 'castBoolean' }).apply('Ja'), 'true');
  assert.equal(build({ op: 'unicode' }).apply('o\u0308'), 'ö', 'NFC by default');
  assert.equal(build({ op: 'unicode', form: 'NFKC' }).apply('ﬁ'), 'fi');
  assert.equal(build({ op: 'stripHtml' }).apply('<b>x</b>&amp;'), 'x&');
  assert.equal(build({ op: 'fixMojibake' }).apply('MalmÃ¶'), 'Malmö');
});

test('casts leave unconvertible values as they were and report them; blanks are neither', () => {
  const n = build({ op: 'castNumber' });
  assert.equal(n.apply('12abc'), '12abc');
  assert.equal(n.failed!('12abc'), true);
  assert.equal(n.apply('1,234'), '1,234', 'ambiguous under auto');
  assert.equal(n.failed!('1,234'), true);
  assert.equal(n.failed!('12'), false);
  assert.equal(n.apply(''), '');
  assert.equal(n.failed!(''), false);
  assert.equal(n.failed!('  '), false);
  const d = build({ op: 'castDate' });
  assert.equal(d.apply('31/02/2024'), '31/02/2024');
  assert.equal(d.failed!('31/02/2024'), true);
  assert.equal(d.failed!('17-Nov-16'), false);
  const b = build({ op: 'castBoolean' });
  assert.equal(b.apply('maybe'), 'maybe');
  assert.equal(b.failed!('maybe'), true);
  assert.equal(b.failed!('no'), false);
  for (const op of ['trim', 'stripHtml', 'fixMojibake'] as const) assert.equal(build({ op }).failed, undefined, op);
});

test('mass edit: exact values only, the first edit listing a value wins', () => {
  const t = build({ op: 'massEdit', edits: [{ from: ['Chirdozo', 'Chirodzo '], to: 'Chirodzo' }, { from: ['Ruca'], to: 'Ruaca' }, { from: ['Ruca'], to: 'X' }] });
  assert.equal(t.apply('Chirdozo'), 'Chirodzo');
  assert.equal(t.apply('Chirodzo '), 'Chirodzo');
  assert.equal(t.apply('Ruca'), 'Ruaca');
  assert.equal(t.apply('ruca'), 'ruca');
  assert.equal(t.apply(' Ruca'), ' Ruca');
  assert.equal(t.apply('God'), 'God');
});

test('an invalid regex fails when the transform is built, with a clear message', () => {
  assert.throws(() => build({ op: 'replace', find: '([a-', replace: '', mode: 'regex' }), /invalid regular expression "\(\[a-"/);
});

// Values chosen to hit each transform's special paths.
const CORPUS = [
  '', ' ', '  a   b ', "o'NEIL", 'ÉCOLE', '1 234,50', '1,234', '(12.50)', '5.54563E+15', '02/03/2024', '17-Nov-16',
  '2024-03-02T10:00:00+0100', 'Ja', 'NULL', '<p>a &amp; b</p><p>c</p>', 'MalmÃƒÂ¶', 'Malmö', 'Onychomys\uFFFDsp.',
  'aaa', 'AaA', 'x😀y', 'ﬁ', 'Day¬¨‚Ä†Care', "['oxen' ;  'cows']",
];

const OPS: ValueOp[] = [
  { op: 'trim', collapse: true }, { op: 'trim', collapse: false }, { op: 'case', mode: 'upper' }, { op: 'case', mode: 'lower' },
  { op: 'case', mode: 'title' }, { op: 'replace', find: 'a', replace: 'b', mode: 'literal', caseSensitive: false },
  { op: 'replace', find: '(a)(?=a)', replace: '[$1]', mode: 'regex', caseSensitive: false },
  { op: 'replace', find: 'aaa', replace: 'z', mode: 'whole', caseSensitive: false }, { op: 'nullTokens', tokens: ['NULL', ''] },
  { op: 'castNumber', locale: 'auto' }, { op: 'castNumber', locale: 'dot' }, { op: 'castNumber', locale: 'comma' },
  { op: 'castDate', order: 'dayFirst' }, { op: 'castDate', order: 'monthFirst' }, { op: 'castBoolean' },
  { op: 'unicode', form: 'NFC' }, { op: 'unicode', form: 'NFKC' }, { op: 'stripHtml' }, { op: 'fixMojibake' },
  { op: 'massEdit', edits: [{ from: ['Ja', 'aaa'], to: 'yes' }] },
].map((o) => ValueOpSchema.parse({ column: 'c', ...o }));

test('every transform is deterministic: same input, same output, in any order, from any instance', () => {
  for (const op of OPS) {
    const a = T.valueTransform(op);
    const b = T.valueTransform(op);
    const first = CORPUS.map((v) => [a.apply(v), a.failed?.(v)]);
    // Interleave calls and reverse the order: regex state (lastIndex) and memos must not leak.
    const again = [...CORPUS].reverse().map((v) => [b.failed?.(v), b.apply(v), a.apply(v), a.failed?.(v)]).reverse();
    CORPUS.forEach((v, i) => {
      assert.deepEqual([again[i]![1], again[i]![0]], first[i], `${op.op} on ${JSON.stringify(v)} (fresh instance)`);
      assert.deepEqual([again[i]![2], again[i]![3]], first[i], `${op.op} on ${JSON.stringify(v)} (same instance)`);
    });
  }
  for (const v of CORPUS) {
    assert.deepEqual(T.splitValue(v, 'regex', '\\s*;\\s*|\\s+', 3), T.splitValue(v, 'regex', '\\s*;\\s*|\\s+', 3));
    assert.equal(T.fixMojibake(T.fixMojibake(v)), T.fixMojibake(v), `fixMojibake is idempotent on ${v}`);
    assert.equal(T.trimValue(T.trimValue(v, true), true), T.trimValue(v, true));
  }
});

test('casts are idempotent on their own output, except castNumber under comma (canonical 1.234 reads as 1234 there)', () => {
  const inputs = ['1 234,50', '1,234.50', '(12.50)', '5.54563E+15', '0.10', '$1,234', '12 kr', '-0,5'];
  for (const locale of ['auto', 'dot'] as const) {
    for (const v of inputs) {
      const once = castNumber(v, locale);
      if (once !== null) assert.equal(castNumber(once, locale), once, `${locale}: ${v}`);
    }
  }
  assert.equal(castNumber('1,234', 'comma'), '1.234');
  assert.equal(castNumber('1.234', 'comma'), '1234', 'so failures must be counted on the original values');
  for (const v of ['02/03/2024', '17-Nov-16', '2 mars 2024', '2024-03-02T10:00+0100', '3/2/2024 3:05 PM']) {
    for (const order of ['dayFirst', 'monthFirst'] as const) {
      const once = castDate(v, order)!;
      assert.equal(castDate(once, order), once, `${order}: ${v}`);
    }
  }
  for (const v of ['Ja', 'off']) assert.equal(castBoolean(castBoolean(v)!), castBoolean(v));
});
