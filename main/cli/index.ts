// The `tidyset` command: scan, import, delete, datasets, show, rejects, export — headless faces of the engine.
import { Command, Option } from 'commander';
import path from 'node:path';
import { TidysetError, fileSystemError, isUserError } from '../core/errors';
import { startKindJob, type JobKind, type JobParams, type JobResult, type KindJob } from '../core/jobs/kinds';
import { readRejects, readRows } from '../core/rows/datasetDb';
import { APP_VERSION } from '../core/version';
import { Workspace, defaultWorkspaceDir } from '../core/workspace';
import { recoverAbandoned } from '../core/clean/writer';
import { ProgressView, formatBytes, textTable, visible } from './output';
import { registerAppCommands } from './app';
import { awaitJob } from './jobProgress';
import { registerCatalogCommands } from './catalog';
import { registerCleanCommands } from './clean';
import { registerEraseCommands } from './erase';
import { registerSplitCommands } from './split';
import { registerProtectCommands } from './protect';
import { registerDetectCommands } from './detect';
import { registerClusterCommand } from './cluster';
import { registerDedupeCommands } from './dedupe';
import { registerProfileCommands } from './profile';

interface Common {
  workspace?: string;
  json?: boolean;
}

const program = new Command();
program
  .name('tidyset')
  .description('Curate tabular training data offline: catalog, import, clean, deduplicate, protect personal data, profile, and export leakage-free splits.')
  .version(APP_VERSION)
  .showHelpAfterError();

function common(cmd: Command): Command {
  return cmd
    .option('-w, --workspace <dir>', 'workspace folder (default: $TIDYSET_WORKSPACE or the user-data folder)')
    .option('--json', 'machine-readable JSON on stdout');
}

function workspaceDir(o: Common): string {
  return o.workspace ? path.resolve(o.workspace) : defaultWorkspaceDir();
}

function withWorkspace<T>(o: Common, fn: (ws: Workspace) => T): T {
  const ws = Workspace.open(workspaceDir(o));
  try {
    recoverAbandoned(ws);
    return fn(ws);
  } finally {
    ws.close();
  }
}

function print(o: Common, json: unknown, text: () => string): void {
  process.stdout.write(o.json ? JSON.stringify(json) + '\n' : visible(text(), true) + '\n');
}

/** Runs a job in a worker with a progress view; Ctrl-C cancels it cleanly. */
async function runJob<K extends JobKind>(o: Common, kind: K, params: JobParams<K>, label: string, unit: 'bytes' | 'items' = 'bytes'): Promise<JobResult<K>> {
  const job: KindJob<K> = startKindJob(kind, params, workspaceDir(o), label);
  const view = new ProgressView(label, process.stderr, !o.json || process.stderr.isTTY === true);
  job.on('progress', (i) => view.update(i.done, i.total, i.message, unit));
  return awaitJob(job, label, view, 'cancelling…');
}

common(program.command('scan'))
  .description('find data files below a folder, sniff format/encoding/delimiter/header, hash them, and record them in the catalog')
  .argument('<folder>', 'folder (or file) to scan')
  .option('--hidden', 'also look into hidden files and folders')
  .action(async (folder: string, o: Common & { hidden?: boolean }) => {
    const r = await runJob(o, 'scan', { root: path.resolve(folder), options: { includeHidden: o.hidden ?? false } }, 'scan');
    const files = r.files.map((f) => ({
      path: f.path, format: f.format, encoding: f.encoding, bom: f.bom, delimiter: f.delimiter, quote: f.quote,
      header: f.header, size: f.size, lines: f.lineCount, sha256: f.sha256, status: f.status, reason: f.error, notes: f.notes,
      duplicateOf: f.duplicateOf === null ? null : (r.files.find((d) => d.id === f.duplicateOf)?.path ?? null),
    }));
    print(o, { root: r.root, counts: r.counts, files }, () => {
      const c = r.counts;
      const rows = files.map((f) => [
        path.relative(r.root, f.path) || path.basename(f.path), f.format === 'csv' && f.delimiter === '\t' ? 'tsv' : f.format, f.encoding ?? '', showDelimiter(f.delimiter),
        f.header === null ? '' : f.header ? 'yes' : 'no', formatBytes(f.size),
        f.duplicateOf ? `duplicate of ${path.relative(r.root, f.duplicateOf) || f.duplicateOf}` : f.status === 'ok' ? 'importable' : `${f.status}: ${f.reason ?? ''}`,
      ]);
      const notes = files.flatMap((f) => f.notes.map((n) => `\nnote: ${path.relative(r.root, f.path) || path.basename(f.path)}: ${n}`));
      return `${textTable(['file', 'format', 'encoding', 'delim', 'header', 'size', 'status'], rows, 60)}\n${notes.join('')}\n` +
        `${c.found} files: ${c.added} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} gone, ${c.duplicates} duplicates, ${c.unreadable} unreadable`;
    });
  });

