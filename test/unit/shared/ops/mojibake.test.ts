// Tests fixMojibake: Windows-1252 and Latin-1 garbling, repeated garbling, mixed values, and correct text left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixMojibake } from '../../../../shared/ops/transforms/mojibake';

// Windows-1252 bytes 0x80–0x9F, written out here rather than taken from the module under test
// (Node's TextDecoder('windows-1252') decodes as Latin-1). Undefined bytes stay C1 controls.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** `s` garbled the way it happens: its UTF-8 bytes decoded as `encoding`, `times` times over. */
function garble(s: string, encoding: 'windows-1252' | 'latin1', times = 1): string {
  let out = s;
  for (let i = 0; i < times; i++) {
    const bytes = [...new TextEncoder().encode(out)];
    out = bytes.map((b) => (encoding === 'windows-1252' && b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80]! : String.fromCharCode(b))).join('');
  }
  return out;
}

const SAMPLES = [
  'Malmö', 'é', 'Göteborg – Malmö', 'it’s “quoted” …', 'Crème brûlée', 'Ærøskøbing', 'Łódź', 'Straße', 'Ωμέγα',
  'Москва', 'Škoda Č', 'Tomáš Šesták', 'Đặng Thị', 'naïve café', '€100 ™', '日本語', 'emoji 😀 ok', 'Âge', 'Á', 'Ð', 'Ý',
  'São Paulo', 'İstanbul', 'Ø', 'ș ț', 'ǎ', 'x\u00A0y', 'Malmo\u0308',
];

test('the test garbler produces the textbook strings', () => {
  assert.equal(garble('Malmö', 'windows-1252'), 'MalmÃ¶');
  assert.equal(garble('’', 'windows-1252'), 'â€™');
  assert.equal(garble('’', 'latin1'), 'â\u0080\u0099');
  assert.equal(garble('Malmö', 'windows-1252', 2), 'MalmÃƒÂ¶');
});

test('the classic samples', () => {
  assert.equal(fixMojibake('MalmÃ¶'), 'Malmö');
  assert.equal(fixMojibake('Ã©'), 'é');
  assert.equal(fixMojibake('â€™'), '’');
  assert.equal(fixMojibake('â€œHiâ€\u009d'), '“Hi”');
  assert.equal(fixMojibake('Ã…ngstrÃ¶m'), 'Ångström');
  assert.equal(fixMojibake('Ã\u0081lvaro'), 'Álvaro', "the byte 0x81 that Windows-1252 leaves undefined");
  assert.equal(fixMojibake('ðŸ˜€'), '😀');
  assert.equal(fixMojibake('MalmoÌˆ'), 'Malmo\u0308', 'decomposed (macOS) text: the accent follows a letter');
});

test('Windows-1252 garbling of every sample is repaired', () => {
  for (const s of SAMPLES) assert.equal(fixMojibake(garble(s, 'windows-1252')), s, s);
});

test('Latin-1 garbling (C1 controls instead of Windows-1252 punctuation) is repaired', () => {
  assert.equal(fixMojibake('â\u0080\u0099'), '’');
  for (const s of SAMPLES) assert.equal(fixMojibake(garble(s, 'latin1')), s, s);
});

test('double and triple garbling is repaired; the passes stop at three', () => {
  assert.equal(fixMojibake('MalmÃƒÂ¶'), 'Malmö');
  for (const s of ['Malmö', 'it’s', 'Crème brûlée', '€5']) {
    assert.equal(fixMojibake(garble(s, 'windows-1252', 2)), s, `${s} ×2`);
    assert.equal(fixMojibake(garble(s, 'windows-1252', 3)), s, `${s} ×3`);
    assert.equal(fixMojibake(garble(s, 'latin1', 2)), s, `${s} latin1 ×2`);
  }
  assert.equal(fixMojibake(garble('ö', 'windows-1252', 4)), garble('ö', 'windows-1252', 1), 'four layers: three are peeled');
});

test('a value mixing correct and garbled text is repaired where garbled', () => {
  assert.equal(fixMojibake('Malmö / MalmÃ¶'), 'Malmö / Malmö');
  assert.equal(fixMojibake('CafÃ©…'), 'Café…');
  assert.equal(fixMojibake('“CafÃ©”'), '“Café”');
});

test('correct text is never changed', () => {
  for (const s of [...SAMPLES, 'Ã', 'Ã alone', '©2024', 'Â', 'JOSÉ’S', 'CAFÉ…', 'ÖVERSTE–', 'É\u00A0', 'ÅÄÖ', 'ÜBER“',
    'Tomáš', 'Lukášek', 'Ä', '', 'ascii only', 'Ã ', 'â‚']) {
    assert.equal(fixMojibake(s), s, s);
  }
});

test('a layered garbling cut short never gains control characters', () => {
  // '’' garbled as Latin-1, then as Windows-1252: the middle layer holds C1 controls.
  assert.equal(fixMojibake('Ã¢Â€Â™'), '’');
  // With its last pair lost, one pass would leave U+0080 behind: the value stays as it was.
  assert.equal(fixMojibake('Ã¢Â€'), 'Ã¢Â€');
  assert.equal(fixMojibake('Ã¢Â€ x'), 'Ã¢Â€ x');
});

test('other garbling is left alone: U+FFFD, Mac Roman', () => {
  assert.equal(fixMojibake('Onychomys\uFFFDsp.'), 'Onychomys\uFFFDsp.');
  assert.equal(fixMojibake('Malm\uFFFD'), 'Malm\uFFFD');
  assert.equal(fixMojibake('Day¬¨‚Ä†Care Center'), 'Day¬¨‚Ä†Care Center');
  assert.equal(fixMojibake('Children‚Äö√Ñ√¥s Place'), 'Children‚Äö√Ñ√¥s Place');
});
