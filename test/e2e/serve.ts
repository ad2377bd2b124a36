// Starts `tidyset serve` on a fresh temporary workspace and waits for its TIDYSET_READY line (no sleeps).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { READY_PREFIX, type ReadyLine } from '../../shared/api/transport';

export const ROOT = path.resolve(__dirname, '..', '..');
/**
 * The data roots e2e servers get: the checked-in fixtures, and the temp folder specs create their own
 * folders in (exports, generated files). Serve refuses every other path with FORBIDDEN_PATH.
 */
export const E2E_ROOTS = [path.join(ROOT, 'test', 'fixtures'), os.tmpdir()];

export interface Served extends ReadyLine {
  workspace: string;
  /** Everything the server wrote to stderr, for failure messages. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Spawns the built CLI's serve command (data roots `roots`) and resolves with the ready line. */
export async function startServe(timeoutMs = 30_000, roots: readonly string[] = E2E_ROOTS): Promise<Served> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'tidyset-e2e-'));
  const rootArgs = roots.flatMap((r) => ['--root', r]);
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin', 'tidyset.js'), 'serve', '--port', '0', '--workspace', workspace, ...rootArgs], {
    cwd: ROOT,
    env: { ...process.env, TIDYSET_WORKSPACE: workspace },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errText = '';
  child.stderr!.on('data', (c: Buffer) => (errText += c.toString('utf8')));

  const ready = await new Promise<ReadyLine>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tidyset serve printed no ready line within ${timeoutMs} ms\n${errText}`)), timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line.slice(READY_PREFIX.length)) as ReadyLine);
      } catch (e) {
        reject(new Error(`bad ready line ${JSON.stringify(line)}: ${String(e)}`));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`tidyset serve exited (${code ?? signal}) before it was ready\n${errText}`));
    });
  });

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    ...ready,
    workspace,
    stderr: () => errText,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
