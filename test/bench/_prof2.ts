import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { Workspace } from '../../main/core/workspace';
import { importFile } from '../../main/core/ingest/importFile';
import { quietContext } from '../../main/core/jobs/context';
import { planSplit } from '../../main/core/split/plan';
import { protectionOf } from '../../main/core/split/protection';
import { splitLeakage, splitDataset } from '../../main/core/split/splitDataset';
import { ExportUnit } from '../../main/core/export/exportUnit';
import { exportRecipe } from '../../main/core/clean/recipes';
import { SplitJobInSchema } from '../../shared/api/split';
const T = async (l: string, f: () => unknown) => { const t = performance.now(); await f(); console.log(l, (performance.now() - t).toFixed(0)); };
(async () => {
  const dir = mkdtempSync('/tmp/prof-');
  const ws = Workspace.open(dir);
  await importFile(ws, process.argv[2]!, { name: 'bench' }, quietContext);
  const spec = SplitJobInSchema.parse({ dataset: 'bench', out: path.join(dir, 'o') });
  for (let i = 0; i < 2; i++) {
    await T('plan', () => planSplit(ws, spec));
    await T('protection', () => protectionOf(ws, ws.datasets.get('bench'), false));
    await T('unit', () => { const u = ExportUnit.begin(path.join(dir, 'u' + i)); u.abort(); });
    await T('recipe', () => exportRecipe(ws, 'bench'));
    await T('leakage', () => splitLeakage(ws, spec));
    await T('split', () => splitDataset(ws, { ...spec, out: path.join(dir, 'o' + i) }, quietContext));
  }
})();
