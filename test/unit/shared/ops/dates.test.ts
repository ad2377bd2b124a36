// Tests castDate: day/month order, unambiguous and invalid dates, two-digit years, month names, datetimes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { castDate } from '../../../../shared/ops/transforms/dates';

const both = (v: string) => [castDate(v, 'dayFirst'), castDate(v, 'monthFirst')];

test('ISO and other year-first forms read the same under both orders', () => {
  assert.deepEqual(both('2024-03-02'), ['2024-03-02', '2024-03-02']);
  assert.deepEqual(both('2024/03/02'), ['2024-03-02', '2024-03-02']);
  assert.deepEqual(both('2024/3/2'), ['2024-03-02', '2024-03-02']);
  assert.deepEqual(both('2024.03.02'), ['2024-03-02', '2024-03-02']);
  assert.deepEqual(both('20240302'), ['2024-03-02', '2024-03-02']);
  assert.deepEqual(both('  2024-03-02 '), ['2024-03-02', '2024-03-02']);
});

test('ambiguous numeric dates follow the order', () => {
  assert.deepEqual(both('02/03/2024'), ['2024-03-02', '2024-02-03']);
  assert.deepEqual(both('2/3/2024'), ['2024-03-02', '2024-02-03']);
  assert.deepEqual(both('02-03-2024'), ['2024-03-02', '2024-02-03']);
  assert.deepEqual(both('12/12/2024'), ['2024-12-12', '2024-12-12']);
});

test('a part > 12 is read the only way it can be, whatever the order', () => {
  assert.deepEqual(both('25/03/2024'), ['2024-03-25', '2024-03-25']);
  assert.deepEqual(both('03/25/2024'), ['2024-03-25', '2024-03-25']);
  assert.deepEqual(both('13-1-2024'), ['2024-01-13', '2024-01-13']);
});

test('dotted dates are day-first in both orders', () => {
  assert.deepEqual(both('02.03.2024'), ['2024-03-02', '2024-03-02']);
  assert.deepEqual(both('2.3.24'), ['2024-03-02', '2024-03-02']);
  assert.equal(castDate('03.25.2024', 'monthFirst'), null);
});

test('invalid calendar dates are null', () => {
  for (const v of ['31/02/2024', '30/02/2024', '29/02/2023', '31/04/2024', '2024-02-30', '2024-13-01', '2024-00-10',
    '20241301', '00/01/2024', '13/13/2024', '31 June 2024', 'June 31, 2024', '0000-01-01']) {
    assert.deepEqual(both(v), [null, null], v);
  }
  assert.equal(castDate('29/02/2024', 'dayFirst'), '2024-02-29', 'a leap day');
  assert.equal(castDate('29/02/2000', 'dayFirst'), '2000-02-29', '2000 is a leap year');
  assert.equal(castDate('29/02/1900', 'dayFirst'), null, '1900 is not');
});

test('two-digit years: 00–68 are 20xx, 69–99 are 19xx', () => {
  assert.equal(castDate('17-Nov-16', 'dayFirst'), '2016-11-17');
  assert.equal(castDate('02/03/24', 'dayFirst'), '2024-03-02');
  assert.equal(castDate('02/03/24', 'monthFirst'), '2024-02-03');
  assert.equal(castDate('1/1/68', 'dayFirst'), '2068-01-01');
  assert.equal(castDate('1/1/69', 'dayFirst'), '1969-01-01');
  assert.equal(castDate('31-Dec-99', 'dayFirst'), '1999-12-31');
  assert.equal(castDate('1 Jan 00', 'dayFirst'), '2000-01-01');
});

test('month names: English, Swedish and German, full, abbreviated, any case, with ordinals', () => {
  const cases: Array<[string, string]> = [
    ['2 March 2024', '2024-03-02'], ['2 mar 2024', '2024-03-02'], ['2 Mar. 2024', '2024-03-02'],
    ['2nd March 2024', '2024-03-02'], ['March 2, 2024', '2024-03-02'], ['Mar 2 2024', '2024-03-02'],
    ['MARCH 2ND, 2024', '2024-03-02'], ['Sept 30, 2024', '2024-09-30'], ['02/Mar/2024', '2024-03-02'],
    ['2024 Mar 2', '2024-03-02'], ['2024-Mar-02', '2024-03-02'], ['Saturday, March 2, 2024', '2024-03-02'],
    ['2 mars 2024', '2024-03-02'], ['17 maj 2024', '2024-05-17'], ['1 okt 2024', '2024-10-01'],
    ['lördag 2 mars 2024', '2024-03-02'], ['2. März 2024', '2024-03-02'], ['2. Mai 2024', '2024-05-02'],
    ['24. Dezember 2024', '2024-12-24'], ['1 Jänner 2024', '2024-01-01'], ['Montag, 4. März 2024', '2024-03-04'],
  ];
  for (const [v, want] of cases) assert.deepEqual(both(v), [want, want], v);
  assert.equal(castDate('2 Foo 2024', 'dayFirst'), null);
  assert.equal(castDate('March 2024', 'dayFirst'), null, 'no day');
});

test('datetimes stay datetimes: seconds filled in, fraction and offset kept, offset normalised', () => {
  assert.equal(castDate('2024-03-02T10:00:00Z', 'dayFirst'), '2024-03-02T10:00:00Z');
  assert.equal(castDate('2024-03-02T10:00Z', 'dayFirst'), '2024-03-02T10:00:00Z');
  assert.equal(castDate('2017-03-23T09:49:57.000Z', 'dayFirst'), '2017-03-23T09:49:57.000Z');
  assert.equal(castDate('2024-03-02 10:00', 'dayFirst'), '2024-03-02T10:00:00');
  assert.equal(castDate('2024-03-02T10:00:00+0100', 'dayFirst'), '2024-03-02T10:00:00+01:00');
  assert.equal(castDate('2024-03-02T10:00:00+01', 'dayFirst'), '2024-03-02T10:00:00+01:00');
  assert.equal(castDate('2024-03-02T23:59:59.123456-05:30', 'dayFirst'), '2024-03-02T23:59:59.123456-05:30');
  assert.equal(castDate('2024-03-02 10:00 UTC', 'dayFirst'), '2024-03-02T10:00:00Z');
  assert.equal(castDate('2024-03-02T00:00:00', 'dayFirst'), '2024-03-02T00:00:00', 'midnight is still a time');
  assert.equal(castDate('02/03/2024 14:30', 'dayFirst'), '2024-03-02T14:30:00');
  assert.equal(castDate('3/2/2024 3:05 PM', 'monthFirst'), '2024-03-02T15:05:00');
  assert.equal(castDate('3/2/2024 12:00 AM', 'monthFirst'), '2024-03-02T00:00:00');
  assert.equal(castDate('3/2/2024 12:00 p.m.', 'monthFirst'), '2024-03-02T12:00:00');
  assert.equal(castDate('2 March 2024, 09:15', 'dayFirst'), '2024-03-02T09:15:00');
  for (const v of ['2024-03-02T24:00:00', '2024-03-02T10:60', '2024-03-02T10:00:61', '2024-03-02 13:00 PM',
    '2024-03-02T10:00+15:00', '2024-03-02T10', '10:00', '2024-02-30T10:00:00Z']) {
    assert.equal(castDate(v, 'dayFirst'), null, v);
  }
});

test('not dates: null', () => {
  for (const v of ['', ' ', 'NULL', 'abc', '2024', '2024-03', '12', '1.5', '1/2', '02/03/2024/5', '2024-03-02x', '45353']) {
    assert.deepEqual(both(v), [null, null], JSON.stringify(v));
  }
});