registerCatalogCommands(program, {
  common, withWorkspace, print, datasetJson,
  runImport: async (o, file, options, label) => {
    const r = await runJob(o, 'import', { file, options }, label);
    // As in the app, personal-data detection follows the import (its own job; the import is already kept).
    await runJob(o, 'detect', { dataset: r.dataset.name }, 'detect', 'items');
    return r;
  },
});

common(program.command('datasets'))
  .description('list the datasets with rows, columns, source file and hash')
  .action((o: Common) => {
    withWorkspace(o, (ws) => {
      const list = ws.datasets.list();
      print(o, { datasets: list.map(datasetJson) }, () =>
        list.length === 0
          ? 'no datasets yet — import one with: tidyset import FILE'
          : textTable(['name', 'rows', 'cols', 'rejects', 'source', 'sha256'],
              list.map((d) => [d.name, d.rows, d.columns.length, d.rejects, d.source.path ?? '', (d.source.sha256 ?? '').slice(0, 12)]), 60),
      );
    });
  });

common(program.command('show'))
  .description('print rows of a dataset as a table')
  .argument('<dataset>', 'dataset name')
  .option('--limit <n>', 'rows to show', '20')
  .option('--offset <n>', 'rows to skip', '0')
  .action((name: string, o: Common & { limit: string; offset: string }) => {
    withWorkspace(o, (ws) => {
      const ds = ws.datasets.get(name);
      const slice = readRows(ws, ds, count(o.offset, '--offset'), count(o.limit, '--limit'));
      print(o, slice, () => `${textTable(slice.columns, slice.rows)}\n(${slice.rows.length} of ${ds.rows} rows)`);
    });
  });

common(program.command('rejects'))
  .description('list the malformed lines an import kept aside (--on-error skip)')
  .argument('<dataset>', 'dataset name')
  .option('--limit <n>', 'rejects to show', '50')
  .option('--offset <n>', 'rejects to skip', '0')
  .action((name: string, o: Common & { limit: string; offset: string }) => {
    withWorkspace(o, (ws) => {
      const ds = ws.datasets.get(name);
      const r = readRejects(ws, ds, count(o.offset, '--offset'), count(o.limit, '--limit'));
      print(o, r, () =>
        r.total === 0 ? `dataset "${ds.name}" has no rejected lines` :
          `${textTable(['line', 'reason', 'raw'], r.rejects.map((x) => [x.line, x.reason, x.raw]), 70)}\n(${r.rejects.length} of ${r.total} rejects)`);
    });
  });

