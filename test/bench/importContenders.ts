// The programs the import benchmark times: Tidyset's CLI, the sqlite3 shell and DuckDB, each as a child process.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Measured, measure } from './lib';

/** What one timed run of a contender produced. */
export interface RunOutcome {
  measured: Measured;
  rows: number | null;
  extra?: Record<string, unknown>;
  error?: string;
}

/** One program being timed: how to prepare it and how to run one import. */
export interface Contender {
  name: string;
  command: string;
  version(): string;
  /** Runs once before the first repetition; throwing marks the contender failed. */
  prepare?(): Promise<void>;
  /** One timed import into the empty scratch directory `scratch`. */
  run(scratch: string): Promise<RunOutcome>;
}

function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

function failure(m: Measured): string | undefined {
  if (m.exitCode === 0) return undefined;
  const how = m.signal ? `killed by ${m.signal}` : `exit code ${m.exitCode}`;
  const lines = (m.stderr || m.stdout).split('\n').map((l) => l.trim()).filter(Boolean);
  const gist = lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? 'no output';
  return `${how}: ${gist}\n${tail(m.stderr || m.stdout)}`;
}

/** Finds the JSON document in a CLI's stdout: the whole text, else its last line that parses. */
function parseJsonOutput(stdout: string): unknown {
  const text = stdout.trim();
  try {
    return JSON.parse(text);
  } catch {
    for (const line of text.split('\n').reverse()) {
      try {
        return JSON.parse(line);
      } catch {
        // keep looking
      }
    }
  }
  throw new Error(`no JSON in output: ${tail(stdout, 5) || '(empty)'}`);
}

/** Newest modification time (ms) of any file under `dir`; 0 if it does not exist. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of existsSync(dir) ? readdirSync(dir, { withFileTypes: true, recursive: true }) : []) {
    if (e.isFile()) newest = Math.max(newest, statSync(path.join(e.parentPath ?? (e as { path?: string }).path ?? dir, e.name)).mtimeMs);
  }
  return newest;
}

/** Tidyset's CLI: `import --json` into a fresh workspace; rows come from its JSON. Builds dist/ first if missing. */
export function tidysetContender(root: string, csv: string): Contender {
  const bin = path.join(root, 'bin', 'tidyset.js');
  const cli = path.join(root, 'dist', 'main', 'cli.js');
  let stale = false;
  return {
    name: 'Tidyset',
    command: 'node bin/tidyset.js import FILE --workspace TMP --name bench --json',
    version() {
      const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string };
      const rev = spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim();
      return `${version ?? '?'}${rev ? ` @ ${rev}` : ''}${stale ? ' (stale build)' : ''}`;
    },
    async prepare() {
      if (existsSync(cli)) {
        // The bench measures the existing build; say so when the sources have moved on since.
        const built = statSync(cli).mtimeMs;
        stale = ['main', 'shared'].some((d) => newestMtime(path.join(root, d)) > built);
        if (stale) process.stdout.write('!! dist/main/cli.js is older than main/ or shared/; run `npm run build` for current figures\n');
        return;
      }
      process.stdout.write('dist/main/cli.js is missing; running `npm run build` …\n');
      const b = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
      if (b.status !== 0 || !existsSync(cli)) {
        // esbuild puts its "✘ [ERROR] …" lines first and a stack trace last; the former say what is wrong.
        const log = `${b.stdout ?? ''}\n${b.stderr ?? ''}`.split('\n').filter((l) => l.trim() && !/^npm warn/i.test(l));
        const errs = [...new Set(log.filter((l) => /\[ERROR\]|^error:/i.test(l.trim())))];
        const detail = (errs.length ? errs : log.slice(-15)).slice(0, 15).join('\n');
        throw new Error(`npm run build failed (exit ${b.status}): ${errs[0]?.trim() ?? 'see below'}\n${detail}`);
      }
    },
    async run(scratch) {
      const measured = await measure(process.execPath, [bin, 'import', csv, '--workspace', scratch, '--name', 'bench', '--json'], { cwd: root });
      const error = failure(measured);
      if (error) return { measured, rows: null, error };
      try {
        const out = parseJsonOutput(measured.stdout) as { dataset?: { rows?: unknown } };
        const rows = out.dataset?.rows;
        if (typeof rows !== 'number') throw new Error(`JSON has no numeric dataset.rows: ${tail(measured.stdout, 5)}`);
        return { measured, rows };
      } catch (err) {
        return { measured, rows: null, error: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}

/** The sqlite3 shell: `.mode csv` + `.import` into a fresh database; rows from `SELECT count(*)`. */
export function sqliteContender(csv: string): Contender {
  return {
    name: 'sqlite3 shell',
    command: 'sqlite3 -cmd ".mode csv" DB ".import FILE t"',
    version() {
      return spawnSync('sqlite3', ['--version'], { encoding: 'utf8' }).stdout?.split(' ')[0] || '?';
    },
    async prepare() {
      // The shell's dot-command parser treats " and \ specially inside a quoted argument.
      if (/["\\]/.test(csv)) throw new Error(`sqlite3 .import cannot take this path: ${csv}`);
    },
    async run(scratch) {
      const db = path.join(scratch, 'bench.sqlite');
      const measured = await measure('sqlite3', ['-cmd', '.mode csv', db, `.import "${csv}" t`]);
      const error = failure(measured);
      if (error) return { measured, rows: null, error };
      const count = spawnSync('sqlite3', [db, 'SELECT count(*) FROM t'], { encoding: 'utf8' });
      const rows = Number(count.stdout.trim());
      if (count.status !== 0 || !Number.isInteger(rows)) return { measured, rows: null, error: `count failed: ${count.stderr}` };
      // .import reports malformed records on stderr but still exits 0.
      const extra = measured.stderr.trim() ? { stderr: tail(measured.stderr, 5) } : undefined;
      return { measured, rows, extra };
    },
  };
}

/** DuckDB through @duckdb/node-api in the duckdbImport.ts child script; rows from its count. */
export function duckdbContender(root: string, csv: string): Contender {
  const script = path.join(root, 'test', 'bench', 'duckdbImport.ts');
  let version = '?';
  return {
    name: 'DuckDB (node-api)',
    command: "node --import tsx test/bench/duckdbImport.ts: CREATE TABLE t AS SELECT * FROM read_csv(FILE, header = true, all_varchar = true)",
    version: () => version,
    async run(scratch) {
      const measured = await measure(process.execPath, ['--import', 'tsx', script, csv, path.join(scratch, 'bench.duckdb')], { cwd: root });
      const error = failure(measured);
      if (error) return { measured, rows: null, error };
      try {
        const out = parseJsonOutput(measured.stdout) as { rows: number; seconds: number; version: string };
        version = out.version;
        return { measured, rows: out.rows, extra: { inProcessSeconds: out.seconds } };
      } catch (err) {
        return { measured, rows: null, error: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
