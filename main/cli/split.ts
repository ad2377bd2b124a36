// CLI commands of splits: `tidyset split` (write a leakage-checked split with a manifest and a
// datasheet), `tidyset leakage A B` and `tidyset verify DIR/manifest.json [--rebuild]`.
import { Option, type Command } from 'commander';
import path from 'node:path';
import type { LeakageReport, SplitJobIn } from '../../shared/api/split';
import { TidysetError } from '../core/errors';
import type { SplitResult } from '../core/split/splitDataset';
import { datasetLeakage } from '../core/split/datasetLeakage';
import { parseParts } from '../core/split/shares';
import { verifySplit } from '../core/split/verify';
import type { CliKit } from './clean';
import { formatBytes } from './output';

type Common = { workspace?: string; json?: boolean };

interface SplitFlags extends Common {
  parts?: string; seed: string; stratify?: string; group?: string; time?: string; gap?: string; folds?: string;
  format: 'csv' | 'jsonl' | 'parquet'; out: string; force?: boolean; allowDirect?: boolean;
}

function whole(v: string, flag: string, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n > max) throw new TidysetError('BAD_INPUT', `${flag} must be a whole number from 0 to ${max}, got ${JSON.stringify(v)}`);
  return n;
}

/** The leakage report in a few lines. */
export function leakageText(r: LeakageReport): string {
  const pairs = (ps: Array<{ parts: [string, string]; rows: number }>) => (ps.length ? ` (${ps.map((p) => `${p.parts[0]} → ${p.parts[1]}: ${p.rows}`).join(', ')})` : '');
  const lines = [r.clean ? 'leakage: none found' : 'LEAKAGE FOUND:'];
  lines.push(`  exact duplicate rows across parts: ${r.exactDuplicates.rows}${pairs(r.exactDuplicates.pairs)}`);
  if (r.nearDuplicates) lines.push(`  near-duplicate rows (similarity ≥ ${r.nearDuplicates.threshold}): ${r.nearDuplicates.rows}${pairs(r.nearDuplicates.pairs)}`);
  if (r.groupOverlap) lines.push(`  groups of ${r.groupOverlap.column} in more than one part: ${r.groupOverlap.groups} (${r.groupOverlap.rows} rows)`);
  if (r.timeOverlap) lines.push(`  rows of ${r.timeOverlap.column} not after an earlier part: ${r.timeOverlap.rows}`);
  return lines.join('\n');
}

export function registerSplitCommands(program: Command, kit: CliKit<Common> & { runSplit: (o: Common, params: SplitJobIn) => Promise<SplitResult> }): void {
  kit.common(program.command('split'))
    .description('split a dataset into parts (random, stratified, grouped or chronological), check leakage, and write the parts with manifest.json and DATASHEET.md')
    .argument('<dataset>', 'dataset name')
    .option('--parts <shares>', 'named parts with percent shares (train=80,val=10,test=10) or row counts (train=*,test=1000)')
    .option('--seed <n>', 'random seed', '42')
    .option('--stratify <column>', 'keep every class of this column at its share in every part')
    .option('--group <column>', 'keep every value of this column in one part (cluster_id: the duplicate clusters)')
    .option('--time <column>', 'split chronologically by this date/time column')
    .option('--gap <duration>', 'leave out rows less than this after each cut-off (7d, 12h, 30m, 2w)')
    .option('--folds <k>', 'k folds (fold-1 … fold-k) instead of named parts')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl', 'parquet']).default('csv'))
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('--force', 'replace the split in an output folder that holds files')
    .option('--allow-direct', 'write columns tagged as direct identifiers even when their action keeps them')
    .action(async (name: string, o: SplitFlags) => {
      if (o.parts !== undefined && o.folds !== undefined) throw new TidysetError('BAD_INPUT', 'give --parts or --folds, not both');
      const shares = o.parts !== undefined ? parseParts(o.parts) : null;
      const params: SplitJobIn = {
        dataset: name, parts: shares ? shares.parts : [{ name: 'train', share: 80 }, { name: 'val', share: 10 }, { name: 'test', share: 10 }],
        unit: shares?.unit ?? 'percent', folds: o.folds !== undefined ? whole(o.folds, '--folds', 32) : undefined, seed: whole(o.seed, '--seed', 4294967295),
        stratify: o.stratify, group: o.group, time: o.time, gap: o.gap,
        format: o.format, out: path.resolve(o.out), force: o.force ?? false, allowDirect: o.allowDirect ?? false,
      };
      const r = await kit.runSplit(o, params);
      kit.print(o, r.manifest, () => [
        ...r.manifest.parts.map((p) => `wrote ${path.join(r.dir, p.file)} (${p.rows} rows${p.groups !== null ? `, ${p.groups} groups` : ''}, ${formatBytes(p.bytes)}, sha256 ${p.sha256.slice(0, 12)}…)`),
        ...r.manifest.notes.map((n) => `note: ${n}`),
        leakageText(r.manifest.leakage),
        `wrote ${path.join(r.dir, 'DATASHEET.md')}`,
        `wrote ${path.join(r.dir, 'manifest.json')}`,
      ].join('\n'));
    });

  kit.common(program.command('leakage'))
    .description('check leakage between two datasets: exact and near-duplicate rows of B that are in A')
    .argument('<a>', 'the earlier dataset (train)')
    .argument('<b>', 'the later dataset (test)')
    .option('--columns <names>', 'columns to compare, comma-separated (default: the columns both have)', (v: string, prev: string[] = []) => [...prev, ...v.split(',')])
    .action((a: string, b: string, o: Common & { columns?: string[] }) => {
      kit.withWorkspace(o, (ws) => {
        const { report } = datasetLeakage(ws, a, b, o.columns);
        kit.print(o, report, () => `compared ${report.columns.length} columns: ${report.columns.join(', ')}\n${leakageText(report)}`);
      });
    });

  program.command('verify')
    .description('re-hash the files of a split against its manifest.json (exit 1 naming each file that differs or is missing)')
    .argument('<manifest>', 'DIR/manifest.json of a split')
    .option('--rebuild', 'also replay the recipe on the source files, split again and compare')
    .option('--json', 'machine-readable JSON on stdout')
    .action(async (file: string, o: { rebuild?: boolean; json?: boolean }) => {
      const r = await verifySplit(file, o.rebuild ?? false);
      const lines = r.files.map((f) => (f.status === 'ok' ? `ok       ${f.path}` : f.status === 'missing' ? `MISSING  ${f.path}` : `DIFFERS  ${f.path} (sha256 ${f.actual}, the manifest says ${f.expected})`));
      for (const f of r.rebuild?.files ?? []) if (f.status !== 'ok') lines.push(`REBUILD ${f.status === 'missing' ? 'MISSING' : 'DIFFERS'}  ${f.path}`);
      if (r.rebuild?.ok) lines.push('rebuild: the recipe replayed on the source files gives the same files');
      if (r.unlisted.length) lines.push(`not in the manifest (not checked): ${r.unlisted.join(', ')}`);
      lines.push(r.ok ? `verified ${r.files.length} files` : 'verification FAILED');
      process.stdout.write(o.json ? JSON.stringify(r) + '\n' : lines.join('\n') + '\n');
      if (!r.ok) process.exitCode = 1;
    });
}