common(program.command('export'))
  .description('export a dataset to CSV, typed JSON Lines or Parquet with a manifest.json, applying the personal-data actions (data files and manifest written as a unit)')
  .argument('<dataset>', 'dataset name')
  .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl', 'parquet']).default('csv'))
  .requiredOption('-o, --out <dir>', 'output folder')
  .option('--columns <names>', 'columns to write, comma-separated, in this order (repeatable; default all)', (v: string, prev: string[] = []) => [...prev, ...v.split(',')])
  .option('--force', 'overwrite this dataset\'s earlier output')
  .option('--allow-direct', 'write columns tagged as direct identifiers whose action is keep (refused otherwise)')
  .action(async (name: string, o: Common & { format: 'csv' | 'jsonl' | 'parquet'; out: string; columns?: string[]; force?: boolean; allowDirect?: boolean }) => {
    const params = { dataset: name, format: o.format, outDir: path.resolve(o.out), force: o.force ?? false, columns: o.columns, allowDirect: o.allowDirect ?? false };
    const r = await runJob(o, 'export', params, 'export', 'items');
    print(o, r, () => [
      ...r.files.map((f) => {
        const misfits = Object.entries(f.misfits ?? {}).filter(([, n]) => n > 0).map(([c, n]) => `${c}: ${n}`);
        return `wrote ${f.path} (${f.rows} rows, ${formatBytes(f.bytes)}, sha256 ${f.sha256.slice(0, 12)}…)${misfits.length ? `; written as text, not fitting the column type: ${misfits.join(', ')}` : ''}`;
      }),
      `wrote ${r.manifest}`,
    ].join('\n'));
  });

registerAppCommands(program, common, workspaceDir);
registerCleanCommands(program, { common, withWorkspace, print, workspaceDir });
registerEraseCommands(program, { common, withWorkspace, print, workspaceDir });
registerSplitCommands(program, { common, withWorkspace, print, workspaceDir, runSplit: (o, params) => runJob(o, 'split', params, 'split', 'items') });
registerProtectCommands(program, { common, withWorkspace, print });
registerDetectCommands(program, { common, withWorkspace, print });
registerClusterCommand(program, { common, withWorkspace, print, workspaceDir });
registerDedupeCommands(program, { common, withWorkspace, print, workspaceDir });
registerProfileCommands(program, { common, withWorkspace, print, workspaceDir });


function datasetJson(d: ReturnType<Workspace['datasets']['get']>) {
  return {
    id: d.id, name: d.name, rows: d.rows, rejects: d.rejects,
    columns: d.columns.map((c) => ({ name: c.name, type: c.type })),
    source: { path: d.source.path, sha256: d.source.sha256, encoding: d.source.encoding, delimiter: d.source.delimiter },
    createdAt: d.createdAt, importMs: d.importMs,
  };
}

function showDelimiter(d: string | null): string {
  if (d === null) return '';
  return d === '\t' ? 'tab' : d === ' ' ? 'space' : d;
}

function count(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new TidysetError('BAD_INPUT', `${flag} must be a whole number ≥ 0, got ${JSON.stringify(v)}`);
  return n;
}

program.parseAsync(process.argv).catch((raw: unknown) => {
  const e = fileSystemError(raw) ?? raw;
  const json = process.argv.includes('--json');
  if (e instanceof TidysetError && e.code === 'CANCELLED') {
    process.stderr.write('tidyset: cancelled; nothing was kept\n');
    process.exit(130);
  }
  const user = isUserError(e);
  const message = e instanceof Error ? e.message : String(e);
  if (json) process.stdout.write(JSON.stringify({ error: { code: e instanceof TidysetError ? e.code : 'INTERNAL', message } }) + '\n');
  process.stderr.write(`tidyset: ${visible(user ? message : `internal error: ${e instanceof Error ? (e.stack ?? message) : message}`, true)}\n`);
  if (e instanceof TidysetError && e.code === 'MALFORMED_FILE' && e.position?.line !== undefined && process.argv.includes('import') && !process.argv.includes('skip')) {
    process.stderr.write(`hint: --on-error skip imports the other lines and keeps the bad ones aside (tidyset rejects DATASET)${/UTF-8/.test(message) ? '; --encoding windows-1252 reads the file as Windows-1252' : ''}\n`);
  }
  process.exit(user ? 1 : 2);
});
