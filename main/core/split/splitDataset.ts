// Writes a split: every part as `<part>.<csv|jsonl|parquet>` with protection applied, the leakage
// check over the same pass, manifest.json and DATASHEET.md — staged and published as one unit
// (export/exportUnit.ts), so a failed, cancelled or killed split leaves nothing half-written.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { SplitJobIn, SplitSpec } from '../../../shared/api/split';
import { exportRecipe } from '../clean/recipes';
import { listHistory } from '../clean/engine';
import { TidysetError } from '../errors';
import { ExportUnit, TEMP_PREFIX } from '../export/exportUnit';
import { rowSource } from '../export/exportDataset';
import type { JobContext } from '../jobs/context';
import { openDataset } from '../rows/datasetDb';
import { APP_VERSION } from '../version';
import type { Workspace } from '../workspace';
import { renderDatasheet } from './datasheet';
import { CLUSTER_COLUMN, columnOf } from './keys';
import { LeakageCheck } from './leakage';
import { fetchRows } from './datasetLeakage';
import { DATASHEET, SPLIT_MANIFEST, SPLIT_MANIFEST_VERSION, readSplitManifest, type ListedFile, type SplitManifest } from './manifest';
import { planParquet } from './parquetPlan';
import { planSplit, showTime, type SplitPlan } from './plan';
import { protectionOf } from './protection';
import { recordExport } from '../protect/audit';
import { partDrift } from './partDrift';
import { EXCLUDED } from './strategies';
import { openSink, writeTextFile, type TableSink, type WrittenFile } from './writers';

export interface SplitResult {
  dir: string;
  manifest: SplitManifest;
}

/** Refuses (ALREADY_EXISTS) an output folder that holds anything, unless `force`. */
export function checkOutDir(dir: string, force: boolean): void {
  if (force || !existsSync(dir)) return;
  const entries = readdirSync(dir).filter((n) => !n.startsWith(TEMP_PREFIX) && n !== '.tidyset-export.lock');
  if (entries.length) throw new TidysetError('ALREADY_EXISTS', `${dir} already exists and holds ${entries.length} file${entries.length > 1 ? 's' : ''}; use --force to replace the split in it, or choose another folder`, { file: dir });
}

/** The leakage report with times shown as dates (or numbers), as the manifest and preview show them. */
function showLeakTimes(r: ReturnType<LeakageCheck['report']>['report'], numeric: boolean) {
  if (r.timeOverlap) r.timeOverlap.pairs = r.timeOverlap.pairs.map((p) => ({ ...p, latestEarlier: showTime(p.latestEarlier as number, numeric), earliestLater: showTime(p.earliestLater as number, numeric) }));
  return r;
}

/** A leakage check of a planned split's parts, over all the dataset's columns. */
function newCheck(plan: SplitPlan, spec: SplitSpec): LeakageCheck {
  return new LeakageCheck(plan.shares.parts.map((p) => p.name), plan.keys.n, {
    columns: plan.ds.columns.map((c) => c.name),
    groupColumn: plan.keys.groupOf ? spec.group : undefined,
    timeColumn: plan.keys.timeOf ? spec.time : undefined,
  });
}

const numericTime = (plan: SplitPlan, spec: SplitSpec) => spec.time !== undefined && ['integer', 'decimal'].includes(columnOf(plan.ds, spec.time, '--time').type);

/** The leakage between the parts of a split, without writing it (the dialog's leakage panel). */
export function splitLeakage(ws: Workspace, spec: SplitSpec) {
  const plan = planSplit(ws, spec);
  const check = newCheck(plan, spec);
  const db = openDataset(ws, plan.ds);
  try {
    const select = plan.ds.columns.length ? plan.ds.columns.map((c) => c.physical).join(', ') : 'NULL';
    let i = 0;
    for (const r of rowSource(db, select, { sql: '1', params: [] }, '_rid', false)) {
      const p = plan.assignment.part[i]!;
      if (p !== EXCLUDED) check.add(p, plan.keys.rids[i]!, r, plan.keys.groupOf ? plan.keys.groupOf[i]! : NaN, plan.keys.timeOf ? plan.keys.timeOf[i]! : NaN);
      i++;
    }
    const fetch = fetchRows(db, plan.ds.columns);
    const { report, rows } = check.report((_side, rids) => fetch(rids));
    return { report: showLeakTimes(report, numericTime(plan, spec)), rows };
  } finally {
    db.close();
  }
}

