// Tests the typed JSON Lines encoders: exact number literals, booleans, null and misfits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonBoolean, jsonEncoder, jsonNumber } from '../../../../main/core/export/jsonValues';
import { valueFitsType } from '../../../../main/core/ingest/infer';

test('integers beyond 2^53 are copied digit for digit, never through a double', () => {
  assert.equal(jsonNumber('9007199254740993'), '9007199254740993'); // 2^53 + 1
  assert.notEqual(String(Number('9007199254740993')), '9007199254740993', 'a double would have changed it');
  assert.equal(jsonNumber('-123456789012345678901234567890'), '-123456789012345678901234567890');
});

test('long decimals keep every digit; only what JSON forbids is rewritten', () => {
  assert.equal(jsonNumber('3.14159265358979323846264338327950288'), '3.14159265358979323846264338327950288');
  assert.equal(jsonNumber('0.10000000000000000000001'), '0.10000000000000000000001');
  assert.equal(jsonNumber('+5'), '5');
  assert.equal(jsonNumber('+1.25'), '1.25');
  assert.equal(jsonNumber('.5'), '0.5');
  assert.equal(jsonNumber('-.5'), '-0.5');
  assert.equal(jsonNumber('1.'), '1');
  assert.equal(jsonNumber('1.e3'), '1e3');
  assert.equal(jsonNumber('6.02E+23'), '6.02E+23');
  assert.equal(jsonNumber(' 42 '), '42');
  assert.equal(jsonNumber('-0'), '-0');
});

test('a decimal comma becomes a dot only in a column inferred with the comma separator', () => {
  assert.equal(jsonNumber('27269,06', ','), '27269.06');
  assert.equal(jsonNumber('-0,5', ','), '-0.5');
  assert.equal(jsonNumber('12', ','), '12');
  assert.equal(jsonNumber('27269,06', '.'), null);
  assert.equal(jsonNumber('1.5', ','), null, 'a dot in a comma column is a misfit');
});

test('what is not a JSON number of the column is refused (written as a string by the encoder)', () => {
  for (const v of ['', '.', '+', 'N/A', '007', '00.5', '1,5', 'NaN', 'Infinity', '0x10', '1e', '1 000', '--1']) {
    assert.equal(jsonNumber(v), null, v);
  }
});

test('booleans: the spellings inference accepts, any case; anything else is not a boolean', () => {
  for (const v of ['true', 'TRUE', 'Yes', 't', 'Y', 'ja']) assert.equal(jsonBoolean(v), true, v);
  for (const v of ['false', 'No', 'F', 'n', 'NEJ']) assert.equal(jsonBoolean(v), false, v);
  for (const v of ['1', '0', 'maybe', '']) assert.equal(jsonBoolean(v), null, v);
});

test('column encoders: typed columns write "" and NULL as null; text keeps ""; misfits are flagged strings', () => {
  const int = jsonEncoder('integer', null);
  assert.deepEqual(int('9007199254740993'), { json: '9007199254740993', misfit: false });
  assert.deepEqual(int(''), { json: 'null', misfit: false });
  assert.deepEqual(int(null), { json: 'null', misfit: false });
  assert.deepEqual(int('N/A'), { json: '"N/A"', misfit: true });
  assert.deepEqual(int('1.5'), { json: '"1.5"', misfit: true });
  const dec = jsonEncoder('decimal', { nonEmpty: 3, empty: 0, decimalSeparator: ',' });
  assert.deepEqual(dec('27269,06'), { json: '27269.06', misfit: false });
  assert.deepEqual(dec('-'), { json: '"-"', misfit: true });
  const bool = jsonEncoder('boolean', null);
  assert.deepEqual(bool('yes'), { json: 'true', misfit: false });
  assert.deepEqual(bool('unknown'), { json: '"unknown"', misfit: true });
  const date = jsonEncoder('date', null);
  assert.deepEqual(date('2024-03-01'), { json: '"2024-03-01"', misfit: false });
  assert.deepEqual(date('soon'), { json: '"soon"', misfit: true });
  assert.deepEqual(date(''), { json: 'null', misfit: false });
  const text = jsonEncoder('text', null);
  assert.deepEqual(text(''), { json: '""', misfit: false });
  assert.deepEqual(text(null), { json: 'null', misfit: false });
  assert.deepEqual(text('12'), { json: '"12"', misfit: false });
});

test('date and datetime misfits agree with the type facet (valueFitsType) on ISO and other shapes', () => {
  const values = ['2024-03-01', '2024-13-01', '2024-00-10', '2024-02-30', '2024-02-32', '07/01/2014', '31/12/2020', '9 March 2024', 'March 9, 2024',
    '2016-04-06T09:19:28.000Z', '2016-04-06 09:19', '2016-04-06T09:19:28+02:00', '2016-04-06T9:19', 'soon', '2024-3-1', '20240301'];
  for (const type of ['date', 'datetime'] as const) {
    const enc = jsonEncoder(type, null);
    for (const v of values) assert.equal(enc(v).misfit, !valueFitsType(v, type), `${type} ${v}`);
    for (const v of values) assert.equal(enc(v).misfit, !valueFitsType(v, type), `${type} ${v} (remembered)`);
  }
});
