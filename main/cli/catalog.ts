// CLI commands that add and remove datasets: `import FILE...` (one batch, unique names) and `delete DATASET`.
import { Option, type Command } from 'commander';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { planBatchNames } from '../core/catalog/batchNames';
import { deleteDataset, deleteImpact } from '../core/catalog/deleteDataset';
import { TidysetError } from '../core/errors';
import type { ImportOptions, ImportResult } from '../core/ingest/importFile';
import type { StoredDataset } from '../core/db/repos/datasets';
import type { Workspace } from '../core/workspace';

type Common = { workspace?: string; json?: boolean };

export interface CatalogKit<O> {
  common: (cmd: Command) => Command;
  withWorkspace: <T>(o: O, fn: (ws: Workspace) => T) => T;
  print: (o: O, json: unknown, text: () => string) => void;
  /** Runs one import in a worker with a progress view (Ctrl-C cancels it). */
  runImport: (o: O, file: string, options: ImportOptions, label: string) => Promise<ImportResult>;
  datasetJson: (d: StoredDataset) => unknown;
}

type ImportFlags = {
  name?: string; format?: 'csv' | 'jsonl' | 'json' | 'parquet' | 'xlsx' | 'sqlite'; sheet?: string; table?: string; encoding?: 'utf-8'; delimiter?: string; quote?: string; header?: boolean; onError: 'stop' | 'skip';
  maxFieldBytes?: number; maxRecordBytes?: number;
};

function parseDelimiter(v: string): string {
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ' };
  const d = named[v.toLowerCase()] ?? v;
  if ([...d].length !== 1) throw new TidysetError('BAD_INPUT', `--delimiter must be one character (or tab, comma, semicolon, pipe, space), got ${JSON.stringify(v)}`);
  return d;
}

