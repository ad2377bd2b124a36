// Kills `tidyset import` mid-way with SIGKILL and checks that the workspace opens intact, with no dataset and no temp file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, watch, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../../../main/core/workspace';
import { BIN, ROOT, ensureBuilt } from '../../../helpers/cli';

let tmp: string;
let big: string;

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-kill-'));
  // About 48 MB of CSV: long enough that the import is still running when its first progress line appears.
  big = path.join(tmp, 'big.csv');
  const fd = openSync(big, 'w');
  try {
    writeSync(fd, 'id,name,note,amount,day\n');
    for (let block = 0; block < 48; block++) {
      let s = '';
      for (let i = 0; i < 12_000; i++) {
        const n = block * 12_000 + i;
        s += `${n},name ${n},"quoted, text ${n}",${n / 4},2024-01-${String((n % 28) + 1).padStart(2, '0')}\n`;
      }
      writeSync(fd, s);
    }
  } finally {
    closeSync(fd);
  }
  assert.ok(statSync(big).size > 30 * 1024 * 1024);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('SIGKILL during an import leaves an intact catalog, no dataset, and no temp file once the workspace is opened', async () => {
  const ws = path.join(tmp, 'ws');
  const dataDir = path.join(ws, 'data');
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, [BIN, 'import', big, '--workspace', ws], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const tempName = new RegExp(`\\.importing-${child.pid}\\.tmp$`);
  let stderr = '';
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));

  // Underway = a progress line on stderr (plain lines: not a TTY) and the import's temp file in data/.
  const watcher = watch(dataDir);
  try {
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (/^import: \d+% /m.test(stderr) && readdirSync(dataDir).some((f) => tempName.test(f))) resolve();
      };
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        check();
      });
      watcher.on('change', check);
      void exited.then(({ code }) => reject(new Error(`the import ended (exit ${code}) before it could be killed:\n${stdout}\n${stderr}`)));
    });
  } finally {
    watcher.close();
  }
  child.kill('SIGKILL');
  const end = await exited;
  assert.equal(end.signal, 'SIGKILL');
  assert.doesNotMatch(stdout, /imported/, 'the import had not finished');
  const left = readdirSync(dataDir);
  assert.ok(left.some((f) => tempName.test(f)), `the killed import left its temp file: ${left.join(', ')}`);

  const opened = Workspace.open(ws);
  try {
    assert.deepEqual(opened.catalog.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    assert.deepEqual(opened.datasets.list(), []);
    assert.deepEqual(readdirSync(dataDir), [], 'opening removed the abandoned temp files');
  } finally {
    opened.close();
  }
});

test('opening a workspace keeps the temp file of an import that is still running (its process is alive)', () => {
  const ws = path.join(tmp, 'ws-live');
  const dataDir = path.join(ws, 'data');
  mkdirSync(dataDir, { recursive: true });
  const mine = `ds-live.sqlite.importing-${process.pid}.tmp`;
  closeSync(openSync(path.join(dataDir, mine), 'w'));
  const opened = Workspace.open(ws);
  try {
    assert.deepEqual(readdirSync(dataDir), [mine]);
  } finally {
    opened.close();
  }
});
