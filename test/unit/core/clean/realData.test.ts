// Recipes on real messy data: the SAFI messy/clean pair (ground truth), Portal rodents and DOAJ.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Workspace } from '../../../../main/core/workspace';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { applyOp, previewOp } from '../../../../main/core/clean/engine';
import { applyRecipe, exportRecipe } from '../../../../main/core/clean/recipes';
import { textFacet } from '../../../../main/core/clean/facets';
import { readRows } from '../../../../main/core/rows/datasetDb';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');
const SAFI = path.join(DATA, 'safi-messy-clean');
let dir: string;
let ws: Workspace;

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-real-'));
  ws = Workspace.open(path.join(dir, 'ws'));
});
after(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

function all(name: string): Array<Array<string | null>> {
  const ds = ws.datasets.get(name);
  return readRows(ws, ds, 0, ds.rows + 1).rows;
}

test('SAFI: a recipe built in Tidyset turns the messy file into the clean one, cell for cell', async () => {
  await importFile(ws, path.join(SAFI, 'Moz_SAFI_Survey_Final_results_approved_cleanheaders_messy.csv'), { name: 'safi' }, quietContext);
  // Built the way a user would: look at the facets, then fix what they show.
  const villages = textFacet(ws, ws.datasets.get('safi'), 'village', []).values.map((v) => v.value);
  assert.ok(villages.includes('Chirdozo') && villages.includes('Ruca'), 'the misspellings show up in the village facet');
  const pv = previewOp(ws, 'safi', { op: 'trim', column: 'respondent_wall_type' });
  assert.equal(pv.changed, 3);
  applyOp(ws, 'safi', { op: 'trim', column: 'respondent_wall_type' });
  applyOp(ws, 'safi', { op: 'massEdit', column: 'village', edits: [{ from: ['Chirdozo'], to: 'Chirodzo' }, { from: ['Ruca'], to: 'Ruaca' }] });
  const recipe = exportRecipe(ws, 'safi');
  writeFileSync(path.join(dir, 'safi-recipe.json'), JSON.stringify(recipe));

  // Replayed on a fresh import of the messy file, the recipe gives exactly the clean file's values.
  await importFile(ws, path.join(SAFI, 'Moz_SAFI_Survey_Final_results_approved_cleanheaders_messy.csv'), { name: 'safi2' }, quietContext);
  const out = applyRecipe(ws, 'safi2', JSON.parse(readFileSync(path.join(dir, 'safi-recipe.json'), 'utf8')));
  assert.deepEqual(out.map((o) => o.detail.changed), [3, 3]);
  const clean = parse(readFileSync(path.join(SAFI, 'Moz_SAFI_Survey_Final_results_approved_cleanheaders.csv')), { relax_column_count: true }) as string[][];
  const got = all('safi2');
  assert.equal(got.length, clean.length - 1);
  assert.deepEqual(got, clean.slice(1));
});

test('Portal rodents: spelling variants of scientificName and country merge through one mass edit each', async () => {
  await importFile(ws, path.join(DATA, 'portal-rodents-messy', 'Portal_rodents_19772002_simplified.csv'), { name: 'rodents' }, quietContext);
  const ds = ws.datasets.get('rodents');
  const country = ds.columns.find((c) => /country/i.test(c.name))!.name;
  applyOp(ws, 'rodents', { op: 'trim', column: country });
  const before = textFacet(ws, ws.datasets.get('rodents'), country, []).values.map((v) => v.value);
  const usa = before.filter((v): v is string => v !== null && /^(US|USA|UNITED STATES|United States( of America)?)$/i.test(v));
  assert.ok(usa.length >= 2, `several spellings of the United States: ${usa.join(', ')}`);
  applyOp(ws, 'rodents', { op: 'massEdit', column: country, edits: [{ from: usa, to: 'United States' }] });
  const afterValues = textFacet(ws, ws.datasets.get('rodents'), country, []).values.map((v) => v.value);
  assert.ok(afterValues.includes('United States'));
  assert.ok(!usa.filter((u) => u !== 'United States').some((u) => afterValues.includes(u)));
  const sci = ds.columns.find((c) => c.name === 'scientificName')!.name;
  applyOp(ws, 'rodents', { op: 'trim', column: sci });
  const names = textFacet(ws, ws.datasets.get('rodents'), sci, []).values.map((v) => v.value);
  assert.ok(names.every((n) => n === null || n === n.trim()), 'no leading or trailing spaces left');
});

test('DOAJ: double spaces in Publisher collapse and EN/English case variants unify', async () => {
  await importFile(ws, path.join(DATA, 'doaj-article-sample', 'doaj-article-sample.csv'), { name: 'doaj' }, quietContext);
  const pubBefore = textFacet(ws, ws.datasets.get('doaj'), 'Publisher', [], 'count', 5000).values.map((v) => v.value);
  assert.ok(pubBefore.includes('MDPI  AG') && pubBefore.includes('MDPI AG'));
  applyOp(ws, 'doaj', { op: 'trim', column: 'Publisher', collapse: true });
  const pubAfter = textFacet(ws, ws.datasets.get('doaj'), 'Publisher', [], 'count', 5000).values.map((v) => v.value);
  assert.ok(!pubAfter.includes('MDPI  AG') && pubAfter.includes('MDPI AG'));
  applyOp(ws, 'doaj', { op: 'massEdit', column: 'Language', edits: [{ from: ['EN'], to: 'English' }] });
  const langs = textFacet(ws, ws.datasets.get('doaj'), 'Language', []).values.map((v) => v.value);
  assert.ok(!langs.includes('EN'));
  const dates = previewOp(ws, 'doaj', { op: 'castDate', column: 'Date', order: 'dayFirst' });
  assert.equal(dates.failed, 0, 'every DD/MM/YYYY date converts');
});
