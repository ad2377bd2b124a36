// The preload of the desktop window: exposes `window.tidyset = { invoke, on }` and nothing else
// (never ipcRenderer itself), so the page can only call contract methods and hear contract events.
import { contextBridge, ipcRenderer } from 'electron';
import type { EventName, EventPayload, Method, Reply } from '../../shared/api/contract';
import type { PreloadBridge } from '../../shared/api/transport';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

// A record, not a list, so the compiler flags a contract event missing here (zod stays out of the preload).
const EVENT_NAMES: Record<EventName, true> = { 'job.progress': true, 'job.end': true, 'datasets.changed': true, 'app.command': true };
const listeners = new Map<string, Set<(payload: unknown) => void>>();

// One IPC listener for all events; the page's callbacks never see the IPC event object.
ipcRenderer.on(EVENT_CHANNEL, (_event, name, payload) => {
  for (const fn of listeners.get(String(name)) ?? []) {
    try {
      fn(payload);
    } catch (e) {
      console.error('tidyset: event listener failed', e);
    }
  }
});

const bridge: PreloadBridge = {
  invoke: (method: Method, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, String(method), input) as Promise<Reply<unknown>>,
  on<E extends EventName>(event: E, fn: (payload: EventPayload<E>) => void): () => void {
    if (!Object.prototype.hasOwnProperty.call(EVENT_NAMES, event) || typeof fn !== 'function') throw new TypeError(`unknown event ${String(event)}`);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const f = fn as (payload: unknown) => void;
    set.add(f);
    return () => void set.delete(f);
  },
};

contextBridge.exposeInMainWorld('tidyset', bridge);
