// The import benchmark (issue #2): Tidyset's CLI import against the sqlite3 shell and DuckDB on one messy CSV.
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GENERATOR_VERSION, generateMessyCsv } from './generate';
import { type Contender, duckdbContender, sqliteContender, tidysetContender } from './importContenders';
import { type BenchContext, type SectionReport, dirSizeMb, fmt, machineLine, markdownTable, median, textTable } from './lib';

const SEED = 42;
/** Targets from issue #2, reported as met / not met; never a pass/fail on time. */
const TARGET_RATIO = 1.0;
const TARGET_RSS_MB = 300;

/** The generated input file. */
export interface InputFile {
  path: string;
  bytes: number;
  rows: number;
  seed: number;
  generatorVersion: number;
  reused: boolean;
}

/** One repetition of one contender. */
export interface RepResult {
  ok: boolean;
  seconds: number | null;
  peakRssMb: number | null;
  /** Rows the contender reports having imported (null when unknown). */
  rows: number | null;
  /** Size of what the contender wrote (database files, workspace), MB. */
  outputMb: number | null;
  /** Contender-specific extras, e.g. DuckDB's in-process seconds. */
  extra?: Record<string, unknown>;
  error?: string;
}

/** Aggregated figures for one contender. */
export interface ContenderResult {
  name: string;
  command: string;
  version: string;
  status: 'ok' | 'failed' | 'row-count-mismatch';
  reps: RepResult[];
  medianSeconds: number | null;
  rowsPerSecond: number | null;
  /** The largest peak RSS over the repetitions, MB. */
  peakRssMb: number | null;
  ratioVsSqlite: number | null;
  error?: string;
}

/** A target from the issue with whether this run met it (null when it could not be judged). */
export interface TargetResult {
  target: string;
  value: string;
  met: boolean | null;
}

/** Everything the import section measured; written to `.bench/results-import.json`. */
export interface ImportBenchResult {
  section: 'import';
  machine: BenchContext['machine'];
  input: InputFile;
  reps: number;
  contenders: ContenderResult[];
  targets: TargetResult[];
}

/** Generates the input into `.bench/`, or reuses an earlier file whose size matches its recorded metadata. */
export async function ensureInput(benchDir: string, rows: number, seed = SEED): Promise<InputFile> {
  await mkdir(benchDir, { recursive: true });
  const file = path.join(benchDir, `messy-${rows}-s${seed}.csv`);
  const metaFile = `${file}.meta.json`;
  const meta = await readFile(metaFile, 'utf8').then((t) => JSON.parse(t) as Partial<InputFile>, () => undefined);
  const size = await stat(file).then((s) => s.size, () => -1);
  if (meta && meta.rows === rows && meta.seed === seed && meta.generatorVersion === GENERATOR_VERSION && meta.bytes === size) {
    return { path: file, bytes: size, rows, seed, generatorVersion: GENERATOR_VERSION, reused: true };
  }
  process.stdout.write(`Generating ${fmt(rows)} rows into ${path.relative(process.cwd(), file) || file} …\n`);
  const tmp = `${file}.tmp`;
  const res = await generateMessyCsv(tmp, rows, seed);
  await rename(tmp, file);
  const input: InputFile = { path: file, bytes: res.bytes, rows: res.rows, seed, generatorVersion: GENERATOR_VERSION, reused: false };
  await writeFile(metaFile, JSON.stringify({ ...input, reused: undefined }, null, 2) + '\n');
  return input;
}

/** Reads the file once so every contender starts with it in the page cache. */
async function warmCache(file: string): Promise<void> {
  for await (const _chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    // Reading is the point.
  }
}

/**
 * Generates (or reuses) the input, then times each contender `ctx.reps` times in its own child
 * process, interleaving contenders so drift in the machine affects all of them alike. A failing
 * contender is recorded as failed and skipped for the remaining repetitions; it never stops the run.
 */
