// Runs the transforms over the real messy data sets and checks them against ground truth or known content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ValueOpSchema } from '../../../../shared/ops/schema';
import { castBoolean, castDate, castNumber, fixMojibake, trimValue, valueTransform } from '../../../../shared/ops/transforms/index';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');

/** The rows of a CSV file in the data folder, as objects keyed by header. */
function rows(file: string): Array<Record<string, string>> {
  return parse(readFileSync(path.join(DATA, file)), { columns: true, bom: true });
}

/** Every cell of a CSV file, header included. */
function cells(file: string): string[] {
  return (parse(readFileSync(path.join(DATA, file)), { bom: true, relax_column_count: true }) as string[][]).flat();
}

test('SAFI: trim on respondent_wall_type reproduces the clean file', () => {
  const messy = rows('safi-messy-clean/Moz_SAFI_Survey_Final_results_approved_cleanheaders_messy.csv');
  const clean = rows('safi-messy-clean/Moz_SAFI_Survey_Final_results_approved_cleanheaders.csv');
  assert.equal(messy.length, 131);
  assert.equal(clean.length, 131);
  const trim = valueTransform(ValueOpSchema.parse({ op: 'trim', column: 'respondent_wall_type' }));
  const got = messy.map((r) => trim.apply(r.respondent_wall_type!));
  assert.deepEqual(got, clean.map((r) => r.respondent_wall_type));
  const changed = messy.filter((r, i) => r.respondent_wall_type !== got[i]).length;
  assert.equal(changed, 3, 'the three leading-space cells');
});

test('SAFI: interview dates like 17-Nov-16 and ISO timestamps cast; NULL stays unconverted', () => {
  const messy = rows('safi-messy-clean/Moz_SAFI_Survey_Final_results_approved_cleanheaders_messy.csv');
  for (const r of messy) {
    const d = castDate(r.interview_date!, 'dayFirst');
    assert.match(d ?? '', /^201[67]-\d{2}-\d{2}$/, r.interview_date);
    assert.equal(castDate(r.start!, 'dayFirst'), r.start, 'an ISO timestamp is already canonical');
  }
  assert.equal(castDate('17-Nov-16', 'dayFirst'), '2016-11-17');
  assert.equal(castNumber('NULL', 'auto'), null);
});

test('portal rodents: fixMojibake changes no cell, and the 12 U+FFFD cells are left as they are', () => {
  const all = cells('portal-rodents-messy/Portal_rodents_19772002_simplified.csv');
  const replacement = all.filter((c) => c.includes('\uFFFD'));
  assert.equal(replacement.length, 12);
  for (const c of all) assert.equal(fixMojibake(c), c, c);
});

test('presidio fake names: exactly the two garbled user names are repaired', () => {
  const all = cells('presidio-research/FakeNameGenerator.com_3000.csv');
  const changed = all.filter((c) => fixMojibake(c) !== c).map((c) => [c, fixMojibake(c)]);
  assert.deepEqual(changed.sort(), [['GencÃ©ed', 'Gencéed'], ['Ã†ner', 'Æner']]);
});

test('correct non-ASCII text and Mac Roman garbling in the other data sets are left alone', () => {
  for (const file of ['doaj-article-sample/doaj-article-sample.csv', 'dedupe-csv-example/csv_example_messy_input.csv',
    'dedupe-patent-example/patstat_reference.csv']) {
    for (const c of cells(file)) assert.equal(fixMojibake(c), c, `${file}: ${c}`);
  }
});

test('DOAJ: every DD/MM/YYYY date casts day-first; the publisher double space collapses', () => {
  const doaj = rows('doaj-article-sample/doaj-article-sample.csv');
  const dates = doaj.map((r) => r.Date!).filter((d) => d.trim() !== '');
  assert.ok(dates.length > 900);
  for (const d of dates) {
    const [dd, mm, yyyy] = d.split('/');
    assert.equal(castDate(d, 'dayFirst'), `${yyyy}-${mm}-${dd}`, d);
  }
  const publishers = new Set(doaj.map((r) => trimValue(r.Publisher!, true)));
  assert.ok(publishers.has('MDPI AG') && !publishers.has('MDPI  AG'));
});

test('government contracts: values, timestamps and yes/no cast without loss', () => {
  const gc = rows('openrefine-testdata/government_contracts.csv');
  assert.equal(gc.length, 6422);
  let zeroDates = 0;
  for (const r of gc) {
    const v = r['Total value of Contract']!;
    if (v.trim() !== '') {
      const n = castNumber(v, 'auto');
      assert.ok(n !== null && Number(n) === Number(v), v);
    }
    const award = r['Date of Award']!;
    if (award.startsWith('0000-00-00')) {
      // MySQL's zero date stands for "none": not a calendar date.
      assert.equal(castDate(award, 'dayFirst'), null);
      zeroDates++;
    } else if (award) assert.equal(castDate(award, 'dayFirst'), award.replace(' ', 'T'));
    assert.equal(castBoolean(r['Contract Awarded']!), r['Contract Awarded'] === 'yes' ? 'true' : 'false');
  }
  assert.ok(zeroDates > 0);
});
