// Key-collision keys: table tests of fingerprint, n-gram fingerprint and the phonetic keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint, keyerOf, KEY_CHARS, ngramFingerprint, normalise } from '../../../../../main/core/dedupe/spelling/keys';

test('normalise: case, accents, ligatures and punctuation', () => {
  const table: Array<[string, string]> = [
    ['Café', 'cafe'],
    ['Straße', 'strasse'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Łódź', 'lodz'],
    ['a.b,c', 'a b c'],
    ['Москва', 'москва'],
    ['東京', '東京'],
  ];
  for (const [v, want] of table) assert.equal(normalise(v).replace(/\s+/g, ' ').trim(), want, v);
});

test('fingerprint: words de-duplicated and sorted, empty for punctuation only', () => {
  const table: Array<[string, string]> = [
    ['New York', 'new york'],
    ['  york, NEW ', 'new york'],
    ['new-york', 'new york'],
    ['Tom Cruise Tom', 'cruise tom'],
    ['Zürich', 'zurich'],
    ['Zurich', 'zurich'],
    ['---', ''],
    ['', ''],
    ['Москва город', 'город москва'],
  ];
  for (const [v, want] of table) assert.equal(fingerprint(v), want, v);
});

test('n-gram fingerprint: distinct sorted n-grams without spaces', () => {
  const table: Array<[string, number, string]> = [
    ['Paris', 2, 'arispari'],
    ['paris', 2, 'arispari'],
    ['Pa ris', 2, 'arispari'],
    ['aaaa', 2, 'aa'],
    ['ab', 3, 'ab'],
    ['abc', 1, 'abc'],
    ['!!', 2, ''],
  ];
  for (const [v, n, want] of table) assert.equal(ngramFingerprint(v, n), want, `${v}/${n}`);
});

test('metaphone: names that sound alike collide, others do not', async () => {
  const k = await keyerOf('metaphone');
  const same: Array<[string, string]> = [['Smith', 'Smyth'], ['Catherine', 'Kathryn'], ['Stephen Hawking', 'Steven Hawking'], ['Knight', 'Night']];
  for (const [a, b] of same) assert.equal(k.key(a), k.key(b), `${a} ~ ${b}`);
  assert.notEqual(k.key('Smith'), k.key('Jones'));
  // Another script keeps its own spelling instead of an empty code: two Cyrillic words do not collide.
  assert.notEqual(k.key('Москва'), k.key('Київ'));
  assert.notEqual(k.key('Москва'), '');
});

test('cologne: German spellings collide', async () => {
  const k = await keyerOf('cologne');
  const same: Array<[string, string]> = [['Müller', 'Mueller'], ['Meyer', 'Maier'], ['Schmidt', 'Schmitt']];
  for (const [a, b] of same) assert.equal(k.key(a), k.key(b), `${a} ~ ${b}`);
  assert.notEqual(k.key('Müller'), k.key('Schmidt'));
});

test('a 10 MB value is keyed on its first characters and its length, quickly', async () => {
  const big = 'ab '.repeat(3_500_000);
  const t = performance.now();
  for (const m of ['fingerprint', 'ngram', 'metaphone', 'cologne'] as const) {
    const k = (await keyerOf(m)).key(big);
    assert.ok(k.length < KEY_CHARS * 4, m);
    assert.ok(k.endsWith(String(big.length)), `${m} key carries the length`);
    assert.notEqual(k, (await keyerOf(m)).key(big + 'x'), `${m}: another length, another key`);
  }
  assert.ok(performance.now() - t < 5000);
});

test('the n-gram size is checked', async () => {
  await assert.rejects(() => keyerOf('ngram', 0), /n-gram size/);
});
