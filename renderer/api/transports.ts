// Finds the transport to the dispatcher: the Electron preload bridge if present, else loopback HTTP (serve mode).
import type { EventName, EventPayload, Method, Reply } from '../../shared/api/contract';
import { API_HEADER, type PreloadBridge, type Transport } from '../../shared/api/transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser talking to `tidyset serve`. */
    tidyset?: PreloadBridge;
  }
}

const EVENT_NAMES: readonly EventName[] = ['job.progress', 'job.end', 'datasets.changed', 'app.command'];

/** Serve mode: POST /api/call/<method> with a JSON body and the X-Tidyset header; the session cookie authenticates. */
export function httpTransport(base = ''): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function connect(): void {
    if (source) return;
    source = new EventSource(`${base}/api/events`, { withCredentials: true });
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (e) => {
        let payload: unknown;
        try {
          payload = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const fn of listeners.get(name) ?? []) fn(payload);
      });
    }
  }

  return {
    async invoke(method: Method, input: unknown): Promise<Reply<unknown>> {
      let res: Response;
      try {
        res = await fetch(`${base}/api/call/${encodeURIComponent(method)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', [API_HEADER]: '1' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        // The browser's own text ("TypeError: Failed to fetch") tells a person nothing; the code drives the banner.
        return { ok: false, error: { code: 'NETWORK', message: 'Cannot reach the Tidyset server; it may have stopped' } };
      }
      const text = await res.text();
      try {
        const reply = JSON.parse(text) as Reply<unknown>;
        if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
      } catch {
        // fall through: not a reply, e.g. a proxy's HTML error page
      }
      const code = res.status === 401 || res.status === 403 ? 'UNAUTHORIZED' : 'INTERNAL';
      return { ok: false, error: { code, message: `${method}: HTTP ${res.status} ${text.slice(0, 200)}` } };
    },
    on<E extends EventName>(event: E, fn: (payload: EventPayload<E>) => void): () => void {
      connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = fn as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}

/** The transport this page can use; components never call this, they import the client. */
export function pickTransport(): Transport {
  const bridge = typeof window !== 'undefined' ? window.tidyset : undefined;
  if (bridge && typeof bridge.invoke === 'function' && typeof bridge.on === 'function') return bridge;
  return httpTransport();
}
