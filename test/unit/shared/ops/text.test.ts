// Tests the text transforms: trim, case, find/replace, null tokens, Unicode forms and booleans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeCase, isNullToken, makeReplacer, normalizeUnicode, trimValue } from '../../../../shared/ops/transforms/text';
import { castBoolean } from '../../../../shared/ops/transforms/booleans';
import { NULL_TOKENS_DEFAULT } from '../../../../shared/ops/schema';

test('trim removes every kind of whitespace at the ends; collapse also squeezes runs inside', () => {
  assert.equal(trimValue('  a  b  ', false), 'a  b');
  assert.equal(trimValue('  a  b  ', true), 'a b');
  assert.equal(trimValue('\u00A0\t a\u00A0\u00A0b\n\r\nc \u2009\u202F', true), 'a b c');
  assert.equal(trimValue('\uFEFFa', false), 'a', 'a BOM is trimmed');
  assert.equal(trimValue('MDPI  AG', true), 'MDPI AG', 'the doaj publisher variant');
  assert.equal(trimValue('a\u200Bb ', true), 'a\u200Bb', 'a zero-width space is not whitespace');
  assert.equal(trimValue('', true), '');
  assert.equal(trimValue('   ', true), '');
});

test('upper and lower are Unicode-aware and ignore the machine locale', () => {
  assert.equal(changeCase('straße malmö', 'upper'), 'STRASSE MALMÖ');
  assert.equal(changeCase('ÅÄÖ ÉCOLE İ', 'lower'), 'åäö école i̇');
  assert.equal(changeCase('title', 'upper'), 'TITLE', "no Turkish dotted İ whatever the host's locale");
  assert.equal(changeCase('ΟΔΟΣ', 'lower'), 'οδο\u03C2', 'Greek final sigma');
  assert.equal(changeCase('', 'upper'), '');
});

test('title case: words start after spaces, hyphens, punctuation and one-letter elisions', () => {
  const cases: Array<[string, string]> = [
    ["o'neil", "O'Neil"], ["O'NEIL", "O'Neil"], ['jean-luc', 'Jean-Luc'], ['ÉCOLE', 'École'],
    ["l'école normale", "L'École Normale"], ["d\u2019artagnan", 'D\u2019Artagnan'],
    ["don't stop", "Don't Stop"], ["mcdonald's", "Mcdonald's"], ["rock'n'roll", "Rock'n'roll"],
    ["'tis", "'Tis"], ['3rd street', '3rd Street'], ['hello   world', 'Hello   World'],
    ['new york/new jersey', 'New York/New Jersey'], ['st.louis (mo)', 'St.Louis (Mo)'],
    ['ÅNGSTRÖM ÖSTERSUND', 'Ångström Östersund'], ['ßtraße', 'Sstraße'], ['ǆungla', 'ǅungla'],
    ['e\u0301cole', 'E\u0301cole'], ['ΟΔΟΣ ΑΘΗΝΑΣ', 'Οδο\u03C2 Αθηνα\u03C2'],
    ['', ''], ['123', '123'], ['  x', '  X'],
  ];
  for (const [v, want] of cases) assert.equal(changeCase(v, 'title'), want, v);
});

test('literal replace: every occurrence, replacement inserted as written, optional case-insensitivity', () => {
  assert.equal(makeReplacer('a', 'b', 'literal', true)('banana'), 'bbnbnb');
  assert.equal(makeReplacer('.', '$1', 'literal', true)('a.b.c'), 'a$1b$1c', 'no regex, no $ patterns');
  assert.equal(makeReplacer('MDPI  AG', 'MDPI AG', 'literal', true)('MDPI  AG'), 'MDPI AG');
  assert.equal(makeReplacer('ab', 'x', 'literal', true)('AB ab'), 'AB x');
  assert.equal(makeReplacer('ab', 'x', 'literal', false)('AB ab Ab'), 'x x x');
  assert.equal(makeReplacer('ö', 'o', 'literal', false)('MALMÖ malmö'), 'MALMo malmo');
  assert.equal(makeReplacer('(x)', '$&', 'literal', false)('(X)'), '$&');
  assert.equal(makeReplacer('zzz', 'y', 'literal', true)(''), '');
});

