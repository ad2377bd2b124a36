// Tests castNumber: every locale form, the auto ambiguity rule, signs, currencies, exponents and refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { castNumber } from '../../../../shared/ops/transforms/numbers';

const NBSP = '\u00A0';
const THIN = '\u2009';
const NNBSP = '\u202F';

test('european and english grouping with either decimal mark', () => {
  assert.equal(castNumber('1 234,50', 'auto'), '1234.50');
  assert.equal(castNumber('1,234.50', 'auto'), '1234.50');
  assert.equal(castNumber('1.234,50', 'auto'), '1234.50');
  assert.equal(castNumber('1.234.567,891', 'auto'), '1234567.891');
  assert.equal(castNumber('12,345,678', 'auto'), '12345678');
  assert.equal(castNumber('1.234.567', 'auto'), '1234567');
  assert.equal(castNumber("1'234.50", 'auto'), '1234.50');
  assert.equal(castNumber('1\u2019234.50', 'auto'), '1234.50');
});

test('NBSP, thin and narrow no-break spaces group digits', () => {
  assert.equal(castNumber(`1${NBSP}234${NBSP}567`, 'auto'), '1234567');
  assert.equal(castNumber(`1${THIN}234,5`, 'auto'), '1234.5');
  assert.equal(castNumber(`1${NNBSP}234,50`, 'comma'), '1234.50');
  assert.equal(castNumber(`${NBSP}12${NBSP}`, 'auto'), '12', 'surrounding NBSP is trimmed');
  assert.equal(castNumber(`1 234${NBSP}567`, 'auto'), '1234567', 'the space kinds may mix');
});

test('currencies before or after, with or without a space', () => {
  assert.equal(castNumber('12 kr', 'auto'), '12');
  assert.equal(castNumber('12kr', 'auto'), '12');
  assert.equal(castNumber('1 234,50 kr', 'auto'), '1234.50');
  assert.equal(castNumber('€ 12,50', 'auto'), '12.50');
  assert.equal(castNumber('12,50 €', 'auto'), '12.50');
  assert.equal(castNumber('$1,234', 'auto'), '1234');
  assert.equal(castNumber('US$ 1,234.5', 'auto'), '1234.5');
  assert.equal(castNumber('SEK 12', 'auto'), '12');
  assert.equal(castNumber('12 USD', 'auto'), '12');
  assert.equal(castNumber('£3.50', 'auto'), '3.50');
  assert.equal(castNumber('12:-', 'auto'), '12');
  assert.equal(castNumber('12 kg', 'auto'), null, 'a unit is not a currency');
  assert.equal(castNumber('12 ABC', 'auto'), null, 'only known currency codes');
  assert.equal(castNumber('$', 'auto'), null);
  assert.equal(castNumber('$ $12', 'auto'), null, 'one currency mark at most');
});

test('signs: plus, minus, Unicode minus, accounting parentheses; negative zero loses its sign', () => {
  assert.equal(castNumber('+12', 'auto'), '12');
  assert.equal(castNumber('-0.25', 'auto'), '-0.25');
  assert.equal(castNumber('\u221212', 'auto'), '-12');
  assert.equal(castNumber('(12.50)', 'auto'), '-12.50');
  assert.equal(castNumber('(1,234.50)', 'auto'), '-1234.50');
  assert.equal(castNumber('($1,234.50)', 'auto'), '-1234.50');
  assert.equal(castNumber('-$12', 'auto'), '-12');
  assert.equal(castNumber('$-12', 'auto'), '-12');
  assert.equal(castNumber('- 12', 'auto'), '-12');
  assert.equal(castNumber('-0.00', 'auto'), '0.00');
  assert.equal(castNumber('(-12)', 'auto'), null, 'parentheses and a sign together');
  assert.equal(castNumber('--12', 'auto'), null);
  assert.equal(castNumber('+-12', 'auto'), null);
  assert.equal(castNumber('12-', 'auto'), null, 'trailing minus is not supported');
  assert.equal(castNumber('(12', 'auto'), null);
});

test('scientific notation keeps its digits and normalises the exponent', () => {
  assert.equal(castNumber('1e5', 'auto'), '1e5');
  assert.equal(castNumber('1.5E+03', 'auto'), '1.5e3');
  assert.equal(castNumber('2.5e-07', 'auto'), '2.5e-7');
  assert.equal(castNumber('5.54563E+15', 'auto'), '5.54563e15', 'the Excel-mangled card numbers of the presidio data');
  assert.equal(castNumber('1,5e3', 'comma'), '1.5e3');
  assert.equal(castNumber('-1E0', 'auto'), '-1e0');
  assert.equal(castNumber('e5', 'auto'), null);
  assert.equal(castNumber('1e', 'auto'), null);
  assert.equal(castNumber('1e5.5', 'auto'), null);
});

