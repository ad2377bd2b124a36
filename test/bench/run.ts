// `npm run bench`: runs each benchmark section, prints figures and ratios, and saves results under .bench/.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatImportReport, runImportBench } from './importBench';
import { runGridBench } from './gridBench';
import { runOpsBench } from './opsBench';
import { runExportBench } from './exportBench';
import { runParquetBench } from './parquetBench';
import { runKanonBench } from './kanonBench';
import { runDetectBench } from './detectBench';
import { type BenchContext, type SectionReport, assertGnuTime, machineInfo, machineLine } from './lib';

/** A benchmark section; later ones (grid paging, column operations) are added to SECTIONS. */
interface Section {
  name: string;
  run(ctx: BenchContext): Promise<SectionReport>;
}

const SECTIONS: Section[] = [
  { name: 'import', run: async (ctx) => formatImportReport(await runImportBench(ctx)) },
  { name: 'grid', run: runGridBench },
  { name: 'ops', run: runOpsBench },
  { name: 'export', run: runExportBench },
  { name: 'parquet', run: runParquetBench },
  { name: 'kanon', run: runKanonBench },
  { name: 'detect', run: runDetectBench },
];

const USAGE = `usage: npm run bench -- [--rows N] [--reps N] [--section NAME]
  --rows N        data rows in the generated CSV (default 1,000,000)
  --reps N        repetitions per contender; the median is reported (default 3)
  --section NAME  run only this section (${SECTIONS.map((s) => s.name).join(', ')})`;

/** A bad command line: reported without a stack trace. */
class UsageError extends Error {}

interface Options {
  rows: number;
  reps: number;
  sections: string[];
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { rows: 1_000_000, reps: 3, sections: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const count = (min: number): number => {
      const raw = value();
      const n = Number(raw.replace(/[_,]/g, ''));
      if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be an integer ≥ ${min}, got ${raw}`);
      return n;
    };
    if (flag === '--rows') opts.rows = count(1);
    else if (flag === '--reps') opts.reps = count(1);
    else if (flag === '--section') opts.sections.push(value());
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new UsageError(`unknown option ${flag}\n${USAGE}`);
  }
  const unknown = opts.sections.filter((s) => !SECTIONS.some((x) => x.name === s));
  if (unknown.length) throw new UsageError(`unknown section ${unknown.join(', ')}\n${USAGE}`);
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  assertGnuTime();
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const benchDir = path.join(root, '.bench');
  await mkdir(benchDir, { recursive: true });
  const ctx: BenchContext = { root, benchDir, rows: opts.rows, reps: opts.reps, machine: machineInfo() };
  process.stdout.write(`Tidyset benchmarks — ${ctx.machine.date} — ${machineLine(ctx.machine)}\n\n`);

  for (const section of SECTIONS.filter((s) => opts.sections.length === 0 || opts.sections.includes(s.name))) {
    const report = await section.run(ctx);
    const out = path.join(benchDir, `results-${section.name}.json`);
    await writeFile(out, JSON.stringify(report.json, null, 2) + '\n');
    process.stdout.write(
      `\n${report.text}\n\nResults: ${path.relative(root, out)}\n\nMarkdown for test/bench/RESULTS.md:\n\n${report.markdown}\n\n`,
    );
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`bench crashed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
