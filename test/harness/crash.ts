// The crash harness: SIGKILLs `tidyset` (real processes) during import, operation, undo, redo and
// export — at a random moment or at a named phase of the two-phase write (TIDYSET_TEST_KILL_AT) —
// while this process keeps the workspace open and writes to it too, and after every kill checks:
// integrity_check of the catalog and dataset files, no half-done history step, data that agrees with
// a replay of the history, no committed edit lost, no orphan or temp file, and (at the end) exact
// undo of everything. Run: node --import tsx test/harness/crash.ts [--kills N] [--seed S]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyOp, listHistory, undo, redo } from '../../main/core/clean/engine';
import { importFile } from '../../main/core/ingest/importFile';
import { quietContext } from '../../main/core/jobs/context';
import { Workspace } from '../../main/core/workspace';
import { BIN, ROOT, ensureBuilt } from '../helpers/cli';
import { assertAgrees, snapshot, type Snapshot } from '../helpers/integrity';
import { mulberry32 } from '../helpers/random';

export interface CrashFigures {
  kills: number;
  targeted: number;
  random: number;
  finishedBeforeKill: number;
  corruptWorkspaces: number;
  lostCommittedEdits: number;
  disagreements: number;
  debris: number;
  seconds: number;
  problems: string[];
}

const OPS = [
  { op: 'case', column: 'name', mode: 'upper' },
  { op: 'case', column: 'name', mode: 'lower' },
  { op: 'trim', column: 'name' },
  { op: 'replace', column: 'city', find: 'Lund', replace: 'LUND' },
  { op: 'trim', column: 'city' },
  { op: 'castNumber', column: 'amount', locale: 'comma' },
];
const PHASES: Record<string, string[]> = {
  op: ['apply:begun', 'apply:data'],
  undo: ['undo:begun', 'undo:data'],
  redo: ['redo:begun', 'redo:data'],
  import: ['import:renamed'],
  export: [],
};

