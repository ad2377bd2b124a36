// Shared benchmark helpers: timed child processes with peak RSS, medians, tables and machine info.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** GNU time; BusyBox or the shell keyword do not support `-f`/`-o` the same way. */
export const GNU_TIME = '/usr/bin/time';

/** One timed child process. */
export interface Measured {
  /** Wall-clock seconds, measured around the whole child process (ms resolution). */
  seconds: number;
  /** Peak resident set size in MB (MiB), from GNU time's %M; null if it could not be read. */
  peakRssMb: number | null;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Throws a readable error unless GNU time is installed at /usr/bin/time. */
export function assertGnuTime(): void {
  const probe = existsSync(GNU_TIME) ? spawnSync(GNU_TIME, ['--version'], { encoding: 'utf8' }) : undefined;
  const text = `${probe?.stdout ?? ''}${probe?.stderr ?? ''}`;
  if (!probe || !/GNU/i.test(text)) {
    throw new Error(`GNU time not found at ${GNU_TIME}; install it with \`apt-get install -y time\``);
  }
}

/**
 * Runs `cmd args` under GNU time and returns wall seconds and peak RSS. The RSS is GNU time's
 * %M: the largest resident set of the child or of any descendant it waited for (threads are
 * included; separate processes are not summed).
 */
export async function measure(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidyset-time-'));
  const timeFile = path.join(dir, 'time.txt');
  try {
    const started = process.hrtime.bigint();
    const child = spawn(GNU_TIME, ['-f', '%e %M', '-o', timeFile, cmd, ...args], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (c, s) => resolve({ code: c, signal: s }));
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // With a failing command GNU time writes "Command exited with non-zero status N" first.
    const lines = (await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n');
    const kb = Number(lines.at(-1)?.split(' ')[1]);
    return {
      seconds,
      peakRssMb: Number.isFinite(kb) && kb > 0 ? kb / 1024 : null,
      exitCode: code,
      signal,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Formats a number with thousands separators and a fixed number of decimals. */
/** The median wall-clock seconds of `reps` runs of `fn` (given the run's index), synchronous or not. */
export async function medianSeconds(reps: number, fn: (i: number) => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn(i);
    times.push((performance.now() - t) / 1000);
  }
  return median(times);
}

export function fmt(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A plain-text table with aligned columns (numbers right-aligned) for the terminal. */
export function textTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (s: string): boolean => /^[-+]?[\d,.]+[x%]?$/.test(s);
  const line = (cells: string[]): string =>
    cells.map((c, i) => (numeric(c) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A GitHub-flavoured Markdown table. */
export function markdownTable(headers: string[], rows: string[][]): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** What the figures were measured on. */
export interface MachineInfo {
  date: string;
  nproc: number;
  cpuModel: string;
  totalMemGb: number;
  node: string;
  platform: string;
}

/** Date, CPU count and model, memory, Node version and OS of this machine. */
export function machineInfo(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) cpuModel = m[1].trim();
  } catch {
    // Not Linux: os.cpus() is the best we have.
  }
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpuModel,
    totalMemGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

/** One line describing the machine (without the date), for reports. */
export function machineLine(m: MachineInfo): string {
  return `nproc ${m.nproc} · ${m.cpuModel} · ${m.totalMemGb} GB RAM · Node ${m.node} · ${m.platform}`;
}

/**
 * The machine's load when a section ends (1- and 5-minute averages): says how much else shared the
 * cores during the run, measured rather than assumed.
 */
export function loadLine(): string {
  const [one, five] = os.loadavg();
  return `load average at the end ${one!.toFixed(1)} (1 min), ${five!.toFixed(1)} (5 min) on ${os.cpus().length} cores`;
}

/** What every benchmark section receives from run.ts. */
export interface BenchContext {
  /** Repository root. */
  root: string;
  /** `.bench/` under the root: generated inputs, scratch space and results (git-ignored). */
  benchDir: string;
  /** Data rows in the generated input. */
  rows: number;
  /** Repetitions per contender; the report shows the median. */
  reps: number;
  machine: MachineInfo;
}

/** A finished section: JSON for `.bench/results-<name>.json`, a terminal report and Markdown for RESULTS.md. */
export interface SectionReport {
  json: unknown;
  text: string;
  markdown: string;
}

/** Total size of the files under `dir`, in MB (MiB); 0 if it does not exist. */
export async function dirSizeMb(dir: string): Promise<number> {
  let total = 0;
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) total += (await stat(p)).size;
    }
  };
  await walk(dir);
  return total / 1024 ** 2;
}
