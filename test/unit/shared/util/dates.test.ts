// Tests parseDate, the date-only reading the grid's date filter uses: it drops the time and widens with castDate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate, parseDateTime } from '../../../../shared/util/dates';

test('parseDate gives the date part of every form castDate reads', () => {
  assert.equal(parseDate('2024-03-02'), '2024-03-02');
  assert.equal(parseDate('2017-03-23T09:49:57.000Z'), '2017-03-23');
  assert.equal(parseDate('2024-03-02 10:00'), '2024-03-02');
  assert.equal(parseDate('02/03/2024'), '2024-03-02');
  assert.equal(parseDate('02/03/2024', false), '2024-02-03');
  assert.equal(parseDate('17-Nov-16'), '2016-11-17');
  assert.equal(parseDate('2 mars 2024'), '2024-03-02');
  assert.equal(parseDate('31/02/2024'), null);
  assert.equal(parseDate('hello'), null);
});

test('parseDateTime exposes the parts, with the time only when there is one', () => {
  assert.deepEqual(parseDateTime('2024-03-02'), { year: 2024, month: 3, day: 2, time: null });
  assert.deepEqual(parseDateTime('2024-03-02T10:05:07.25+02:00'), {
    year: 2024, month: 3, day: 2, time: { hour: 10, minute: 5, second: 7, fraction: '25', offset: '+02:00' },
  });
});
