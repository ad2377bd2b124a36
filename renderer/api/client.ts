// The typed API client: one async function per contract method, over whichever transport was found.
import type { Api, EventName, EventPayload, In, Method, Out } from '../../shared/api/contract';
import type { Transport } from '../../shared/api/transport';

/** A failed call: the dispatcher's stable error code and its human-readable message. */
export class ApiError extends Error {
  readonly code: string;
  readonly method: string;
  constructor(code: string, message: string, method: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.method = method;
  }
}

/** The client: `client['rows.page'](input)` for calls, `client.on(event, fn)` for server events. */
export type Client = Api & {
  on<E extends EventName>(event: E, fn: (payload: EventPayload<E>) => void): () => void;
};

/** Whether the last call reached the server; the app shows a banner with Retry while it did not. */
type ConnectionListener = (reachable: boolean) => void;
const connectionListeners = new Set<ConnectionListener>();
let reachable = true;

/** Subscribes to changes of reachability (a call failing with NETWORK, then one getting through). */
export function onConnection(fn: ConnectionListener): () => void {
  connectionListeners.add(fn);
  return () => connectionListeners.delete(fn);
}

function setReachable(now: boolean): void {
  if (now === reachable) return;
  reachable = now;
  for (const fn of connectionListeners) fn(now);
}

/** Wraps a transport so a failed reply becomes a thrown ApiError and a success its typed value. */
export function createClient(transport: Transport): Client {
  async function call<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
    const reply = await transport.invoke(method, input);
    setReachable(reply.ok || reply.error.code !== 'NETWORK');
    if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, method);
    return reply.value as Out<M>;
  }
  const on: Client['on'] = (event, fn) => transport.on(event, fn);
  // A proxy derives one function per method name without bundling the contract's zod schemas.
  return new Proxy({} as Client, {
    get(_target, key) {
      if (key === 'on') return on;
      // Not a thenable: `await client` must not treat the client as a promise.
      if (typeof key !== 'string' || key === 'then') return undefined;
      return (input: unknown) => call(key as Method, (input ?? {}) as In<Method>);
    },
  });
}

/** The message to show a person for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
