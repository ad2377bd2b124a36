// Table tests of every export protection action (mask, pseudonym, generalisations, suppress, drop) and of the compiled row transform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  ageBand, applyAction, compileProtection, generaliseDate, maskValue, postalPrefix, pseudonym, refuseDirect, roundCoordinates, typeAfter,
} from '../../../../main/core/protect/actions';
import { parsePdAction, type PdAction } from '../../../../shared/api/personal';

const KEY = Buffer.alloc(32, 7);
const OTHER = Buffer.alloc(32, 8);

test('mask keeps the last N characters (code points), blanks stay blank', () => {
  const table: Array<[string | null, number, string | null]> = [
    ['19850709-9805', 4, '*********9805'], ['abc', 4, 'abc'], ['abcdef', 0, '******'], ['', 4, ''], [null, 4, null],
    ['😀😀😀x', 1, '***x'], ['anna@example.com', 3, '*************com'],
  ];
  for (const [v, n, want] of table) assert.equal(maskValue(v, n), want, `${v} mask:${n}`);
});

test('pseudonyms: HMAC-SHA-256 under the secret, stable, canonical per kind, different under another secret', () => {
  const expected = 'ps_' + createHmac('sha256', KEY).update('anna@example.com').digest('hex').slice(0, 20);
  assert.equal(pseudonym('anna@example.com', KEY, 'email'), expected);
  assert.equal(pseudonym(' Anna@Example.COM ', KEY, 'email'), expected, 'emails are case-insensitive');
  assert.equal(pseudonym('850709-9805', KEY, 'national_id_se'), pseudonym('850709 9805', KEY, 'national_id_se'));
  assert.notEqual(pseudonym('850709-9805', KEY, 'national_id_se'), pseudonym('850709+9805', KEY, 'national_id_se'), 'the 100+ sign is kept');
  assert.notEqual(pseudonym('Anna', KEY, 'person_name'), pseudonym('anna', KEY, 'person_name'), 'names are not case-folded');
  assert.notEqual(pseudonym('anna@example.com', OTHER, 'email'), expected);
  assert.match(expected, /^ps_[0-9a-f]{20}$/);
  assert.equal(pseudonym('', KEY), '');
  assert.equal(pseudonym(null, KEY), null);
});

test('dates generalise to the year or the month; what is not a date becomes empty', () => {
  const table: Array<[string | null, 'year' | 'month', string | null]> = [
    ['1985-07-09', 'year', '1985'], ['1985-07-09', 'month', '1985-07'], ['09/07/1985', 'month', '1985-07'],
    ['2024-03-02T10:00:00Z', 'month', '2024-03'], ['9 March 1971', 'year', '1971'], ['not a date', 'year', null], ['', 'year', ''], [null, 'month', null],
  ];
  for (const [v, to, want] of table) assert.equal(generaliseDate(v, to), want, `${v} → ${to}`);
  assert.equal(generaliseDate('07/09/1985', 'month', false), '1985-07', 'month-first columns');
});

test('ages generalise to 5- or 10-year bands with 90+ top-coded; not an age becomes empty', () => {
  const table: Array<[string, 5 | 10, string | null]> = [
    ['0', 5, '0-4'], ['4', 5, '0-4'], ['5', 5, '5-9'], ['34', 5, '30-34'], ['34', 10, '30-39'], ['89', 10, '80-89'], ['89.9', 5, '85-89'],
    ['90', 10, '90+'], ['104', 5, '90+'], ['-1', 10, null], ['abc', 10, null], ['200', 10, null], ['42,5', 10, '40-49'],
  ];
  for (const [v, w, want] of table) assert.equal(ageBand(v, w), want, `${v} band${w}`);
});