test('regex replace: groups, named groups, global, case-insensitive, Unicode classes', () => {
  assert.equal(makeReplacer('(\\w+)@(\\w+)', '$2 at $1', 'regex', true)('ann@ex bob@why'), 'ex at ann why at bob');
  assert.equal(makeReplacer('(?<d>\\d{2})/(?<m>\\d{2})', '$<m>-$<d>', 'regex', true)('25/03'), '03-25');
  assert.equal(makeReplacer('us', 'United States', 'regex', false)('US us Us'), 'United States United States United States');
  assert.equal(makeReplacer('^\\s+|\\s+$', '', 'regex', true)('  a b  '), 'a b');
  assert.equal(makeReplacer('\\p{Lu}', '_', 'regex', true)('aÉbÖ'), 'a_b_', '\\p{…} works');
  assert.equal(makeReplacer('.', 'x', 'regex', true)('😀'), 'x', 'one emoji is one character');
  assert.equal(makeReplacer('a\\-b', 'ok', 'regex', true)('a-b'), 'ok', 'legacy syntax still compiles');
  assert.equal(makeReplacer('x*', '-', 'regex', true)('ab'), '-a-b-', 'empty matches as in JavaScript');
  assert.equal(makeReplacer('[aeiou]', '', 'regex', false)('AbcE'), 'bc');
});

test('an invalid regex throws an Error naming the pattern and the reason', () => {
  assert.throws(() => makeReplacer('(', 'x', 'regex', true), (e: unknown) => {
    assert.ok(e instanceof Error);
    assert.match(e.message, /^invalid regular expression "\(": /);
    assert.match(e.message, /unterminated group/i);
    return true;
  });
  assert.throws(() => makeReplacer('[a-', 'x', 'regex', true), /invalid regular expression "\[a-"/);
  assert.throws(() => makeReplacer('a**', 'x', 'regex', false), /invalid regular expression/);
  assert.throws(() => makeReplacer('', 'x', 'literal', true), /find must not be empty/);
});

test('whole-value replace matches the entire value only', () => {
  const r = makeReplacer('US', 'United States', 'whole', true);
  assert.equal(r('US'), 'United States');
  assert.equal(r('USA'), 'USA');
  assert.equal(r(' US'), ' US');
  assert.equal(r('us'), 'us');
  const ri = makeReplacer('us', 'United States', 'whole', false);
  assert.equal(ri('US'), 'United States');
  assert.equal(ri('Us'), 'United States');
  assert.equal(ri('USA'), 'USA');
  assert.equal(makeReplacer('a.c', 'x', 'whole', false)('abc'), 'abc', 'find is literal in whole mode');
  assert.equal(makeReplacer('a', '$1', 'whole', true)('a'), '$1');
});

test('null tokens match after trimming, exactly, with the listed cases', () => {
  assert.equal(isNullToken('NULL', NULL_TOKENS_DEFAULT), true);
  assert.equal(isNullToken('  n/a ', NULL_TOKENS_DEFAULT), true);
  assert.equal(isNullToken('', NULL_TOKENS_DEFAULT), true);
  assert.equal(isNullToken('   ', NULL_TOKENS_DEFAULT), true);
  assert.equal(isNullToken('Null', NULL_TOKENS_DEFAULT), false, 'not in the list');
  assert.equal(isNullToken('NULLS', NULL_TOKENS_DEFAULT), false);
  assert.equal(isNullToken('0', NULL_TOKENS_DEFAULT), false);
  assert.equal(isNullToken('x', []), false);
});

test('Unicode normalisation: NFC composes, NFKC also folds compatibility forms', () => {
  assert.equal(normalizeUnicode('Malmo\u0308', 'NFC'), 'Malmö');
  assert.equal(normalizeUnicode('ﬁ１\u00A0²', 'NFC'), 'ﬁ１\u00A0²');
  assert.equal(normalizeUnicode('ﬁ１\u00A0²', 'NFKC'), 'fi1 2');
  assert.equal(normalizeUnicode('', 'NFKC'), '');
});

test('booleans from the usual spellings, trimmed and case-insensitive; null otherwise', () => {
  for (const v of ['yes', 'YES', ' Ja ', 'true', 'TRUE', '1', 'y', 'T', 'on', 'On']) assert.equal(castBoolean(v), 'true', v);
  for (const v of ['no', 'Nej', 'nein', 'false', 'False', '0', 'n', 'f', 'OFF']) assert.equal(castBoolean(v), 'false', v);
  for (const v of ['', ' ', 'maybe', '1.0', '2', 'yess', 'NULL', 'ye s']) assert.equal(castBoolean(v), null, v);
});
