// Personal-data detection on tables: values alone, checksum look-alikes that must not fire, mixed and
// oddly written ids, empty datasets, stored suggestions that never replace a confirmed tag, and search.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { detectColumn } from '../../../../main/core/protect/detect/detectColumn';
import { detectDataset } from '../../../../main/core/protect/detect/detectDataset';
import { sampleFromRows } from '../../../../main/core/protect/detect/sample';
import { listTags, searchTags, setTag, setTagAction } from '../../../../main/core/protect/tagStore';
import { importKit } from '../../../helpers/importKit';
import * as g from '../../../helpers/pdGenerate';

const kit = importKit('tidyset-detect-');

/** The finding for one column of values under a header. */
function detect(header: string, values: string[]) {
  return detectColumn(header, sampleFromRows(values.map((v) => [v]), 1)[0]!);
}

describe('detection by values alone', () => {
  it('finds each kind under a meaningless header', () => {
    const r = g.rng(1);
    const cases: Array<[(r: g.Rnd) => string, string]> = [
      [g.genFnrNo, 'national_id_no'], [g.genCprDk, 'national_id_dk'], [g.genHetuFi, 'national_id_fi'], [g.genNino, 'nino_uk'],
      [g.genSsn, 'ssn_us'], [g.genIban, 'iban'], [g.genCard, 'payment_card'], [g.genIp, 'ip_address'], [g.genMac, 'mac_address'],
      [g.genCoordinates, 'coordinates'], [g.genPhone, 'phone'], [g.genBirthDate, 'date_of_birth'], [g.genPostalSe, 'postal_code'],
    ];
    for (const [gen, kind] of cases) {
      const f = detect('c7', g.many(r, 300, gen));
      assert.equal(f.kind, kind, `${kind}: got ${f.kind} (${JSON.stringify(f.evidence)})`);
      assert.equal(f.evidence.header, null);
      assert.ok(f.evidence.passed >= 0.8 * f.evidence.sampled && f.evidence.sampled >= 200 && f.evidence.examples.length > 0, kind);
      assert.ok(f.evidence.examples.every((e) => e.includes('•')), `${kind}: examples are masked`);
    }
  });

  it('does not fire on random numbers a tenth of which pass a checksum by chance', () => {
    const r = g.rng(2);
    for (const len of [9, 10, 11, 12, 13, 15, 16, 19]) {
      const values = g.many(r, 500, (x) => g.genDigits(x, len));
      const f = detect('c3', values);
      assert.equal(f.kind, 'none', `${len} digits → ${f.kind} ${JSON.stringify(f.evidence)}`);
      assert.equal(f.category, 'none');
    }
    // Even under a header that names the kind, random digits are at most a low-confidence, header-only finding.
    const f = detect('card_number', g.many(r, 500, (x) => g.genDigits(x, 16)));
    assert.ok(f.confidence < 0.5, `confidence ${f.confidence}`);
  });

  it('needs support: a handful of valid ids among many values is not a column of ids', () => {
    const r = g.rng(3);
    const values = [...g.many(r, 4, g.genCard), ...g.many(r, 400, (x) => g.genDigits(x, 16))];
    assert.equal(detect('c1', values).kind, 'none');
  });

  it('reads ids with dashes and in both personnummer lengths, and names a column of mixed Nordic ids by its header', () => {
    const r = g.rng(4);
    const se = ['811218-9876', '198112189876', '19811218-9876', '701063-2391', '121212+1212', '8112189876'];
    const f = detect('personnummer', [...se, ...se.map((v) => ` ${v} `)]);
    assert.equal(f.kind, 'national_id_se');
    const mixed = g.many(r, 300, (x) => [g.genFnrNo, g.genHetuFi, g.genCprDk][Math.floor(x() * 3)]!(x));
    const m = detect('national_id', mixed);
    assert.equal(m.category, 'direct');
    assert.ok(['national_id_no', 'national_id_fi', 'national_id_dk', 'none'].includes(m.kind), m.kind);
  });

  it('finds emails, phones and ids inside free text, and leaves plain prose alone', () => {
    const notes = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `Call me back on +46 70 123 45 ${String(10 + i).slice(-2)} after lunch please` : `The parcel arrived ${i} days late and the box was damaged`));
    assert.equal(detect('c2', notes).kind, 'free_text_pii');
    const prose = Array.from({ length: 60 }, (_, i) => `The parcel arrived ${i} days late and the box was damaged again`);
    assert.equal(detect('c2', prose).kind, 'none');
  });

  it('marks special categories from the header and from the values', () => {
    const r = g.rng(5);
    const diag = g.many(r, 200, (x) => g.DIAGNOSES[Math.floor(x() * g.DIAGNOSES.length)]!);
    assert.equal(detect('diagnosis', diag).category, 'special');
    assert.equal(detect('c9', diag).category, 'special');
    assert.equal(detect('c9', g.many(r, 200, (x) => g.RELIGIONS[Math.floor(x() * g.RELIGIONS.length)]!)).category, 'special');
    assert.equal(detect('colour', ['Black', 'White', 'Black', 'White']).category, 'none');
  });

  it('an empty column says what its header says, with no values to check', () => {
    const f = detect('email', []);
    assert.equal(f.kind, 'email');
    assert.equal(f.evidence.sampled, 0);
    assert.match(f.evidence.note ?? '', /no values/);
    assert.equal(detect('c1', []).kind, 'none');
  });
});