test('postal codes keep their first N characters without spaces; coordinates round, pairs keep their separator', () => {
  assert.equal(postalPrefix('114 55', 3), '114');
  assert.equal(postalPrefix('SW1A 1AA', 4), 'SW1A');
  assert.equal(postalPrefix('12', 3), '12');
  const coords: Array<[string, number, string | null]> = [
    ['59.329323', 2, '59.33'], ['59.3293, 18.0686', 1, '59.3, 18.1'], ['59.3293 18.0686', 0, '59 18'], ['(-33.8688;151.2093)', 2, '-33.87;151.21'],
    ['-0.0001', 2, '0.00'], ['north', 2, null],
  ];
  for (const [v, n, want] of coords) assert.equal(roundCoordinates(v, n), want, `${v} round:${n}`);
});

test('suppress and drop empty every value; keep passes it through; the CLI spellings reach the same functions', () => {
  const cases: Array<[string, string | null, string | null]> = [
    ['keep', 'x', 'x'], ['suppress', 'x', null], ['drop', 'x', null], ['mask:2', 'abcd', '**cd'], ['generalise:year', '2001-02-03', '2001'],
    ['generalise:band10', '47', '40-49'], ['generalise:prefix:2', '11455', '11'], ['generalise:round:1', '1.26', '1.3'],
  ];
  for (const [spelling, v, want] of cases) assert.equal(applyAction(parsePdAction(spelling)!, v), want, spelling);
  assert.throws(() => applyAction({ action: 'hash' }, 'x'), (e: unknown) => (e as { code?: string }).code === 'SECRET_UNAVAILABLE');
  assert.equal(typeAfter({ action: 'generalise', to: 'year' }, 'date'), 'integer');
  assert.equal(typeAfter({ action: 'hash' }, 'integer'), 'text');
  assert.equal(typeAfter({ action: 'keep' }, 'decimal'), 'decimal');
});

test('compileProtection: drops columns, applies actions in column order, reports every action and the kept direct identifiers', () => {
  const cols = [
    { name: 'id', type: 'integer' as const }, { name: 'email', type: 'text' as const }, { name: 'born', type: 'date' as const },
    { name: 'ssn', type: 'text' as const }, { name: 'notes', type: 'text' as const }, { name: 'name', type: 'text' as const },
  ];
  const tag = (column: string, category: 'direct' | 'quasi', action: PdAction | null) => ({ column, kind: 'email' as const, category, action });
  const p = compileProtection(cols, [
    tag('email', 'direct', { action: 'hash' }), tag('born', 'quasi', { action: 'generalise', to: 'year' }),
    tag('ssn', 'direct', { action: 'drop' }), tag('name', 'direct', null),
  ], KEY);
  assert.deepEqual(p.outColumns.map((c) => [c.name, c.type, c.source]), [['id', 'integer', 0], ['email', 'text', 1], ['born', 'integer', 2], ['notes', 'text', 4], ['name', 'text', 5]]);
  assert.deepEqual(p.columns.map((c) => [c.column, c.category, c.action]), [
    ['id', null, 'keep'], ['email', 'direct', 'hash'], ['born', 'quasi', 'generalise:year'], ['ssn', 'direct', 'drop'], ['notes', null, 'keep'], ['name', 'direct', 'keep'],
  ]);
  assert.deepEqual(p.directKept, ['name']);
  assert.equal(p.needsSecret, true);
  assert.deepEqual(p.transform(['1', 'A@x.se', '1990-05-06', '19900506-1234', 'hi', 'Anna']), ['1', pseudonym('a@x.se', KEY, 'email'), '1990', 'hi', 'Anna']);
  assert.throws(() => refuseDirect(p.directKept, false, 'people'), (e: unknown) => (e as { code?: string }).code === 'DIRECT_IDENTIFIER' && /"name"/.test((e as Error).message));
  assert.doesNotThrow(() => refuseDirect(p.directKept, true, 'people'));
  assert.throws(() => compileProtection(cols, [tag('email', 'direct', { action: 'hash' })], null), (e: unknown) => (e as { code?: string }).code === 'SECRET_UNAVAILABLE');
  const id = compileProtection(cols, [], null);
  assert.equal(id.identity, true);
  assert.deepEqual(id.transform(['a', 'b', 'c', 'd', 'e', 'f']), ['a', 'b', 'c', 'd', 'e', 'f']);
});