/** A byte count: digits, optionally with a K, M or G (binary) suffix. */
function parseBytes(v: string): number {
  const m = /^(\d+)\s*([kmg]i?b?)?$/i.exec(v.trim());
  if (!m) throw new TidysetError('BAD_INPUT', `expected a number of bytes (like 1048576 or 64M), got ${JSON.stringify(v)}`);
  const unit = (m[2] ?? '').charAt(0).toLowerCase();
  return Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1);
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Adds import and delete to the program. */
export function registerCatalogCommands<O extends Common>(program: Command, kit: CatalogKit<O>): void {
  const { common, withWorkspace, print, runImport, datasetJson } = kit;

  common(program.command('import'))
    .description('import CSV/TSV/JSONL/JSON, Parquet (a file or a folder of part files), XLSX and SQLite files as new datasets (streamed, lossless, atomic); several files are one batch with unique names')
    .argument('<file...>', 'files to import')
    .option('--sheet <sheet>', 'XLSX: the sheet, by name or number (default the first)')
    .option('--table <table>', 'SQLite: the table or view (default the only one)')
    .option('-n, --name <name>', 'dataset name (one file only; default: the file name, made unique)')
    .addOption(new Option('--format <format>', 'override the detected format').choices(['csv', 'jsonl', 'json', 'parquet', 'xlsx', 'sqlite']))
    .addOption(new Option('--encoding <encoding>', 'override the detected encoding').choices(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']))
    .option('--delimiter <char>', 'override the detected delimiter (a character, or tab/comma/semicolon/pipe)')
    .option('--quote <char>', "override the quote character ('none' for no quoting)")
    .option('--header', 'the first line is a header')
    .option('--no-header', 'the first line is data')
    .addOption(new Option('--on-error <mode>', 'stop at the first malformed line, or skip it and keep it as a reject').choices(['stop', 'skip']).default('stop'))
    .option('--max-field-bytes <n>', 'longest field accepted, in bytes (default 134217728); longer is a malformed line', parseBytes)
    .option('--max-record-bytes <n>', 'longest record accepted, in bytes (default 268435456); longer is a malformed line', parseBytes)
    .action(async (files: string[], o: O & ImportFlags) => {
      if (o.name !== undefined && files.length > 1) {
        throw new TidysetError('BAD_INPUT', `--name names one dataset, but ${files.length} files were given; import them without --name (each is named after its file, made unique) or one at a time`);
      }
      const options = {
        format: o.format, encoding: o.encoding, onError: o.onError, sheet: o.sheet, table: o.table,
        maxFieldBytes: o.maxFieldBytes, maxRecordBytes: o.maxRecordBytes,
        delimiter: o.delimiter === undefined ? undefined : parseDelimiter(o.delimiter),
        quote: o.quote === undefined ? undefined : o.quote === 'none' ? null : o.quote,
        header: o.header,
      };
      const abs = files.map((f) => path.resolve(f));
      const names = withWorkspace(o, (ws) => planBatchNames(abs.map((p) => ({ path: p, name: o.name })), (n) => ws.datasets.find(n) !== undefined));
      if (abs.length === 1) {
        const r = await runImport(o, abs[0]!, { ...options, name: o.name ?? names[0] }, 'import');
        const d = r.dataset;
        print(o, { dataset: datasetJson(d), warnings: r.warnings }, () =>
          [`imported ${d.rows} rows × ${d.columns.length} columns into dataset "${d.name}" in ${((d.importMs ?? 0) / 1000).toFixed(1)} s`,
            ...r.warnings.map((w) => `note: ${w}`)].join('\n'));
        return;
      }
      // A batch: every file is tried; one that fails is reported by name and leaves nothing behind.
      const results: Array<{ file: string; dataset?: unknown; warnings?: string[]; error?: { code: string; message: string } }> = [];
      const lines: string[] = [];
      for (const [i, file] of abs.entries()) {
        try {
          const r = await runImport(o, file, { ...options, name: names[i] }, `import ${path.basename(file)} (${i + 1}/${abs.length})`);
          results.push({ file, dataset: datasetJson(r.dataset), warnings: r.warnings });
          lines.push(`${file}: imported ${r.dataset.rows} rows × ${r.dataset.columns.length} columns into dataset "${r.dataset.name}"`, ...r.warnings.map((w) => `  note: ${w}`));
        } catch (e) {
          if (e instanceof TidysetError && e.code === 'CANCELLED') throw e;
          const code = e instanceof TidysetError ? e.code : 'INTERNAL';
          const message = e instanceof Error ? e.message : String(e);
          results.push({ file, error: { code, message } });
          lines.push(`${file}: failed, nothing imported: ${message}`);
        }
      }
      const failed = results.filter((r) => r.error).length;
      if (o.onError === 'stop' && results.some((r) => r.error?.code === 'MALFORMED_FILE')) {
        lines.push('hint: --on-error skip imports the other lines and keeps the bad ones aside (tidyset rejects DATASET)');
      }
      print(o, { imports: results }, () => [...lines, `${abs.length - failed} of ${abs.length} files imported${failed ? `, ${failed} failed` : ''}`].join('\n'));
      if (failed) process.exitCode = results.some((r) => r.error && r.error.code === 'INTERNAL') ? 2 : 1;
    });

  common(program.command('delete'))
    .description('delete a dataset: its rows, columns and history (the source file is not touched)')
    .argument('<dataset>', 'dataset name')
    .option('-y, --yes', 'do not ask for confirmation (needed without a terminal)')
    .action(async (name: string, o: O & { yes?: boolean }) => {
      const impact = withWorkspace(o, (ws) => deleteImpact(ws, ws.datasets.get(name)));
      const what = `dataset "${impact.name}": ${plural(impact.rows, 'row')} × ${plural(impact.columns, 'column')}, ${plural(impact.historySteps, 'history step')}`;
      if (!o.yes) {
        if (!process.stdin.isTTY) {
          throw new TidysetError('BAD_INPUT', `not deleting ${what} without confirmation: pass --yes to delete it without a terminal`);
        }
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        const answer = await rl.question(`Delete ${what}? This cannot be undone. [y/N] `);
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) {
          process.stderr.write('not deleted\n');
          process.exitCode = 1;
          return;
        }
      }
      withWorkspace(o, (ws) => deleteDataset(ws, ws.datasets.get(name)));
      print(o, { deleted: impact }, () => `deleted ${what}`);
    });
}
