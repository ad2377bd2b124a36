// The crash harness in its bounded form (20 kills): no corrupt workspace, no lost committed edit, no
// disagreement between data and history, no debris. More on demand: node --import tsx test/harness/crash.ts --kills 200
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCrashHarness } from '../harness/crash';

test('20 SIGKILLs over import, operation, undo, redo and export leave every workspace intact and in agreement with its history', async () => {
  const f = await runCrashHarness({ kills: 20, seed: Number(process.env.TIDYSET_CRASH_SEED ?? 1) });
  assert.equal(f.kills, 20);
  assert.ok(f.targeted > 0 && f.random > 0, `both targeted and random kills happened: ${JSON.stringify(f)}`);
  assert.deepEqual(f.problems, []);
  assert.equal(f.corruptWorkspaces + f.lostCommittedEdits + f.disagreements + f.debris, 0);
});