describe('stored suggestions and confirmed tags', () => {
  it('detects after import, keeps a confirmed tag on a second run, and searches tags', async () => {
    const ws = kit.ws();
    try {
      const r = g.rng(6);
      const rows = Array.from({ length: 200 }, () => [g.genSsn(r), `${['ana', 'bo', 'cy'][Math.floor(r() * 3)]}${Math.floor(r() * 1000)}@example.com`, String(Math.floor(r() * 100))]);
      const file = kit.write('people.csv', `a,b,c\n${rows.map((x) => x.join(',')).join('\n')}\n`);
      await importFile(ws, file, { name: 'people' }, quietContext);
      const res = await detectDataset(ws, { dataset: 'people' }, quietContext);
      assert.deepEqual(res.findings.map((f) => f.kind), ['ssn_us', 'email', 'none']);
      let tags = listTags(ws, 'people');
      assert.deepEqual(tags.map((t) => [t.column, t.tag?.status, t.tag?.kind]), [['a', 'suggested', 'ssn_us'], ['b', 'suggested', 'email'], ['c', 'suggested', 'none']]);

      setTag(ws, 'people', 'b', 'none', 'none');
      setTagAction(ws, 'people', 'a', { action: 'hash' });
      const again = await detectDataset(ws, { dataset: 'people' }, quietContext);
      assert.deepEqual(again.kept, ['b']);
      tags = listTags(ws, 'people');
      assert.equal(tags[1]!.tag!.status, 'confirmed');
      assert.equal(tags[1]!.tag!.kind, 'none');
      // A new suggestion keeps the action the user set.
      assert.deepEqual(tags[0]!.tag!.action, { action: 'hash' });

      assert.deepEqual(searchTags(ws, { category: 'direct' }).map((h) => h.column), ['a']);
      assert.deepEqual(searchTags(ws, { query: 'ssn' }).map((h) => `${h.dataset}.${h.column}`), ['people.a']);
      assert.equal(searchTags(ws, {}).length, 1, 'not-personal columns are left out of an unfiltered search');
      assert.throws(() => setTag(ws, 'people', 'zz', 'email', 'direct'), /no column "zz"/);
      assert.throws(() => setTagAction(ws, 'people', 'c', { action: 'drop' }) && setTagAction(ws, 'nope', 'c', { action: 'drop' }), /no dataset/);
    } finally {
      ws.close();
    }
  });

  it('an empty dataset gets a finding per column from headers alone', async () => {
    const ws = kit.ws();
    try {
      await importFile(ws, kit.write('empty.csv', 'email,phone,notes\n'), { name: 'empty' }, quietContext);
      const res = await detectDataset(ws, { dataset: 'empty' }, quietContext);
      assert.deepEqual(res.findings.map((f) => [f.kind, f.evidence.sampled]), [['email', 0], ['phone', 0], ['none', 0]]);
    } finally {
      ws.close();
    }
  });
});

describe('tags travel in recipes and manifests', () => {
  it('a recipe carries the confirmed tags and actions; applying it restores them (through the column map); an export lists them', async () => {
    const { exportRecipe, applyRecipe } = await import('../../../../main/core/clean/recipes');
    const { exportDataset } = await import('../../../../main/core/export/exportDataset');
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const ws = kit.ws();
    try {
      const csv = 'name,mail,n\nAda Lovelace,ada@example.org,1\nAlan Turing,alan@example.org,2\n';
      await importFile(ws, kit.write('a.csv', csv), { name: 'a' }, quietContext);
      await importFile(ws, kit.write('b.csv', csv.replace('mail', 'email')), { name: 'b' }, quietContext);
      setTag(ws, 'a', 'mail', 'email', 'direct', { action: 'hash' });
      setTag(ws, 'a', 'n', 'none', 'none');
      const recipe = exportRecipe(ws, 'a');
      assert.deepEqual(recipe.tags, [{ column: 'mail', kind: 'email', category: 'direct', action: { action: 'hash' } }, { column: 'n', kind: 'none', category: 'none', action: null }]);
      applyRecipe(ws, 'b', JSON.parse(JSON.stringify(recipe)), { mail: 'email' });
      const b = listTags(ws, 'b');
      assert.deepEqual(b.map((r) => [r.column, r.tag?.kind, r.tag?.status, r.tag?.action?.action ?? null]), [['name', undefined, undefined, null], ['email', 'email', 'confirmed', 'hash'], ['n', 'none', 'confirmed', null]]);
      assert.throws(() => applyRecipe(ws, 'b', recipe), /tags column "mail"/);

      const out = path.join(kit.write('x', ''), '..', 'export-a');
      await exportDataset(ws, { dataset: 'a', format: 'csv', outDir: out, force: false }, quietContext);
      const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
      assert.deepEqual(manifest.exports[0].personalData, [
        { column: 'mail', kind: 'email', category: 'direct', status: 'confirmed', action: { action: 'hash' } },
        { column: 'n', kind: 'none', category: 'none', status: 'confirmed', action: null },
      ]);
      assert.deepEqual(manifest.exports[0].recipe.tags, recipe.tags);
    } finally {
      ws.close();
    }
  });
});
