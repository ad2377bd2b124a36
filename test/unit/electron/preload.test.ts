// The preload exposes exactly { invoke, on } on window.tidyset, forwards calls over one channel, and
// never hands the IPC event object (or ipcRenderer) to the page. Loaded with a fake 'electron' module.
import assert from 'node:assert/strict';
import Module from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

type Listener = (...args: unknown[]) => void;

test('preload exposes only invoke and on, over the tidyset channels', async () => {
  const exposed: Array<[string, Record<string, unknown>]> = [];
  const invoked: unknown[][] = [];
  const ipcListeners = new Map<string, Listener>();
  const fake = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push([key, api]) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: 1 };
      },
      on: (channel: string, fn: Listener) => ipcListeners.set(channel, fn),
    },
  };
  // Resolve 'electron' to the fake for this one require.
  const fakeId = path.join(__dirname, '__fake_electron__.js');
  require.cache[fakeId] = { id: fakeId, filename: fakeId, loaded: true, exports: fake } as unknown as NodeJS.Module;
  const M = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
  const original = M._resolveFilename;
  M._resolveFilename = function (req: string, ...rest: unknown[]) {
    return req === 'electron' ? fakeId : original.call(this, req, ...rest);
  };
  try {
    require('../../../main/electron/preload');
  } finally {
    M._resolveFilename = original;
    delete require.cache[fakeId];
  }

  assert.equal(exposed.length, 1);
  const [key, api] = exposed[0]!;
  assert.equal(key, 'tidyset');
  assert.deepEqual(Object.keys(api).sort(), ['invoke', 'on']);

  const invoke = api.invoke as (m: string, i: unknown) => Promise<unknown>;
  assert.deepEqual(await invoke('rows.page', { dataset: 'd' }), { ok: true, value: 1 });
  assert.deepEqual(invoked, [['tidyset:invoke', 'rows.page', { dataset: 'd' }]]);

  const on = api.on as (e: string, fn: (p: unknown) => void) => () => void;
  const got: unknown[] = [];
  const off = on('job.end', (p) => got.push(p));
  const deliver = ipcListeners.get('tidyset:event')!;
  deliver({ sender: 'the ipc event must not leak' }, 'job.end', { id: 'j1' });
  deliver({}, 'job.progress', { id: 'j1' });
  assert.deepEqual(got, [{ id: 'j1' }]);
  off();
  deliver({}, 'job.end', { id: 'j2' });
  assert.equal(got.length, 1);
  assert.throws(() => on('ipc:anything', () => {}), /unknown event/);
  assert.throws(() => on('__proto__', () => {}), /unknown event/);
});