test('digits are kept as written: trailing zeros stay, leading zeros go, no float round trip', () => {
  assert.equal(castNumber('0.10', 'auto'), '0.10');
  assert.equal(castNumber('12', 'auto'), '12');
  assert.equal(castNumber('007', 'auto'), '7');
  assert.equal(castNumber('00.5', 'auto'), '0.5');
  assert.equal(castNumber('.5', 'auto'), '0.5');
  assert.equal(castNumber('5.', 'auto'), '5');
  assert.equal(castNumber('12345678901234567890.123456789', 'auto'), '12345678901234567890.123456789');
  assert.equal(castNumber('0.1000000000000000055511151231257827', 'dot'), '0.1000000000000000055511151231257827');
});

test("auto: a lone ',' before exactly three digits is ambiguous unless a decimal-point currency settles it", () => {
  assert.equal(castNumber('1,234', 'auto'), null);
  assert.equal(castNumber('12,345', 'auto'), null);
  assert.equal(castNumber('-1,234', 'auto'), null);
  assert.equal(castNumber('$1,234', 'auto'), '1234');
  assert.equal(castNumber('1,234 USD', 'auto'), '1234');
  assert.equal(castNumber('€1,234', 'auto'), null, 'the euro is written both ways');
  assert.equal(castNumber('1,234 kr', 'auto'), null);
  // Not ambiguous: the comma can only be a decimal mark.
  assert.equal(castNumber('0,123', 'auto'), '0.123', 'a grouped number never starts with 0');
  assert.equal(castNumber('1234,567', 'auto'), '1234.567', 'four digits cannot precede a thousands separator');
  assert.equal(castNumber('1,2345', 'auto'), '1.2345');
  assert.equal(castNumber('12,5', 'auto'), '12.5');
  assert.equal(castNumber('1,23', 'auto'), '1.23');
  // Evidence inside the value settles it.
  assert.equal(castNumber('1,234,567', 'auto'), '1234567');
  assert.equal(castNumber('1,234.5', 'auto'), '1234.5');
  assert.equal(castNumber('1 234,567', 'auto'), '1234.567', 'space grouping makes the comma decimal');
});

test("auto: a lone '.' is a decimal point, as machines write it", () => {
  assert.equal(castNumber('1.234', 'auto'), '1.234');
  assert.equal(castNumber('3.141', 'auto'), '3.141');
  assert.equal(castNumber('$1.234', 'auto'), '1.234');
});

test('explicit locales decide the ambiguous case and refuse the other mark as decimal', () => {
  assert.equal(castNumber('1,234', 'dot'), '1234');
  assert.equal(castNumber('1,234', 'comma'), '1.234');
  assert.equal(castNumber('1.234', 'dot'), '1.234');
  assert.equal(castNumber('1.234', 'comma'), '1234');
  assert.equal(castNumber('1,5', 'dot'), null);
  assert.equal(castNumber('1.5', 'comma'), null);
  assert.equal(castNumber('1.234,50', 'dot'), null);
  assert.equal(castNumber('1,234.50', 'comma'), null);
  assert.equal(castNumber('1 234,50', 'dot'), null, 'space and comma groups may not mix');
  assert.equal(castNumber('1 234.50', 'dot'), '1234.50');
  assert.equal(castNumber('12.345.678,9', 'comma'), '12345678.9');
  assert.equal(castNumber('0,123', 'dot'), null, 'a group may not follow a leading 0');
});

test('not numbers: null, never a guess', () => {
  for (const v of ['', ' ', '-', '.', ',', '12abc', 'abc', '1.2.3', '1,2,3', '1.23.456', '12%', '1 2', '12 345 6',
    '0x1F', 'Infinity', 'NaN', '1/2', '1.234,5.6', '1,,234', '12 .5', '١٢', 'NULL']) {
    assert.equal(castNumber(v, 'auto'), null, JSON.stringify(v));
    assert.equal(castNumber(v, 'dot'), null, JSON.stringify(v));
    assert.equal(castNumber(v, 'comma'), null, JSON.stringify(v));
  }
});
