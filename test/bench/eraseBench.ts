// Erasure benchmark: one data subject erased from 3 datasets of the bench's rows each (search of every
// column in every form, the history step, the purge of undo data, the physical wipe and the byte check),
// against the sqlite3 shell deleting the same rows by one known column and VACUUMing the same files.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { applyOp } from '../../main/core/clean/engine';
import { openDb } from '../../main/core/db/open';
import { importFile } from '../../main/core/ingest/importFile';
import { quietContext } from '../../main/core/jobs/context';
import { eraseSubject } from '../../main/core/protect/erase/erase';
import { searchSubject } from '../../main/core/protect/erase/search';
import { Workspace } from '../../main/core/workspace';
import { ensureInput } from './importBench';
import { type BenchContext, type SectionReport, fmt, machineLine, markdownTable, measure, textTable, loadLine } from './lib';

const NAMES = ['erase_a', 'erase_b', 'erase_c'];

function seconds<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const v = fn();
  return [(performance.now() - t) / 1000, v];
}

/** The email of a row of the first dataset: a subject present in all three (the same file, imported thrice). */
function subjectOf(ws: Workspace, rid: number): { value: string; physical: string } {
  const ds = ws.datasets.get(NAMES[0]!);
  const c = ds.columns.find((x) => x.name === 'email')!;
  const db = openDb(ws.dataPath(ds.file), { readonly: true });
  try {
    return { value: db.prepare(`SELECT ${c.physical} FROM rows WHERE _rid = ?`).pluck().get(rid) as string, physical: c.physical };
  } finally {
    db.close();
  }
}

export async function runEraseBench(ctx: BenchContext): Promise<SectionReport> {
  const input = await ensureInput(ctx.benchDir, ctx.rows);
  const dir = mkdtempSync(path.join(ctx.benchDir, 'erase-'));
  const ws = Workspace.open(path.join(dir, 'ws'));
  try {
    for (const name of NAMES) await importFile(ws, input.path, { name }, quietContext);
    const subject = subjectOf(ws, 777);
    // The anchor's copies of the same files, taken before anything is erased.
    const anchorFiles = NAMES.map((n, i) => {
      const ds = ws.datasets.get(n);
      const db = openDb(ws.dataPath(ds.file));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const copy = path.join(dir, `anchor-${i}.sqlite`);
      copyFileSync(ws.dataPath(ds.file), copy);
      return copy;
    });
    const [searchS, found] = seconds(() => searchSubject(ws, { value: subject.value, offset: 0, limit: 20 }));
    const [eraseS, r] = seconds(() => eraseSubject(ws, { value: subject.value, datasets: [], reason: 'bench', blank: false }));
    // The anchor: the sqlite3 shell deletes by the one column it is told (no trim, no other forms, no
    // other columns, no history, no undo purge, no byte check) and VACUUMs each file.
    let anchorS = 0;
    const literal = subject.value.replace(/'/g, "''");
    for (const f of anchorFiles) {
      const m = await measure('sqlite3', [f, `PRAGMA secure_delete = ON; DELETE FROM rows WHERE ${subject.physical} = '${literal}'; VACUUM;`]);
      if (m.exitCode !== 0) throw new Error(`sqlite3 failed: ${m.stderr}`);
      anchorS += m.seconds;
    }
    // A file with an earlier history step on it is rewritten by VACUUM (no in-place wipe): the slower path.
    applyOp(ws, NAMES[0]!, { op: 'editCell', column: 'city', rid: 5, value: 'Edited' });
    const second = subjectOf(ws, 4242);
    const [vacuumS, r2] = seconds(() => eraseSubject(ws, { value: second.value, datasets: [], reason: 'bench', blank: false }));
    const rowsOf = (x: typeof r) => x.datasets.reduce((n, d) => n + d.rows, 0);
    const rows = [
      ['search only (the screen\'s search: every column, every form)', fmt(found.datasets.reduce((n, d) => n + d.rows, 0)), fmt(searchS, 2), '', ''],
      ['erase, files untouched since import (secure_delete wipe)', fmt(rowsOf(r)), fmt(eraseS, 2), fmt(anchorS, 2), `${fmt(eraseS / anchorS, 2)}x`],
      ['erase, one file with an earlier step (VACUUM of that file)', fmt(rowsOf(r2)), fmt(vacuumS, 2), '', ''],
    ];
    const headers = ['3 datasets × ' + fmt(ctx.rows) + ' rows', 'rows erased', 'Tidyset s', 'sqlite3 DELETE + VACUUM s', 'Tidyset / sqlite3'];
    const notes = [
      `Phases (search and plan / history steps / physical purge and byte check): first erase ${[r.phases.search, r.phases.erase, r.phases.purge].map((x) => fmt(x / 1000, 2)).join(' / ')} s; second ${[r2.phases.search, r2.phases.erase, r2.phases.purge].map((x) => fmt(x / 1000, 2)).join(' / ')} s.`,
      `Target < 10 s for one subject across 3 datasets including the physical purge: ${eraseS < 10 ? 'met' : 'not met'} (${fmt(eraseS, 2)} s); verified by reading every file: ${r.purge.verified ? 'yes' : 'no'}, VACUUMed: ${r.purge.vacuumed.join(', ') || 'none'}; second run VACUUMed: ${r2.purge.vacuumed.join(', ') || 'none'}.`,
      'The sqlite3 anchor is told the column and the exact value; Tidyset searches every column in every form (trimmed; ids also without spaces and dashes), records the history step and the audit entry, purges undo data, and reads every file of the workspace afterwards to check the value is gone.',
      `Measured with ${loadLine()}.`,
    ];
    return {
      json: { rows, notes, erase: r.datasets, vacuumPath: r2.datasets },
      text: [`Erasure — ${fmt(ctx.rows)} rows × 3 datasets`, '', textTable(headers, rows), '', ...notes].join('\n'),
      markdown: [`### Erasure of one data subject — ${ctx.machine.date.slice(0, 10)}`, '', `Machine: ${machineLine(ctx.machine)}.`, '', markdownTable(headers, rows), '', ...notes.map((x) => `- ${x}`)].join('\n'),
    };
  } finally {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
