// Tests the folder walk on a real temp tree: order, hidden entries, symlinks and loops, unreadable folders, cancellation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { walkFiles, type WalkEntry, type WalkOptions, type WalkProblem } from '../../../../main/core/scan/walk';

let root = '';
const isRoot = process.getuid?.() === 0;

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tidyset-walk-'));
  await mkdir(path.join(root, 'b', 'd'), { recursive: true });
  await mkdir(path.join(root, '.hidden'));
  await mkdir(path.join(root, 'locked'));
  await writeFile(path.join(root, 'a.csv'), 'x,y\n1,2\n');
  await writeFile(path.join(root, 'b', 'c.csv'), 'c\n');
  await writeFile(path.join(root, 'b', 'd', 'e.txt'), 'eeee');
  await writeFile(path.join(root, '.hidden', 'h.csv'), 'h\n');
  await writeFile(path.join(root, '.dotfile'), 'dot');
  await writeFile(path.join(root, 'locked', 'secret.csv'), 's\n');
  await symlink(root, path.join(root, 'z-loop'));
  await symlink('..', path.join(root, 'b', 'd', 'up'));
  await symlink(path.join('b', 'c.csv'), path.join(root, 'link.csv'));
  await symlink(path.join(root, 'nowhere'), path.join(root, 'broken'));
  await chmod(path.join(root, 'locked'), 0o000);
});

after(async () => {
  await chmod(path.join(root, 'locked'), 0o755);
  await rm(root, { recursive: true, force: true });
});

async function collect(start: string, opts?: WalkOptions): Promise<(WalkEntry | WalkProblem)[]> {
  const out: (WalkEntry | WalkProblem)[] = [];
  for await (const item of walkFiles(start, opts)) out.push(item);
  return out;
}

const rel = (items: (WalkEntry | WalkProblem)[]): string[] =>
  items.map((i) => ('error' in i ? `!${path.relative(root, i.path)}` : path.relative(root, i.path)));

test('walks depth-first in name order, skips hidden entries, and survives symlink loops', async () => {
  const items = await collect(root);
  const expected = ['a.csv', 'b/c.csv', 'b/d/e.txt', '!broken', 'link.csv'];
  // Root can read a chmod-000 folder, so only a non-root run sees the problem.
  expected.push(isRoot ? 'locked/secret.csv' : '!locked');
  assert.deepEqual(rel(items), expected);
});

test('entries carry size and mtime; a file symlink reports its target size under the link path', async () => {
  const items = await collect(root);
  const byPath = new Map(items.filter((i): i is WalkEntry => !('error' in i)).map((i) => [path.relative(root, i.path), i]));
  assert.equal(byPath.get('a.csv')?.size, 8);
  assert.equal(byPath.get('b/d/e.txt')?.size, 4);
  assert.equal(byPath.get('link.csv')?.size, 2);
  assert.ok((byPath.get('a.csv')?.mtimeMs ?? 0) > 0);
});

test('problems are reported, not thrown', async () => {
  const items = await collect(root);
  const problems = items.filter((i): i is WalkProblem => 'error' in i);
  assert.deepEqual(
    problems.find((p) => p.path.endsWith('broken')),
    { path: path.join(root, 'broken'), error: 'broken symbolic link (ENOENT)' },
  );
  if (!isRoot) {
    assert.deepEqual(problems.find((p) => p.path.endsWith('locked')), {
      path: path.join(root, 'locked'),
      error: 'permission denied (EACCES)',
    });
  }
});

test('includeHidden adds dot files and dot folders', async () => {
  const names = rel(await collect(root, { includeHidden: true }));
  assert.deepEqual(names.slice(0, 3), ['.dotfile', '.hidden/h.csv', 'a.csv']);
  assert.equal(new Set(names).size, names.length);
});

test('a symlinked folder reached first through a link is walked once, under that path', async () => {
  // Starting inside b/d, the link "up" leads to b, whose subfolder d was already entered.
  const names = rel(await collect(path.join(root, 'b', 'd')));
  assert.deepEqual(names, ['b/d/e.txt', 'b/d/up/c.csv']);
});

test('a file root yields just that file; a missing root yields one problem', async () => {
  assert.deepEqual(rel(await collect(path.join(root, 'a.csv'))), ['a.csv']);
  const missing = await collect(path.join(root, 'missing'));
  assert.deepEqual(missing, [{ path: path.join(root, 'missing'), error: 'not found (ENOENT)' }]);
});

test('isCancelled stops the walk', async () => {
  let yielded = 0;
  const items: string[] = [];
  for await (const item of walkFiles(root, { isCancelled: () => yielded >= 2 })) {
    yielded++;
    items.push(path.relative(root, item.path));
  }
  assert.deepEqual(items, ['a.csv', 'b/c.csv']);
  assert.deepEqual(await collect(root, { isCancelled: () => true }), []);
});
