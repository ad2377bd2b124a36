// Runs the built `tidyset` command as a child process for the CLI and kill tests; builds dist first if it is missing.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin', 'tidyset.js');

/** Builds dist/ with scripts/build.mjs when dist/main/cli.js is missing; throws if the build fails. */
export function ensureBuilt(): void {
  if (existsSync(path.join(ROOT, 'dist', 'main', 'cli.js'))) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--only=main'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/tidyset.js ...args` to completion; TIDYSET_WORKSPACE points at `workspace` so nothing touches the user's. */
export function runCli(args: string[], workspace: string, cwd = ROOT): CliResult {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TIDYSET_WORKSPACE: workspace },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parses the single JSON document a `--json` command prints on stdout (the caller names its shape). */
export function jsonOut<T>(r: CliResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.status}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}