/** Splits a dataset into `opts.out` (see the module comment). */
export async function splitDataset(ws: Workspace, opts: SplitJobIn, ctx: JobContext): Promise<SplitResult> {
  const dir = path.resolve(opts.out);
  checkOutDir(dir, opts.force);
  const ds0 = ws.datasets.get(opts.dataset);
  const protection = protectionOf(ws, ds0, opts.allowDirect);
  const db = openDataset(ws, ds0);
  let unit: ExportUnit | null = null;
  const sinks: TableSink[] = [];
  try {
    const plan = planSplit(ws, opts, db);
    const { ds, keys, assignment } = plan;
    const ext = opts.format;
    const names = plan.shares.parts.map((p) => `${p.name}.${ext}`);
    const out = protection.columns.map((c) => ({ ...c }));
    let asText: Record<string, number> = {};
    if (ext === 'parquet') {
      const pq = planParquet(db, protection.sources, out.map((c) => c.name));
      out.forEach((c, i) => (c.parquet = pq.kinds[i]));
      asText = pq.asText;
    }
    unit = ExportUnit.begin(dir);
    checkOutDir(dir, opts.force); // again, under the folder lock
    const old = opts.force && existsSync(path.join(dir, SPLIT_MANIFEST)) ? safeOldFiles(path.join(dir, SPLIT_MANIFEST)) : [];
    for (const n of names) sinks.push(openSink(unit.staged(n), ext, out));
    const check = newCheck(plan, opts);
    const missing = new Float64Array(out.length);
    const select = ds.columns.length ? ds.columns.map((c) => c.physical).join(', ') : 'NULL';
    const total = keys.n;
    const step = Math.max(1, Math.floor(total / 200));
    let i = 0;
    for (const r of rowSource(db, select, { sql: '1', params: [] }, '_rid', false)) {
      const p = assignment.part[i]!;
      if (p !== EXCLUDED) {
        const row = protection.apply(r);
        sinks[p]!.write(row);
        for (let c = 0; c < row.length; c++) if (row[c] === null || row[c] === '') missing[c]!++;
        check.add(p, keys.rids[i]!, r, keys.groupOf ? keys.groupOf[i]! : NaN, keys.timeOf ? keys.timeOf[i]! : NaN);
      }
      if (++i % step === 0) {
        if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'split cancelled');
        ctx.progress(i, total, `${ds.name}: ${i} of ${total} rows`);
      }
    }
    const written: WrittenFile[] = sinks.map((s) => s.finish());
    sinks.length = 0;
    ctx.progress(total, total, `${ds.name}: checking leakage`);
    const fetch = fetchRows(db, ds.columns);
    const leakage = showLeakTimes(check.report((_side, rids) => fetch(rids)).report, numericTime(plan, opts));
    ctx.progress(total, total, `${ds.name}: comparing the parts' distributions`);
    const drift = partDrift(db, ds, assignment.part, plan.preview.parts.map((p) => ({ name: p.name, rows: p.rows })), ctx);
    const createdAt = new Date().toISOString();
    const recipe = { ...exportRecipe(ws, ds.name), createdAt };
    const parts = plan.preview.parts.map((p, k) => ({
      name: p.name, file: names[k]!, path: names[k]!, rows: p.rows, bytes: written[k]!.bytes, sha256: written[k]!.sha256,
      groups: p.groups, classBalance: p.classes, timeRange: p.timeRange,
    }));
    const body: Omit<SplitManifest, 'files' | 'createdAt'> = {
      app: 'tidyset', kind: 'split', manifestVersion: SPLIT_MANIFEST_VERSION, appVersion: APP_VERSION,
      dataset: { name: ds.name, rows: ds.rows, columns: ds.columns.map((c) => ({ name: c.name, type: c.type })) },
      sources: ds.source.path ? [{ path: ds.source.path, sha256: ds.source.sha256, size: ds.source.size, format: ds.source.format, encoding: ds.source.encoding, delimiter: ds.source.delimiter, quote: ds.source.quote, header: ds.source.header }] : [],
      recipe,
      dedupe: { clusterColumn: opts.group === CLUSTER_COLUMN ? CLUSTER_COLUMN : null, clustersComputed: keys.groupSource === 'clusters', groups: opts.group === CLUSTER_COLUMN ? (keys.groupCount ?? null) : null },
      protection: protection.report,
      split: {
        strategy: assignment.strategy, seed: opts.seed, prng: 'xoshiro128** seeded by splitmix32', unit: plan.shares.unit,
        shares: plan.shares.parts.map((p) => ({ part: p.name, share: p.share })), folds: opts.folds ?? null,
        stratify: opts.stratify ?? null, group: opts.group ?? null, time: opts.time ?? null, gap: opts.gap ?? null, format: ext,
        rowOrder: 'storage order (row id) within each part',
      },
      excluded: assignment.excluded, rareClasses: assignment.rareClasses, notes: plan.preview.notes,
      parts, asText, leakage, drift,
    };
    const sheet = renderDatasheet({ manifest: body, missing: Object.fromEntries(out.map((c, k) => [c.name, missing[k]!])), steps: listHistory(ws, ds.name).filter((e) => e.state === 'done').map((e) => e.description) });
    const sheetFile = writeTextFile(unit.staged(DATASHEET), sheet);
    const files: ListedFile[] = [...parts.map((p) => ({ path: p.file, bytes: p.bytes, sha256: p.sha256 })), { path: DATASHEET, ...sheetFile }];
    const manifest: SplitManifest = { ...body, createdAt, files } as SplitManifest;
    writeTextFile(unit.staged(SPLIT_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'split cancelled');
    const publish = [...names, DATASHEET, SPLIT_MANIFEST];
    unit.commit(publish, old.filter((f) => !publish.includes(f)));
    unit = null;
    // The export log lists the parts, so an erasure can name the splits that held its subject.
    for (const p of parts) recordExport(ws.catalog, { datasetId: ds.id, dataset: ds.name, format: ext, path: path.join(dir, p.file), rows: p.rows, sha256: p.sha256 });
    ctx.progress(total, total, `${ds.name}: done`);
    return { dir, manifest };
  } finally {
    for (const s of sinks) s.abort();
    unit?.abort();
    db.close();
  }
}

/** The files an earlier split in the folder wrote (to remove those this one does not write again). */
function safeOldFiles(file: string): string[] {
  try {
    return readSplitManifest(file).files.map((f) => f.path);
  } catch {
    return []; // not a split manifest: nothing of ours to remove
  }
}