export async function runImportBench(ctx: BenchContext): Promise<ImportBenchResult> {
  const input = await ensureInput(ctx.benchDir, ctx.rows);
  process.stdout.write(`Input: ${input.path} — ${fmt(input.rows)} rows, ${fmt(input.bytes / 1e6, 1)} MB${input.reused ? ' (reused)' : ''}\n`);
  await warmCache(input.path);
  const scratchRoot = path.join(ctx.benchDir, 'tmp');
  await mkdir(scratchRoot, { recursive: true });

  const contenders = [tidysetContender(ctx.root, input.path), sqliteContender(input.path), duckdbContender(ctx.root, input.path)];
  const reps = new Map<Contender, RepResult[]>(contenders.map((c) => [c, []]));
  const errors = new Map<Contender, string>();

  for (const c of contenders) {
    try {
      await c.prepare?.();
    } catch (err) {
      errors.set(c, err instanceof Error ? err.message : String(err));
      process.stdout.write(`\n!! ${c.name} cannot run:\n${errors.get(c)}\n\n`);
    }
  }

  for (let rep = 1; rep <= ctx.reps; rep++) {
    for (const c of contenders) {
      if (errors.has(c)) continue;
      const scratch = await mkdtemp(path.join(scratchRoot, 'import-'));
      let result: RepResult;
      try {
        const o = await c.run(scratch);
        const outputMb = await dirSizeMb(scratch);
        result = {
          ok: !o.error,
          seconds: o.measured.seconds,
          peakRssMb: o.measured.peakRssMb,
          rows: o.rows,
          outputMb,
          ...(o.extra ? { extra: o.extra } : {}),
          ...(o.error ? { error: o.error } : {}),
        };
      } catch (err) {
        result = { ok: false, seconds: null, peakRssMb: null, rows: null, outputMb: null, error: err instanceof Error ? err.stack ?? err.message : String(err) };
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
      reps.get(c)?.push(result);
      const rowsNote = result.rows === null ? '' : result.rows === input.rows ? `, ${fmt(result.rows)} rows ✓` : `, ${fmt(result.rows)} rows ✗ EXPECTED ${fmt(input.rows)}`;
      process.stdout.write(
        `  rep ${rep}/${ctx.reps}  ${c.name.padEnd(18)} ${result.ok ? `${fmt(result.seconds, 2)} s, ${fmt(result.peakRssMb, 0)} MB${rowsNote}` : 'FAILED'}\n`,
      );
      if (!result.ok) {
        errors.set(c, `rep ${rep}: ${result.error ?? 'unknown error'}`);
        process.stdout.write(`\n!! ${c.name} failed (remaining repetitions skipped):\n${result.error}\n\n`);
      } else if (result.rows !== input.rows) {
        process.stdout.write(`\n!!!! ROW COUNT MISMATCH: ${c.name} imported ${fmt(result.rows)} rows, expected ${fmt(input.rows)} !!!!\n\n`);
      }
    }
  }

  const results: ContenderResult[] = contenders.map((c) => {
    const rs = reps.get(c) ?? [];
    const good = rs.filter((r) => r.ok && r.seconds !== null);
    const failed = errors.has(c) || good.length === 0;
    const med = failed ? null : median(good.map((r) => r.seconds as number));
    const rss = good.map((r) => r.peakRssMb).filter((v): v is number => v !== null);
    const mismatch = good.some((r) => r.rows !== input.rows);
    return {
      name: c.name,
      command: c.command,
      version: c.version(),
      status: failed ? 'failed' : mismatch ? 'row-count-mismatch' : 'ok',
      reps: rs,
      medianSeconds: med,
      rowsPerSecond: med ? input.rows / med : null,
      peakRssMb: failed || rss.length === 0 ? null : Math.max(...rss),
      ratioVsSqlite: null,
      ...(errors.has(c) ? { error: errors.get(c) } : {}),
    };
  });
  const base = results.find((r) => r.name === 'sqlite3 shell')?.medianSeconds ?? null;
  for (const r of results) r.ratioVsSqlite = base && r.medianSeconds ? r.medianSeconds / base : null;

  const t = results.find((r) => r.name === 'Tidyset');
  const judged = t?.status === 'ok';
  const targets: TargetResult[] = [
    {
      target: `Tidyset time ≤ ${TARGET_RATIO.toFixed(1)}× sqlite3`,
      value: t?.ratioVsSqlite ? `${t.ratioVsSqlite.toFixed(2)}×` : t?.status ?? 'n/a',
      met: judged && t.ratioVsSqlite !== null ? t.ratioVsSqlite <= TARGET_RATIO : null,
    },
    {
      target: `Tidyset peak RSS < ${TARGET_RSS_MB} MB`,
      value: t?.peakRssMb ? `${fmt(t.peakRssMb)} MB` : t?.status ?? 'n/a',
      met: judged && t.peakRssMb !== null ? t.peakRssMb < TARGET_RSS_MB : null,
    },
  ];
  return { section: 'import', machine: ctx.machine, input, reps: ctx.reps, contenders: results, targets };
}

const HEADERS = ['Contender', 'Seconds (median)', 'Rows/s', 'Peak RSS MB', 'Time vs sqlite3', 'Status'];

function cells(r: ContenderResult): string[] {
  return [
    r.name,
    fmt(r.medianSeconds, 2),
    fmt(r.rowsPerSecond),
    fmt(r.peakRssMb),
    r.ratioVsSqlite === null ? '—' : `${r.ratioVsSqlite.toFixed(2)}x`,
    r.status === 'ok' ? 'ok' : r.status === 'failed' ? 'FAILED' : 'ROW COUNT MISMATCH',
  ];
}

const metWord = (m: boolean | null): string => (m === null ? 'not judged' : m ? 'met' : 'not met');

/** Renders an import result as a terminal report and as Markdown for test/bench/RESULTS.md. */
export function formatImportReport(res: ImportBenchResult): SectionReport {
  const rows = res.contenders.map(cells);
  const how = `median of ${res.reps} run${res.reps === 1 ? '' : 's'}; peak RSS is the largest over the runs (GNU time %M)`;
  const input = `${fmt(res.input.rows)} rows, ${fmt(res.input.bytes / 1e6, 1)} MB, 12 columns, seed ${res.input.seed}`;
  const versions = res.contenders.map((c) => `${c.name} ${c.version}`).join(' · ');
  const targets = res.targets.map((t) => `${t.target}: ${metWord(t.met)} (${t.value})`);
  const failures = res.contenders.filter((c) => c.status !== 'ok').map((c) => `${c.name}: ${c.status}${c.error ? ` — ${c.error.split('\n')[0]}` : ''}`);

  const text = [
    `Import benchmark — ${input} (${how})`,
    '',
    textTable(HEADERS, rows),
    '',
    ...targets.map((t) => `Target: ${t}`),
    ...failures.map((f) => `!! ${f}`),
  ].join('\n');

  const markdown = [
    `### Import — ${res.machine.date.slice(0, 10)}`,
    '',
    `Input: ${input}. ${how[0]?.toUpperCase()}${how.slice(1)}.`,
    '',
    `Machine: ${machineLine(res.machine)}.`,
    '',
    `Versions: ${versions}.`,
    '',
    markdownTable(HEADERS, rows),
    '',
    ...targets.map((t) => `- ${t}`),
    ...failures.map((f) => `- ⚠ ${f}`),
  ].join('\n');

  return { json: res, text, markdown };
}
