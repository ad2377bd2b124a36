// Minimum pairwise F1 of the unsupervised default on small sets with ground truth (shared/data), so
// that a change that hurts matching quality fails here. The thresholds sit a little under the figures
// in test/bench/RESULTS.md § dedupe; nothing is tuned to these files.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { Workspace } from '../../../../main/core/workspace';
import { QUALITY_CASES, runQualityCase } from '../../../bench/dedupeQuality';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');
const ws = Workspace.open(mkdtempSync(path.join(os.tmpdir(), 'tidyset-dedupe-q-')));
after(() => {
  ws.close();
  rmSync(ws.dir, { recursive: true, force: true });
});

const MIN_F1: Record<string, number> = { febrl1: 0.97, 'fodors-zagat (link)': 0.93 };

for (const c of QUALITY_CASES.filter((x) => x.name in MIN_F1)) {
  test(`${c.name}: F1 of the unsupervised default ≥ ${MIN_F1[c.name]}, and 50 labels do not make it worse`, { skip: !existsSync(DATA) && `no data at ${DATA} (set TIDYSET_DATA_DIR)` }, async () => {
    const r = await runQualityCase(ws, DATA, c, 50);
    assert.ok(r.f1 >= MIN_F1[c.name]!, `${c.name}: F1 ${r.f1.toFixed(3)} (P ${r.precision.toFixed(3)}, R ${r.recall.toFixed(3)})`);
    assert.ok(r.labelled!.f1 >= r.f1 - 0.01, `${c.name}: F1 after labels ${r.labelled!.f1.toFixed(3)} < ${r.f1.toFixed(3)}`);
  });
}
