// The `tidyset serve` and `tidyset app` commands: serve mode over loopback HTTP, and the desktop
// window where the Electron runtime and a display exist (serve mode otherwise).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { READY_PREFIX, type ReadyLine } from '../../shared/api/transport';
import { TidysetError } from '../core/errors';
import { isLoopback } from '../server/guard';
import { startServer, type RunningServer } from '../server/server';

interface CommonOptions {
  workspace?: string;
  json?: boolean;
}
interface ServeFlags extends CommonOptions {
  port?: string;
  host?: string;
  open?: boolean;
  /** --root, repeatable; the current folder when none is given. */
  root?: string[];
}

/** The port serve mode tries when none is given; if it is taken, a free one is picked instead. */
export const DEFAULT_PORT = 4870;

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new TidysetError('BAD_INPUT', `--port must be a whole number from 0 to 65535, got ${JSON.stringify(v)}`);
  return n;
}

/** Opens `url` in the default browser; failure is reported, never fatal. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(cmd as string, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', (e) => process.stderr.write(`tidyset: could not open a browser (${e.message}); open the URL above yourself\n`));
  child.unref();
}

async function listen(dir: string, o: ServeFlags): Promise<RunningServer> {
  const host = o.host ?? '127.0.0.1';
  const roots = o.root && o.root.length ? o.root.map((r) => path.resolve(r)) : [process.cwd()];
  if (o.port !== undefined) return startServer({ workspaceDir: dir, port: parsePort(o.port), host, roots });
  try {
    return await startServer({ workspaceDir: dir, port: DEFAULT_PORT, host, roots });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    return startServer({ workspaceDir: dir, port: 0, host, roots });
  }
}

/** Runs serve mode until SIGINT/SIGTERM, then cancels running jobs and closes cleanly. */
export async function serve(dir: string, o: ServeFlags): Promise<void> {
  if (o.host !== undefined && !isLoopback(o.host)) {
    process.stderr.write(
      `\n  WARNING: serving on ${o.host}, not loopback. Other machines on the network can reach this server;\n` +
        '  anyone who learns the token can read and change your data. Prefer an SSH tunnel to 127.0.0.1.\n\n',
    );
  }
  const s = await listen(dir, o);
  process.stderr.write(`Tidyset is serving the workspace ${dir} at ${s.url}\n`);
  process.stderr.write(`Data roots (the only folders it lists, reads and writes; add more with --root): ${s.roots.join(', ')}\n`);
  const ready: ReadyLine = { url: s.url, port: s.port, host: s.host, token: s.token, roots: s.roots };
  process.stdout.write(READY_PREFIX + JSON.stringify(ready) + '\n');
  if (o.open) openBrowser(s.url);
  await new Promise<void>((resolve) => {
    let signals = 0;
    const stop = (sig: NodeJS.Signals) => {
      if (++signals > 1) process.exit(130);
      process.stderr.write(`tidyset serve: ${sig}, stopping (cancelling running jobs)…\n`);
      s.close().then(resolve, (e: unknown) => {
        process.stderr.write(`tidyset serve: error while stopping: ${String(e)}\n`);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Why the desktop window cannot open here, or the Electron binary and shell entry to run. */
export function electronRuntime(env: NodeJS.ProcessEnv = process.env, platform = process.platform): { bin: string; main: string } | { reason: string } {
  try {
    require.resolve('electron');
  } catch {
    return { reason: 'Electron runtime not installed (offline install)' };
  }
  let bin: unknown;
  try {
    // The electron package's main export is the path of its binary (downloaded at install time).
    bin = require('electron');
  } catch {
    return { reason: 'Electron package present but its binary is missing (download failed at install)' };
  }
  if (typeof bin !== 'string' || !existsSync(bin)) return { reason: 'Electron binary missing (download failed at install)' };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  const bundled = path.join(__dirname, 'electron.js');
  const main = existsSync(bundled) ? bundled : path.join(__dirname, '..', '..', 'dist', 'main', 'electron.js');
  if (!existsSync(main)) return { reason: 'the desktop shell is not built (run `npm run build`)' };
  return { bin, main };
}

/**
 * The better-sqlite3 addon built for Electron's ABI (node_modules holds the Node one): the
 * TIDYSET_SQLITE_BINDING the user set, or the cached build scripts/electron-abi.mjs makes once.
 */
function electronBinding(): { path: string } | { reason: string } {
  if (process.env.TIDYSET_SQLITE_BINDING) return { path: process.env.TIDYSET_SQLITE_BINDING };
  const script = path.join(__dirname, '..', '..', 'scripts', 'electron-abi.mjs');
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const out = r.stdout?.trim().split('\n').pop();
  if (r.status !== 0 || !out || !existsSync(out)) return { reason: 'better-sqlite3 could not be built for Electron here' };
  return { path: out };
}

/** Adds `serve` and `app` to the CLI. */
export function registerAppCommands(program: Command, common: (cmd: Command) => Command, workspaceDir: (o: CommonOptions) => string): void {
  const serveOptions = (cmd: Command) =>
    cmd
      .option('--port <port>', `port to listen on; 0 picks a free one (default: ${DEFAULT_PORT}, or a free one if taken)`)
      .option('--host <host>', 'address to bind (default 127.0.0.1; anything else is reachable from the network)')
      .option('--open', 'open the URL in the default browser')
      .option('--root <dir>', 'a folder the browser may list, scan, import from and export to (repeatable; default: the current folder)', (v: string, prev: string[] = []) => [...prev, v]);

  serveOptions(common(program.command('serve')))
    .description('serve the app to a browser over loopback HTTP (per-run token; reach it over an SSH tunnel on a server)')
    .action((o: ServeFlags) => serve(workspaceDir(o), o));

  serveOptions(common(program.command('app')))
    .description('open the desktop window; where the Electron runtime or a display is missing, start serve mode instead')
    .action(async (o: ServeFlags) => {
      const dir = workspaceDir(o);
      const rt = electronRuntime();
      if ('reason' in rt) {
        process.stderr.write(`tidyset: ${rt.reason}; starting serve mode instead\n`);
        return serve(dir, o);
      }
      const binding = electronBinding();
      if ('reason' in binding) {
        process.stderr.write(`tidyset: ${binding.reason}; starting serve mode instead\n`);
        return serve(dir, o);
      }
      const child = spawn(rt.bin, [rt.main], { stdio: 'inherit', env: { ...process.env, TIDYSET_WORKSPACE: dir, TIDYSET_SQLITE_BINDING: binding.path } });
      await new Promise<void>((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (code, signal) => {
          process.exitCode = code ?? (signal ? 1 : 0);
          resolve();
        });
      });
    });
}