function run(args: string[], env: Record<string, string>, killAfterMs: number | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = killAfterMs === null ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

function writeSource(file: string, rows: number, seed: number): void {
  const rnd = mulberry32(seed);
  const lines = ['id,name,city,amount'];
  for (let i = 1; i <= rows; i++) lines.push(`${i}, Person ${Math.floor(rnd() * 1e6)} ,${rnd() < 0.5 ? 'Lund' : ' Malmö '},"${Math.floor(rnd() * 1e4)},${i % 100}"`);
  writeFileSync(file, lines.join('\n') + '\n');
}

/** Runs the harness until `kills` processes were killed; returns its figures. */
export async function runCrashHarness(opts: { kills: number; seed?: number; log?: (s: string) => void }): Promise<CrashFigures> {
  ensureBuilt();
  const started = Date.now();
  const rnd = mulberry32(opts.seed ?? 1);
  const log = opts.log ?? (() => {});
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-crash-'));
  const f: CrashFigures = { kills: 0, targeted: 0, random: 0, finishedBeforeKill: 0, corruptWorkspaces: 0, lostCommittedEdits: 0, disagreements: 0, debris: 0, seconds: 0, problems: [] };
  const problem = (kind: 'corruptWorkspaces' | 'lostCommittedEdits' | 'disagreements' | 'debris', s: string) => {
    f[kind]++;
    f.problems.push(`${kind}: ${s}`);
    log(`  PROBLEM ${kind}: ${s}`);
  };
  try {
    const dir = path.join(tmp, 'ws');
    const source = path.join(tmp, 'people.csv');
    const big = path.join(tmp, 'big.csv');
    writeSource(source, 2_000, 7);
    writeSource(big, 150_000, 8);
    const setup = Workspace.open(dir);
    await importFile(setup, source, { name: 'p' }, quietContext);
    const original: Snapshot = snapshot(setup, 'p');
    setup.close();
    // This process keeps the workspace open throughout, as serve or the app would.
    const other = Workspace.open(dir);
    let committed = listHistory(other, 'p').filter((e) => e.state === 'done').map((e) => e.seq);
    let n = 0;
    try {
      while (f.kills < opts.kills) {
        n++;
        const action = (['op', 'op', 'undo', 'redo', 'import', 'export'] as const)[Math.floor(rnd() * 6)]!;
        const phases = PHASES[action]!;
        const targeted = phases.length > 0 && rnd() < 0.5;
        const env: Record<string, string> = targeted ? { TIDYSET_TEST_KILL_AT: phases[Math.floor(rnd() * phases.length)]! } : {};
        const args =
          action === 'op' ? ['op', 'p', JSON.stringify(OPS[Math.floor(rnd() * OPS.length)])]
          : action === 'import' ? ['import', big, '--name', `imp${n}`]
          : action === 'export' ? ['export', 'p', '--out', path.join(tmp, `out${n}`)]
          : [action, 'p'];
        const r = await run([...args, '--workspace', dir], env, targeted ? null : 100 + Math.floor(rnd() * 900));
        const killed = r.signal === 'SIGKILL';
        log(`${n}: ${args[0]} ${targeted ? `at ${env.TIDYSET_TEST_KILL_AT}` : 'random'} → ${killed ? 'killed' : `exit ${r.code}`}`);
        if (killed) {
          f.kills++;
          if (targeted) f.targeted++;
          else f.random++;
        } else if (r.code === 0) f.finishedBeforeKill++;
        else if (!/nothing to|DATASET_BUSY/.test(r.stderr) && r.code !== 1) problem('corruptWorkspaces', `${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);

        // The other process writes next: its lease recovers whatever the kill left, before its own step.
        let undos = action === 'undo' ? 1 : 0;
        try {
          if (rnd() < 0.5) applyOp(other, 'p', OPS[Math.floor(rnd() * OPS.length)]);
          else if (rnd() < 0.5) undos += undo(other, 'p') ? 1 : 0;
          else redo(other, 'p');
        } catch (e) {
          problem('corruptWorkspaces', `the other process could not write after ${args[0]}: ${(e as Error).message}`);
        }
        // Checks: integrity, half steps, data against a replay of the history.
        try {
          await assertAgrees(dir, 'p', source);
        } catch (e) {
          const m = (e as Error).message;
          problem(/integrity_check|SQLITE_CORRUPT|malformed/i.test(m) ? 'corruptWorkspaces' : 'disagreements', `after ${args.join(' ')}: ${m.split('\n')[0]}`);
        }
        // Committed edits: every step that was done before stays done, but for the ones this round undid.
        const now = listHistory(other, 'p').filter((e) => e.state === 'done').map((e) => e.seq);
        const lost = committed.filter((s) => !now.includes(s));
        if (lost.length > undos) problem('lostCommittedEdits', `steps ${lost.join(', ')} vanished after ${args.join(' ')}`);
        committed = now;
        // Debris: dataset files in data/ are exactly the catalog's (temp and orphan files are cleared on open).
        const reopened = Workspace.open(dir);
        try {
          const known = new Set(reopened.datasets.list().map((d) => d.file));
          const extra = readdirSync(reopened.dataDir).filter((x) => !known.has(x.replace(/-(wal|shm)$/, '')));
          if (extra.length) problem('debris', `left in data/ after ${args.join(' ')}: ${extra.join(', ')}`);
          for (const d of reopened.datasets.list()) if (d.name.startsWith('imp')) {
            // Keep the workspace small: completed imports are dropped again.
            reopened.datasets.remove(d.id);
            for (const x of [reopened.dataPath(d.file), `${reopened.dataPath(d.file)}-wal`, `${reopened.dataPath(d.file)}-shm`]) rmSync(x, { force: true });
          }
        } finally {
          reopened.close();
        }
      }
      // Finally: undo everything gives the import back exactly.
      while (undo(other, 'p')) { /* all the way */ }
      const back = snapshot(other, 'p');
      if (JSON.stringify(back) !== JSON.stringify(original)) problem('disagreements', 'undoing every step did not give back the imported data exactly');
    } finally {
      other.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    f.seconds = (Date.now() - started) / 1000;
  }
  return f;
}

if (require.main === module) {
  const arg = (name: string, dflt: number) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : dflt;
  };
  runCrashHarness({ kills: arg('--kills', 20), seed: arg('--seed', 1), log: (s) => process.stderr.write(s + '\n') }).then((f) => {
    const { problems, ...figures } = f;
    process.stdout.write(JSON.stringify(figures) + '\n');
    if (problems.length) process.exit(1);
  });
}
